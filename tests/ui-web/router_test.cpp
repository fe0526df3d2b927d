#include "router.hpp"
#include "support/in_memory_job_store.hpp"

#include <callab/version.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace callab::web {
namespace {
namespace http = boost::beast::http;

class RouterTest : public ::testing::Test {
protected:
    RouterTest() {
        const auto job = store_.create_job({"IR at 37", "FT-1", "object_temperature", "degC", 0.1});
        for (double v : {37.0, 37.2, 37.1}) {
            store_.append_reading({lab::ReadingId{}, job.id, v, "degC", "sim", {}, "demo"});
        }
    }

    Response get(std::string target, http::verb verb = http::verb::get) {
        Request request{verb, target, 11};
        return router_.handle(request);
    }

    static nlohmann::json json_of(const Response& response) {
        return nlohmann::json::parse(response.body());
    }

    test_support::InMemoryJobStore store_;
    lab::JobService jobs_{store_};
    Router router_{jobs_, "sqlite"};
};

TEST_F(RouterTest, HealthReportsVersionAndDatabase) {
    const auto response = get("/api/health");
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response[http::field::content_type], "application/json");
    EXPECT_EQ(
        json_of(response),
        (nlohmann::json{{"status", "ok"}, {"version", callab::version}, {"database", "sqlite"}}));
}

TEST_F(RouterTest, JobHasReadingsAndResult) {
    const auto response = get("/api/jobs/1");
    ASSERT_EQ(response.result(), http::status::ok);
    const auto body = json_of(response);
    EXPECT_EQ(body["id"], 1);
    EXPECT_EQ(body["readings"].size(), 3U);
    EXPECT_NEAR(body["mean"].get<double>(), 37.1, 1e-12);
    EXPECT_GT(body["U"].get<double>(), body["u"].get<double>());
    EXPECT_EQ(body["result"]["budget"].size(), 2U);
}

TEST_F(RouterTest, JobListHasItemsAndTotal) {
    const auto body = json_of(get("/api/jobs"));
    EXPECT_EQ(body["total"], 1);
    EXPECT_EQ(body["items"].size(), 1U);
}

TEST_F(RouterTest, UnknownOrMalformedJobIdsAreNotFound) {
    for (const char* target : {"/api/jobs/2", "/api/jobs/0", "/api/jobs/abc", "/api/jobs/1x",
                               "/api/jobs/-1", "/api/jobs/99999999999999999999"}) {
        const auto response = get(target);
        EXPECT_EQ(response.result(), http::status::not_found) << target;
        EXPECT_EQ(json_of(response)["error"], "not_found") << target;
    }
}

TEST_F(RouterTest, UnknownPathIsNotFound) {
    EXPECT_EQ(get("/api/nothing").result(), http::status::not_found);
    EXPECT_EQ(get("/api").result(), http::status::not_found);
    EXPECT_EQ(get("/../etc/passwd").result(), http::status::not_found);
}

TEST_F(RouterTest, UnknownApiPathsAreJsonErrorsNeverTheApp) {
    for (const char* target : {"/api/nothing", "/api/jobs/1/readings", "/api/", "/api/x.js"}) {
        const auto response = get(target);
        EXPECT_EQ(response.result(), http::status::not_found) << target;
        EXPECT_EQ(response[http::field::content_type], "application/json") << target;
        EXPECT_EQ(json_of(response)["error"], "not_found") << target;
    }
}

TEST_F(RouterTest, RootServesTheBrowserApp) {
    const auto response = get("/");
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response[http::field::content_type], "text/html; charset=utf-8");
    EXPECT_EQ(response[http::field::cache_control], "no-cache");
    EXPECT_NE(response.body().find("<div id=\"app\">"), std::string::npos);
    EXPECT_NE(response.body().find("src=\"/assets/"), std::string::npos);
}

TEST_F(RouterTest, AppRoutesServeTheAppSoTheyCanBeReloaded) {
    EXPECT_EQ(get("/jobs/1").body(), get("/").body());
    EXPECT_EQ(get("/jobs").body(), get("/").body());
}

TEST_F(RouterTest, WritesAreNotAllowedOnReadOnlyResources) {
    for (const char* target : {"/api/jobs/1", "/jobs.html", "/"}) {
        const auto response = get(target, http::verb::delete_);
        EXPECT_EQ(response.result(), http::status::method_not_allowed) << target;
        EXPECT_EQ(response[http::field::allow], "GET, HEAD") << target;
    }
}

TEST_F(RouterTest, PageWithoutJavaScriptShowsTheJobAndCarriesSecurityHeaders) {
    const auto response = get("/jobs.html");
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response[http::field::content_type], "text/html; charset=utf-8");
    EXPECT_NE(response.body().find("IR at 37"), std::string::npos);
    EXPECT_EQ(response["X-Content-Type-Options"], "nosniff");
    EXPECT_NE(std::string(response["Content-Security-Policy"]).find("frame-ancestors 'none'"),
              std::string::npos);
}

TEST_F(RouterTest, InvalidUtf8InTheTargetIsStillANotFound) {
    // Found by fuzzing: the target is echoed in the message, and the JSON writer refused it.
    const auto response = get("/ai/p\xD3\x9E/o");
    EXPECT_EQ(response.result(), http::status::not_found);
    EXPECT_EQ(json_of(response)["error"], "not_found");
}

TEST_F(RouterTest, QueryStringsDoNotChangeTheRoute) {
    EXPECT_EQ(get("/api/health?x=1").result(), http::status::ok);
}

} // namespace
} // namespace callab::web
