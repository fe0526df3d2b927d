// callab cert issue|amend JOB, cert revoke NUMBER, cert verify FILE: issuing certificates
// into the records and checking them against the records (docs/certificates.md).
#include "certificate_json.hpp"
#include "command_failure.hpp"
#include "commands.hpp"
#include "database_option.hpp"

#include <callab/db/sql_certificate_store.hpp>
#include <callab/db/sql_job_store.hpp>
#include <callab/db/sql_user_store.hpp>
#include <callab/lab/certificate_service.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

namespace callab::app {
namespace {

struct IssueOptions {
    std::string uri;
    long long job = 0;
    std::string content;
    std::string by;
    std::string pattern = "CAL-{year}-{seq:6}";
    std::string verify_url;
    std::string schema_dir;
    std::string reason_zh;
    std::string reason_en;
    std::string pdf;
    std::string dcc;
    std::string number;
    std::string reason;
    std::string file;
};

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw CommandFailure(exit_usage, path + ": cannot be read");
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) {
        throw CommandFailure(exit_runtime_failure, path + ": cannot be written");
    }
}

lab::CertificateContent read_content(const std::string& path) {
    const auto document = nlohmann::json::parse(read_bytes(path), nullptr, false);
    if (document.is_discarded()) {
        throw CommandFailure(exit_usage, path + ": not valid JSON");
    }
    try {
        return certificate_from_json(document);
    } catch (const CertificateJsonError& e) {
        throw CommandFailure(exit_usage, path + ": " + e.what());
    }
}

lab::User user_named(db::Database& database, const std::string& name) {
    db::SqlUserStore users(database);
    auto user = users.find_user_by_name(name);
    if (!user) {
        throw CommandFailure(exit_runtime_failure, "--by: no user named '" + name + "'");
    }
    return *user;
}

void print(const lab::Verification& v) {
    std::cout << v.number << " " << lab::enum_name(v.status, lab::certificate_status_names);
    if (v.superseded_by) {
        std::cout << " by " << *v.superseded_by;
    }
    if (v.status == lab::CertificateStatus::revoked) {
        std::cout << ": " << v.revocation_reason << " (" << v.revoked_by << ")";
    }
    std::cout << "\n  instrument " << v.instrument << "\n  issued "
              << lab::format_date(v.issue_date) << "\n  pdf sha256 " << v.pdf_sha256
              << "\n  dcc sha256 " << v.dcc_sha256 << '\n';
}

void run_issue(const IssueOptions& o, bool amendment) {
    auto content = read_content(o.content);
    if (amendment) {
        content.amendment_reason = {o.reason_zh, o.reason_en};
    }
    auto database = open_database(o.uri);
    db::SqlJobStore jobs(*database);
    db::SqlCertificateStore certificates(*database);
    const auto job = jobs.find_job(lab::JobId{o.job});
    if (job && amendment != job->spec.corrects.has_value()) {
        throw CommandFailure(exit_usage,
                             "job " + job->id.to_string() +
                                 (amendment ? " corrects no issued job: use cert issue"
                                            : " corrects an issued job: use cert amend"));
    }
    lab::CertificateService service(certificates, jobs, {o.pattern, o.verify_url, o.schema_dir});
    const auto issued = service.issue(lab::JobId{o.job}, content, user_named(*database, o.by));
    if (!issued) {
        throw CommandFailure(exit_runtime_failure, issued.error().message);
    }
    if (!o.pdf.empty()) {
        write_bytes(o.pdf, issued->pdf);
    }
    if (!o.dcc.empty()) {
        write_bytes(o.dcc, issued->dcc);
    }
    print(lab::verification_of(*issued));
}

void run_revoke(const IssueOptions& o) {
    auto database = open_database(o.uri);
    db::SqlJobStore jobs(*database);
    db::SqlCertificateStore certificates(*database);
    lab::CertificateService service(certificates, jobs, {});
    const auto revoked = service.revoke(o.number, o.reason, user_named(*database, o.by));
    if (!revoked) {
        throw CommandFailure(exit_runtime_failure, revoked.error().message);
    }
    print(lab::verification_of(*revoked));
}

void run_verify(const IssueOptions& o) {
    const auto bytes = read_bytes(o.file);
    auto database = open_database(o.uri);
    db::SqlJobStore jobs(*database);
    db::SqlCertificateStore certificates(*database);
    lab::CertificateService service(certificates, jobs, {});
    const auto found = service.verify_file(bytes);
    if (!found) {
        throw CommandFailure(exit_runtime_failure, o.file + ": " + found.error().message);
    }
    std::cout << o.file << ": the " << found->matched << " of ";
    print(*found);
    if (found->status != lab::CertificateStatus::valid) {
        throw CommandFailure(
            exit_runtime_failure,
            o.file + ": certificate " + found->number + " is " +
                std::string(lab::enum_name(found->status, lab::certificate_status_names)));
    }
}

void add_issue_options(CLI::App& command, IssueOptions& o) {
    add_database_option(command, o.uri);
    command.add_option("job", o.job, "The approved job")->required();
    command.add_option("--content", o.content, "Certificate content, JSON (docs/certificates.md)")
        ->required();
    command.add_option("--by", o.by, "The signatory's username")->required();
    command.add_option("--pattern", o.pattern, "Number pattern ({year}, {seq}, {seq:N})")
        ->capture_default_str();
    command.add_option("--verify-url", o.verify_url,
                       "Base of the verification page, the number is appended");
    command.add_option("--schema", o.schema_dir, "Validate the DCC against dcc.xsd here")
        ->check(CLI::ExistingDirectory);
    command.add_option("--pdf", o.pdf, "Also write the issued PDF here");
    command.add_option("--dcc", o.dcc, "Also write the issued DCC here");
}

} // namespace

void add_cert_records_commands(CLI::App& cert) {
    auto o = std::make_shared<IssueOptions>();
    auto* issue = cert.add_subcommand("issue", "Issue an approved job's certificate");
    add_issue_options(*issue, *o);
    issue->callback([o] { run_issue(*o, false); });

    auto* amend = cert.add_subcommand(
        "amend", "Issue the certificate of a job correcting an issued one; supersedes the old");
    add_issue_options(*amend, *o);
    amend->add_option("--reason-zh", o->reason_zh, "Why it is amended, Chinese")->required();
    amend->add_option("--reason-en", o->reason_en, "Why it is amended, English")->required();
    amend->callback([o] { run_issue(*o, true); });

    auto* revoke = cert.add_subcommand("revoke", "Revoke a valid certificate");
    add_database_option(*revoke, o->uri);
    revoke->add_option("number", o->number, "The certificate number")->required();
    revoke->add_option("--reason", o->reason, "Why it is revoked")->required();
    revoke->add_option("--by", o->by, "The signatory's or manager's username")->required();
    revoke->callback([o] { run_revoke(*o); });

    auto* verify = cert.add_subcommand(
        "verify", "Check a PDF or DCC against the records; exit 0 only when valid");
    add_database_option(*verify, o->uri);
    verify->add_option("file", o->file, "FILE.pdf or FILE.xml")->required();
    verify->callback([o] { run_verify(*o); });
}

} // namespace callab::app
