#pragma once

#include <callab/lab/calibration_run.hpp>

#include <string>

namespace callab::lab {

/// Follows every run of a RunManager, each event tagged with its job: what a live view
/// shows. Called on the run's worker thread (or on the request thread that started,
/// paused or aborted it), so an implementation must return quickly and never block on a
/// client.
class RunListener {
public:
    virtual ~RunListener() = default;
    /// The run is now `state`; `message` says why it paused, was refused or stopped.
    virtual void state_changed(JobId job, RunState state, const std::string& message) = 0;
    virtual void reading_stored(JobId job, const ReadingRecord& reading, ReadingRole role) = 0;
    virtual void point_computed(JobId job, const PointResult& result) = 0;
    /// A device of the bench failed (the run pauses with the same message).
    virtual void device_fault(JobId job, const std::string& device, const std::string& message) = 0;
};

} // namespace callab::lab
