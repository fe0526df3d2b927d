#pragma once

#include <callab/lab/reading_record.hpp>
#include <callab/uncertainty/combined_uncertainty.hpp>

#include <boost/system/result.hpp>

#include <span>

namespace callab::lab {

/// The result of a series of readings of one quantity, with its GUM uncertainty budget.
struct MeasurementSummary {
    std::size_t count = 0;
    double mean = 0.0;
    double standard_deviation = 0.0;
    /// u_c of the mean: repeatability (Type A) combined with the indication's resolution
    /// (Type B, rectangular with half-width resolution/2).
    double standard_uncertainty = 0.0;
    double effective_degrees_of_freedom = 0.0; ///< ν_eff; infinite when no Type A part
    double coverage_probability = 0.95;
    double coverage_factor = 0.0;      ///< k from Student's t at ν_eff rounded down
    double expanded_uncertainty = 0.0; ///< U = k·u_c
    std::vector<uncertainty::BudgetLine> budget;
};

/// Summarises at least two readings. Fails with errc::not_enough_readings below two.
boost::system::result<MeasurementSummary>
summarise_readings(std::span<const ReadingRecord> readings, double resolution,
                   double coverage_probability = 0.95);

} // namespace callab::lab
