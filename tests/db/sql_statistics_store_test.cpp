#include "records_fixture.hpp"

#include <callab/db/sql_programme_store.hpp>
#include <callab/db/sql_service_activity_store.hpp>
#include <callab/db/sql_service_request_store.hpp>
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

TEST_P(SqlStatisticsStoreTest, CountsRequestsAndActivitiesByKindMonthAndRegion) {
    const auto fujian = add_enterprise("91350100M000100Y43");
    auto henan_spec = enterprise("91310000MA1FL1JP22");
    henan_spec.region = "Henan/Zhengzhou";
    const auto henan = enterprises_.add_enterprises({&henan_spec, 1}, "a").value().front();
    const auto client = add_user("client", lab::Role::enterprise_user, fujian.id);
    const auto tech = add_user("tech", lab::Role::technician);
    db::SqlServiceRequestStore requests(*database_);
    const auto june = lab::start_of(day(2021, 6, 10));
    const auto july = lab::start_of(day(2021, 7, 2));
    const lab::NewServiceRequest advice{
        fujian.id, lab::ServiceKind::technical_advice, "Interval", "How often?", {}, {}};
    const auto handled = requests.add_request(advice, client.id, june, "client").value();
    auto accepted = handled;
    accepted.status = lab::ServiceRequestStatus::accepted;
    accepted.handled_by = tech.id;
    accepted.handled_at = july;
    ASSERT_TRUE(requests.update_request(accepted, lab::ServiceRequestStatus::submitted, "tech"));
    const auto equipment = bookings_.add_equipment({"PA-1", {}, false, 0}, "a");
    ASSERT_TRUE(requests.add_request(
        {henan.id, lab::ServiceKind::equipment_loan, "Loan", "", {}, equipment.id}, tech.id, july,
        "tech"));

    db::SqlServiceActivityStore activities(*database_);
    lab::NewServiceActivity training{lab::ActivityKind::training,
                                     day(2021, 7, 28),
                                     "Henan/Zhengzhou",
                                     "Chargers",
                                     {henan.id},
                                     40,
                                     {},
                                     3,
                                     {}};
    ASSERT_TRUE(activities.add_activity(training, "tech"));
    lab::NewServiceActivity visit{lab::ActivityKind::visit,
                                  day(2021, 6, 1),
                                  "Fujian/Fuzhou",
                                  "Thermometers",
                                  {fujian.id},
                                  2,
                                  {"Li Wei"},
                                  1,
                                  {"drift"}};
    ASSERT_TRUE(activities.add_activity(visit, "tech"));
    lab::NewServiceActivity outside = visit;
    outside.held_on = day(2021, 8, 1);
    ASSERT_TRUE(activities.add_activity(outside, "tech"));
    lab::NewServiceActivity consultation{lab::ActivityKind::consultation,
                                         day(2021, 7, 31),
                                         "Fujian/Fuzhou",
                                         "Uncertainty",
                                         {fujian.id},
                                         1,
                                         {},
                                         2,
                                         {}};
    ASSERT_TRUE(activities.add_activity(consultation, "tech"));

    const auto s = statistics_.statistics(day(2021, 6, 1), day(2021, 7, 31));
    EXPECT_EQ(s.services.requests_received, 2);
    EXPECT_EQ(s.services.requests_handled, 1);
    EXPECT_EQ(s.services.visits, 1);
    EXPECT_EQ(s.services.trainings, 1);
    EXPECT_EQ(s.services.training_attendees, 40);
    EXPECT_EQ(s.services.consultations, 1);
    EXPECT_EQ(s.services.attendees, 43);
    EXPECT_EQ(s.services.problems_solved, 6);
    ASSERT_EQ(s.requests_by_kind.size(), 3U);
    EXPECT_EQ(s.requests_by_kind[0].kind, "calibration");
    EXPECT_EQ(s.requests_by_kind[0].received, 0);
    EXPECT_EQ(s.requests_by_kind[1].kind, "equipment_loan");
    EXPECT_EQ(s.requests_by_kind[1].received, 1);
    EXPECT_EQ(s.requests_by_kind[1].handled, 0);
    EXPECT_EQ(s.requests_by_kind[2].kind, "technical_advice");
    EXPECT_EQ(s.requests_by_kind[2].received, 1);
    EXPECT_EQ(s.requests_by_kind[2].handled, 1);

    ASSERT_EQ(s.by_month.size(), 2U);
    EXPECT_EQ(s.by_month[0].period, "2021-06");
    EXPECT_EQ(s.by_month[0].services.requests_received, 1);
    EXPECT_EQ(s.by_month[0].services.requests_handled, 0);
    EXPECT_EQ(s.by_month[0].services.visits, 1);
    EXPECT_EQ(s.by_month[1].period, "2021-07");
    EXPECT_EQ(s.by_month[1].services.requests_handled, 1);
    EXPECT_EQ(s.by_month[1].services.trainings, 1);
    EXPECT_EQ(s.by_month[1].services.consultations, 1);

    ASSERT_EQ(s.by_region.size(), 2U);
    EXPECT_EQ(s.by_region[0].region, "Fujian/Fuzhou");
    EXPECT_EQ(s.by_region[0].jobs, 0);
    EXPECT_EQ(s.by_region[0].services.requests_received, 1);
    EXPECT_EQ(s.by_region[0].services.visits, 1);
    EXPECT_EQ(s.by_region[0].services.problems_solved, 3);
    EXPECT_EQ(s.by_region[1].region, "Henan/Zhengzhou");
    EXPECT_EQ(s.by_region[1].services.requests_received, 1);
    EXPECT_EQ(s.by_region[1].services.training_attendees, 40);

    const auto one_day = statistics_.statistics(day(2021, 7, 15), day(2021, 7, 15));
    ASSERT_EQ(one_day.by_month.size(), 1U);
    EXPECT_EQ(one_day.by_month[0].period, "2021-07");
    EXPECT_EQ(one_day.services.trainings, 0);
}

CALLAB_STORE_TEST_SUITE(SqlStatisticsStoreTest);

} // namespace
} // namespace callab::test_support
