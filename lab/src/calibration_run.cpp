#include <callab/lab/calibration_run.hpp>

#include <cmath>
#include <thread>

namespace callab::lab {
namespace {

constexpr std::string_view reference_prefix = "reference:";

ReadingRole role_of(const ReadingRecord& r) {
    return std::string_view(r.source).starts_with(reference_prefix) ? ReadingRole::reference
                                                                    : ReadingRole::indication;
}

std::string describe(const drivers::Meter& meter, const boost::system::error_code& cause) {
    std::string detail = meter.last_fault();
    return "device " + meter.device() + ": " + cause.message() +
           (detail.empty() ? "" : " (" + detail + ")");
}

} // namespace

CalibrationRun::CalibrationRun(JobStore& store, Job job, Procedure procedure, Bench bench,
                               RunSettings settings, RunObserver* observer)
    : store_(store), job_(std::move(job)), procedure_(std::move(procedure)), bench_(bench),
      settings_(std::move(settings)), observer_(observer), readings_(store_.readings_of(job_.id)) {
    if (bench_.reference == nullptr) {
        bench_.reference = bench_.source;
    }
}

std::size_t CalibrationRun::count(int point, ReadingRole role) const {
    std::size_t n = 0;
    for (const auto& r : readings_) {
        n += (r.test_point == point && role_of(r) == role) ? 1 : 0;
    }
    return n;
}

RunState CalibrationRun::pause(std::string reason) {
    pause_reason_ = std::move(reason);
    state_ = RunState::paused;
    if (observer_ != nullptr) {
        observer_->paused(pause_reason_);
    }
    return state_;
}

Outcome<double> CalibrationRun::check_environment() {
    if (bench_.environment == nullptr) {
        return reject(errc::invalid_field, "environment: no environment sensor on the bench");
    }
    auto reading = bench_.environment->read();
    if (!reading) {
        return reject(errc::device_fault, describe(*bench_.environment, reading.error()));
    }
    if (reading->value < settings_.environment_low || reading->value > settings_.environment_high) {
        return reject(errc::invalid_field, "environment: " + bench_.environment->device() +
                                               " reads " + std::to_string(reading->value) + " " +
                                               reading->unit + ", outside " +
                                               std::to_string(settings_.environment_low) + "–" +
                                               std::to_string(settings_.environment_high));
    }
    return reading->value;
}

Outcome<void> CalibrationRun::store(ReadingRole role, double value, std::string unit,
                                    std::string source, std::chrono::system_clock::time_point at) {
    ReadingRecord r;
    r.job = job_.id;
    r.value = value;
    r.unit = std::move(unit);
    r.source = role == ReadingRole::reference ? std::string(reference_prefix) + source : source;
    r.taken_at = at;
    r.recorded_by = settings_.recorded_by;
    r.test_point = current_;
    readings_.push_back(store_.append_reading(r));
    if (observer_ != nullptr) {
        observer_->reading_stored(readings_.back(), role);
    }
    return {};
}

bool CalibrationRun::settle(int point) {
    if (bench_.source == nullptr || settled_point_ == point) {
        return true;
    }
    const double nominal = procedure_.data.test_points[static_cast<std::size_t>(point)];
    if (auto written = bench_.source->write_setting(settings_.source_setting, nominal); !written) {
        pause(describe(*bench_.source, written.error()));
        return false;
    }
    for (int check = 0; check < settings_.stability_checks; ++check) {
        auto stable = bench_.source->is_stable();
        if (!stable) {
            pause(describe(*bench_.source, stable.error()));
            return false;
        }
        if (*stable) {
            settled_point_ = point;
            return true;
        }
        std::this_thread::sleep_for(settings_.stability_poll);
    }
    pause("device " + bench_.source->device() + ": not stable at " + std::to_string(nominal) + " " +
          procedure_.data.unit + " after " + std::to_string(settings_.stability_checks) +
          " checks");
    return false;
}

bool CalibrationRun::measure(int point, ReadingRole role, drivers::Meter* meter) {
    const auto wanted = static_cast<std::size_t>(procedure_.data.readings_per_point);
    while (count(point, role) < wanted) {
        if (pause_requested_.exchange(false)) {
            pause("paused at the technician's request");
            return false;
        }
        if (state_ == RunState::aborted) {
            return false;
        }
        if (meter == nullptr) {
            pause(std::string("enter ") +
                  (role == ReadingRole::reference ? "reference" : "device under test") +
                  " readings at test point " + std::to_string(point) + ": " +
                  std::to_string(count(point, role)) + " of " + std::to_string(wanted) + " stored");
            return false;
        }
        auto reading = meter->read();
        if (!reading) {
            pause(describe(*meter, reading.error()));
            return false;
        }
        if (reading->unit != procedure_.data.unit) {
            pause("device " + meter->device() + ": reads in " + reading->unit +
                  ", the procedure in " + procedure_.data.unit);
            return false;
        }
        store(role, reading->value, reading->unit, meter->device(), reading->timestamp).value();
        if (count(point, role) < wanted) {
            std::this_thread::sleep_for(settings_.reading_interval);
        }
    }
    return true;
}

Outcome<void> CalibrationRun::finish_point(int point) {
    std::vector<double> indications;
    std::vector<double> references;
    for (const auto& r : readings_) {
        if (r.test_point == point) {
            (role_of(r) == ReadingRole::reference ? references : indications).push_back(r.value);
        }
    }
    auto result = compute_point(procedure_, point, indications, references, settings_.resolution,
                                settings_.cmc_table);
    if (!result) {
        return result.error();
    }
    results_.push_back(std::move(*result));
    if (observer_ != nullptr) {
        observer_->point_computed(results_.back());
    }
    return {};
}

RunState CalibrationRun::run() {
    if (state_ == RunState::aborted || state_ == RunState::finished) {
        return state_;
    }
    state_ = RunState::running;
    pause_reason_.clear();
    const auto wanted = static_cast<std::size_t>(procedure_.data.readings_per_point);
    const int points = static_cast<int>(procedure_.data.test_points.size());
    while (current_ < points) {
        const int point = current_;
        const bool complete = count(point, ReadingRole::indication) >= wanted &&
                              count(point, ReadingRole::reference) >= wanted;
        if (!complete) {
            if (observer_ != nullptr && settled_point_ != point) {
                observer_->point_started(
                    point, procedure_.data.test_points[static_cast<std::size_t>(point)]);
            }
            if (!settle(point)) {
                return state_;
            }
            // Reference and indication alternate so both see the same source output.
            if (!measure(point, ReadingRole::reference, bench_.reference) ||
                !measure(point, ReadingRole::indication, bench_.indication)) {
                return state_;
            }
        }
        if (auto done = finish_point(point); !done) {
            return pause(done.error().message);
        }
        ++current_;
    }
    state_ = RunState::finished;
    if (observer_ != nullptr) {
        observer_->finished(results_);
    }
    return state_;
}

Outcome<ReadingRecord> CalibrationRun::enter_manual(ReadingRole role, double value,
                                                    std::string_view unit) {
    if (state_ == RunState::aborted || state_ == RunState::finished) {
        return reject(errc::invalid_transition, "the run is no longer open for readings");
    }
    if (unit != procedure_.data.unit) {
        return reject(errc::invalid_field, "unit: \"" + std::string(unit) + "\", the procedure " +
                                               procedure_.data.code + " measures in " +
                                               procedure_.data.unit);
    }
    if (!std::isfinite(value) || value < settings_.range_low || value > settings_.range_high) {
        return reject(errc::invalid_field, "value: " + std::to_string(value) +
                                               " is outside the range " +
                                               std::to_string(settings_.range_low) + "–" +
                                               std::to_string(settings_.range_high));
    }
    if (current_ >= static_cast<int>(procedure_.data.test_points.size()) ||
        count(current_, role) >= static_cast<std::size_t>(procedure_.data.readings_per_point)) {
        return reject(errc::invalid_field,
                      "test_point: " + std::to_string(current_) + " needs no more " +
                          (role == ReadingRole::reference ? "reference" : "device under test") +
                          " readings");
    }
    store(role, value, std::string(unit), "manual", std::chrono::system_clock::now()).value();
    return readings_.back();
}

void CalibrationRun::abort() {
    state_ = RunState::aborted;
}

} // namespace callab::lab
