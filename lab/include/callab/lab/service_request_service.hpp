#pragma once

#include <callab/lab/booking_store.hpp>
#include <callab/lab/enterprise_store.hpp>
#include <callab/lab/job_store.hpp>
#include <callab/lab/service_request_store.hpp>
#include <callab/lab/user.hpp>

#include <string>
#include <vector>

namespace callab::lab {

/// The one-stop window's rules: an enterprise user submits, follows and answers only its own
/// enterprise's requests (staff may do so on an enterprise's behalf); only lab staff accept,
/// reject (with a reason), ask back and convert; every change goes through the status
/// machine of service_request_transition_allowed.
class ServiceRequestService {
public:
    ServiceRequestService(ServiceRequestStore& requests, EnterpriseStore& enterprises,
                          JobStore& jobs, BookingStore& bookings)
        : requests_(requests), enterprises_(enterprises), jobs_(jobs), bookings_(bookings) {}

    /// An enterprise user's request is always for its own enterprise.
    Outcome<ServiceRequest> submit(NewServiceRequest request, const User& by,
                                   std::chrono::system_clock::time_point now);
    /// errc::not_found also for a request of another enterprise than an enterprise user's.
    Outcome<ServiceRequest> find(ServiceRequestId id, const User& by);
    /// An enterprise user's listing is limited to its enterprise, whatever the filter says.
    ServiceRequestPage list(ServiceRequestFilter filter, const User& by);

    Outcome<ServiceRequest> accept(ServiceRequestId id, const User& by,
                                   std::chrono::system_clock::time_point now);
    Outcome<ServiceRequest> reject(ServiceRequestId id, const User& by, const std::string& reason,
                                   std::chrono::system_clock::time_point now);
    Outcome<ServiceRequest> ask(ServiceRequestId id, const User& by, const std::string& question);
    Outcome<ServiceRequest> answer(ServiceRequestId id, const User& by, const std::string& text);

    /// What an accepted request became: jobs of the request's enterprise for calibration,
    /// bookings for an equipment loan, a written answer for technical advice.
    struct Conversion {
        std::vector<JobId> jobs;
        std::vector<BookingId> bookings;
        std::string written_answer;
    };
    Outcome<ServiceRequest> convert(ServiceRequestId id, const User& by,
                                    const Conversion& conversion);

private:
    Outcome<ServiceRequest> change(const ServiceRequest& before, ServiceRequest after,
                                   const User& by);
    Outcome<void> check_conversion(const ServiceRequest& request, const Conversion& conversion);

    ServiceRequestStore& requests_;
    EnterpriseStore& enterprises_;
    JobStore& jobs_;
    BookingStore& bookings_;
};

/// Whether the user is lab staff (any role but enterprise user).
bool is_lab_staff(const User& user);

} // namespace callab::lab
