#pragma once

#include "authenticator.hpp"

namespace callab::web {

/// `/api/recall` (the due list) and `/api/recall/notices` (the reminder notices of a day),
/// for lab staff. Both read `?date=YYYY-MM-DD` (default today, UTC); the due list also
/// `?within_days=N` (0-3660, default 30).
class RecallRoutes {
public:
    explicit RecallRoutes(ApiServices& services) : services_(services) {}

    /// Whether `target` (without its query) is one of these routes.
    static bool handles(std::string_view target);
    /// Answers a signed-in request to one of these routes.
    Response route(const Request& request, std::string_view target, const SignedIn& who);

private:
    Response due_list(const Request& request);
    Response notices(const Request& request);
    ApiServices& services_;
};

} // namespace callab::web
