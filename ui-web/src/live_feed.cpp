#include "live_feed.hpp"

#include "job_json.hpp"
#include "run_json.hpp"

#include <callab/lab/run_listener.hpp>

#include <cstdio>

namespace callab::web {
namespace {

// UTC with microseconds: when the reading was stored, for measuring the delay to a client.
std::string iso8601_micros(std::chrono::system_clock::time_point t) {
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch());
    const std::string seconds = iso8601(
        std::chrono::system_clock::time_point(std::chrono::floor<std::chrono::seconds>(us)));
    char fraction[16];
    std::snprintf(fraction, sizeof fraction, ".%06dZ",
                  static_cast<int>(((us.count() % 1000000) + 1000000) % 1000000));
    return seconds.substr(0, seconds.find('.')) + fraction;
}

nlohmann::json state_message(lab::JobId job, std::string_view state, const std::string& message) {
    nlohmann::json event{{"type", "state"}, {"job_id", job.value()}, {"state", state}};
    if (!message.empty()) {
        event["message"] = message;
    }
    return event;
}

class LiveFeed final : public lab::RunListener {
public:
    explicit LiveFeed(std::shared_ptr<LiveHub> hub) : hub_(std::move(hub)) {}

    void state_changed(lab::JobId job, lab::RunState state, const std::string& message) override {
        hub_->publish_state(job, state_message(job, run_state_name(state), message).dump());
    }

    void reading_stored(lab::JobId job, const lab::ReadingRecord& reading,
                        lab::ReadingRole role) override {
        const auto stored_at = std::chrono::system_clock::now();
        const nlohmann::json event{
            {"type", "reading"},
            {"job_id", job.value()},
            {"point", reading.test_point},
            {"role", role == lab::ReadingRole::reference ? "reference" : "device"},
            {"value", reading.value},
            {"unit", reading.unit},
            {"at", iso8601(reading.taken_at)},
            {"stored_at", iso8601_micros(stored_at)},
            {"source", reading.source}};
        hub_->publish(job, event.dump());
    }

    void point_computed(lab::JobId job, const lab::PointResult& result) override {
        const nlohmann::json event{{"type", "point"},
                                   {"job_id", job.value()},
                                   {"point", result.test_point},
                                   {"result", point_result_to_json(result)}};
        hub_->publish(job, event.dump());
    }

    void device_fault(lab::JobId job, const std::string& device,
                      const std::string& message) override {
        const nlohmann::json event{
            {"type", "fault"}, {"job_id", job.value()}, {"device", device}, {"message", message}};
        hub_->publish(job, event.dump());
    }

private:
    std::shared_ptr<LiveHub> hub_;
};

} // namespace

void publish_runs(lab::RunManager& runs, std::shared_ptr<LiveHub> hub) {
    runs.publish_to(std::make_shared<LiveFeed>(std::move(hub)));
}

std::string current_state_message(lab::RunManager& runs, lab::JobId job) {
    const auto snapshot = runs.snapshot(job);
    if (!snapshot) {
        return state_message(job, "idle", "").dump();
    }
    return state_message(job, run_state_name(snapshot->state), snapshot->pause_reason).dump();
}

} // namespace callab::web
