#pragma once

#include "authenticator.hpp"
#include "resource_routes.hpp"

#include <memory>
#include <optional>
#include <vector>

namespace callab::web {

/// The API of a server on the lab's records (`callab serve`): `/api/session`, then for every
/// resource a session (401 without), a CSRF token on state-changing requests (403 without)
/// and the resource's own role checks.
class SignedApi {
public:
    explicit SignedApi(ApiServices& services);

    /// The response, or nullopt when the route is one the router answers itself
    /// (`/api/health`, unknown paths).
    std::optional<Response> route(const Request& request, std::string_view target,
                                  const std::string& peer);

    /// The user of the request's session, if any.
    std::optional<SignedIn> signed_in(const Request& request) { return auth_.signed_in(request); }

    /// Whether the request's session belongs to lab staff (anyone but an enterprise user).
    bool may_read_jobs(const Request& request);

private:
    Authenticator auth_;
    std::vector<std::unique_ptr<ResourceRoutes>> resources_;
};

} // namespace callab::web
