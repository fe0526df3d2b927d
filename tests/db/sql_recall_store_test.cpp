#include "records_fixture.hpp"

#include <callab/db/sql_recall_store.hpp>

namespace callab::test_support {
namespace {

class SqlRecallStoreTest : public RecordsTest {
protected:
    db::SqlRecallStore recalls_{*database_};
};

TEST_P(SqlRecallStoreTest, TheDueListHoldsOverdueAndSoonDueSchedulesByDueDay) {
    using enum lab::RecallKind;
    const std::vector<lab::RecallSchedule> schedules{
        {{}, lab::RecallItem::instrument, 1, calibration, day(2026, 4, 30), 365, 30},
        {{}, lab::RecallItem::standard, 2, intermediate_check, day(2026, 3, 20), 90, 14},
        {{}, lab::RecallItem::equipment, 3, maintenance, day(2026, 2, 1), 180, 7},
        {{}, lab::RecallItem::instrument, 4, calibration, day(2026, 3, 31), 365, 30}};
    const auto added = recalls_.add_schedules(schedules, "manager");
    ASSERT_TRUE(added) << added.error().message;
    EXPECT_GT(added->front().id.value(), 0);
    const auto due = recalls_.due_list(day(2026, 3, 1), 30);
    ASSERT_EQ(due.size(), 3U);
    EXPECT_EQ(due[0].item_id, 3); // overdue
    EXPECT_EQ(due[1].kind, intermediate_check);
    EXPECT_EQ(due[1].due_on, day(2026, 3, 20));
    EXPECT_EQ(due[2].item_id, 4);
    EXPECT_EQ(due[2].lead_days, 30);
}

TEST_P(SqlRecallStoreTest, ABadScheduleStoresNone) {
    const std::vector<lab::RecallSchedule> schedules{{{},
                                                      lab::RecallItem::instrument,
                                                      1,
                                                      lab::RecallKind::calibration,
                                                      day(2026, 4, 30),
                                                      365,
                                                      30},
                                                     {{},
                                                      lab::RecallItem::instrument,
                                                      2,
                                                      lab::RecallKind::calibration,
                                                      day(2026, 4, 30),
                                                      30,
                                                      60}};
    const auto added = recalls_.add_schedules(schedules, "manager");
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().item, 2U);
    EXPECT_NE(added.error().message.find("lead_days"), std::string::npos);
    EXPECT_TRUE(recalls_.due_list(day(2030, 1, 1), 0).empty());
}

TEST_P(SqlRecallStoreTest, ReadsLongDueListsInBatches) {
    std::vector<lab::RecallSchedule> schedules;
    for (int i = 0; i < 4500; ++i) {
        schedules.push_back({{},
                             lab::RecallItem::instrument,
                             i,
                             lab::RecallKind::calibration,
                             day(2026, 1, 1),
                             365,
                             30});
    }
    ASSERT_TRUE(recalls_.add_schedules(schedules, "import"));
    const auto due = recalls_.due_list(day(2026, 1, 1), 0);
    ASSERT_EQ(due.size(), 4500U);
    EXPECT_EQ(due.back().item_id, 4499);
}

CALLAB_STORE_TEST_SUITE(SqlRecallStoreTest);

} // namespace
} // namespace callab::test_support
