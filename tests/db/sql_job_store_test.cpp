#include "records_fixture.hpp"

namespace callab::test_support {
namespace {

using SqlJobStoreTest = RecordsTest;

lab::NewJob thermometer_job() {
    return {"IR thermometer at 37 °C", "Forehead thermometer FT-1", "object_temperature", "degC",
            0.1};
}

TEST_P(SqlJobStoreTest, CreatesAndFindsAJob) {
    const auto created = jobs_.create_job(thermometer_job());
    EXPECT_GT(created.id.value(), 0);
    const auto found = jobs_.find_job(created.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->spec.title, "IR thermometer at 37 °C");
    EXPECT_EQ(found->spec.unit, "degC");
    EXPECT_DOUBLE_EQ(found->spec.resolution, 0.1);
    EXPECT_EQ(found->status, lab::JobStatus::draft);
    EXPECT_EQ(found->created_at, created.created_at);
}

TEST_P(SqlJobStoreTest, KeepsTheFullJob) {
    const auto enterprise = add_enterprise();
    const auto tech = add_user("tech", lab::Role::technician);
    const auto procedure = standards_.add_procedure_version(forehead_procedure(), "a").value();
    auto spec = thermometer_job();
    spec.enterprise = enterprise.id;
    spec.procedure = procedure.id;
    spec.technician = tech.id;
    spec.fee_cents = 5000;
    spec.environment = "23.0 °C, 45 %RH";
    const auto job = jobs_.create_job(spec);
    const auto found = jobs_.find_job(job.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->spec.enterprise, enterprise.id);
    EXPECT_EQ(found->spec.procedure, procedure.id);
    EXPECT_EQ(found->spec.technician, tech.id);
    EXPECT_EQ(found->spec.fee_cents, 5000);
    EXPECT_EQ(found->spec.environment, "23.0 °C, 45 %RH");
    EXPECT_FALSE(found->spec.programme);
}

TEST_P(SqlJobStoreTest, UnknownJobIsEmpty) {
    EXPECT_FALSE(jobs_.find_job(lab::JobId{999}));
}

TEST_P(SqlJobStoreTest, ListsNewestFirst) {
    jobs_.create_job(thermometer_job());
    auto second = thermometer_job();
    second.title = "second";
    jobs_.create_job(second);
    const auto jobs = jobs_.list_jobs();
    ASSERT_EQ(jobs.size(), 2U);
    EXPECT_EQ(jobs[0].spec.title, "second");
}

TEST_P(SqlJobStoreTest, AppendsReadingsInOrderAndKeepsThemExactly) {
    const auto job = jobs_.create_job(thermometer_job());
    const auto now = std::chrono::system_clock::now();
    for (double v : {37.1, 37.2, 36.9}) {
        const auto stored = jobs_.append_reading({lab::ReadingId{}, job.id, v, "degC",
                                                  "modbus-tcp://127.0.0.1:1502", now, "alice", 1,
                                                  lab::ReadingPhase::as_found});
        EXPECT_GT(stored.id.value(), 0);
    }
    const auto readings = jobs_.readings_of(job.id);
    ASSERT_EQ(readings.size(), 3U);
    EXPECT_EQ(readings[0].value, 37.1);
    EXPECT_EQ(readings[2].value, 36.9);
    EXPECT_EQ(readings[0].recorded_by, "alice");
    EXPECT_EQ(readings[0].source, "modbus-tcp://127.0.0.1:1502");
    EXPECT_EQ(readings[0].test_point, 1);
    EXPECT_EQ(readings[0].phase, lab::ReadingPhase::as_found);
    EXPECT_LT(readings[0].id, readings[1].id);
}

TEST_P(SqlJobStoreTest, AReadingForAnUnknownJobIsRefused) {
    EXPECT_THROW(jobs_.append_reading({lab::ReadingId{}, lab::JobId{404}, 1.0, "degC", "manual",
                                       std::chrono::system_clock::now(), "alice"}),
                 db::DatabaseError);
}

TEST_P(SqlJobStoreTest, ReadingsSurviveReopening) {
    const auto job = jobs_.create_job(thermometer_job());
    jobs_.append_reading({lab::ReadingId{}, job.id, 37.0, "degC", "manual",
                          std::chrono::system_clock::now(), "alice"});
    auto reopened = db::Database::open(uri_);
    db::SqlJobStore again(*reopened);
    EXPECT_EQ(again.readings_of(job.id).size(), 1U);
}

TEST_P(SqlJobStoreTest, StatusChangesOnlyFromTheExpectedStatus) {
    const auto reviewer = add_user("rev", lab::Role::reviewer);
    const auto job = jobs_.create_job(thermometer_job());
    EXPECT_TRUE(
        jobs_.change_status(job.id, lab::JobStatus::draft, lab::JobStatus::measuring, reviewer));
    EXPECT_FALSE(
        jobs_.change_status(job.id, lab::JobStatus::draft, lab::JobStatus::measuring, reviewer));
    EXPECT_TRUE(
        jobs_.change_status(job.id, lab::JobStatus::measuring, lab::JobStatus::measured, reviewer));
    EXPECT_TRUE(
        jobs_.change_status(job.id, lab::JobStatus::measured, lab::JobStatus::reviewed, reviewer));
    const auto found = jobs_.find_job(job.id);
    EXPECT_EQ(found->status, lab::JobStatus::reviewed);
    EXPECT_EQ(found->reviewer, reviewer.id);
    EXPECT_FALSE(found->approver);
}

TEST_P(SqlJobStoreTest, KeepsEachRunStartWithTheEnvironmentItRead) {
    const auto job = jobs_.create_job(thermometer_job());
    const auto other = jobs_.create_job(thermometer_job());
    EXPECT_TRUE(jobs_.run_starts_of(job.id).empty());
    const auto first = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
    const auto second = first + std::chrono::minutes(5);
    jobs_.record_run_start({job.id,
                            first,
                            "alice",
                            0.025,
                            "NIM-BB-1",
                            0.1,
                            {{"temperature", 23.4, "degC", first, "modbus-tcp://127.0.0.1:1502"},
                             {"humidity", 45.5, "percent", first, "modbus-tcp://127.0.0.1:1502"}}});
    jobs_.record_run_start({job.id,
                            second,
                            "alice",
                            0.03,
                            "NIM-BB-2",
                            0.05,
                            {{"temperature", 23.9, "degC", second, "manual"}}});
    jobs_.record_run_start({other.id, second, "bob", 0.0, "", 0.0, {}});

    auto reopened = db::Database::open(uri_);
    db::SqlJobStore again(*reopened);
    const auto starts = again.run_starts_of(job.id);
    ASSERT_EQ(starts.size(), 2U);
    EXPECT_EQ(starts[0].job, job.id);
    EXPECT_EQ(starts[0].at, first);
    EXPECT_EQ(starts[0].recorded_by, "alice");
    EXPECT_DOUBLE_EQ(starts[0].reference_standard_u, 0.025);
    EXPECT_EQ(starts[0].reference_certificate, "NIM-BB-1");
    EXPECT_DOUBLE_EQ(starts[0].resolution, 0.1);
    ASSERT_EQ(starts[0].environment.size(), 2U);
    EXPECT_EQ(starts[0].environment[0].quantity, "temperature");
    EXPECT_DOUBLE_EQ(starts[0].environment[0].value, 23.4);
    EXPECT_EQ(starts[0].environment[0].unit, "degC");
    EXPECT_EQ(starts[0].environment[0].timestamp, first);
    EXPECT_EQ(starts[0].environment[0].device, "modbus-tcp://127.0.0.1:1502");
    EXPECT_EQ(starts[0].environment[1].quantity, "humidity");
    EXPECT_DOUBLE_EQ(starts[0].environment[1].value, 45.5);
    EXPECT_EQ(starts[1].reference_certificate, "NIM-BB-2");
    ASSERT_EQ(starts[1].environment.size(), 1U);
    EXPECT_EQ(starts[1].environment[0].device, "manual");
    const auto others = again.run_starts_of(other.id);
    ASSERT_EQ(others.size(), 1U);
    EXPECT_TRUE(others[0].environment.empty());

    // Each start is in the audit trail with what it found.
    std::vector<lab::AuditEntry> audited;
    for (const auto& entry : audit_.entries()) {
        if (entry.entity == "run_start") {
            audited.push_back(entry);
        }
    }
    ASSERT_EQ(audited.size(), 3U);
    EXPECT_EQ(audited[0].actor, "alice");
    EXPECT_EQ(audited[0].action, "create");
    EXPECT_NE(audited[0].after.find("job=" + job.id.to_string() + "\n"), std::string::npos);
    EXPECT_NE(audited[0].after.find("reference_certificate=NIM-BB-1\n"), std::string::npos);
    EXPECT_NE(audited[0].after.find("environment=temperature 23.399999999999999 degC; humidity "
                                    "45.5 percent\n"),
              std::string::npos)
        << audited[0].after;
    EXPECT_EQ(audited[2].actor, "bob");
    EXPECT_FALSE(lab::verify_audit_chain(audit_.entries()));
}

CALLAB_STORE_TEST_SUITE(SqlJobStoreTest);

} // namespace
} // namespace callab::test_support
