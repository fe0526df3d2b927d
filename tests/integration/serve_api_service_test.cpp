// The one-stop window, activities and statistics over loopback HTTP: enterprise isolation,
// the status machine's refusals, errors naming the field or parameter, paging and filters.
#include "serve_api_fixture.hpp"

namespace callab::test_support {
namespace {
namespace http = boost::beast::http;

class ServeServiceApiTest : public ServeApiTest {
protected:
    // A second enterprise with its own enterprise user, "outsider".
    void add_outsider() {
        const std::vector<lab::NewEnterprise> other{{"Zhengzhou Meters Co.", "91310000MA1FL1JP22",
                                                     "Henan/Zhengzhou", "meters",
                                                     lab::SizeClass::micro, ""}};
        const auto id = enterprises_->add_enterprises(other, "test").value().front().id;
        users_
            ->add_user({"outsider", lab::Role::enterprise_user, id, "outsider"},
                       lab::hash_password(test_password), "test")
            .value();
    }

    std::int64_t submit(const Credentials& as, const std::string& subject) {
        const auto made =
            send(http::verb::post, "/api/service-requests",
                 nlohmann::json{
                     {"kind", "technical_advice"}, {"subject", subject}, {"details", "How often?"}}
                     .dump(),
                 as);
        EXPECT_EQ(made.status, 201) << made.body;
        return made.json.value("id", std::int64_t{0});
    }
};

TEST_F(ServeServiceApiTest, EnterpriseUsersSeeAndAnswerOnlyTheirOwnRequests) {
    add_outsider();
    const auto client = login("enterprise_user");
    const auto outsider = login("outsider");
    const auto staff = login("technician");
    const auto id = submit(client, "Interval");
    const auto target = "/api/service-requests/" + std::to_string(id);

    EXPECT_EQ(send(http::verb::get, target, {}, client).status, 200);
    EXPECT_EQ(send(http::verb::get, target, {}, outsider).status, 404);
    EXPECT_EQ(send(http::verb::get, "/api/service-requests", {}, outsider).json["total"], 0);
    EXPECT_EQ(send(http::verb::get, "/api/service-requests", {}, client).json["total"], 1);
    EXPECT_EQ(send(http::verb::get, "/api/service-requests", {}, staff).json["total"], 1);

    const auto foreign = send(http::verb::post, "/api/service-requests",
                              R"({"kind": "technical_advice", "subject": "S", "details": "D",
                                  "enterprise_id": 1})",
                              outsider);
    EXPECT_EQ(foreign.status, 403) << foreign.body;
    EXPECT_EQ(foreign.json["field"], "enterprise_id");

    ASSERT_EQ(
        send(http::verb::post, target + "/ask", R"({"question": "Which meters?"})", staff).status,
        200);
    EXPECT_EQ(
        send(http::verb::post, target + "/answer", R"({"answer": "not mine"})", outsider).status,
        404);
    const auto answered =
        send(http::verb::post, target + "/answer", R"({"answer": "Energy meters"})", client);
    ASSERT_EQ(answered.status, 200) << answered.body;
    EXPECT_EQ(answered.json["status"], "submitted");
    EXPECT_EQ(answered.json["answer"], "Energy meters");
}

TEST_F(ServeServiceApiTest, RefusalsNameTheRuleTheFieldOrTheParameter) {
    const auto client = login("enterprise_user");
    const auto staff = login("manager");
    const auto id = submit(client, "Interval");
    const auto target = "/api/service-requests/" + std::to_string(id);

    const auto no_subject = send(http::verb::post, "/api/service-requests",
                                 R"({"kind": "calibration", "instrument_ids": [1]})", client);
    EXPECT_EQ(no_subject.status, 422);
    EXPECT_EQ(no_subject.json["field"], "subject");
    const auto bad_kind = send(http::verb::post, "/api/service-requests",
                               R"({"kind": "repair", "subject": "S"})", client);
    EXPECT_EQ(bad_kind.status, 422);
    EXPECT_EQ(bad_kind.json["field"], "kind");
    const auto no_instruments = send(http::verb::post, "/api/service-requests",
                                     R"({"kind": "calibration", "subject": "S"})", client);
    EXPECT_EQ(no_instruments.status, 422);
    EXPECT_EQ(no_instruments.json["field"], "instrument_ids");

    const auto no_reason = send(http::verb::post, target + "/reject", R"({})", staff);
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_EQ(no_reason.json["field"], "reason");
    const auto early =
        send(http::verb::post, target + "/convert", R"({"written_answer": "Yearly"})", staff);
    EXPECT_EQ(early.status, 409);
    EXPECT_EQ(early.json["error"], "invalid_transition");
    ASSERT_EQ(send(http::verb::post, target + "/accept", "", staff).status, 200);
    const auto twice = send(http::verb::post, target + "/accept", "", staff);
    EXPECT_EQ(twice.status, 409);
    EXPECT_EQ(twice.json["message"],
              "service request " + std::to_string(id) + " is accepted and cannot become accepted");
    const auto jobs_for_advice =
        send(http::verb::post, target + "/convert", R"({"job_ids": [1]})", staff);
    EXPECT_EQ(jobs_for_advice.status, 422);
    EXPECT_EQ(jobs_for_advice.json["field"], "written_answer");
    const auto converted =
        send(http::verb::post, target + "/convert", R"({"written_answer": "Yearly"})", staff);
    ASSERT_EQ(converted.status, 200) << converted.body;
    EXPECT_EQ(converted.json["status"], "completed");
    EXPECT_EQ(send(http::verb::get, target + "/accept", {}, staff).status, 405);

    const auto bad_status = send(http::verb::get, "/api/service-requests?status=done", {}, staff);
    EXPECT_EQ(bad_status.status, 400);
    EXPECT_EQ(bad_status.json["field"], "status");
    const auto unknown = send(http::verb::get, "/api/service-requests?colour=red", {}, staff);
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(unknown.json["field"], "colour");
    const auto page = send(http::verb::get, "/api/service-requests?per_page=501", {}, staff);
    EXPECT_EQ(page.json["field"], "per_page");
    const auto completed =
        send(http::verb::get, "/api/service-requests?status=completed&per_page=1", {}, staff);
    EXPECT_EQ(completed.json["total"], 1);
    EXPECT_EQ(completed.json["per_page"], 1);
    EXPECT_EQ(completed.json["items"][0]["written_answer"], "Yearly");
}

TEST_F(ServeServiceApiTest, ActivitiesAndStatisticsAreForStaffByPeriodAndRegion) {
    const auto staff = login("technician");
    const auto client = login("enterprise_user");
    const std::string training = R"({"kind": "training", "held_on": "2021-07-28",
        "region": "Henan/Zhengzhou", "topic": "Chargers", "enterprise_ids": [1],
        "attendee_count": 40, "attendees": ["Wang Fang"], "problem_descriptions": ["drift"]})";
    EXPECT_EQ(send(http::verb::post, "/api/activities", training, client).status, 403);
    const auto added = send(http::verb::post, "/api/activities", training, staff);
    ASSERT_EQ(added.status, 201) << added.body;
    EXPECT_EQ(added.json["problems_solved"], 1);
    const auto too_few = send(http::verb::post, "/api/activities",
                              R"({"kind": "visit", "held_on": "2021-07-01", "region": "R",
                                  "topic": "T", "enterprise_ids": [1], "attendee_count": 0,
                                  "attendees": ["A", "B"]})",
                              staff);
    EXPECT_EQ(too_few.status, 422);
    EXPECT_EQ(too_few.json["field"], "attendee_count");
    const auto unknown = send(http::verb::post, "/api/activities",
                              R"({"kind": "visit", "held_on": "2021-07-01", "region": "R",
                                  "topic": "T", "enterprise_ids": [99]})",
                              staff);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.json["field"], "enterprise_ids");
    EXPECT_EQ(send(http::verb::get, "/api/activities?from=2021-07-01&to=2021-07-31", {}, staff)
                  .json["total"],
              1);
    EXPECT_EQ(send(http::verb::get, "/api/activities?from=2021-08-01", {}, staff).json["total"], 0);

    EXPECT_EQ(send(http::verb::get, "/api/statistics", {}, client).status, 403);
    const auto july = send(http::verb::get,
                           "/api/statistics?from=2021-07-01&to=2021-07-31&region=Henan", {}, staff);
    ASSERT_EQ(july.status, 200) << july.body;
    EXPECT_EQ(july.json["services"]["trainings"], 1);
    EXPECT_EQ(july.json["services"]["training_attendees"], 40);
    ASSERT_EQ(july.json["by_region"].size(), 1U);
    EXPECT_EQ(july.json["by_region"][0]["region"], "Henan/Zhengzhou");
    ASSERT_EQ(july.json["by_month"].size(), 1U);
    EXPECT_EQ(july.json["by_month"][0]["period"], "2021-07");
    const auto elsewhere = send(
        http::verb::get, "/api/statistics?from=2021-07-01&to=2021-07-31&region=Fujian", {}, staff);
    EXPECT_TRUE(elsewhere.json["by_region"].empty());
    const auto inverted =
        send(http::verb::get, "/api/statistics?from=2021-08-01&to=2021-07-31", {}, staff);
    EXPECT_EQ(inverted.status, 400);
    EXPECT_EQ(inverted.json["field"], "to");
    const auto bad_day = send(http::verb::get, "/api/statistics?from=2021-02-30", {}, staff);
    EXPECT_EQ(bad_day.json["field"], "from");
}

} // namespace
} // namespace callab::test_support
