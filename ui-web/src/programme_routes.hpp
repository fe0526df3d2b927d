#pragma once

#include "resource_routes.hpp"

#include <callab/lab/programme.hpp>

namespace callab::web {

/// `/api/programmes`: free-calibration programmes with the fees their jobs waived so far.
/// Lab staff read; managers and administrators create. Enterprise users are refused (403).
class ProgrammeRoutes final : public ResourceRoutes {
public:
    explicit ProgrammeRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/programmes"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    Response list(const Request& request);
    Response add(const Request& request, const SignedIn& who);
    /// The programme with `fees_waived_cents` and `budget_left_cents`.
    nlohmann::json with_tally(const lab::Programme& programme);

    ApiServices& services_;
};

} // namespace callab::web
