#pragma once

#include "live_hub.hpp"

#include <memory>
#include <string>

namespace callab::lab {
class RunManager;
} // namespace callab::lab

namespace callab::web {

/// Publishes the events of every run `runs` starts from now on to `hub`, as the JSON text
/// frames of `/api/live` (docs/api.md): `state`, `reading`, `point` and `fault`, each with
/// `type` and `job_id`.
void publish_runs(lab::RunManager& runs, std::shared_ptr<LiveHub> hub);

/// The `state` message of `job` as `runs` holds it now: the run's state and pause reason,
/// or `idle` when this server holds no run of the job.
std::string current_state_message(lab::RunManager& runs, lab::JobId job);

} // namespace callab::web
