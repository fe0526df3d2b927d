#include "support/temporary_directory.hpp"

#include <callab/db/sql_job_store.hpp>

#include <gtest/gtest.h>

namespace callab::db {
namespace {

class SqlJobStoreTest : public ::testing::Test {
protected:
    test_support::TemporaryDirectory dir_;
    std::unique_ptr<Database> database_ =
        Database::open("sqlite:" + (dir_.path() / "callab.db").string());
    SqlJobStore store_{*database_};
};

lab::NewJob thermometer_job() {
    return {"IR thermometer at 37 °C", "Forehead thermometer FT-1", "object_temperature", "degC",
            0.1};
}

TEST_F(SqlJobStoreTest, CreatesAndFindsAJob) {
    const auto created = store_.create_job(thermometer_job());
    EXPECT_GT(created.id.value(), 0);
    const auto found = store_.find_job(created.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->spec.title, "IR thermometer at 37 °C");
    EXPECT_EQ(found->spec.unit, "degC");
    EXPECT_DOUBLE_EQ(found->spec.resolution, 0.1);
    EXPECT_EQ(std::chrono::duration_cast<std::chrono::microseconds>(found->created_at -
                                                                    created.created_at)
                  .count(),
              0);
}

TEST_F(SqlJobStoreTest, UnknownJobIsEmpty) {
    EXPECT_FALSE(store_.find_job(lab::JobId{999}));
}

TEST_F(SqlJobStoreTest, ListsNewestFirst) {
    store_.create_job(thermometer_job());
    auto second = thermometer_job();
    second.title = "second";
    store_.create_job(second);
    const auto jobs = store_.list_jobs();
    ASSERT_EQ(jobs.size(), 2U);
    EXPECT_EQ(jobs[0].spec.title, "second");
}

TEST_F(SqlJobStoreTest, AppendsReadingsInOrderAndKeepsThemExactly) {
    const auto job = store_.create_job(thermometer_job());
    const auto now = std::chrono::system_clock::now();
    for (double v : {37.1, 37.2, 36.9}) {
        const auto stored = store_.append_reading(
            {lab::ReadingId{}, job.id, v, "degC", "modbus-tcp://127.0.0.1:1502", now, "alice"});
        EXPECT_GT(stored.id.value(), 0);
    }
    const auto readings = store_.readings_of(job.id);
    ASSERT_EQ(readings.size(), 3U);
    EXPECT_EQ(readings[0].value, 37.1);
    EXPECT_EQ(readings[2].value, 36.9);
    EXPECT_EQ(readings[0].recorded_by, "alice");
    EXPECT_EQ(readings[0].source, "modbus-tcp://127.0.0.1:1502");
    EXPECT_LT(readings[0].id, readings[1].id);
}

TEST_F(SqlJobStoreTest, AReadingForAnUnknownJobIsRefused) {
    EXPECT_THROW(store_.append_reading({lab::ReadingId{}, lab::JobId{404}, 1.0, "degC", "manual",
                                        std::chrono::system_clock::now(), "alice"}),
                 DatabaseError);
}

TEST_F(SqlJobStoreTest, ReadingsSurviveReopening) {
    const auto job = store_.create_job(thermometer_job());
    store_.append_reading({lab::ReadingId{}, job.id, 37.0, "degC", "manual",
                           std::chrono::system_clock::now(), "alice"});
    auto reopened = Database::open("sqlite:" + (dir_.path() / "callab.db").string());
    SqlJobStore again(*reopened);
    EXPECT_EQ(again.readings_of(job.id).size(), 1U);
}

} // namespace
} // namespace callab::db
