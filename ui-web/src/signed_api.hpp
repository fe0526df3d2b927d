#pragma once

#include "authenticator.hpp"
#include "booking_handlers.hpp"
#include "recall_routes.hpp"

#include <optional>

namespace callab::web {

/// The API of a server on the lab's records (`callab serve`): `/api/session`, then for every
/// other route a session (401 without), a CSRF token on state-changing requests (403
/// without) and the role checks of each resource.
class SignedApi {
public:
    explicit SignedApi(ApiServices& services)
        : auth_(services), bookings_(services), recall_(services) {}

    /// The response, or nullopt when the route is one the router answers itself
    /// (`/api/health`, the job reads after the checks here passed, unknown paths).
    std::optional<Response> route(const Request& request, std::string_view target,
                                  const std::string& peer);

    /// Whether the request's session belongs to lab staff (anyone but an enterprise user).
    bool may_read_jobs(const Request& request);

private:
    Authenticator auth_;
    BookingHandlers bookings_;
    RecallRoutes recall_;
};

/// "42" → 42; anything but a positive decimal integer is not an id.
std::optional<std::int64_t> parse_id(std::string_view text);

} // namespace callab::web
