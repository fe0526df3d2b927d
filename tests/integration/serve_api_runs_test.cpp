// Jobs over HTTP: listing paged and filtered, opening, a run whose readings are all typed in
// (the fixture's bench has no instruments), unit and range refusals, return for rework,
// review and approval under the four-eyes rule, and the role checks of every job route.
#include "serve_api_bench.hpp"
#include "serve_api_fixture.hpp"

#include <callab/lab/builtin_procedures.hpp>

namespace callab::test_support {
namespace {
namespace http = boost::beast::http;

class ServeApiRunsTest : public ServeApiTest {
protected:
    void SetUp() override {
        ServeApiTest::SetUp();
        procedure_ = lab::seed_builtin_procedures(*standards_, "test").front();
        users_->authorise(user_["technician"].id, procedure_.data.code, "test");
        technician_ = login("technician");
    }

    std::string job_body(std::optional<std::int64_t> enterprise = std::nullopt) {
        nlohmann::json body{{"title", "IR forehead thermometer"},
                            {"instrument", "IRT-1 SN 7"},
                            {"quantity", "object_temperature"},
                            {"unit", "degC"},
                            {"resolution", 0.1},
                            {"procedure_id", procedure_.id.value()}};
        if (enterprise) {
            body["enterprise_id"] = *enterprise;
        }
        return body.dump();
    }

    std::int64_t open_job(std::optional<std::int64_t> enterprise = std::nullopt) {
        const auto opened = send(http::verb::post, "/api/jobs", job_body(enterprise), technician_);
        EXPECT_EQ(opened.status, 201) << opened.body;
        return opened.json.value("id", std::int64_t{0});
    }

    /// Polls the run until it is no longer running.
    nlohmann::json settled_run(std::int64_t job) {
        wait_for_runs(*runs_);
        return send(http::verb::get, "/api/jobs/" + std::to_string(job) + "/run", {}, technician_)
            .json;
    }

    Reply reading(std::int64_t job, double value, const std::string& unit,
                  const std::string& role) {
        return send(http::verb::post, "/api/jobs/" + std::to_string(job) + "/readings",
                    nlohmann::json{{"value", value}, {"unit", unit}, {"role", role}}.dump(),
                    technician_);
    }

    lab::Procedure procedure_;
    Credentials technician_;
};

TEST_F(ServeApiRunsTest, ListsPagedAndFilteredAndEnterpriseUsersSeeTheirOwn) {
    const auto enterprise = user_["enterprise_user"].data.enterprise->value();
    const auto theirs = open_job(enterprise);
    open_job();
    open_job();
    const auto page = send(http::verb::get, "/api/jobs?per_page=2&page=1", {}, technician_);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(page.json["total"], 3);
    EXPECT_EQ(page.json["items"].size(), 2U);
    EXPECT_EQ(page.json["per_page"], 2);
    const auto second = send(http::verb::get, "/api/jobs?per_page=2&page=2", {}, technician_);
    EXPECT_EQ(second.json["items"].size(), 1U);
    EXPECT_EQ(second.json["items"][0]["id"], theirs);

    const auto by_enterprise = send(
        http::verb::get, "/api/jobs?enterprise_id=" + std::to_string(enterprise), {}, technician_);
    EXPECT_EQ(by_enterprise.json["total"], 1);
    const auto technician = user_["technician"].id.value();
    EXPECT_EQ(send(http::verb::get,
                   "/api/jobs?technician_id=" + std::to_string(technician) + "&status=draft", {},
                   technician_)
                  .json["total"],
              3);
    EXPECT_EQ(send(http::verb::get, "/api/jobs?status=issued", {}, technician_).json["total"], 0);
    EXPECT_EQ(send(http::verb::get, "/api/jobs?status=done", {}, technician_).status, 400);

    const auto portal = login("enterprise_user");
    const auto own = send(http::verb::get, "/api/jobs", {}, portal);
    ASSERT_EQ(own.status, 200);
    EXPECT_EQ(own.json["total"], 1);
    EXPECT_EQ(own.json["items"][0]["id"], theirs);
    EXPECT_EQ(send(http::verb::get, "/api/jobs/" + std::to_string(theirs), {}, portal).status, 200);
    EXPECT_EQ(send(http::verb::get, "/api/jobs/" + std::to_string(theirs - 1), {}, portal).status,
              404);
}

TEST_F(ServeApiRunsTest, TypedRunGoesThroughReturnReviewAndApproval) {
    const auto job = open_job();
    const auto path = "/api/jobs/" + std::to_string(job);
    EXPECT_EQ(send(http::verb::post, path + "/readings", R"({"value": 37.0, "unit": "degC"})",
                   technician_)
                  .status,
              409); // not started
    const auto started = send(http::verb::post, path + "/start", "", technician_);
    ASSERT_EQ(started.status, 200) << started.body;
    auto run = settled_run(job);
    EXPECT_EQ(run["state"], "paused");
    EXPECT_NE(run["pause_reason"].get<std::string>().find("enter reference readings"),
              std::string::npos);

    const auto wrong_unit = reading(job, 98.6, "degF", "reference");
    EXPECT_EQ(wrong_unit.status, 422);
    EXPECT_EQ(wrong_unit.json["field"], "unit");
    const auto too_hot = reading(job, 80.0, "degC", "reference");
    EXPECT_EQ(too_hot.status, 422);
    EXPECT_EQ(too_hot.json["field"], "value");
    EXPECT_EQ(reading(job, 37.0, "degC", "sideways").json["field"], "role");

    const double nominal[] = {35.0, 37.0, 39.0};
    for (int point = 0; point < 3; ++point) {
        for (int i = 0; i < 5; ++i) {
            const auto stored = reading(job, nominal[point] + 0.01 * i, "degC", "reference");
            ASSERT_EQ(stored.status, 201) << stored.body;
            EXPECT_EQ(stored.json["source"], "reference:manual");
            EXPECT_EQ(stored.json["test_point"], point);
        }
        for (int i = 0; i < 5; ++i) {
            ASSERT_EQ(reading(job, nominal[point] + 0.1 * (i % 2), "degC", "indication").status,
                      201);
        }
    }
    run = settled_run(job);
    EXPECT_EQ(run["state"], "finished");
    ASSERT_EQ(run["points"].size(), 3U);
    EXPECT_GT(run["points"][1]["U"].get<double>(), 0.0);
    EXPECT_FALSE(run["points"][1]["budget"].empty());
    EXPECT_EQ(send(http::verb::get, path, {}, technician_).json["status"], "measured");

    const auto own_review = send(http::verb::post, path + "/review", "", technician_);
    EXPECT_EQ(own_review.status, 403);
    EXPECT_FALSE(own_review.json["message"].get<std::string>().empty());
    const auto reviewer = login("reviewer");
    const auto no_reason =
        send(http::verb::post, path + "/return", R"({"reason": "  "})", reviewer);
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_EQ(no_reason.json["field"], "reason");
    const auto returned = send(http::verb::post, path + "/return",
                               R"({"reason": "repeat point 2 after warm-up"})", reviewer);
    ASSERT_EQ(returned.status, 200) << returned.body;
    EXPECT_EQ(returned.json["status"], "returned");
    // The reason is kept with the job, with who returned it and when.
    const auto returns = send(http::verb::get, path, {}, technician_).json["returns"];
    ASSERT_EQ(returns.size(), 1U) << returns.dump();
    EXPECT_EQ(returns[0]["reason"], "repeat point 2 after warm-up");
    EXPECT_EQ(returns[0]["by"], "reviewer");
    EXPECT_TRUE(returns[0]["at"].get<std::string>().ends_with("Z")) << returns.dump();

    ASSERT_EQ(send(http::verb::post, path + "/start", "", technician_).status, 200);
    EXPECT_EQ(settled_run(job)["state"], "finished"); // every reading is already stored
    EXPECT_EQ(send(http::verb::get, path, {}, technician_).json["status"], "measured");

    const auto signatory = login("signatory");
    EXPECT_EQ(send(http::verb::post, path + "/approve", "", signatory).status, 409); // not reviewed
    const auto reviewed = send(http::verb::post, path + "/review", "", reviewer);
    ASSERT_EQ(reviewed.status, 200) << reviewed.body;
    EXPECT_EQ(reviewed.json["reviewer_id"], user_["reviewer"].id.value());
    EXPECT_EQ(send(http::verb::post, path + "/approve", "", reviewer).status, 403);
    const auto approved = send(http::verb::post, path + "/approve", "", signatory);
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(approved.json["status"], "approved");
}

TEST_F(ServeApiRunsTest, PauseAbortAndTheRolesOfEveryJobRoute) {
    const auto job = open_job();
    const auto path = "/api/jobs/" + std::to_string(job);
    ASSERT_EQ(send(http::verb::post, path + "/start", "", technician_).status, 200);
    EXPECT_EQ(settled_run(job)["state"], "paused");
    EXPECT_EQ(send(http::verb::post, path + "/pause", "", technician_).status, 409);
    EXPECT_EQ(send(http::verb::post, path + "/resume", "", technician_).status, 200);
    EXPECT_EQ(settled_run(job)["state"], "paused");

    struct Route {
        http::verb verb;
        std::string target;
        std::string body;
        std::vector<std::string> allowed; ///< the rest get 403
    };
    const std::vector<std::string> everyone{"technician", "reviewer", "signatory",
                                            "manager",    "admin",    "enterprise_user"};
    const std::vector<Route> routes{
        {http::verb::get, "/api/jobs", "", everyone},
        {http::verb::get, path, "", {"technician", "reviewer", "signatory", "manager", "admin"}},
        {http::verb::post, "/api/jobs", job_body(), {"technician"}},
        {http::verb::post, path + "/start", "", {"technician", "manager"}},
        {http::verb::post, path + "/pause", "", {"technician", "manager"}},
        {http::verb::post, path + "/resume", "", {"technician", "manager"}},
        {http::verb::post,
         path + "/readings",
         R"({"value": 35, "unit": "degC"})",
         {"technician", "manager"}},
        {http::verb::post, path + "/review", "", {"reviewer", "signatory", "manager"}},
        {http::verb::post,
         path + "/return",
         R"({"reason": "x"})",
         {"reviewer", "signatory", "manager"}},
        {http::verb::post, path + "/approve", "", {"signatory"}},
    };
    std::map<std::string, Credentials> as;
    for (const auto& role : everyone) {
        as[role] = role == "technician" ? technician_ : login(role);
    }
    for (const auto& route : routes) {
        EXPECT_EQ(send(route.verb, route.target, route.body).status, 401) << route.target;
        for (const auto& role : everyone) {
            const auto reply = send(route.verb, route.target, route.body, as[role]);
            const bool allowed =
                std::find(route.allowed.begin(), route.allowed.end(), role) != route.allowed.end();
            if (allowed) {
                EXPECT_NE(reply.status, 403) << role << " " << route.target << ": " << reply.body;
                EXPECT_LT(reply.status, 500) << role << " " << route.target;
            } else if (role == "enterprise_user" && route.verb == http::verb::get) {
                EXPECT_EQ(reply.status, 404) << route.target; // not their enterprise's job
            } else {
                EXPECT_EQ(reply.status, 403) << role << " " << route.target << ": " << reply.body;
            }
        }
    }

    const auto aborted = send(http::verb::post, path + "/abort", "", technician_);
    ASSERT_EQ(aborted.status, 200) << aborted.body;
    EXPECT_EQ(aborted.json["status"], "cancelled");
    EXPECT_EQ(settled_run(job)["state"], "aborted");
    EXPECT_EQ(send(http::verb::post, path + "/start", "", technician_).status, 409);
}

} // namespace
} // namespace callab::test_support
