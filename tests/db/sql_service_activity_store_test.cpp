#include "records_fixture.hpp"

#include <callab/db/sql_service_activity_store.hpp>

namespace callab::test_support {
namespace {

class SqlServiceActivityStoreTest : public RecordsTest {
protected:
    db::SqlServiceActivityStore activities_{*database_};
    lab::Enterprise first_ = add_enterprise("91350100M000100Y43");
    lab::Enterprise second_ = add_enterprise("91310000MA1FL1JP22");

    lab::NewServiceActivity training() const {
        lab::NewServiceActivity a;
        a.kind = lab::ActivityKind::training;
        a.held_on = day(2021, 7, 28);
        a.region = "Henan/Zhengzhou";
        a.topic = "Checking chargers after the flood";
        a.enterprises = {first_.id, second_.id};
        a.attendee_count = 40;
        a.attendees = {"Wang Fang", "Zhao Lei"};
        a.problems_solved = 3;
        a.problem_descriptions = {"charger reads 2 % high", "no calibration interval set"};
        return a;
    }
};

TEST_P(SqlServiceActivityStoreTest, KeepsEnterprisesAttendeesAndProblemsInOrder) {
    const auto added = activities_.add_activity(training(), "tech");
    ASSERT_TRUE(added) << added.error().message;
    const auto found = activities_.find_activity(added->id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->data.kind, lab::ActivityKind::training);
    EXPECT_EQ(found->data.held_on, day(2021, 7, 28));
    EXPECT_EQ(found->data.region, "Henan/Zhengzhou");
    EXPECT_EQ(found->data.enterprises, (std::vector<lab::EnterpriseId>{first_.id, second_.id}));
    EXPECT_EQ(found->data.attendee_count, 40);
    EXPECT_EQ(found->data.attendees, (std::vector<std::string>{"Wang Fang", "Zhao Lei"}));
    EXPECT_EQ(found->data.problems_solved, 3);
    EXPECT_EQ(found->data.problem_descriptions,
              (std::vector<std::string>{"charger reads 2 % high", "no calibration interval set"}));
    EXPECT_EQ(found->recorded_by, "tech");
    const auto entries = audit_.entries();
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.back().entity, "service_activity");
    EXPECT_NE(entries.back().after.find("attendees=Wang Fang; Zhao Lei"), std::string::npos);
}

TEST_P(SqlServiceActivityStoreTest, RefusesUnknownEnterprisesAndBadCountsWritingNothing) {
    auto bad = training();
    bad.enterprises.push_back(lab::EnterpriseId{999});
    const auto unknown = activities_.add_activity(bad, "tech");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, lab::errc::not_found);
    EXPECT_EQ(unknown.error().message, "enterprises: 999 does not exist");
    bad = training();
    bad.attendee_count = 1;
    EXPECT_FALSE(activities_.add_activity(bad, "tech"));
    EXPECT_EQ(activities_.list_activities({}).total, 0);
}

TEST_P(SqlServiceActivityStoreTest, ListsByPeriodKindAndEnterpriseLatestFirst) {
    auto visit = training();
    visit.kind = lab::ActivityKind::visit;
    visit.held_on = day(2021, 3, 1);
    visit.enterprises = {second_.id};
    ASSERT_TRUE(activities_.add_activity(visit, "tech"));
    ASSERT_TRUE(activities_.add_activity(training(), "tech"));
    const auto all = activities_.list_activities({});
    ASSERT_EQ(all.total, 2);
    EXPECT_EQ(all.items[0].data.kind, lab::ActivityKind::training);
    lab::ServiceActivityFilter july;
    july.from = day(2021, 7, 1);
    july.to = day(2021, 7, 31);
    EXPECT_EQ(activities_.list_activities(july).total, 1);
    july.from = day(2021, 7, 28);
    july.to = day(2021, 7, 28);
    EXPECT_EQ(activities_.list_activities(july).total, 1);
    lab::ServiceActivityFilter visits;
    visits.kind = lab::ActivityKind::visit;
    EXPECT_EQ(activities_.list_activities(visits).total, 1);
    lab::ServiceActivityFilter of_first_filter;
    of_first_filter.enterprise = first_.id;
    const auto of_first = activities_.list_activities(of_first_filter);
    ASSERT_EQ(of_first.total, 1);
    EXPECT_EQ(of_first.items[0].data.kind, lab::ActivityKind::training);
    const auto second_page =
        activities_.list_activities({std::nullopt, std::nullopt, std::nullopt, std::nullopt, 2, 1});
    ASSERT_EQ(second_page.items.size(), 1U);
    EXPECT_EQ(second_page.items[0].data.kind, lab::ActivityKind::visit);
}

CALLAB_STORE_TEST_SUITE(SqlServiceActivityStoreTest);

} // namespace
} // namespace callab::test_support
