#include <callab/lab/run_manager.hpp>

#include <algorithm>
#include <chrono>
#include <thread>

namespace callab::lab {

/// A run the manager holds. It observes its own CalibrationRun, so a snapshot can be taken
/// while the worker is inside run().
struct RunManager::ActiveRun final : RunObserver {
    Job job;
    User started_by;
    bool manual_indication = false;
    std::unique_ptr<CalibrationRun> run;
    std::thread worker;
    bool working = false; ///< the worker is inside run(); guarded by RunManager::mutex_
    std::shared_ptr<RunListener> listener; ///< may be null

    std::mutex progress_mutex;
    RunSnapshot progress;

    void announce(RunState state, const std::string& message) const {
        if (listener) {
            listener->state_changed(job.id, state, message);
        }
    }

    void point_started(int point, double /*nominal*/) override {
        const std::scoped_lock lock(progress_mutex);
        progress.current_point = point;
        progress.state = RunState::running;
    }
    void reading_stored(const ReadingRecord& reading, ReadingRole role) override {
        if (listener) {
            listener->reading_stored(job.id, reading, role);
        }
    }
    void point_computed(const PointResult& result) override {
        {
            const std::scoped_lock lock(progress_mutex);
            progress.results.push_back(result);
        }
        if (listener) {
            listener->point_computed(job.id, result);
        }
    }
    void paused(const std::string& reason) override {
        {
            const std::scoped_lock lock(progress_mutex);
            progress.state = RunState::paused;
            progress.pause_reason = reason;
        }
        // A refusal is reported through paused() too; the run knows which it was.
        announce(run && run->state() == RunState::refused ? RunState::refused : RunState::paused,
                 reason);
    }
    void device_fault(const std::string& device, const std::string& message) override {
        if (listener) {
            listener->device_fault(job.id, device, message);
        }
    }
    void finished(std::span<const PointResult> /*results*/) override {
        {
            const std::scoped_lock lock(progress_mutex);
            progress.state = RunState::finished;
            progress.pause_reason.clear();
        }
        announce(RunState::finished, "");
    }
};

namespace {

constexpr std::string_view awaiting_typed_readings = "enter ";
constexpr auto busy_wait = std::chrono::seconds(5);

/// The standards chosen for the job's test points when it was opened, each once, in the
/// order recorded: the first chosen for the first point is the run's reference standard.
std::vector<StandardId> planned_standards(JobStore& jobs, JobId job) {
    auto uses = jobs.standards_used(job);
    std::stable_sort(uses.begin(), uses.end(), [](const StandardUse& a, const StandardUse& b) {
        return a.test_point < b.test_point;
    });
    std::vector<StandardId> standards;
    for (const auto& use : uses) {
        if (std::find(standards.begin(), standards.end(), use.standard) == standards.end()) {
            standards.push_back(use.standard);
        }
    }
    return standards;
}

} // namespace

RunManager::RunManager(JobStore& jobs, UserStore& users, StandardStore& standards,
                       std::optional<Bench> bench, RunSettings defaults)
    : RunManager(jobs, users, standards,
                 bench ? std::vector<BenchStation>{{"bench", {}, *bench, std::move(defaults)}}
                       : std::vector<BenchStation>{}) {}

RunManager::RunManager(JobStore& jobs, UserStore& users, StandardStore& standards,
                       std::vector<BenchStation> stations)
    : jobs_(jobs), users_(users), standards_(standards), workflow_(jobs, users, standards),
      stations_(std::move(stations)) {}

RunManager::~RunManager() {
    std::unique_lock lock(mutex_);
    for (auto& [id, run] : runs_) {
        run->run->request_pause();
    }
    lock.unlock();
    wait_idle();
    for (auto& [id, run] : runs_) {
        if (run->worker.joinable()) {
            run->worker.join();
        }
    }
}

Outcome<void> RunManager::check_operator(const Job& job, const User& by) const {
    const bool own = job.spec.technician && *job.spec.technician == by.id;
    if (own || by.data.role == Role::manager) {
        return {};
    }
    return reject(errc::not_permitted, "user " + by.data.username + " is not job " +
                                           job.id.to_string() +
                                           "'s technician and cannot operate its run");
}

Outcome<RunManager::ActiveRun*> RunManager::find_run(JobId job) {
    const auto found = runs_.find(job);
    if (found == runs_.end()) {
        return reject(errc::invalid_transition,
                      "job " + job.to_string() + " has no run on this server; start it first");
    }
    return found->second.get();
}

RunSnapshot RunManager::snapshot_of(ActiveRun& run) {
    const std::scoped_lock lock(run.progress_mutex);
    return run.progress;
}

void RunManager::launch(ActiveRun& run) {
    if (run.worker.joinable()) {
        run.worker.join();
    }
    run.working = true;
    measuring_ = run.job.id;
    {
        const std::scoped_lock progress(run.progress_mutex);
        run.progress.state = RunState::running;
        run.progress.pause_reason.clear();
    }
    run.announce(RunState::running, "");
    run.worker = std::thread([this, &run] { work(run); });
}

void RunManager::work(ActiveRun& run) {
    const RunState state = run.run->run();
    {
        const std::scoped_lock progress(run.progress_mutex);
        run.progress.environment = run.run->conditions().environment;
    }
    if (state == RunState::finished) {
        auto measured = workflow_.advance(run.job.id, JobStatus::measured, run.started_by);
        if (!measured) {
            run.paused("job " + run.job.id.to_string() + ": " + measured.error().message);
        }
    }
    const std::scoped_lock lock(mutex_);
    run.working = false;
    if (measuring_ == run.job.id) {
        measuring_.reset();
    }
    idle_.notify_all();
}

Outcome<RunSnapshot> RunManager::start(JobId id, const User& by, bool manual_indication,
                                       std::vector<drivers::Reading> typed_environment) {
    const auto job = jobs_.find_job(id);
    if (!job) {
        return reject(errc::not_found, "job: " + id.to_string() + " does not exist");
    }
    if (auto allowed = check_operator(*job, by); !allowed) {
        return allowed.error();
    }
    if (stations_.empty()) {
        return reject(errc::device_fault,
                      "bench: this server has no bench (start it with --simulated-bench or "
                      "--bench FILE)");
    }
    if (!job->spec.procedure) {
        return reject(errc::invalid_field, "procedure: job " + id.to_string() + " names none");
    }
    auto procedure = standards_.find_procedure(*job->spec.procedure);
    if (!procedure) {
        return reject(errc::not_found,
                      "procedure: " + job->spec.procedure->to_string() + " does not exist");
    }
    const auto kind = procedure->data.kind;
    const auto station =
        std::find_if(stations_.begin(), stations_.end(), [&](const BenchStation& s) {
            return s.kinds.empty() ||
                   std::find(s.kinds.begin(), s.kinds.end(), kind) != s.kinds.end();
        });
    if (station == stations_.end()) {
        return reject(errc::device_fault, "bench: no station of this server measures " +
                                              std::string(enum_name(kind, instrument_kind_names)) +
                                              " (procedure " + procedure->data.code + ")");
    }
    if (!typed_environment.empty() && station->bench.environment != nullptr) {
        return reject(errc::invalid_field, "environment: the bench's sensor " +
                                               station->bench.environment->device() +
                                               " reads the room; it is not typed");
    }
    const std::scoped_lock lock(mutex_);
    if (measuring_ && *measuring_ != id) {
        return reject(errc::conflict, "bench: it is measuring job " + measuring_->to_string());
    }
    if (const auto held = runs_.find(id); held != runs_.end() && held->second->working) {
        return reject(errc::invalid_transition, "job " + id.to_string() + " is measuring");
    }
    auto moved = workflow_.advance(id, JobStatus::measuring, by);
    if (!moved) {
        return moved.error();
    }
    auto run = std::make_unique<ActiveRun>();
    run->job = *moved;
    run->started_by = by;
    run->manual_indication = manual_indication;
    run->progress.job = id;
    run->progress.manual_indication = manual_indication;
    run->listener = listener_;
    Bench bench = station->bench;
    if (manual_indication) {
        bench.indication = nullptr;
    }
    RunSettings settings = station->settings;
    settings.recorded_by = by.data.username;
    if (settings.standards.empty()) {
        settings.standards = planned_standards(jobs_, id);
    }
    if (job->spec.resolution > 0) {
        settings.resolution = job->spec.resolution;
    }
    settings.typed_environment = std::move(typed_environment);
    run->run = std::make_unique<CalibrationRun>(jobs_, RunRecords{standards_, users_}, *moved,
                                                std::move(*procedure), bench, std::move(settings),
                                                run.get());
    if (auto old = runs_.find(id); old != runs_.end() && old->second->worker.joinable()) {
        old->second->worker.join();
    }
    auto& placed = *(runs_[id] = std::move(run));
    launch(placed);
    return snapshot_of(placed);
}

Outcome<RunSnapshot> RunManager::pause(JobId id, const User& by) {
    const std::scoped_lock lock(mutex_);
    auto run = find_run(id);
    if (!run) {
        return run.error();
    }
    if (auto allowed = check_operator((*run)->job, by); !allowed) {
        return allowed.error();
    }
    if (!(*run)->working) {
        return reject(errc::invalid_transition, "job " + id.to_string() + " is not measuring");
    }
    (*run)->run->request_pause();
    return snapshot_of(**run);
}

Outcome<RunSnapshot> RunManager::resume(JobId id, const User& by) {
    const std::scoped_lock lock(mutex_);
    auto run = find_run(id);
    if (!run) {
        return run.error();
    }
    if (auto allowed = check_operator((*run)->job, by); !allowed) {
        return allowed.error();
    }
    if ((*run)->working || (*run)->run->state() != RunState::paused) {
        return reject(errc::invalid_transition, "job " + id.to_string() + " is not paused");
    }
    if (measuring_ && *measuring_ != id) {
        return reject(errc::conflict, "bench: it is measuring job " + measuring_->to_string());
    }
    launch(**run);
    return snapshot_of(**run);
}

Outcome<Job> RunManager::abort(JobId id, const User& by) {
    std::unique_lock lock(mutex_);
    const auto held = runs_.find(id);
    if (held != runs_.end()) {
        if (auto allowed = check_operator(held->second->job, by); !allowed) {
            return allowed.error();
        }
    }
    auto cancelled = workflow_.advance(id, JobStatus::cancelled, by);
    if (!cancelled || held == runs_.end()) {
        return cancelled;
    }
    ActiveRun& run = *held->second;
    run.run->request_pause();
    idle_.wait(lock, [&] { return !run.working; });
    if (run.worker.joinable()) {
        run.worker.join();
    }
    run.run->abort();
    {
        const std::scoped_lock progress(run.progress_mutex);
        run.progress.state = RunState::aborted;
    }
    run.announce(RunState::aborted, "job " + id.to_string() + " was cancelled");
    return cancelled;
}

Outcome<ReadingRecord> RunManager::enter_manual(JobId id, ReadingRole role, double value,
                                                std::string_view unit, const User& by) {
    std::unique_lock lock(mutex_);
    auto found = find_run(id);
    if (!found) {
        return found.error();
    }
    ActiveRun& run = **found;
    if (auto allowed = check_operator(run.job, by); !allowed) {
        return allowed.error();
    }
    // A run resumed after the previous typed reading pauses again at once when it needs more.
    if (!idle_.wait_for(lock, busy_wait, [&] { return !run.working; })) {
        return reject(errc::invalid_transition,
                      "job " + id.to_string() + " is measuring; pause it before typing readings");
    }
    auto stored = run.run->enter_manual(role, value, unit);
    if (!stored) {
        return stored.error();
    }
    const bool waiting = run.run->state() == RunState::paused &&
                         run.run->pause_reason().starts_with(awaiting_typed_readings);
    if (waiting && (!measuring_ || *measuring_ == id)) {
        launch(run);
    }
    return stored;
}

void RunManager::publish_to(std::shared_ptr<RunListener> listener) {
    const std::scoped_lock lock(mutex_);
    listener_ = std::move(listener);
}

std::optional<RunSnapshot> RunManager::snapshot(JobId id) {
    const std::scoped_lock lock(mutex_);
    const auto found = runs_.find(id);
    if (found == runs_.end()) {
        return std::nullopt;
    }
    return snapshot_of(*found->second);
}

void RunManager::wait_idle() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] {
        for (const auto& [id, run] : runs_) {
            if (run->working) {
                return false;
            }
        }
        return true;
    });
}

} // namespace callab::lab
