#pragma once

#include <callab/lab/audit_log.hpp>
#include <callab/lab/booking_store.hpp>
#include <callab/lab/enterprise_store.hpp>
#include <callab/lab/job_service.hpp>
#include <callab/lab/session_store.hpp>
#include <callab/lab/standard_store.hpp>
#include <callab/lab/user_store.hpp>

#include <chrono>

namespace callab::web {

/// The lab services the signed-in API works on, and its security settings. All references
/// must outlive the server.
struct ApiServices {
    lab::JobService& jobs;
    lab::UserStore& users;
    lab::SessionStore& sessions;
    lab::BookingStore& bookings;
    lab::StandardStore& standards;
    /// Enterprises and instruments (`/api/enterprises`, `/api/instruments`); without it the
    /// server has no such routes.
    lab::EnterpriseStore* enterprises = nullptr;
    /// The audit trail (`/api/audit/verify`); without it the server has no such route.
    lab::AuditLog* audit = nullptr;
    std::chrono::minutes session_lifetime{8 * 60};
    bool secure_cookie = false;                 ///< set the cookie's Secure attribute (under TLS)
    int login_attempts = 5;                     ///< failed logins allowed per window
    std::chrono::seconds login_window{15 * 60}; ///< per username and per address
};

} // namespace callab::web
