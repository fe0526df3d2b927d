#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/service_request_store.hpp>

namespace callab::db {

/// lab::ServiceRequestStore on the lab's SQL database: the request, its listed instruments
/// and the jobs or bookings it became; status changes are compare-and-set.
class SqlServiceRequestStore final : public lab::ServiceRequestStore {
public:
    explicit SqlServiceRequestStore(Database& database) : database_(database) {}

    lab::Outcome<lab::ServiceRequest> add_request(const lab::NewServiceRequest& request,
                                                  lab::UserId by,
                                                  std::chrono::system_clock::time_point at,
                                                  std::string_view actor) override;
    std::optional<lab::ServiceRequest> find_request(lab::ServiceRequestId id) override;
    lab::ServiceRequestPage list_requests(const lab::ServiceRequestFilter& filter) override;
    bool update_request(const lab::ServiceRequest& changed, lab::ServiceRequestStatus from,
                        std::string_view actor) override;

private:
    Database& database_;
};

} // namespace callab::db
