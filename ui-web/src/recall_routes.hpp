#pragma once

#include "resource_routes.hpp"

namespace callab::web {

/// `/api/recall` (the due list) and `/api/recall/notices` (the reminder notices of a day),
/// for lab staff. Both read `?date=YYYY-MM-DD` (default today, UTC); the due list also
/// `?within_days=N` (0-3660, default 30).
class RecallRoutes final : public ResourceRoutes {
public:
    explicit RecallRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/recall"; }
    Response handle(const Request& request, std::string_view target, const SignedIn& who) override;

private:
    Response due_list(const Request& request);
    Response notices(const Request& request);
    ApiServices& services_;
};

} // namespace callab::web
