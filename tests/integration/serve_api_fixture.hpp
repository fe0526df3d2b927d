#pragma once
// A `callab serve` server started in this process on a private SQLite file, with one user of
// each role, and a blocking HTTP client for it.

#include "../support/temporary_directory.hpp"

#include <callab/db/database.hpp>
#include <callab/db/sql_audit_log.hpp>
#include <callab/db/sql_booking_store.hpp>
#include <callab/db/sql_certificate_store.hpp>
#include <callab/db/sql_enterprise_store.hpp>
#include <callab/db/sql_job_store.hpp>
#include <callab/db/sql_notice_store.hpp>
#include <callab/db/sql_programme_store.hpp>
#include <callab/db/sql_recall_store.hpp>
#include <callab/db/sql_service_activity_store.hpp>
#include <callab/db/sql_service_request_store.hpp>
#include <callab/db/sql_session_store.hpp>
#include <callab/db/sql_standard_store.hpp>
#include <callab/db/sql_statistics_store.hpp>
#include <callab/db/sql_user_store.hpp>
#include <callab/lab/password_hash.hpp>
#include <callab/web/server.hpp>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <thread>

namespace callab::test_support {

struct Reply {
    int status = 0;
    nlohmann::json json; ///< the body parsed, or null when it is not JSON
    std::string body;
    std::string set_cookie;
    std::string allow;
    std::string content_type;
};

/// Who a request is sent as: the session cookie and the CSRF token (both may be empty).
struct Credentials {
    std::string cookie;
    std::string csrf;
};

Reply send_request(std::uint16_t port, boost::beast::http::verb verb, const std::string& target,
                   const std::string& body = {}, const Credentials& as = {},
                   const std::string& content_type = "application/json");

inline constexpr const char* test_password = "correct horse battery";

class ServeApiTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    /// Stops the server and starts a new one on the same database with a new run manager, as
    /// a restarted `callab serve` would be: it holds no run of the jobs measured before.
    void restart_server();
    /// Signs `username` in; fails the test unless it works.
    Credentials login(const std::string& username);
    Reply send(boost::beast::http::verb verb, const std::string& target,
               const std::string& body = {}, const Credentials& as = {}) {
        return send_request(port_, verb, target, body, as);
    }

    TemporaryDirectory dir_;
    std::unique_ptr<db::Database> database_;
    std::unique_ptr<db::SqlJobStore> job_store_;
    std::unique_ptr<db::SqlUserStore> users_;
    std::unique_ptr<db::SqlSessionStore> sessions_;
    std::unique_ptr<db::SqlBookingStore> bookings_;
    std::unique_ptr<db::SqlStandardStore> standards_;
    std::unique_ptr<db::SqlRecallStore> recalls_;
    std::unique_ptr<db::SqlNoticeStore> notices_;
    std::unique_ptr<db::SqlAuditLog> audit_;
    std::unique_ptr<db::SqlProgrammeStore> programmes_;
    std::unique_ptr<lab::JobService> jobs_;
    std::unique_ptr<db::SqlEnterpriseStore> enterprises_;
    std::unique_ptr<db::SqlServiceRequestStore> service_request_store_;
    std::unique_ptr<lab::ServiceRequestService> service_requests_;
    std::unique_ptr<db::SqlServiceActivityStore> activities_;
    std::unique_ptr<db::SqlStatisticsStore> statistics_;
    /// A bench without instruments: every reading of a run is typed in.
    std::shared_ptr<lab::RunManager> runs_;
    std::unique_ptr<db::SqlCertificateStore> certificate_store_;
    std::unique_ptr<lab::CertificateService> certificates_;
    lab::LaboratoryIdentity laboratory_; ///< the sample certificate's laboratory
    std::unique_ptr<web::ApiServices> services_;
    std::unique_ptr<web::Server> server_;
    std::thread serving_;
    std::uint16_t port_ = 0;
    std::map<std::string, lab::User> user_; ///< by role name, plus "enterprise_user_2"
    std::int64_t equipment_ = 0;            ///< added through the API by the manager
};

} // namespace callab::test_support
