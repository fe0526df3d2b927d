#pragma once

#include <callab/lab/audit_log.hpp>
#include <callab/lab/booking_store.hpp>
#include <callab/lab/certificate_assembler.hpp>
#include <callab/lab/certificate_service.hpp>
#include <callab/lab/enterprise_store.hpp>
#include <callab/lab/job_service.hpp>
#include <callab/lab/programme.hpp>
#include <callab/lab/recall_notice.hpp>
#include <callab/lab/recall_schedule.hpp>
#include <callab/lab/service_activity_store.hpp>
#include <callab/lab/service_request_service.hpp>
#include <callab/lab/session_store.hpp>
#include <callab/lab/standard_store.hpp>
#include <callab/lab/statistics.hpp>
#include <callab/lab/user_store.hpp>

#include <chrono>

namespace callab::lab {
class RunManager;
} // namespace callab::lab

namespace callab::web {

/// The lab services the signed-in API works on, and its security settings. All references
/// must outlive the server.
struct ApiServices {
    lab::JobService& jobs;
    lab::UserStore& users;
    lab::SessionStore& sessions;
    lab::BookingStore& bookings;
    lab::StandardStore& standards;
    lab::RunManager* runs = nullptr; ///< the server's bench; null: jobs are not run here
    /// Enterprises and instruments (`/api/enterprises`, `/api/instruments`); without it the
    /// server has no such routes.
    lab::EnterpriseStore* enterprises = nullptr;
    /// The audit trail (`/api/audit/verify`); without it the server has no such route.
    lab::AuditLog* audit = nullptr;
    std::chrono::minutes session_lifetime{8 * 60};
    bool secure_cookie = false;                 ///< set the cookie's Secure attribute (under TLS)
    int login_attempts = 5;                     ///< failed logins allowed per window
    std::chrono::seconds login_window{15 * 60}; ///< per username and per address
    /// The one-stop window, service activities and statistics; a server without them
    /// answers their routes with 503.
    lab::ServiceRequestService* service_requests = nullptr;
    lab::ServiceActivityStore* activities = nullptr;
    lab::StatisticsStore* statistics = nullptr;
    lab::RecallStore* recalls = nullptr;       ///< the due list (/api/recall); none: 503
    lab::NoticeStore* notices = nullptr;       ///< recall notices (/api/recall/notices)
    lab::ProgrammeStore* programmes = nullptr; ///< free-calibration programmes; none: 503
    /// Issued certificates (`/api/certificates`, `/verify/NUMBER`); none: 503.
    lab::CertificateService* certificates = nullptr;
    /// What the lab states on every certificate it issues (`POST /api/jobs/{id}/issue`,
    /// with `certificates` and `enterprises`).
    const lab::LaboratoryIdentity* laboratory = nullptr;
};

} // namespace callab::web
