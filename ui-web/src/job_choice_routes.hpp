#pragma once

#include "resource_routes.hpp"

namespace callab::web {

/// `/api/job-choices?instrument_id=N`: what a technician may choose when opening a job for
/// an instrument — the latest version of each procedure for the instrument's kind, and every
/// standard with whether it is usable today and, when not, why (overdue, suspended, retired,
/// no certificate). Lab staff only; enterprise users get 403.
class JobChoiceRoutes final : public ResourceRoutes {
public:
    explicit JobChoiceRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/job-choices"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    ApiServices& services_;
};

} // namespace callab::web
