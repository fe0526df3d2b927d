#pragma once

#include <callab/lab/calibration_run.hpp>
#include <callab/lab/job_workflow.hpp>
#include <callab/lab/run_listener.hpp>

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace callab::lab {

/// What a run looks like from outside while it lives in the manager.
struct RunSnapshot {
    JobId job;
    RunState state = RunState::running;
    std::string pause_reason;
    int current_point = 0;
    bool manual_indication = false;
    std::vector<PointResult> results;
    /// What the environment sensor read when the run last checked its preconditions.
    std::vector<drivers::Reading> environment;
};

/// A station of a bench: a source with the instruments around it and the settings its runs
/// take. A job runs on the first station whose `kinds` hold its procedure's instrument kind
/// (an empty list takes every kind): IR thermometers at the blackbody, power analysers at the
/// power source.
struct BenchStation {
    std::string name; ///< for messages, e.g. "thermometry", "power"
    std::vector<InstrumentKind> kinds;
    Bench bench;
    RunSettings settings;
};

/// The runs of one server's bench. Starting a job opens a CalibrationRun on the bench and
/// works through it on a worker thread; pause, resume, abort and typed readings reach the run
/// from request threads. One run measures at a time (the bench has one source); paused runs
/// wait their turn. A bench of several stations (a blackbody, a power source) runs each job on
/// the station its instrument kind needs, one run at a time on the whole bench. Every transition of
/// the job goes through JobWorkflow, so the status machine and the roles are the lab's rules: start
/// moves the job to measuring, a finished run to measured (by the technician who started it), abort
/// to cancelled.
class RunManager {
public:
    /// `bench` empty: this server has no bench, and starting a job is refused.
    RunManager(JobStore& jobs, UserStore& users, StandardStore& standards,
               std::optional<Bench> bench, RunSettings defaults);
    /// A bench of several stations; still one run measures at a time on the whole bench.
    RunManager(JobStore& jobs, UserStore& users, StandardStore& standards,
               std::vector<BenchStation> stations);
    ~RunManager();
    RunManager(const RunManager&) = delete;
    RunManager& operator=(const RunManager&) = delete;

    /// Starts (or, for a returned job, restarts) `job` on the bench. With `manual_indication`
    /// the device under test's readings are typed in (a handheld thermometer without an
    /// interface) while the bench's source and reference still run. `typed_environment` is
    /// the room as the technician read it, for a bench without an environment sensor
    /// (RunSettings::typed_environment); a bench with one refuses it (errc::invalid_field).
    Outcome<RunSnapshot> start(JobId job, const User& by, bool manual_indication,
                               std::vector<drivers::Reading> typed_environment = {});
    /// Asks the run to stop after the reading in progress.
    Outcome<RunSnapshot> pause(JobId job, const User& by);
    /// Continues a paused run on the worker thread.
    Outcome<RunSnapshot> resume(JobId job, const User& by);
    /// Ends the run and cancels the job.
    Outcome<Job> abort(JobId job, const User& by);
    /// Stores a typed reading for the run's current point (unit and range checked by the
    /// run); a run paused because it was waiting for typed readings continues by itself.
    Outcome<ReadingRecord> enter_manual(JobId job, ReadingRole role, double value,
                                        std::string_view unit, const User& by);
    /// Reports the progress of the runs started from now on to `listener` (null: to nobody).
    void publish_to(std::shared_ptr<RunListener> listener);

    /// The run of `job`, if the manager holds one.
    std::optional<RunSnapshot> snapshot(JobId job);

    /// Blocks until no run is measuring (for tests and orderly shutdown).
    void wait_idle();

private:
    struct ActiveRun;

    Outcome<void> check_operator(const Job& job, const User& by) const;
    Outcome<ActiveRun*> find_run(JobId job);
    void launch(ActiveRun& run);
    void work(ActiveRun& run);
    RunSnapshot snapshot_of(ActiveRun& run);

    JobStore& jobs_;
    UserStore& users_;
    StandardStore& standards_;
    JobWorkflow workflow_;
    std::vector<BenchStation> stations_; ///< empty: no bench
    std::mutex mutex_;                   ///< guards runs_, measuring_ and each run's `working`
    std::condition_variable idle_;
    std::map<JobId, std::unique_ptr<ActiveRun>> runs_;
    std::optional<JobId> measuring_; ///< the run holding the bench
    std::shared_ptr<RunListener> listener_;
};

} // namespace callab::lab
