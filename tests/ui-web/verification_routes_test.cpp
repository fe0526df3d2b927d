#include "router.hpp"
#include "support/in_memory_certificate_store.hpp"
#include "support/in_memory_job_store.hpp"
#include "support/sample_certificate.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace callab::web {
namespace {
namespace http = boost::beast::http;

class VerificationRoutesTest : public ::testing::Test {
protected:
    VerificationRoutesTest() {
        router_.verify_with(certificates_);
        number_ = issue_one().number;
    }

    lab::IssuedCertificate issue_one() {
        const auto job =
            jobs_store_.create_job({"IR at 37", "FT-1", "object_temperature", "degC", 0.1});
        lab::JobStatus from = lab::JobStatus::draft;
        for (const auto to : {lab::JobStatus::measuring, lab::JobStatus::measured,
                              lab::JobStatus::reviewed, lab::JobStatus::approved}) {
            jobs_store_.change_status(job.id, from, to, signatory_);
            from = to;
        }
        return certificates_.issue(job.id, test::sample_certificate(), signatory_).value();
    }

    Response get(std::string target, http::verb verb = http::verb::get) {
        Request request{verb, target, 11};
        return router_.handle(request);
    }

    lab::User signatory_{lab::UserId{7}, {"sig", lab::Role::signatory, {}, "Zhang San"}, ""};
    test_support::InMemoryJobStore jobs_store_;
    test_support::InMemoryCertificateStore store_{jobs_store_};
    lab::CertificateService certificates_{store_, jobs_store_, {}};
    lab::JobService jobs_{jobs_store_};
    Router router_{jobs_, "sqlite"};
    std::string number_;
};

TEST_F(VerificationRoutesTest, TheApiShowsAValidCertificate) {
    const auto response = get("/api/verify/" + number_);
    ASSERT_EQ(response.result(), http::status::ok);
    const auto body = nlohmann::json::parse(response.body());
    EXPECT_EQ(body["number"], "CAL-2026-000001");
    EXPECT_EQ(body["status"], "valid");
    EXPECT_EQ(body["instrument"], "Infrared forehead thermometer IRT-100 SN20240815001");
    EXPECT_EQ(body["issue_date"], "2026-03-07");
    const auto stored = store_.find_certificate(number_);
    EXPECT_EQ(body["pdf_sha256"], stored->pdf_sha256);
    EXPECT_EQ(body["dcc_sha256"], stored->dcc_sha256);
    EXPECT_TRUE(body["superseded_by"].is_null());
}

TEST_F(VerificationRoutesTest, ThePageNeedsNoLoginAndShowsTheStatus) {
    const auto response = get("/verify/" + number_);
    ASSERT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response[http::field::content_type], "text/html; charset=utf-8");
    EXPECT_NE(response.body().find("有效 / Valid"), std::string::npos);
    EXPECT_NE(response.body().find(store_.find_certificate(number_)->pdf_sha256),
              std::string::npos);
    EXPECT_NE(response.body().find("2026-03-07"), std::string::npos);
}

TEST_F(VerificationRoutesTest, ShowsSupersededAndRevoked) {
    const auto second = issue_one();
    store_.revoke(second.number, "issued to the wrong <customer>", "sig").value();
    const auto revoked = nlohmann::json::parse(get("/api/verify/" + second.number).body());
    EXPECT_EQ(revoked["status"], "revoked");
    EXPECT_EQ(revoked["revocation_reason"], "issued to the wrong <customer>");
    const auto page = get("/verify/" + second.number).body();
    EXPECT_NE(page.find("Revoked: issued to the wrong &lt;customer&gt;"), std::string::npos);

    const auto job =
        jobs_store_.create_job({"IR at 37", "FT-1", "object_temperature", "degC", 0.1});
    lab::JobStatus from = lab::JobStatus::draft;
    for (const auto to : {lab::JobStatus::measuring, lab::JobStatus::measured,
                          lab::JobStatus::reviewed, lab::JobStatus::approved}) {
        jobs_store_.change_status(job.id, from, to, signatory_);
        from = to;
    }
    const lab::IssueRequest request{
        job.id,
        "CAL-{year}-{seq:6}",
        {std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{8}},
        "sig",
        number_};
    ASSERT_TRUE(store_.issue(request, [](const std::string&) {
        return lab::Outcome<lab::FrozenCertificate>{
            lab::FrozenCertificate{"FT-1", "%PDF", "<x/>", "a", "b"}};
    }));
    const auto superseded = nlohmann::json::parse(get("/api/verify/" + number_).body());
    EXPECT_EQ(superseded["status"], "superseded");
    EXPECT_EQ(superseded["superseded_by"], "CAL-2026-000003");
    EXPECT_NE(get("/verify/" + number_).body().find("Superseded by CAL-2026-000003"),
              std::string::npos);
}

TEST_F(VerificationRoutesTest, UnknownNumbersAndWritesAreRefused) {
    EXPECT_EQ(get("/api/verify/CAL-2026-999999").result(), http::status::not_found);
    EXPECT_EQ(get("/verify/CAL-2026-999999").result(), http::status::not_found);
    EXPECT_EQ(get("/api/verify/" + number_, http::verb::post).result(),
              http::status::method_not_allowed);
}

} // namespace
} // namespace callab::web
