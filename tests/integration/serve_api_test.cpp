// `callab serve`'s API over real HTTP on loopback: sign-in, expiry, CSRF, the login rate
// limit, roles, enterprise isolation, body errors and concurrent bookings of one slot.
#include "serve_api_fixture.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <vector>

namespace callab::test_support {
namespace {
namespace http = boost::beast::http;

std::string booking_body(std::int64_t equipment, const std::string& day,
                         const std::string& purpose = "calibration") {
    return nlohmann::json{{"equipment_id", equipment},
                          {"start", day + "T09:00:00Z"},
                          {"end", day + "T11:00:00Z"},
                          {"purpose", purpose}}
        .dump();
}

TEST_F(ServeApiTest, LoginGivesAnHttpOnlyStrictCookieAndTheSessionUntilLogout) {
    const auto reply = send(http::verb::post, "/api/session",
                            R"({"username": "technician", "password": "correct horse battery"})");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_NE(reply.set_cookie.find("callab_session="), std::string::npos);
    EXPECT_NE(reply.set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(reply.set_cookie.find("SameSite=Strict"), std::string::npos);
    EXPECT_EQ(reply.set_cookie.find("Secure"), std::string::npos);
    EXPECT_EQ(reply.json["user"]["username"], "technician");
    EXPECT_EQ(reply.json["user"]["role"], "technician");
    const Credentials as{reply.set_cookie.substr(0, reply.set_cookie.find(';')),
                         reply.json["csrf_token"].get<std::string>()};
    EXPECT_EQ(as.csrf.size(), 64U);

    const auto status = send(http::verb::get, "/api/session", {}, as);
    EXPECT_EQ(status.status, 200);
    EXPECT_EQ(status.json["csrf_token"], as.csrf);
    EXPECT_EQ(send(http::verb::get, "/api/jobs", {}, as).status, 200);

    EXPECT_EQ(send(http::verb::delete_, "/api/session", {}, {as.cookie, ""}).status, 403);
    EXPECT_EQ(send(http::verb::delete_, "/api/session", {}, as).status, 204);
    EXPECT_EQ(send(http::verb::get, "/api/session", {}, as).status, 401);
    EXPECT_EQ(send(http::verb::get, "/api/jobs", {}, as).status, 401);
}

TEST_F(ServeApiTest, WrongPasswordAndUnknownUserAreTheSame401) {
    const auto wrong =
        send(http::verb::post, "/api/session", R"({"username": "technician", "password": "nope"})");
    const auto unknown =
        send(http::verb::post, "/api/session", R"({"username": "nobody", "password": "nope"})");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(wrong.json, unknown.json);
    EXPECT_TRUE(wrong.set_cookie.empty());
}

TEST_F(ServeApiTest, AnExpiredSessionIsRefused) {
    const std::string token(64, 'a');
    sessions_->create_session({lab::session_token_digest(token), user_["manager"].id, "csrf",
                               std::chrono::system_clock::now() - std::chrono::minutes(1)});
    const Credentials expired{"callab_session=" + token, "csrf"};
    EXPECT_EQ(send(http::verb::get, "/api/session", {}, expired).status, 401);
    EXPECT_EQ(send(http::verb::get, "/api/jobs", {}, expired).status, 401);
    EXPECT_EQ(sessions_->delete_expired(std::chrono::system_clock::now()), 1);
}

TEST_F(ServeApiTest, StateChangingRequestsNeedTheSessionsCsrfToken) {
    const auto as = login("technician");
    const auto body = booking_body(equipment_, "2031-03-03");
    const auto none = send(http::verb::post, "/api/bookings", body, {as.cookie, ""});
    EXPECT_EQ(none.status, 403);
    EXPECT_EQ(none.json["error"], "csrf_token_invalid");
    EXPECT_EQ(
        send(http::verb::post, "/api/bookings", body, {as.cookie, std::string(64, '0')}).status,
        403);
    const auto other = login("reviewer");
    EXPECT_EQ(send(http::verb::post, "/api/bookings", body, {as.cookie, other.csrf}).status, 403);
    EXPECT_EQ(send(http::verb::post, "/api/bookings", body, as).status, 201);
}

TEST_F(ServeApiTest, FiveFailedLoginsOfOneUserAreFollowedBy429) {
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(send(http::verb::post, "/api/session",
                       R"({"username": "technician", "password": "wrong"})")
                      .status,
                  401);
    }
    const auto refused = send(http::verb::post, "/api/session",
                              R"({"username": "technician", "password": "correct horse battery"})");
    EXPECT_EQ(refused.status, 429);
    EXPECT_EQ(refused.json["error"], "too_many_attempts");
}

TEST_F(ServeApiTest, FiveFailedLoginsFromOneAddressAreFollowedBy429ForAnyUser) {
    for (int i = 0; i < 5; ++i) {
        const auto body =
            nlohmann::json{{"username", "nobody" + std::to_string(i)}, {"password", "x"}}.dump();
        EXPECT_EQ(send(http::verb::post, "/api/session", body).status, 401);
    }
    EXPECT_EQ(send(http::verb::post, "/api/session",
                   R"({"username": "admin", "password": "correct horse battery"})")
                  .status,
              429);
}

TEST_F(ServeApiTest, EveryRouteAnswersEveryRoleAsAllowedAndStrangersWith401) {
    struct Route {
        http::verb verb;
        std::string target;
        std::string body;
        std::vector<std::string> allowed; ///< roles answered with `ok`; the rest get 403
        int ok;
    };
    const std::vector<std::string> everyone{"technician", "reviewer", "signatory",
                                            "manager",    "admin",    "enterprise_user"};
    const auto equipment = "/api/equipment/" + std::to_string(equipment_);
    const std::vector<Route> routes{
        {http::verb::get, "/api/session", "", everyone, 200},
        {http::verb::post, "/api/equipment", R"({"name": "Bath"})", {"manager", "admin"}, 201},
        {http::verb::get, equipment, "", everyone, 200},
        {http::verb::get, "/api/jobs", "", everyone, 200},
        {http::verb::post, "/api/bookings", "", everyone, 201},
    };
    int day = 1;
    for (const auto& route : routes) {
        const auto body = route.target == "/api/bookings"
                              ? booking_body(equipment_, "2031-04-0" + std::to_string(day))
                              : route.body;
        EXPECT_EQ(send(route.verb, route.target, body).status, 401) << route.target;
        for (const auto& role : everyone) {
            const auto as = login(role);
            const auto allowed =
                std::find(route.allowed.begin(), route.allowed.end(), role) != route.allowed.end();
            const auto sent = route.target == "/api/bookings"
                                  ? booking_body(equipment_, "2031-04-0" + std::to_string(day++))
                                  : route.body;
            const auto reply = send(route.verb, route.target, sent, as);
            EXPECT_EQ(reply.status, allowed ? route.ok : 403)
                << role << " " << route.target << ": " << reply.body;
        }
    }
}

TEST_F(ServeApiTest, EnterpriseUsersSeeOnlyTheirOwnBookings) {
    const auto mine = login("enterprise_user");
    const auto booked =
        send(http::verb::post, "/api/bookings", booking_body(equipment_, "2031-05-01"), mine);
    ASSERT_EQ(booked.status, 201) << booked.body;
    const auto target = "/api/bookings/" + std::to_string(booked.json["id"].get<std::int64_t>());
    EXPECT_EQ(send(http::verb::get, target, {}, mine).status, 200);
    EXPECT_EQ(send(http::verb::get, target, {}, login("manager")).status, 200);
    const auto other = send(http::verb::get, target, {}, login("enterprise_user_2"));
    EXPECT_EQ(other.status, 404);
    const auto jobs = send(http::verb::get, "/api/jobs", {}, mine);
    EXPECT_EQ(jobs.status, 200);
    EXPECT_EQ(jobs.json["total"], 0); // the lab's jobs for other enterprises are not listed
}

TEST_F(ServeApiTest, BodyErrorsNameTheField) {
    const auto as = login("technician");
    const auto malformed = send(http::verb::post, "/api/bookings", "{\"equipment_id\": ", as);
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(malformed.json["error"], "malformed_json");

    const auto wrong_type = send(
        http::verb::post, "/api/bookings",
        R"({"equipment_id": "one", "start": "2031-06-01T09:00:00Z", "end": "2031-06-01T10:00:00Z"})",
        as);
    EXPECT_EQ(wrong_type.status, 422);
    EXPECT_EQ(wrong_type.json["field"], "equipment_id");

    auto missing = nlohmann::json::parse(booking_body(equipment_, "2031-06-01"));
    missing.erase("start");
    const auto no_start = send(http::verb::post, "/api/bookings", missing.dump(), as);
    EXPECT_EQ(no_start.status, 422);
    EXPECT_EQ(no_start.json["field"], "start");

    const auto bad_time = send(
        http::verb::post, "/api/bookings",
        R"({"equipment_id": 1, "start": "2031-02-30T09:00:00Z", "end": "2031-03-01T10:00:00Z"})",
        as);
    EXPECT_EQ(bad_time.status, 422);
    EXPECT_EQ(bad_time.json["field"], "start");

    const auto past =
        send(http::verb::post, "/api/bookings", booking_body(equipment_, "2020-01-01"), as);
    EXPECT_EQ(past.status, 422);
    EXPECT_EQ(past.json["field"], "start");

    const auto big = send(http::verb::post, "/api/bookings", std::string(8192, ' '), as);
    EXPECT_EQ(big.status, 413);

    const auto unknown = send(http::verb::get, "/api/nothing-here", {}, as);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.json["error"], "not_found");

    const auto login_missing = send(http::verb::post, "/api/session", R"({"username": "admin"})");
    EXPECT_EQ(login_missing.status, 422);
    EXPECT_EQ(login_missing.json["field"], "password");
}

TEST_F(ServeApiTest, TwoHundredConcurrentBookingsOfOneSlotGiveExactlyOne201) {
    const auto as = login("manager");
    const auto body = booking_body(equipment_, "2031-07-01");
    std::atomic<int> created{0};
    std::atomic<int> conflicts{0};
    std::atomic<int> other{0};
    std::mutex first_other_mutex;
    std::string first_other;
    std::vector<std::thread> clients;
    for (int i = 0; i < 200; ++i) {
        clients.emplace_back([&] {
            const auto reply = send(http::verb::post, "/api/bookings", body, as);
            if (reply.status == 201) {
                ++created;
            } else if (reply.status == 409 && reply.json.contains("conflicting_booking")) {
                ++conflicts;
            } else {
                ++other;
                const std::lock_guard lock(first_other_mutex);
                if (first_other.empty()) {
                    first_other = std::to_string(reply.status) + " " + reply.body;
                }
            }
        });
    }
    for (auto& client : clients) {
        client.join();
    }
    EXPECT_EQ(created.load(), 1);
    EXPECT_EQ(conflicts.load(), 199);
    EXPECT_EQ(other.load(), 0) << first_other;
}

} // namespace
} // namespace callab::test_support
