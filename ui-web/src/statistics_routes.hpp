#pragma once

#include "resource_routes.hpp"

#include <string_view>

namespace callab::web {

/// `/api/statistics?from=&to=[&region=]`: the lab's report for a period (both days
/// included), by month and region, for lab staff. `region` keeps the regions equal to it or
/// under it ("Zhejiang" keeps "Zhejiang/Hangzhou").
class StatisticsRoutes final : public ResourceRoutes {
public:
    explicit StatisticsRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/statistics"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    ApiServices& services_;
};

nlohmann::json statistics_to_json(const lab::Statistics& statistics);

} // namespace callab::web
