#include <callab/lab/calibration_run.hpp>
#include <callab/lab/point_condition.hpp>
#include <callab/lab/run_results.hpp>

#include <algorithm>
#include <cmath>
#include <deque>
#include <thread>

namespace callab::lab {
namespace {

ReadingRole role_of(const ReadingRecord& r) {
    return is_reference_reading(r) ? ReadingRole::reference : ReadingRole::indication;
}

std::string describe(const drivers::Meter& meter, const boost::system::error_code& cause) {
    std::string detail = meter.last_fault();
    return "device " + meter.device() + ": " + cause.message() +
           (detail.empty() ? "" : " (" + detail + ")");
}

} // namespace

CalibrationRun::CalibrationRun(JobStore& store, RunRecords records, Job job, Procedure procedure,
                               Bench bench, RunSettings settings, RunObserver* observer)
    : store_(store), records_(records), job_(std::move(job)), procedure_(std::move(procedure)),
      bench_(bench), settings_(std::move(settings)), observer_(observer),
      readings_(store_.readings_of(job_.id)) {
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

RunState CalibrationRun::fault(const drivers::Meter& device,
                               const boost::system::error_code& cause) {
    std::string reason = describe(device, cause);
    if (observer_ != nullptr) {
        observer_->device_fault(device.device(), reason);
    }
    return pause(std::move(reason));
}

Outcome<RunConditions> CalibrationRun::check_preconditions() {
    if (auto technician = check_technician(records_.users, job_, procedure_); !technician) {
        return technician.error();
    }
    auto conditions =
        check_standards(records_.standards, settings_.standards, settings_.standard_override,
                        procedure_, date_of(std::chrono::system_clock::now()));
    if (!conditions) {
        return conditions.error();
    }
    auto environment =
        check_environment(procedure_, bench_.environment, settings_.typed_environment);
    if (!environment) {
        return environment.error();
    }
    conditions->environment = std::move(*environment);
    return conditions;
}

Outcome<void> CalibrationRun::store(ReadingRole role, double value, std::string unit,
                                    std::string source, std::chrono::system_clock::time_point at) {
    ReadingRecord r;
    r.job = job_.id;
    r.value = value;
    r.unit = std::move(unit);
    r.source =
        role == ReadingRole::reference ? std::string(reference_source_prefix) + source : source;
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
    const auto index = static_cast<std::size_t>(point);
    const double nominal = procedure_.data.test_points[index];
    if (!settings_.source_setting.empty()) {
        if (auto written = bench_.source->write_setting(settings_.source_setting, nominal);
            !written) {
            fault(*bench_.source, written.error());
            return false;
        }
    }
    // What the point's condition asks of the source (voltage, current, power factor), then
    // the output switched on where the source has an output switch.
    std::vector<SourceCommand> commands;
    if (const auto& conditions = procedure_.data.point_conditions; index < conditions.size()) {
        auto parsed = source_commands_of(conditions[index]);
        if (!parsed) {
            pause(parsed.error().message);
            return false;
        }
        commands = std::move(*parsed);
    }
    const auto names = bench_.source->setting_names();
    const auto has = [&](const std::string& name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    };
    if (!commands.empty() && has("output")) {
        commands.push_back({"output", 1.0});
    }
    for (const auto& command : commands) {
        if (!has(command.setting)) {
            pause("device " + bench_.source->device() + ": has no setting " + command.setting +
                  " for test point " + std::to_string(point) + " (" +
                  procedure_.data.point_conditions[index] + ")");
            return false;
        }
        if (auto written = bench_.source->write_setting(command.setting, command.value); !written) {
            fault(*bench_.source, written.error());
            return false;
        }
    }
    if (!wait_for_stability(point)) {
        return false;
    }
    settled_point_ = point;
    return true;
}

std::optional<drivers::Reading> CalibrationRun::read_in_unit(drivers::Meter& meter) {
    const auto& unit = procedure_.data.unit;
    auto reading = meter.read();
    if (!reading) {
        fault(meter, reading.error());
        return std::nullopt;
    }
    if (reading->unit == unit) {
        return std::move(*reading);
    }
    // An instrument reading several quantities (a power analyser: U, I, P, …) gives the one
    // in the procedure's unit.
    auto all = meter.read_all();
    if (!all) {
        fault(meter, all.error());
        return std::nullopt;
    }
    for (auto& each : *all) {
        if (each.unit == unit) {
            return std::move(each);
        }
    }
    pause("device " + meter.device() + ": reads in " + reading->unit + ", the procedure in " +
          unit);
    return std::nullopt;
}

// The procedure's criterion: readings of the reference agree within the stabilisation
// tolerance for the stabilisation time (divided by the time scale of a simulated bench).
bool CalibrationRun::wait_for_stability(int point) {
    drivers::Meter* meter = bench_.reference;
    const double tolerance = procedure_.data.stabilisation_tolerance;
    const auto span =
        std::chrono::duration<double>(procedure_.data.stabilisation_seconds / settings_.time_scale);
    if (meter == nullptr || procedure_.data.stabilisation_seconds <= 0) {
        return true;
    }
    using Clock = std::chrono::steady_clock;
    std::deque<std::pair<Clock::time_point, double>> window;
    for (int check = 0; check < settings_.stability_checks; ++check) {
        if (pause_requested_.exchange(false)) {
            pause("paused at the technician's request");
            return false;
        }
        auto reading = read_in_unit(*meter);
        if (!reading) {
            return false;
        }
        const auto now = Clock::now();
        window.emplace_back(now, reading->value);
        // Drop the oldest readings until the rest agree within the tolerance.
        while (true) {
            const auto [low, high] =
                std::minmax_element(window.begin(), window.end(), [](const auto& a, const auto& b) {
                    return a.second < b.second;
                });
            if (high->second - low->second <= tolerance) {
                break;
            }
            window.pop_front();
        }
        if (now - window.front().first >= span) {
            return true;
        }
        std::this_thread::sleep_for(settings_.stability_poll);
    }
    pause("device " + meter->device() + ": not stable within ±" + std::to_string(tolerance) + " " +
          procedure_.data.unit + " for " + std::to_string(procedure_.data.stabilisation_seconds) +
          " s at test point " + std::to_string(point) + " (" +
          std::to_string(procedure_.data.test_points[static_cast<std::size_t>(point)]) +
          ") after " + std::to_string(settings_.stability_checks) + " readings");
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
        auto reading = read_in_unit(*meter);
        if (!reading) {
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
    auto result = point_result_from_readings(
        procedure_, point, readings_,
        PointInputs{conditions_.reference_standard_u, settings_.resolution, settings_.cmc_table});
    if (!result) {
        return result.error();
    }
    results_.push_back(std::move(*result));
    if (observer_ != nullptr) {
        observer_->point_computed(results_.back());
    }
    return {};
}

void CalibrationRun::record_standards(int point) {
    const auto used = store_.standards_used(job_.id);
    // Standards chosen for this point when the job was opened (or recorded before a
    // restart) stand as they are.
    if (std::any_of(used.begin(), used.end(),
                    [&](const StandardUse& u) { return u.test_point == point; })) {
        return;
    }
    for (const auto& standard : settings_.standards) {
        const bool recorded = std::any_of(used.begin(), used.end(), [&](const StandardUse& u) {
            return u.test_point == point && u.standard == standard;
        });
        if (!recorded) {
            store_.record_standard_use(
                StandardUse{job_.id, point, standard, settings_.standard_override});
        }
    }
}

RunState CalibrationRun::run() {
    if (state_ == RunState::aborted || state_ == RunState::finished) {
        return state_;
    }
    pause_reason_.clear();
    auto checked = check_preconditions();
    if (!checked) {
        refusal_ = checked.error();
        pause_reason_ = checked.error().message;
        state_ = RunState::refused;
        if (observer_ != nullptr) {
            observer_->paused(pause_reason_);
        }
        return state_;
    }
    refusal_.reset();
    conditions_ = std::move(*checked);
    // What the run starts with is stored before anything is measured, so the certificate can
    // be issued from the records alone.
    store_.record_run_start(RunStart{job_.id, std::chrono::system_clock::now(),
                                     settings_.recorded_by, conditions_.reference_standard_u,
                                     conditions_.reference_certificate, settings_.resolution,
                                     conditions_.environment});
    state_ = RunState::running;
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
            record_standards(point);
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
    if (state_ == RunState::refused && refusal_) {
        return *refusal_;
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
