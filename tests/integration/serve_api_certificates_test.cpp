// Certificates over HTTP: a job measured with typed readings, reviewed and approved, issued by
// a signatory; the list (paged, filtered, sorted), the certificate, its PDF and DCC (the bytes
// whose SHA-256 was recorded), the public verification, revocation; issuing twice, the roles,
// and enterprise isolation.
#include "serve_api_certificate_jobs.hpp"

#include <callab/lab/certificate_digest.hpp>
#include <callab/lab/credit_code.hpp>

namespace callab::test_support {
namespace {
namespace http = boost::beast::http;

TEST_F(ServeApiCertificatesTest, IssuedListedDownloadedVerifiedAndRevoked) {
    const auto job = approved_job(enterprise_, "SN-CERT-1");
    const auto refused = issue(job, technician_);
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(issue(job, login("manager")).status, 403);

    const auto issued = issue(job, signatory_);
    ASSERT_EQ(issued.status, 201) << issued.body;
    const auto number = issued.json["number"].get<std::string>();
    EXPECT_TRUE(number.starts_with("CAL-")) << number;
    EXPECT_EQ(issued.json["job_id"], job);
    EXPECT_EQ(issued.json["enterprise_id"], enterprise_);
    EXPECT_EQ(issued.json["status"], "valid");
    EXPECT_EQ(issued.json["instrument"]["kind"], "ir_forehead_thermometer");
    EXPECT_EQ(issued.json["instrument"]["serial"], "SN-CERT-1");
    EXPECT_EQ(issued.json["issued_by"], "signatory");
    EXPECT_EQ(issued.json["pdf_sha256"].get<std::string>().size(), 64U);
    EXPECT_EQ(
        send(http::verb::get, "/api/jobs/" + std::to_string(job), {}, technician_).json["status"],
        "issued");

    // Issuing twice names the certificate the job was issued as.
    const auto again = issue(job, signatory_);
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.json["number"], number);
    EXPECT_NE(again.json["message"].get<std::string>().find(number), std::string::npos);

    const auto listed = send(http::verb::get, "/api/certificates", {}, technician_);
    ASSERT_EQ(listed.status, 200) << listed.body;
    EXPECT_EQ(listed.json["total"], 1);
    EXPECT_EQ(listed.json["items"][0], issued.json);
    EXPECT_EQ(
        send(http::verb::get,
             "/api/certificates?job_id=" + std::to_string(job) + "&status=valid&sort=-issued_at",
             {}, technician_)
            .json["total"],
        1);
    EXPECT_EQ(send(http::verb::get, "/api/certificates?status=revoked&sort=number", {}, technician_)
                  .json["total"],
              0);
    const auto bad = send(http::verb::get, "/api/certificates?status=lost", {}, technician_);
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.json["field"], "status");
    EXPECT_EQ(send(http::verb::get, "/api/certificates?sort=pdf_sha256", {}, technician_).status,
              400);

    const auto path = "/api/certificates/" + number;
    EXPECT_EQ(send(http::verb::get, path, {}, technician_).json, issued.json);
    const auto pdf = send(http::verb::get, path + ".pdf", {}, technician_);
    ASSERT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.content_type, "application/pdf");
    EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
    EXPECT_EQ(lab::sha256_hex(pdf.body), issued.json["pdf_sha256"]);
    const auto xml = send(http::verb::get, path + ".xml", {}, technician_);
    ASSERT_EQ(xml.status, 200);
    EXPECT_TRUE(xml.content_type.starts_with("application/xml")) << xml.content_type;
    EXPECT_NE(xml.body.find(number), std::string::npos);
    EXPECT_EQ(lab::sha256_hex(xml.body), issued.json["dcc_sha256"]);
    EXPECT_EQ(send(http::verb::get, "/api/certificates/CAL-1999-000001", {}, technician_).status,
              404);
    EXPECT_EQ(send(http::verb::get, path).status, 401);

    const auto verified = send(http::verb::get, "/api/verify/" + number);
    ASSERT_EQ(verified.status, 200) << verified.body;
    EXPECT_EQ(verified.json["status"], "valid");
    EXPECT_EQ(verified.json["pdf_sha256"], issued.json["pdf_sha256"]);

    const auto revoke_path = path + "/revoke";
    EXPECT_EQ(
        send(http::verb::post, revoke_path, R"({"reason": "wrong standard"})", technician_).status,
        403);
    const auto no_reason = send(http::verb::post, revoke_path, R"({"reason": " "})", signatory_);
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_EQ(no_reason.json["field"], "reason");
    const auto revoked = send(http::verb::post, revoke_path,
                              R"({"reason": "wrong reference certificate"})", login("manager"));
    ASSERT_EQ(revoked.status, 200) << revoked.body;
    EXPECT_EQ(revoked.json["status"], "revoked");
    EXPECT_EQ(revoked.json["revocation_reason"], "wrong reference certificate");
    EXPECT_EQ(send(http::verb::post, revoke_path, R"({"reason": "again"})", signatory_).status,
              409);
    const auto now = send(http::verb::get, "/api/verify/" + number);
    EXPECT_EQ(now.json["status"], "revoked");
    EXPECT_EQ(now.json["revocation_reason"], "wrong reference certificate");
    EXPECT_EQ(
        send(http::verb::get, "/api/certificates?status=revoked", {}, technician_).json["total"],
        1);
}

TEST_F(ServeApiCertificatesTest, EnterpriseUsersSeeOnlyTheirOwnAndJobsNotApprovedAreRefused) {
    const std::string first17 = "91330200MA2000001";
    const auto credit_code = first17 + *lab::credit_code_check_character(first17);
    const std::vector<lab::NewEnterprise> other{{"Ningbo Meters Ltd.", credit_code,
                                                 "Zhejiang/Ningbo", "meters", lab::SizeClass::micro,
                                                 ""}};
    const auto other_enterprise = enterprises_->add_enterprises(other, "test").value().front().id;
    users_
        ->add_user({"other_client", lab::Role::enterprise_user, other_enterprise, "Other client"},
                   lab::hash_password(test_password), "test")
        .value();
    const auto theirs = approved_job(other_enterprise.value(), "SN-OTHER");
    const auto ours = approved_job(enterprise_, "SN-OURS");
    const auto their_number = issue(theirs, signatory_).json["number"].get<std::string>();
    const auto our_number = issue(ours, signatory_).json["number"].get<std::string>();
    EXPECT_NE(their_number, our_number);

    const auto client = login("enterprise_user");
    const auto listed = send(http::verb::get, "/api/certificates", {}, client);
    ASSERT_EQ(listed.status, 200);
    EXPECT_EQ(listed.json["total"], 1);
    EXPECT_EQ(listed.json["items"][0]["number"], our_number);
    EXPECT_EQ(send(http::verb::get,
                   "/api/certificates?enterprise_id=" + std::to_string(other_enterprise.value()),
                   {}, client)
                  .json["total"],
              0);
    EXPECT_EQ(send(http::verb::get, "/api/certificates/" + our_number, {}, client).status, 200);
    EXPECT_EQ(send(http::verb::get, "/api/certificates/" + our_number + ".pdf", {}, client).status,
              200);
    for (const auto* suffix : {"", ".pdf", ".xml"}) {
        EXPECT_EQ(
            send(http::verb::get, "/api/certificates/" + their_number + suffix, {}, client).status,
            404)
            << suffix;
    }
    EXPECT_EQ(send(http::verb::post, "/api/certificates/" + our_number + "/revoke",
                   R"({"reason": "ours"})", client)
                  .status,
              403);
    EXPECT_EQ(issue(ours, client).status, 403);
    EXPECT_EQ(send(http::verb::get, "/api/certificates", {}, login("other_client")).json["total"],
              1);

    // Staff see both, newest first, and sort by number.
    const auto all = send(http::verb::get, "/api/certificates?sort=number", {}, technician_);
    ASSERT_EQ(all.json["total"], 2);
    EXPECT_LT(all.json["items"][0]["number"].get<std::string>(),
              all.json["items"][1]["number"].get<std::string>());
    const auto paged =
        send(http::verb::get, "/api/certificates?per_page=1&page=2", {}, technician_);
    EXPECT_EQ(paged.json["items"].size(), 1U);
    EXPECT_EQ(paged.json["items"][0]["number"], their_number);

    // A job not approved is refused by the lab's rules.
    const auto opened = send(http::verb::post, "/api/jobs",
                             nlohmann::json{{"title", "draft"},
                                            {"instrument", "IRT"},
                                            {"quantity", "object_temperature"},
                                            {"unit", "degC"},
                                            {"resolution", 0.1}}
                                 .dump(),
                             technician_);
    const auto draft = issue(opened.json["id"].get<std::int64_t>(), signatory_);
    EXPECT_EQ(draft.status, 409) << draft.body;
    EXPECT_EQ(issue(999999, signatory_).status, 404);
}

} // namespace
} // namespace callab::test_support
