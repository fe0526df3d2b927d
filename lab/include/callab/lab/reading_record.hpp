#pragma once

#include <callab/lab/enum_names.hpp>
#include <callab/lab/strong_id.hpp>

#include <chrono>
#include <string>

namespace callab::lab {

/// Readings before adjustment (as found) or after it / without adjustment (as left).
enum class ReadingPhase { as_left, as_found };

inline constexpr EnumNames<ReadingPhase, 2> reading_phase_names{
    {{ReadingPhase::as_left, "as_left"}, {ReadingPhase::as_found, "as_found"}}};

/// A reading as the records keep it. Readings are only ever appended, never changed.
struct ReadingRecord {
    ReadingId id; ///< assigned by the store
    JobId job;
    double value = 0.0;
    std::string unit;
    std::string source; ///< the device URI, or "manual"
    std::chrono::system_clock::time_point taken_at;
    std::string recorded_by;
    int test_point = 0; ///< index into the procedure's test points
    ReadingPhase phase = ReadingPhase::as_left;
};

} // namespace callab::lab
