#include <callab/lab/errc.hpp>
#include <callab/lab/measurement_summary.hpp>
#include <callab/uncertainty/gum_evaluation.hpp>
#include <callab/uncertainty/type_a.hpp>

#include <cmath>
#include <vector>

namespace callab::lab {

boost::system::result<MeasurementSummary>
summarise_readings(std::span<const ReadingRecord> readings, double resolution,
                   double coverage_probability) {
    if (readings.size() < 2) {
        return errc::not_enough_readings;
    }
    if (!(resolution >= 0.0) || !std::isfinite(resolution)) {
        return errc::invalid_field;
    }
    std::vector<double> values;
    values.reserve(readings.size());
    for (const auto& r : readings) {
        values.push_back(r.value);
    }
    auto type_a = uncertainty::evaluate_type_a(values);
    if (!type_a) {
        return type_a.error();
    }

    std::vector<uncertainty::UncertaintyComponent> components{
        {"repeatability", type_a->standard_uncertainty, 1.0, type_a->degrees_of_freedom},
    };
    if (resolution > 0.0) {
        // GUM F.2.2.1: a resolution δx is a rectangular distribution of half-width δx/2.
        components.push_back({"resolution", resolution / 2.0 / std::sqrt(3.0), 1.0,
                              uncertainty::infinite_degrees_of_freedom});
    }
    auto combined = uncertainty::combine_uncertainties(components);
    if (!combined) {
        return combined.error();
    }
    // The same rule as every GUM evaluation: t at ν_eff rounded down (GUM G.4.1 note 1).
    uncertainty::CoverageSettings coverage;
    coverage.probability = coverage_probability;
    auto k = uncertainty::coverage_factor_for(coverage, combined->effective_degrees_of_freedom);
    if (!k) {
        return k.error().code;
    }

    MeasurementSummary summary;
    summary.count = readings.size();
    summary.mean = type_a->mean;
    summary.standard_deviation = type_a->standard_deviation;
    summary.standard_uncertainty = combined->combined_standard_uncertainty;
    summary.effective_degrees_of_freedom = combined->effective_degrees_of_freedom;
    summary.coverage_probability = coverage_probability;
    summary.coverage_factor = *k;
    summary.expanded_uncertainty = *k * combined->combined_standard_uncertainty;
    summary.budget = std::move(combined->budget);
    return summary;
}

} // namespace callab::lab
