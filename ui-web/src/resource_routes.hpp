#pragma once

#include "authenticator.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
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

/// Whether the user manages the lab's records (a manager or an administrator).
bool is_manager_or_admin(const lab::User& user);

/// 404 `not_found` "no such resource: PATH".
Response no_such_resource(const Request& request, std::string_view path);

/// GET or HEAD → `read()`; anything else 405 with `Allow: GET, HEAD`.
Response read_only(const Request& request, std::string_view path,
                   const std::function<Response()>& read);

/// What a resource does on its collection (`/api/x`) and on its items (`/api/x/{id}/…`).
struct ResourceHandlers {
    /// Named in the 404 for a malformed id: "booking id 'x' is not a positive integer".
    std::string_view noun;
    /// GET or HEAD on the collection.
    std::function<Response()> list;
    /// POST on the collection; empty when the collection takes none (405).
    std::function<Response()> create;
    /// `/{id}` and below: the id and the segments after it (empty for the item itself).
    std::function<Response(std::int64_t id, std::span<const std::string_view> rest)> item;
};

/// The collection/item dispatch every resource shares: the collection path goes to `list`
/// or `create` (else 405), a path under it to `item` with a parsed id (else 404).
Response dispatch_resource(const Request& request, std::string_view path, std::string_view base,
                           const ResourceHandlers& handlers);

} // namespace callab::web
