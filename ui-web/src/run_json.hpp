#pragma once

#include <callab/lab/run_manager.hpp>

#include <nlohmann/json.hpp>

namespace callab::web {

/// A run as `GET /api/jobs/{id}/run` answers it: `{"job_id", "state", "pause_reason",
/// "current_point", "manual_indication", "points"}`.
nlohmann::json run_snapshot_to_json(const lab::RunSnapshot& snapshot);

/// "running", "paused", "finished" or "aborted".
std::string_view run_state_name(lab::RunState state);

} // namespace callab::web
