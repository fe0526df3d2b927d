#pragma once

#include <callab/lab/service_request.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace callab::lab {

/// Which requests to list: all, or those of one enterprise, status or kind; a page of them,
/// newest first.
struct ServiceRequestFilter {
    std::optional<EnterpriseId> enterprise;
    std::optional<ServiceRequestStatus> status;
    std::optional<ServiceKind> kind;
    int page = 1;      ///< from 1
    int per_page = 50; ///< 1..500
};

struct ServiceRequestPage {
    std::vector<ServiceRequest> items;
    long long total = 0; ///< matching requests on all pages
};

/// Service requests of the one-stop window. Mutations are audited under `actor`.
class ServiceRequestStore {
public:
    virtual ~ServiceRequestStore() = default;

    /// Stores a submitted request. errc::not_found for an unknown enterprise, instrument or
    /// equipment.
    virtual Outcome<ServiceRequest> add_request(const NewServiceRequest& request, UserId by,
                                                std::chrono::system_clock::time_point at,
                                                std::string_view actor) = 0;
    virtual std::optional<ServiceRequest> find_request(ServiceRequestId id) = 0;
    virtual ServiceRequestPage list_requests(const ServiceRequestFilter& filter) = 0;
    /// Replaces the request's status and handling fields (question, answer, reasons, handler,
    /// jobs and bookings) with `changed`'s if it is still in `from`; false otherwise.
    virtual bool update_request(const ServiceRequest& changed, ServiceRequestStatus from,
                                std::string_view actor) = 0;
};

} // namespace callab::lab
