// The recall routes of callab serve: the due list and the day's notices, for lab staff.
#include "serve_api_fixture.hpp"

namespace callab::test_support {
namespace {
namespace http = boost::beast::http;

TEST_F(ServeApiTest, TheDueListAndTheDaysNoticesAreServedToLabStaff) {
    const std::vector<lab::RecallSchedule> schedules{{{},
                                                      lab::RecallItem::standard,
                                                      2,
                                                      lab::RecallKind::intermediate_check,
                                                      lab::Date{std::chrono::year{2026} / 3 / 11},
                                                      90,
                                                      14,
                                                      user_["manager"].id},
                                                     {{},
                                                      lab::RecallItem::instrument,
                                                      7,
                                                      lab::RecallKind::calibration,
                                                      lab::Date{std::chrono::year{2026} / 6 / 1},
                                                      365,
                                                      30}};
    ASSERT_TRUE(recalls_->add_schedules(schedules, "test"));
    ASSERT_EQ(notices_->generate_notices(lab::Date{std::chrono::year{2026} / 3 / 1}), 1U);

    const auto manager = login("manager");
    const auto due =
        send(http::verb::get, "/api/recall?within_days=30&date=2026-03-01", {}, manager);
    ASSERT_EQ(due.status, 200) << due.body;
    EXPECT_EQ(due.json["total"], 1);
    EXPECT_EQ(due.json["within_days"], 30);
    EXPECT_EQ(due.json["items"][0]["kind"], "intermediate_check");
    EXPECT_EQ(due.json["items"][0]["days_left"], 10);
    EXPECT_EQ(due.json["items"][0]["responsible_id"], user_["manager"].id.value());
    const auto longer =
        send(http::verb::get, "/api/recall?within_days=100&date=2026-03-01", {}, manager);
    EXPECT_EQ(longer.json["total"], 2);

    const auto notices = send(http::verb::get, "/api/recall/notices?date=2026-03-01", {}, manager);
    ASSERT_EQ(notices.status, 200) << notices.body;
    ASSERT_EQ(notices.json["total"], 1);
    EXPECT_EQ(notices.json["items"][0]["recipient"], "manager");
    EXPECT_EQ(notices.json["items"][0]["notice_day"], "2026-03-01");
    EXPECT_TRUE(notices.json["items"][0]["mailed_at"].is_null());

    EXPECT_EQ(send(http::verb::get, "/api/recall?within_days=-1", {}, manager).status, 422);
    EXPECT_EQ(send(http::verb::get, "/api/recall/notices?date=March", {}, manager).status, 422);
    EXPECT_EQ(send(http::verb::get, "/api/recall", {}, login("enterprise_user")).status, 403);
    EXPECT_EQ(send(http::verb::get, "/api/recall").status, 401);
    EXPECT_EQ(send(http::verb::post, "/api/recall", "{}", manager).status, 405);
}

} // namespace
} // namespace callab::test_support
