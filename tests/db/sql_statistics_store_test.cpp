#include "records_fixture.hpp"

#include <callab/db/sql_programme_store.hpp>
#include <callab/db/sql_statistics_store.hpp>

namespace callab::test_support {
namespace {

using namespace std::chrono_literals;

class SqlStatisticsStoreTest : public RecordsTest {
protected:
    db::SqlStatisticsStore statistics_{*database_};
    db::SqlProgrammeStore programmes_{*database_};
};

TEST_P(SqlStatisticsStoreTest, CountsJobsFreeCalibrationsBookingsAndRegions) {
    const auto fujian = add_enterprise("91350100M000100Y43");
    auto shanghai_spec = enterprise("91310000MA1FL1JP22");
    shanghai_spec.region = "Shanghai";
    const auto shanghai = enterprises_.add_enterprises({&shanghai_spec, 1}, "a").value().front();
    const std::vector<lab::NewInstrument> devices{{lab::InstrumentKind::ir_forehead_thermometer,
                                                   "M", "1", "S1", 32, 42, "degC", 0.1, fujian.id,
                                                   lab::MetrologyRegime::verification}};
    const auto instrument = enterprises_.add_instruments(devices, "a").value().front();
    const auto programme =
        programmes_
            .add_programme({"Free IR", day(2020, 1, 1), day(2030, 1, 1), {}, {}, 100000}, "m")
            .value();

    lab::NewJob free_job{"IR", "FT", "object_temperature", "degC", 0.1};
    free_job.enterprise = fujian.id;
    free_job.instrument_id = instrument.id;
    free_job.programme = programme.id;
    free_job.fee_cents = 4000;
    jobs_.create_job(free_job);
    lab::NewJob paid_job{"Power", "PA", "power", "W", 0.01};
    paid_job.enterprise = shanghai.id;
    paid_job.fee_cents = 25050;
    jobs_.create_job(paid_job);

    const auto tech = add_user("tech", lab::Role::technician);
    const auto scope = bookings_.add_equipment({"PA-1", {}, false, 0}, "a");
    const auto start = std::chrono::floor<std::chrono::hours>(std::chrono::system_clock::now());
    ASSERT_TRUE(bookings_.create_booking(
        {scope.id, tech.id, std::nullopt, start, start + 90min, "loan", std::nullopt},
        lab::BookingStatus::approved, "tech"));
    add_standard(day(2030, 1, 1));

    const auto today = lab::date_of(std::chrono::system_clock::now());
    const auto s =
        statistics_.statistics(lab::Date{std::chrono::sys_days{today} - std::chrono::days{1}},
                               lab::Date{std::chrono::sys_days{today} + std::chrono::days{1}});
    EXPECT_EQ(s.jobs, 2);
    EXPECT_EQ(s.enterprises_served, 2);
    EXPECT_EQ(s.free_jobs, 1);
    EXPECT_EQ(s.fees_waived_cents, 4000);
    EXPECT_EQ(s.fees_charged_cents, 25050);
    EXPECT_EQ(s.bookings, 1);
    EXPECT_DOUBLE_EQ(s.booked_hours, 1.5);
    EXPECT_EQ(s.standards_in_service, 1);
    ASSERT_EQ(s.jobs_by_kind.size(), 2U);
    EXPECT_EQ(s.jobs_by_kind[0], (std::pair<std::string, long long>{"ir_forehead_thermometer", 1}));
    EXPECT_EQ(s.jobs_by_kind[1], (std::pair<std::string, long long>{"unspecified", 1}));
    ASSERT_EQ(s.by_region.size(), 2U);
    EXPECT_EQ(s.by_region[0].region, "Fujian/Fuzhou");
    EXPECT_EQ(s.by_region[0].fees_waived_cents, 4000);
    EXPECT_EQ(s.by_region[1].region, "Shanghai");
    EXPECT_EQ(s.by_region[1].free_jobs, 0);

    const auto empty = statistics_.statistics(day(2001, 1, 1), day(2001, 12, 31));
    EXPECT_EQ(empty.jobs, 0);
    EXPECT_EQ(empty.fees_waived_cents, 0);
    EXPECT_TRUE(empty.by_region.empty());
}

CALLAB_STORE_TEST_SUITE(SqlStatisticsStoreTest);

} // namespace
} // namespace callab::test_support
