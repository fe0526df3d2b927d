#pragma once

#include "authenticator.hpp"

#include <string_view>

namespace callab::web {

/// `/api/activities`: the lab's visits, trainings and consultations, for lab staff. List
/// (paged, `from`, `to`, `kind`, `enterprise_id`), record one, read one.
class ActivityRoutes {
public:
    explicit ActivityRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const { return "/api/activities"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who);

private:
    Response list(const Request& request);
    Response add(const Request& request, const SignedIn& who);

    ApiServices& services_;
};

nlohmann::json activity_to_json(const lab::ServiceActivity& activity);

} // namespace callab::web
