#pragma once

#include "resource_routes.hpp"

#include <string_view>

namespace callab::web {

/// `/api/service-requests`: list (paged, `status`, `kind`, `enterprise_id`), submit, one
/// request, and POST `/{id}/accept|reject|ask|answer|convert`. Enterprise users see and act
/// only on their enterprise's requests; lab::ServiceRequestService makes the rules.
class ServiceRequestRoutes final : public ResourceRoutes {
public:
    explicit ServiceRequestRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/service-requests"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    Response list(const Request& request, const SignedIn& who);
    Response submit(const Request& request, const SignedIn& who);
    Response step(const Request& request, lab::ServiceRequestId id, std::string_view action,
                  const SignedIn& who);

    ApiServices& services_;
};

nlohmann::json service_request_to_json(const lab::ServiceRequest& request);

} // namespace callab::web
