#pragma once

#include <callab/lab/strong_id.hpp>

#include <chrono>
#include <string>

namespace callab::lab {

/// What a technician states to open a calibration job.
struct NewJob {
    std::string title;      ///< e.g. "IR forehead thermometer at 37 °C"
    std::string instrument; ///< the device under test as the customer names it
    std::string quantity;   ///< the measured quantity, e.g. "object_temperature"
    std::string unit;       ///< e.g. "degC"
    double resolution = 0;  ///< the smallest step of the indication, in `unit`
};

/// A calibration job as stored.
struct Job {
    JobId id;
    NewJob spec;
    std::chrono::system_clock::time_point created_at;
};

} // namespace callab::lab
