#pragma once

#include "resource_routes.hpp"

#include <callab/lab/job_service.hpp>

#include <nlohmann/json.hpp>

namespace callab::web {

/// `/api/jobs`: listing (paged in the store), opening, running on the server's bench
/// (lab::RunManager), typed readings, review, return, approval. The status machine, the roles
/// and the four-eyes rule are lab::JobWorkflow's; enterprise users see only their own
/// enterprise's jobs (404 for others') and change none.
class JobRoutes final : public ResourceRoutes {
public:
    explicit JobRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/jobs"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    Response list(const Request& request, const SignedIn& who);
    Response open(const Request& request, const SignedIn& who);
    Response job(const Request& request, const SignedIn& who, lab::JobId id);
    Response run_state(const Request& request, const SignedIn& who, lab::JobId id);
    Response action(const Request& request, const SignedIn& who, lab::JobId id,
                    std::string_view name);
    /// start, pause, resume, abort, readings: on lab::RunManager.
    Response run_action(const Request& request, const SignedIn& who, lab::JobId id,
                        std::string_view name);
    /// review, return, approve: on lab::JobWorkflow.
    Response review_action(const Request& request, const SignedIn& who, lab::JobId id,
                           std::string_view name);
    /// The point results of a job whose run this server does not hold, recomputed from its
    /// stored readings (lab::recorded_point_results); empty until every point has them.
    nlohmann::json recorded_points(const lab::JobReport& report);
    /// The job if `who` may see it.
    std::optional<lab::Job> visible_job(const SignedIn& who, lab::JobId id);

    ApiServices& services_;
};

} // namespace callab::web
