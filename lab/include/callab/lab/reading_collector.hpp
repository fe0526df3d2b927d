#pragma once

#include <callab/drivers/meter.hpp>
#include <callab/lab/job_store.hpp>

#include <boost/system/result.hpp>

#include <chrono>
#include <functional>
#include <string>

namespace callab::lab {

/// Takes readings of a job from a meter and stores each one the moment it arrives, so
/// nothing acknowledged by the instrument is lost if the process stops afterwards.
class ReadingCollector {
public:
    struct Fault {
        std::string device;
        boost::system::error_code cause;
        std::string message() const { return "device " + device + ": " + cause.message(); }
    };

    ReadingCollector(JobStore& store, std::string recorded_by);

    /// Takes `count` readings `interval` apart. Stops at the first device fault and returns
    /// it (readings stored before it are kept); returns the number stored otherwise.
    boost::system::result<std::size_t, Fault> collect(JobId job, drivers::Meter& meter,
                                                      std::size_t count,
                                                      std::chrono::milliseconds interval);

private:
    JobStore& store_;
    std::string recorded_by_;
};

} // namespace callab::lab
