#pragma once

#include "authenticator.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace callab::web {

/// The routes of one resource of the signed-in API (`/api/bookings`, `/api/enterprises`, …).
/// SignedApi has checked the session and, for writes, the CSRF token before it calls
/// handle(); role checks and enterprise isolation are the resource's own.
class ResourceRoutes {
public:
    virtual ~ResourceRoutes() = default;

    /// The path it answers: "/api/bookings" answers "/api/bookings" and "/api/bookings/…".
    [[nodiscard]] virtual std::string_view base() const = 0;

    /// `path` is the request's path without the query (the query is in request.target()).
    virtual Response handle(const Request& request, std::string_view path, const SignedIn& who) = 0;
};

/// Whether `path` is `base` or lies under it ("/api/bookings/7" under "/api/bookings", but
/// not "/api/bookingsx").
bool path_is_under(std::string_view path, std::string_view base);

/// The segments after `base`: "/api/bookings/42/return" → {"42", "return"}; an empty
/// segment (a doubled or trailing slash) is kept, so such paths match no route.
std::vector<std::string_view> path_segments(std::string_view path, std::string_view base);

/// 405 with the methods the path allows in `Allow`.
Response method_not_allowed(const Request& request, std::string_view path, std::string_view allow);

/// Whether the request only reads (GET or HEAD).
bool is_read(const Request& request);

/// "42" → 42; anything but a positive decimal integer is not an id.
std::optional<std::int64_t> parse_id(std::string_view text);

} // namespace callab::web
