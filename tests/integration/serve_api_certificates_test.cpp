// Certificates over HTTP: a job measured with typed readings, reviewed and approved, issued by
// a signatory; the list (paged, filtered, sorted), the certificate, its PDF and DCC (the bytes
// whose SHA-256 was recorded), the public verification, revocation; issuing twice, the roles,
// and enterprise isolation.
#include "serve_api_bench.hpp"
#include "serve_api_fixture.hpp"

#include <callab/lab/builtin_procedures.hpp>
#include <callab/lab/certificate_digest.hpp>
#include <callab/lab/credit_code.hpp>

namespace callab::test_support {
namespace {
namespace http = boost::beast::http;

class ServeApiCertificatesTest : public ServeApiTest {
protected:
    void SetUp() override {
        ServeApiTest::SetUp();
        procedure_ = lab::seed_builtin_procedures(*standards_, "test").front();
        users_->authorise(user_["technician"].id, procedure_.data.code, "test");
        technician_ = login("technician");
        signatory_ = login("signatory");
        enterprise_ = user_["enterprise_user"].data.enterprise->value();
    }

    /// A registered IR forehead thermometer of `enterprise`.
    std::int64_t instrument_of(std::int64_t enterprise, const std::string& serial) {
        lab::NewInstrument instrument;
        instrument.kind = lab::InstrumentKind::ir_forehead_thermometer;
        instrument.maker = "Example Electronics";
        instrument.model = "IRT-100";
        instrument.serial = serial;
        instrument.range_low = 32;
        instrument.range_high = 42.5;
        instrument.resolution = 0.1;
        instrument.owner = lab::EnterpriseId{enterprise};
        const std::vector<lab::NewInstrument> batch{instrument};
        return enterprises_->add_instruments(batch, "test").value().front().id.value();
    }

    /// A job of `enterprise` measured on the typed bench (three points, five readings each
    /// side), reviewed and approved.
    std::int64_t approved_job(std::int64_t enterprise, const std::string& serial) {
        const auto opened =
            send(http::verb::post, "/api/jobs",
                 nlohmann::json{{"title", "IR forehead thermometer"},
                                {"instrument", "IRT-100 " + serial},
                                {"quantity", "object_temperature"},
                                {"unit", "degC"},
                                {"resolution", 0.1},
                                {"enterprise_id", enterprise},
                                {"instrument_id", instrument_of(enterprise, serial)},
                                {"procedure_id", procedure_.id.value()}}
                     .dump(),
                 technician_);
        EXPECT_EQ(opened.status, 201) << opened.body;
        const auto job = opened.json.value("id", std::int64_t{0});
        const auto path = "/api/jobs/" + std::to_string(job);
        EXPECT_EQ(send(http::verb::post, path + "/start", "", technician_).status, 200);
        wait_for_runs(*runs_);
        const double nominal[] = {35.0, 37.0, 39.0};
        for (int point = 0; point < 3; ++point) {
            for (const char* role : {"reference", "indication"}) {
                for (int i = 0; i < 5; ++i) {
                    const double offset =
                        std::string(role) == "reference" ? 0.01 * i : 0.1 * (i % 2);
                    const auto stored = send(http::verb::post, path + "/readings",
                                             nlohmann::json{{"value", nominal[point] + offset},
                                                            {"unit", "degC"},
                                                            {"role", role}}
                                                 .dump(),
                                             technician_);
                    EXPECT_EQ(stored.status, 201) << stored.body;
                }
            }
        }
        wait_for_runs(*runs_);
        EXPECT_EQ(send(http::verb::post, path + "/review", "", login("reviewer")).status, 200);
        const auto approved = send(http::verb::post, path + "/approve", "", signatory_);
        EXPECT_EQ(approved.status, 200) << approved.body;
        return job;
    }

    Reply issue(std::int64_t job, const Credentials& as) {
        return send(http::verb::post, "/api/jobs/" + std::to_string(job) + "/issue", "", as);
    }

    lab::Procedure procedure_;
    Credentials technician_;
    Credentials signatory_;
    std::int64_t enterprise_ = 0;
};

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
