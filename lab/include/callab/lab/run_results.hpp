#pragma once
// A job's point results from its stored readings: the one computation a run uses while it
// measures, when it resumes, and when its certificate is issued from the records.

#include <callab/lab/point_result.hpp>
#include <callab/lab/reading_record.hpp>

#include <span>
#include <string_view>
#include <vector>

namespace callab::lab {

/// Reference readings are stored with their source prefixed "reference:".
inline constexpr std::string_view reference_source_prefix = "reference:";

/// Whether `reading` is of the reference (else of the device under test).
bool is_reference_reading(const ReadingRecord& reading);

/// How the points of a job are computed besides its readings.
struct PointInputs {
    double reference_standard_u = 0.0; ///< U/k of the reference standard's certificate
    double resolution = 0.0;           ///< of the device under test
    std::span<const CmcEntry> cmc_table = builtin_cmc_table();
};

/// The result of test point `point` from the readings of that point (compute_point).
Outcome<PointResult> point_result_from_readings(const Procedure& procedure, int point,
                                                std::span<const ReadingRecord> readings,
                                                const PointInputs& inputs);

/// The results of every test point of the procedure, in order. A point with fewer than
/// `readings_per_point` reference or device readings is errc::not_enough_readings naming
/// the point and what it has.
Outcome<std::vector<PointResult>> results_from_readings(const Procedure& procedure,
                                                        std::span<const ReadingRecord> readings,
                                                        const PointInputs& inputs);

} // namespace callab::lab
