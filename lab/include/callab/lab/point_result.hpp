#pragma once

#include <callab/lab/conformity.hpp>
#include <callab/lab/procedure.hpp>
#include <callab/lab/rejection.hpp>
#include <callab/uncertainty/gum_evaluation.hpp>

#include <optional>
#include <span>
#include <vector>

namespace callab::lab {

/// The result of one test point: error of the device under test against the reference, its
/// GUM budget and the conformity statement.
struct PointResult {
    int test_point = 0;   ///< index into the procedure's test points
    double nominal = 0.0; ///< the test point's value
    std::size_t count = 0;
    double indication_mean = 0.0; ///< mean of the device under test
    double reference_mean = 0.0;  ///< mean of the reference
    double error = 0.0;           ///< indication − reference
    double correction = 0.0;      ///< −error
    double standard_uncertainty = 0.0;
    double effective_degrees_of_freedom = 0.0;
    double coverage_factor = 0.0;
    double evaluated_expanded_uncertainty = 0.0; ///< k·u_c as the budget gives it
    std::optional<double> cmc;                   ///< the lab's CMC at this point, if listed
    double expanded_uncertainty = 0.0;           ///< reported U = max(k·u_c, CMC)
    uncertainty::RoundedResult rounded; ///< error and reported U as a certificate states them
    std::vector<uncertainty::BudgetEntry> budget;
    Conformity conformity = Conformity::not_stated;
};

/// Computes a point from at least two readings of the device under test and at least one of
/// the reference. Model: E = d̄ − r̄ + δ_resolution + Σ δ_i, with d̄ Type A (repeatability),
/// r̄ normal with u = `reference_standard_u` (the reference standard's certificate U/k),
/// δ_resolution rectangular of half-width resolution/2, and each other Type B input of the
/// procedure around 0 ("normal": u = value; "rectangular", "triangular", "u-shaped": value
/// is the half-width). k for 95 % from Student's t at ν_eff rounded down. A procedure input
/// named "reference standard" is refused: that u comes from the standard's certificate.
/// errc::not_enough_readings or errc::invalid_field name what is missing or wrong.
Outcome<PointResult> compute_point(const Procedure& procedure, int test_point,
                                   std::span<const double> indications,
                                   std::span<const double> references, double reference_standard_u,
                                   double resolution, std::span<const CmcEntry> cmc_table);

} // namespace callab::lab
