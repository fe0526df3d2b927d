// Every schema version upgrades to the latest with its records intact: from empty, and from
// each earlier version with a record written in that version's schema.
#include "raw_session.hpp"
#include "records_fixture.hpp"

namespace callab::test_support {
namespace {

class MigrationsTest : public StoreTest {};

TEST_P(MigrationsTest, FromEmptyToLatest) {
    TemporaryDirectory dir;
    const auto uri = fresh_database_uri(GetParam(), dir);
    auto database = db::Database::open_unmigrated(uri);
    EXPECT_EQ(database->schema_version(), 0);
    EXPECT_EQ(database->migrate(), db::Database::latest_schema_version());
    EXPECT_EQ(database->migrate(), db::Database::latest_schema_version());
}

TEST_P(MigrationsTest, FromEveryEarlierVersion) {
    for (int from = 1; from < db::Database::latest_schema_version(); ++from) {
        SCOPED_TRACE("from version " + std::to_string(from));
        TemporaryDirectory dir;
        const auto uri = fresh_database_uri(GetParam(), dir);
        {
            auto old = db::Database::open_unmigrated(uri);
            const int reached = old->migrate(from);
            ASSERT_EQ(reached, from); // versions are contiguous: every one has its step
            // A job and a reading as version 1 wrote them (the columns it knew).
            auto session = raw_session(uri);
            soci::session& sql = *session;
            sql << "INSERT INTO job (title, instrument, quantity, unit, resolution, "
                   "created_at_us) VALUES ('old job', 'FT-1', 'object_temperature', 'degC', 0.1, "
                   "1)";
            sql << "INSERT INTO reading (job_id, value, unit, source, taken_at_us, recorded_by) "
                   "SELECT id, 37.25, 'degC', 'manual', 2, 'alice' FROM job";
        }
        auto database = db::Database::open(uri);
        EXPECT_EQ(database->schema_version(), db::Database::latest_schema_version());
        db::SqlJobStore jobs(*database);
        const auto all = jobs.list_jobs();
        ASSERT_EQ(all.size(), 1U);
        EXPECT_EQ(all[0].spec.title, "old job");
        EXPECT_EQ(all[0].status, lab::JobStatus::draft);
        const auto readings = jobs.readings_of(all[0].id);
        ASSERT_EQ(readings.size(), 1U);
        EXPECT_EQ(readings[0].value, 37.25);
        EXPECT_EQ(readings[0].phase, lab::ReadingPhase::as_left);
        // The upgraded schema takes new records.
        db::SqlUserStore users(*database);
        EXPECT_TRUE(users.add_user({"after", lab::Role::technician, {}, "A"}, "h", "admin"));
    }
}

CALLAB_STORE_TEST_SUITE(MigrationsTest);

} // namespace
} // namespace callab::test_support
