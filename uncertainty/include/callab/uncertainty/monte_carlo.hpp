#pragma once

#include <callab/uncertainty/coverage_interval.hpp>
#include <callab/uncertainty/errc.hpp>
#include <callab/uncertainty/input_quantity.hpp>
#include <callab/uncertainty/measurement_model.hpp>

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

namespace callab::uncertainty {

struct MonteCarloOptions {
    std::size_t trials = 1'000'000; ///< M (at least 10^4); per batch when adaptive
    bool adaptive = false;          ///< JCGM 101 7.9: batches until results are stable
    std::uint64_t seed = 1;         ///< the same seed gives the same numbers
    double probability = 0.95;
    IntervalKind interval = IntervalKind::symmetric;
    unsigned threads = 0;                    ///< 0: all cores; results do not depend on it
    int significant_digits = 2;              ///< n_dig of the adaptive procedure and §8
    std::size_t maximum_trials = 50'000'000; ///< the adaptive procedure gives up beyond
};

struct MonteCarloOutput {
    std::string name;
    double mean = 0.0;                 ///< the estimate ỹ
    double standard_uncertainty = 0.0; ///< u(ỹ)
    CoverageInterval interval;
};

struct MonteCarloResult {
    std::vector<MonteCarloOutput> outputs;
    std::size_t trials = 0;
    Eigen::MatrixXd covariance; ///< of the outputs (JCGM 102 7.6)
    Eigen::MatrixXd correlation;
};

/// Propagates the distributions of the inputs through the model (JCGM 101, JCGM 102).
/// Trials run in blocks of 8192, each from its own random stream derived from the seed and
/// the block number, on `threads` threads; the values are stored once, 8 bytes per trial
/// and output. Fails with too_few_trials, invalid_probability or non_finite_result (naming
/// the output and the trial).
Outcome<MonteCarloResult> run_monte_carlo(const MeasurementModel& model,
                                          const std::vector<InputQuantity>& inputs,
                                          const Eigen::MatrixXd& correlation,
                                          const MonteCarloOptions& options);

/// The GUF-versus-MCM comparison of JCGM 101 §8.
struct Validation {
    bool passed = false;
    double tolerance = 0.0;       ///< δ = ½·10^l for u(y) = c·10^l, c of n_dig digits
    double low_difference = 0.0;  ///< |y − U_p − y_low|
    double high_difference = 0.0; ///< |y + U_p − y_high|
};

/// Numerical tolerance of a value (JCGM 101 7.9.2).
double numerical_tolerance(double value, int significant_digits);

Validation validate_gum(double gum_value, double gum_standard_uncertainty,
                        double gum_expanded_uncertainty, const CoverageInterval& mcm,
                        int significant_digits);

} // namespace callab::uncertainty
