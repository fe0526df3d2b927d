#pragma once

#include <callab/lab/strong_id.hpp>

#include <chrono>
#include <string>

namespace callab::lab {

/// A reading as the records keep it. Readings are only ever appended, never changed.
struct ReadingRecord {
    ReadingId id; ///< assigned by the store
    JobId job;
    double value = 0.0;
    std::string unit;
    std::string source; ///< the device URI, or "manual"
    std::chrono::system_clock::time_point taken_at;
    std::string recorded_by;
};

} // namespace callab::lab
