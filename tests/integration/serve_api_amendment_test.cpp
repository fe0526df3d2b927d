// Issuing from the records and amending over HTTP: a job measured on one server is issued by
// another started on the same database (the results recomputed from the stored readings, the
// environment its run stored); an approved job whose records are incomplete is refused naming
// what is missing; a certificate is corrected (POST /api/certificates/{number}/correct), the
// correcting job issued with its amendment reason, and the old certificate superseded.
#include "serve_api_certificate_jobs.hpp"
#include "support/child_process.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>

namespace callab::test_support {
namespace {

/// A number as the certificate prints it: the shortest form that reads back the same.
std::string shortest(double value) {
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return {buffer.data(), end};
}

class ServeApiAmendmentTest : public ServeApiCertificatesTest {
protected:
    /// The text of a certificate's PDF as pdftotext reads it.
    std::string pdf_text(const std::string& number) {
        const auto pdf =
            send(http::verb::get, "/api/certificates/" + number + ".pdf", {}, technician_);
        EXPECT_EQ(pdf.status, 200);
        const auto file = dir_.path() / (number + ".pdf");
        std::ofstream(file, std::ios::binary) << pdf.body;
        ChildProcess pdftotext({"/usr/bin/pdftotext", file.string(), "-"}, dir_.path());
        EXPECT_EQ(pdftotext.wait(), 0) << pdftotext.standard_error();
        return pdftotext.standard_output();
    }

    Reply correct(const std::string& number, const nlohmann::json& body, const Credentials& as) {
        return send(http::verb::post, "/api/certificates/" + number + "/correct", body.dump(), as);
    }

    std::int64_t job_count() {
        return send(http::verb::get, "/api/jobs", {}, technician_)
            .json["total"]
            .get<std::int64_t>();
    }
};

TEST_F(ServeApiAmendmentTest, AServerThatDidNotMeasureTheJobIssuesItFromTheRecords) {
    const auto job = measured_job(enterprise_, "SN-RESTART");
    restart_server();
    technician_ = login("technician");
    signatory_ = login("signatory");
    const auto path = "/api/jobs/" + std::to_string(job);
    EXPECT_TRUE(send(http::verb::get, path, {}, technician_).json["run"].is_null());
    approve(job);

    const auto issued = issue(job, signatory_);
    ASSERT_EQ(issued.status, 201) << issued.body;
    const auto starts = job_store_->run_starts_of(lab::JobId{job});
    ASSERT_FALSE(starts.empty());
    double low = 1e9;
    double high = -1e9;
    for (const auto& start : starts) {
        for (const auto& reading : start.environment) {
            if (reading.quantity == "temperature") {
                low = std::min(low, reading.value);
                high = std::max(high, reading.value);
            }
        }
    }
    ASSERT_LE(low, high) << "no temperature was stored with the run";
    const std::string printed =
        low == high ? shortest(low) + " ℃" : "(" + shortest(low) + " ~ " + shortest(high) + ") ℃";
    const auto text = pdf_text(issued.json["number"].get<std::string>());
    EXPECT_NE(text.find(printed), std::string::npos) << printed << "\n" << text;
}

TEST_F(ServeApiAmendmentTest, AnApprovedJobWithIncompleteRecordsIsRefusedNamingWhatIsMissing) {
    const auto opened =
        send(http::verb::post, "/api/jobs",
             nlohmann::json{{"title", "IR forehead thermometer"},
                            {"instrument", "IRT-100 SN-BARE"},
                            {"quantity", "object_temperature"},
                            {"unit", "degC"},
                            {"resolution", 0.1},
                            {"enterprise_id", enterprise_},
                            {"instrument_id", instrument_of(enterprise_, "SN-BARE")},
                            {"procedure_id", procedure_.id.value()}}
                 .dump(),
             technician_);
    ASSERT_EQ(opened.status, 201) << opened.body;
    const lab::JobId job{opened.json["id"].get<std::int64_t>()};
    // Moved along in the records without a run: nothing was read for it.
    const auto& by = user_["manager"];
    using lab::JobStatus;
    const std::array<std::pair<JobStatus, JobStatus>, 4> steps{
        {{JobStatus::draft, JobStatus::measuring},
         {JobStatus::measuring, JobStatus::measured},
         {JobStatus::measured, JobStatus::reviewed},
         {JobStatus::reviewed, JobStatus::approved}}};
    for (const auto& [from, to] : steps) {
        ASSERT_TRUE(job_store_->change_status(job, from, to, by));
    }
    const auto no_run = issue(job.value(), signatory_);
    EXPECT_EQ(no_run.status, 422) << no_run.body;
    EXPECT_EQ(no_run.json["field"], "run");

    job_store_->record_run_start(
        {job, std::chrono::system_clock::now(), "technician", 0.025, "NIM-BB-API", 0.1, {}});
    const auto no_environment = issue(job.value(), signatory_);
    EXPECT_EQ(no_environment.status, 422) << no_environment.body;
    EXPECT_EQ(no_environment.json["field"], "environment");
    EXPECT_NE(no_environment.json["message"].get<std::string>().find("temperature"),
              std::string::npos);

    const auto now = std::chrono::system_clock::now();
    job_store_->record_run_start({job,
                                  now,
                                  "technician",
                                  0.025,
                                  "NIM-BB-API",
                                  0.1,
                                  {{"temperature", 23.0, "degC", now, "manual"},
                                   {"humidity", 45.0, "percent", now, "manual"}}});
    lab::ReadingRecord reading;
    reading.job = job;
    reading.value = 35.0;
    reading.unit = "degC";
    reading.source = "reference:manual";
    reading.taken_at = now;
    reading.recorded_by = "technician";
    job_store_->append_reading(reading);
    const auto short_of_readings = issue(job.value(), signatory_);
    EXPECT_EQ(short_of_readings.status, 422) << short_of_readings.body;
    EXPECT_EQ(short_of_readings.json["field"], "readings");
    EXPECT_NE(short_of_readings.json["message"].get<std::string>().find("test point 0 has 1"),
              std::string::npos);

    // Nothing was stored on the way.
    EXPECT_EQ(send(http::verb::get, "/api/certificates", {}, technician_).json["total"], 0);
    EXPECT_EQ(job_store_->find_job(job)->status, lab::JobStatus::approved);
}

TEST_F(ServeApiAmendmentTest, ACorrectionSupersedesTheCertificateItCorrects) {
    const auto job = approved_job(enterprise_, "SN-AMEND");
    const auto first = issue(job, signatory_);
    ASSERT_EQ(first.status, 201) << first.body;
    const auto old_number = first.json["number"].get<std::string>();
    const nlohmann::json reasons{{"reason_zh", "参考标准证书编号有误"},
                                 {"reason_en", "wrong reference certificate number"}};

    EXPECT_EQ(correct(old_number, reasons, signatory_).status, 403);
    EXPECT_EQ(correct(old_number, reasons, login("enterprise_user")).status, 403);
    EXPECT_EQ(correct("CAL-1999-000001", reasons, technician_).status, 404);
    EXPECT_EQ(send(http::verb::get, "/api/certificates/" + old_number + "/correct", {}, technician_)
                  .status,
              405);
    const auto jobs_before = job_count();
    const auto missing = correct(old_number, {{"reason_zh", "有误"}}, technician_);
    EXPECT_EQ(missing.status, 422) << missing.body;
    EXPECT_EQ(missing.json["field"], "reason_en");
    const auto blank = correct(old_number, {{"reason_zh", " "}, {"reason_en", "x"}}, technician_);
    EXPECT_EQ(blank.status, 422) << blank.body;
    EXPECT_EQ(blank.json["field"], "reason_zh");
    EXPECT_EQ(job_count(), jobs_before);

    const auto opened = correct(old_number, reasons, technician_);
    ASSERT_EQ(opened.status, 201) << opened.body;
    EXPECT_EQ(opened.json["status"], "draft");
    EXPECT_EQ(opened.json["corrects"], job);
    EXPECT_EQ(opened.json["technician_id"], user_["technician"].id.value());
    EXPECT_EQ(opened.json["amendment_reason"]["en"], "wrong reference certificate number");
    const auto correction = opened.json["id"].get<std::int64_t>();
    const auto twice = correct(old_number, reasons, technician_);
    EXPECT_EQ(twice.status, 409) << twice.body;
    EXPECT_EQ(twice.json["job_id"], correction);

    measure(correction);
    const auto path = "/api/jobs/" + std::to_string(correction);
    EXPECT_EQ(send(http::verb::post, path + "/review", "", technician_).status, 403);
    EXPECT_EQ(send(http::verb::post, path + "/review", "", login("reviewer")).status, 200);
    EXPECT_EQ(send(http::verb::post, path + "/approve", "", technician_).status, 403);
    EXPECT_EQ(send(http::verb::post, path + "/approve", "", signatory_).status, 200);

    const auto amended = issue(correction, signatory_);
    ASSERT_EQ(amended.status, 201) << amended.body;
    const auto new_number = amended.json["number"].get<std::string>();
    EXPECT_NE(new_number, old_number);
    EXPECT_EQ(amended.json["replaces"], old_number);
    const auto again = issue(correction, signatory_);
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.json["number"], new_number);

    const auto old = send(http::verb::get, "/api/certificates/" + old_number, {}, technician_);
    EXPECT_EQ(old.json["status"], "superseded");
    EXPECT_EQ(old.json["superseded_by"], new_number);
    const auto verified_old = send(http::verb::get, "/api/verify/" + old_number);
    EXPECT_EQ(verified_old.json["status"], "superseded");
    EXPECT_EQ(verified_old.json["superseded_by"], new_number);
    const auto verified_new = send(http::verb::get, "/api/verify/" + new_number);
    EXPECT_EQ(verified_new.json["status"], "valid");
    EXPECT_EQ(verified_new.json["replaces"], old_number);
    const auto text = pdf_text(new_number);
    EXPECT_NE(text.find(old_number), std::string::npos) << text;
    EXPECT_NE(text.find("wrong reference certificate number"), std::string::npos) << text;

    // Only a valid certificate is corrected.
    const auto superseded = correct(old_number, reasons, technician_);
    EXPECT_EQ(superseded.status, 409) << superseded.body;
    EXPECT_NE(superseded.json["message"].get<std::string>().find(new_number), std::string::npos);
    ASSERT_EQ(send(http::verb::post, "/api/certificates/" + new_number + "/revoke",
                   R"({"reason": "issued in error"})", signatory_)
                  .status,
              200);
    const auto revoked = correct(new_number, reasons, technician_);
    EXPECT_EQ(revoked.status, 409) << revoked.body;
    EXPECT_NE(revoked.json["message"].get<std::string>().find("revoked"), std::string::npos);
    EXPECT_EQ(send(http::verb::get, "/api/certificates", {}, technician_).json["total"], 2);
}

} // namespace
} // namespace callab::test_support
