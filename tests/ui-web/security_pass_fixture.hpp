#pragma once
// The signed API of `callab serve` as a router in the test process, wired as the server wires
// it (app/src/lab_services.hpp), on a private SQLite file with one user of every role in enterprise
// A, a second enterprise user in enterprise B, a booking of each, and every log line captured.

#include "lab_services.hpp"
#include "router.hpp"
#include "serve_api_bench.hpp"
#include "support/temporary_directory.hpp"

#include <callab/db/database.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <spdlog/logger.h>

#include <map>
#include <memory>
#include <sstream>

namespace callab::web {

inline constexpr const char* pass_password = "correct horse battery";

/// The roles of the API, as openapi.json's x-roles name them.
inline const std::vector<std::string> all_roles{"technician", "reviewer", "signatory",
                                                "manager",    "admin",    "enterprise_user"};

/// Who a request is sent as: the session cookie (`callab_session=...`) and the CSRF token.
struct Credentials {
    std::string cookie;
    std::string csrf;
};

struct Reply {
    int status = 0;
    nlohmann::json json; ///< null unless the body is JSON
    std::string body;
    std::string set_cookie;
};

class SecurityPassTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    /// Sends a request through the router from `peer`; a non-empty body goes as JSON.
    Reply send(boost::beast::http::verb verb, const std::string& target,
               const std::string& body = {}, const Credentials& as = {},
               const std::string& peer = "192.0.2.1");
    /// Signs `username` in through `POST /api/session` (fails the test unless it works).
    Credentials login(const std::string& username);
    /// A session of `username` made in the store, as a sign-in would (no argon2id).
    Credentials session_for(const std::string& username);
    /// The bookings of a fresh hour on the equipment, so that no two collide.
    nlohmann::json fresh_booking();

    /// Every log line written so far.
    std::string log() const { return log_text_.str(); }
    /// The tables of the database and the rows of each, to see it intact after an attack.
    std::map<std::string, long long> table_rows();
    std::string integrity_check();

    test_support::TemporaryDirectory dir_;
    std::string uri_;
    std::unique_ptr<db::Database> database_;
    /// The stores and services of `callab serve`, with a bench without instruments.
    std::unique_ptr<app::LabServices> lab_;
    db::SqlSessionStore* sessions_ = nullptr;
    std::unique_ptr<ApiServices> services_;
    std::unique_ptr<Router> router_;
    std::map<std::string, lab::User> user_; ///< by role name, plus "enterprise_user_b"
    std::map<std::string, Credentials> as_; ///< a session of each user above (session_for)
    std::int64_t equipment_ = 0;            ///< added by the manager
    std::int64_t job_ = 0;                  ///< one job of the lab
    std::int64_t booking_a_ = 0;            ///< booked by enterprise A's user
    std::int64_t booking_b_ = 0;            ///< booked by enterprise B's user
    std::int64_t enterprise_a_ = 0;         ///< the enterprise of the first enterprise user
    std::int64_t instrument_a_ = 0;         ///< an instrument of enterprise A
    std::int64_t service_request_a_ = 0;    ///< submitted by enterprise A's user
    std::int64_t activity_ = 0;             ///< a training recorded by the technician
    std::int64_t standard_ = 0;             ///< a reference standard no equipment uses
    std::int64_t procedure_ = 0;            ///< a procedure version
    std::int64_t programme_ = 0;            ///< a free-calibration programme
    int next_hour_ = 0;

private:
    std::ostringstream log_text_;
    std::shared_ptr<spdlog::logger> previous_logger_;
};

} // namespace callab::web
