// `callab cert verify FILE --db URI` on an issued PDF and DCC, a tampered copy, and a revoked
// certificate; `callab cert revoke` and `callab cert issue` refusing a job twice. The records
// are set up through the stores, on SQLite and on a private PostgreSQL server.
#include "support/child_process.hpp"
#include "support/postgresql_server.hpp"
#include "support/sample_certificate.hpp"
#include "support/temporary_directory.hpp"

#include <callab/db/sql_certificate_store.hpp>
#include <callab/db/sql_job_store.hpp>
#include <callab/db/sql_user_store.hpp>
#include <callab/lab/certificate_service.hpp>

#include <gtest/gtest.h>

#include <fstream>

namespace callab {
namespace {

using test_support::ChildProcess;
using test_support::TemporaryDirectory;

struct CommandRun {
    int status;
    std::string out;
    std::string err;
};

class CertVerifyCommand : public ::testing::TestWithParam<std::string> {
protected:
    TemporaryDirectory dir_;
    std::string uri_ = GetParam() == "sqlite"
                           ? "sqlite:" + (dir_.path() / "callab.db").string()
                           : test_support::PostgresqlServer::instance().create_database();

    CommandRun callab(std::vector<std::string> args) {
        args.insert(args.begin(), CALLAB_BINARY);
        args.insert(args.end(), {"--db", uri_});
        ChildProcess child(args, dir_.path());
        const int status = child.wait();
        return {status, child.standard_output(), child.standard_error()};
    }

    // An approved job issued as CAL-2026-000001, its PDF and DCC written to files.
    lab::IssuedCertificate issue() {
        auto database = db::Database::open(uri_);
        db::SqlJobStore jobs(*database);
        db::SqlUserStore users(*database);
        db::SqlCertificateStore certificates(*database);
        const auto signatory =
            users.add_user({"sig", lab::Role::signatory, {}, "Zhang San"}, "h", "admin").value();
        users.add_user({"boss", lab::Role::manager, {}, "Wang Wu"}, "h", "admin").value();
        const auto job = jobs.create_job({"IR at 37", "FT-1", "object_temperature", "degC", 0.1});
        lab::JobStatus from = lab::JobStatus::draft;
        for (const auto to : {lab::JobStatus::measuring, lab::JobStatus::measured,
                              lab::JobStatus::reviewed, lab::JobStatus::approved}) {
            EXPECT_TRUE(jobs.change_status(job.id, from, to, signatory));
            from = to;
        }
        lab::CertificateService service(certificates, jobs, {});
        auto issued = service.issue(job.id, test::sample_certificate(), signatory).value();
        std::ofstream(dir_.path() / "cert.pdf", std::ios::binary) << issued.pdf;
        std::ofstream(dir_.path() / "cert.xml", std::ios::binary) << issued.dcc;
        return issued;
    }
};

TEST_P(CertVerifyCommand, AcceptsTheIssuedFilesAndRefusesATamperedOne) {
    const auto issued = issue();
    const auto pdf = callab({"cert", "verify", (dir_.path() / "cert.pdf").string()});
    EXPECT_EQ(pdf.status, 0) << pdf.err;
    EXPECT_NE(pdf.out.find("the pdf of CAL-2026-000001 valid"), std::string::npos) << pdf.out;
    EXPECT_NE(pdf.out.find(issued.pdf_sha256), std::string::npos);
    const auto dcc = callab({"cert", "verify", (dir_.path() / "cert.xml").string()});
    EXPECT_EQ(dcc.status, 0) << dcc.err;
    EXPECT_NE(dcc.out.find("the dcc of CAL-2026-000001 valid"), std::string::npos);

    std::string tampered = issued.pdf;
    tampered[tampered.size() / 2] ^= 0x01; // one bit of the compressed page content
    std::ofstream(dir_.path() / "tampered.pdf", std::ios::binary) << tampered;
    const auto bad = callab({"cert", "verify", (dir_.path() / "tampered.pdf").string()});
    EXPECT_EQ(bad.status, 1);
    EXPECT_NE(bad.err.find("matches no issued certificate"), std::string::npos) << bad.err;

    EXPECT_EQ(callab({"cert", "verify", (dir_.path() / "missing.pdf").string()}).status, 2);
    EXPECT_EQ(callab({"cert", "verify"}).status, 2);
}

TEST_P(CertVerifyCommand, ARevokedCertificateIsNotValid) {
    issue();
    const auto revoked =
        callab({"cert", "revoke", "CAL-2026-000001", "--reason", "wrong customer", "--by", "boss"});
    EXPECT_EQ(revoked.status, 0) << revoked.err;
    const auto verify = callab({"cert", "verify", (dir_.path() / "cert.pdf").string()});
    EXPECT_EQ(verify.status, 1);
    EXPECT_NE(verify.out.find("revoked: wrong customer (boss)"), std::string::npos) << verify.out;
    EXPECT_NE(verify.err.find("is revoked"), std::string::npos);
    const auto again =
        callab({"cert", "revoke", "CAL-2026-000001", "--reason", "x", "--by", "boss"});
    EXPECT_EQ(again.status, 1);
}

TEST_P(CertVerifyCommand, IssuingAnIssuedJobAgainIsRefused) {
    issue();
    const std::string content =
        std::string(CALLAB_SOURCE_DIR) + "/docs/examples/certificate-ir-thermometer.json";
    const auto again = callab({"cert", "issue", "1", "--content", content, "--by", "sig"});
    EXPECT_EQ(again.status, 1);
    EXPECT_NE(again.err.find("already issued"), std::string::npos) << again.err;
    const auto stranger = callab({"cert", "issue", "1", "--content", content, "--by", "nobody"});
    EXPECT_EQ(stranger.status, 1);
    EXPECT_NE(stranger.err.find("no user named 'nobody'"), std::string::npos) << stranger.err;
}

INSTANTIATE_TEST_SUITE_P(Backend, CertVerifyCommand, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                             return param.param;
                         });

} // namespace
} // namespace callab
