#pragma once

#include <callab/drivers/meter.hpp>
#include <callab/lab/job_store.hpp>
#include <callab/lab/point_result.hpp>
#include <callab/lab/run_preconditions.hpp>

#include <atomic>
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace callab::lab {

/// Which side of the comparison a reading belongs to. Reference readings are stored with
/// their source prefixed "reference:" (e.g. "reference:manual"), indications without prefix.
enum class ReadingRole { indication, reference };

/// The instruments of a bench; any may be absent. Without an indication meter the readings
/// of the device under test are typed in; without a reference meter the source's own
/// report is the reference (or readings are typed in when there is no source either).
struct Bench {
    drivers::Source* source = nullptr;
    drivers::Meter* indication = nullptr;
    drivers::Meter* reference = nullptr;
    drivers::Meter* environment = nullptr;
};

struct RunSettings {
    std::string recorded_by;
    /// The lab's standards used; the first is the reference standard whose current
    /// certificate gives the budget's "reference standard" u = U/k. Each is recorded as used
    /// at every point measured.
    std::vector<StandardId> standards;
    /// A manager's permission to use an overdue or suspended standard.
    std::optional<UsageOverride> standard_override;
    double resolution = 0.0;   ///< of the device under test, in the procedure's unit
    double range_low = -1e300; ///< the device under test's range: manual readings
    double range_high = 1e300; ///< outside it are refused
    /// The source's setting each test point's value is written to (a blackbody's set point);
    /// empty when the points' conditions alone say what the source outputs (a power source).
    std::string source_setting = "set_point";
    std::chrono::milliseconds reading_interval{0};
    /// Between two readings of the reference while waiting for stability.
    std::chrono::milliseconds stability_poll{0};
    int stability_checks = 60; ///< not stable after this many readings: the run pauses
    /// Procedure seconds per real second: a simulated bench, whose sources settle faster
    /// than real ones, shortens the procedure's stabilisation time by this factor.
    double time_scale = 1.0;
    std::span<const CmcEntry> cmc_table = builtin_cmc_table();
    /// The room as the technician read it (device "manual"), for a bench without an
    /// environment sensor: checked against the procedure's limits as a sensor's readings are,
    /// and stored with each run start the same way.
    std::vector<drivers::Reading> typed_environment = {};
};

/// Progress of a run, for a live view. Called on the thread that runs it.
class RunObserver {
public:
    virtual ~RunObserver() = default;
    virtual void point_started(int /*test_point*/, double /*nominal*/) {}
    virtual void reading_stored(const ReadingRecord& /*reading*/, ReadingRole /*role*/) {}
    virtual void point_computed(const PointResult& /*result*/) {}
    virtual void paused(const std::string& /*reason*/) {}
    /// A device of the bench failed; paused() follows with the same message.
    virtual void device_fault(const std::string& /*device*/, const std::string& /*message*/) {}
    virtual void finished(std::span<const PointResult> /*results*/) {}
};

/// refused: a precondition does not hold (refusal() says which); nothing was measured.
enum class RunState { running, paused, refused, finished, aborted };

/// Executes a job's procedure on a bench, storing every reading through the JobStore the
/// moment it arrives. A new run of the same job continues from the stored readings: complete
/// points are computed, not re-measured; a partial point takes only the readings missing.
class CalibrationRun {
public:
    CalibrationRun(JobStore& store, RunRecords records, Job job, Procedure procedure, Bench bench,
                   RunSettings settings, RunObserver* observer = nullptr);

    /// The preconditions, checked by run() each time it starts or resumes: the job's
    /// technician is authorised for the procedure, each standard is usable today (the
    /// reference's certificate gives its u), the environment sensor reads within the
    /// procedure's limits. The rejection names the technician, standard or quantity.
    Outcome<RunConditions> check_preconditions();

    /// Works through the points until all are computed (finished), or something needs the
    /// technician (paused: a device fault, a source not stable, manual readings due, a pause
    /// request), or a precondition fails (refused). Calling it again resumes.
    RunState run();

    /// Stores a typed reading for the current point. The unit must be the procedure's and
    /// the value within the device's range; the point must still need a reading of `role`.
    Outcome<ReadingRecord> enter_manual(ReadingRole role, double value, std::string_view unit);

    /// Asks run() to stop after the reading in progress (safe from another thread).
    void request_pause() { pause_requested_ = true; }
    void abort();

    RunState state() const { return state_; }
    const std::string& pause_reason() const { return pause_reason_; }
    /// Why run() refused, when state() is refused.
    const std::optional<Rejection>& refusal() const { return refusal_; }
    /// What the last successful check found (the environment read, the reference's u).
    const RunConditions& conditions() const { return conditions_; }
    int current_point() const { return current_; }
    std::span<const PointResult> results() const { return results_; }

private:
    std::size_t count(int point, ReadingRole role) const;
    RunState pause(std::string reason);
    RunState fault(const drivers::Meter& device, const boost::system::error_code& cause);
    Outcome<void> store(ReadingRole role, double value, std::string unit, std::string source,
                        std::chrono::system_clock::time_point at);
    bool settle(int point);
    /// One reading of `meter` in the procedure's unit: its primary quantity, or the first of
    /// read_all() in that unit. Nothing (and the run paused) on a fault or no such quantity.
    std::optional<drivers::Reading> read_in_unit(drivers::Meter& meter);
    bool wait_for_stability(int point);
    bool measure(int point, ReadingRole role, drivers::Meter* meter);
    Outcome<void> finish_point(int point);
    void record_standards(int point);

    JobStore& store_;
    RunRecords records_;
    Job job_;
    Procedure procedure_;
    Bench bench_;
    RunSettings settings_;
    RunObserver* observer_;
    std::vector<ReadingRecord> readings_;
    std::vector<PointResult> results_;
    RunConditions conditions_;
    int current_ = 0;
    int settled_point_ = -1;
    RunState state_ = RunState::running;
    std::string pause_reason_;
    std::optional<Rejection> refusal_;
    std::atomic<bool> pause_requested_{false};
};

} // namespace callab::lab
