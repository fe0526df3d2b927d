#pragma once

#include "resource_routes.hpp"

#include <string_view>

namespace callab::web {

/// `/api/activities`: the lab's visits, trainings and consultations, for lab staff. List
/// (paged, `from`, `to`, `kind`, `enterprise_id`), record one, read one.
class ActivityRoutes final : public ResourceRoutes {
public:
    explicit ActivityRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/activities"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    Response list(const Request& request);
    Response add(const Request& request, const SignedIn& who);

    ApiServices& services_;
};

nlohmann::json activity_to_json(const lab::ServiceActivity& activity);

} // namespace callab::web
