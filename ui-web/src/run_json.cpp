#include "run_json.hpp"

#include "job_json.hpp"

namespace callab::web {

std::string_view run_state_name(lab::RunState state) {
    switch (state) {
    case lab::RunState::running:
        return "running";
    case lab::RunState::paused:
        return "paused";
    case lab::RunState::refused:
        return "refused";
    case lab::RunState::finished:
        return "finished";
    case lab::RunState::aborted:
        return "aborted";
    }
    return "running";
}

nlohmann::json run_snapshot_to_json(const lab::RunSnapshot& snapshot) {
    nlohmann::json points = nlohmann::json::array();
    for (const auto& point : snapshot.results) {
        points.push_back(point_result_to_json(point));
    }
    return {{"job_id", snapshot.job.value()},
            {"state", run_state_name(snapshot.state)},
            {"pause_reason", snapshot.pause_reason},
            {"current_point", snapshot.current_point},
            {"manual_indication", snapshot.manual_indication},
            {"points", points}};
}

} // namespace callab::web
