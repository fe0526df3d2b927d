#pragma once

#include <callab/uncertainty/errc.hpp>
#include <callab/uncertainty/input_quantity.hpp>
#include <callab/uncertainty/measurement_model.hpp>
#include <callab/uncertainty/rounded_result.hpp>

#include <Eigen/Core>

#include <optional>
#include <string>
#include <vector>

namespace callab::uncertainty {

/// How the coverage factor is chosen.
struct CoverageSettings {
    double probability = 0.95;
    /// A fixed k (e.g. 2) instead of Student's t at ν_eff.
    std::optional<double> coverage_factor;
    /// Take t at ν_eff rounded down to an integer, as GUM G.4.1 note 1 and Annex H do.
    bool truncate_degrees_of_freedom = true;
};

/// k for an effective ν: the fixed k when set, else Student's t for the probability at ν_eff
/// (rounded down when the settings say so, never below 1). The one rule every result in
/// callab takes k by.
Outcome<double> coverage_factor_for(const CoverageSettings& settings, double nu_eff);

/// One line of an output's uncertainty budget.
struct BudgetEntry {
    std::string name;
    double estimate = 0.0;
    double standard_uncertainty = 0.0;
    Distribution distribution = Distribution::normal;
    double sensitivity_coefficient = 0.0; ///< c_i = ∂f/∂x_i, exact (automatic differentiation)
    double contribution = 0.0;            ///< |c_i|·u(x_i)
    double percent = 0.0;                 ///< 100·(c_i·u_i)²/u_c²
    double degrees_of_freedom = infinite_degrees_of_freedom;
};

/// One output quantity by the law of propagation of uncertainty (JCGM 100).
struct OutputEstimate {
    std::string name;
    double value = 0.0;
    double standard_uncertainty = 0.0;
    /// Welch–Satterthwaite (GUM G.4.1); inputs linked by correlations count as one component
    /// with the smallest ν among them (exact for means of the same simultaneous readings).
    double effective_degrees_of_freedom = infinite_degrees_of_freedom;
    double coverage_probability = 0.95; ///< NaN when k was fixed by the caller
    double coverage_factor = 0.0;
    double expanded_uncertainty = 0.0;
    RoundedResult rounded;
    std::vector<BudgetEntry> budget;
};

/// Every output, with the multivariate view of JCGM 102: U_y = J U_x Jᵀ.
struct GumResult {
    std::vector<OutputEstimate> outputs;
    Eigen::MatrixXd sensitivities; ///< J, outputs × inputs
    Eigen::MatrixXd covariance;    ///< U_y
    Eigen::MatrixXd correlation;   ///< r(y_i, y_j)
};

/// A correlation coefficient between two inputs, by name.
struct InputCorrelation {
    std::string first;
    std::string second;
    double coefficient = 0.0;
};

/// The correlation matrix of the inputs from pairs: names must exist and differ, |r| ≤ 1,
/// no pair twice, and the whole matrix positive semi-definite.
Outcome<Eigen::MatrixXd> correlation_matrix(const std::vector<InputQuantity>& inputs,
                                            const std::vector<InputCorrelation>& pairs);

/// The correlation of the means of two series observed together (GUM 5.2.3):
/// r = Σ(q_k − q̄)(r_k − r̄) / √(Σ(q_k − q̄)² Σ(r_k − r̄)²).
Outcome<double> correlation_of_means(const std::vector<double>& first,
                                     const std::vector<double>& second);

struct GumOptions {
    CoverageSettings coverage;
    /// Report an output whose sensitivity coefficients are all zero (u = 0 to first order)
    /// instead of failing; set when a Monte Carlo evaluation follows.
    bool allow_zero_sensitivity = false;
};

/// Propagates given estimates and sensitivities: the common core of both model forms.
/// correlation may be empty (uncorrelated inputs).
Outcome<GumResult> propagate_uncertainty(const std::vector<std::string>& output_names,
                                         const Eigen::VectorXd& values,
                                         const Eigen::MatrixXd& sensitivities,
                                         const std::vector<InputQuantity>& inputs,
                                         const Eigen::MatrixXd& correlation,
                                         const GumOptions& options);

/// The GUM evaluation of a parsed model; inputs are in the model's input order.
Outcome<GumResult> evaluate_gum(const MeasurementModel& model,
                                const std::vector<InputQuantity>& inputs,
                                const Eigen::MatrixXd& correlation, const GumOptions& options);

/// The GUM evaluation of a model written in C++: `model(const std::vector<T>& x)` returns
/// the outputs as std::vector<T> for T = Dual (write it as a generic lambda).
template <class Model>
Outcome<GumResult> evaluate_gum(Model&& model, const std::vector<std::string>& output_names,
                                const std::vector<InputQuantity>& inputs,
                                const Eigen::MatrixXd& correlation, const GumOptions& options) {
    const auto n = static_cast<Eigen::Index>(inputs.size());
    std::vector<Dual> x;
    x.reserve(inputs.size());
    for (Eigen::Index i = 0; i < n; ++i) {
        x.emplace_back(inputs[static_cast<std::size_t>(i)].value, Eigen::VectorXd::Unit(n, i));
    }
    const std::vector<Dual> y = model(x);
    if (y.size() != output_names.size()) {
        return Failure{errc::size_mismatch, "the model returns " + std::to_string(y.size()) +
                                                " outputs for " +
                                                std::to_string(output_names.size()) + " names"};
    }
    Eigen::VectorXd values(static_cast<Eigen::Index>(y.size()));
    Eigen::MatrixXd sensitivities = Eigen::MatrixXd::Zero(values.size(), n);
    for (Eigen::Index j = 0; j < values.size(); ++j) {
        const Dual& out = y[static_cast<std::size_t>(j)];
        values(j) = out.value();
        if (out.derivatives().size() == n) {
            sensitivities.row(j) = out.derivatives().transpose();
        }
    }
    return propagate_uncertainty(output_names, values, sensitivities, inputs, correlation, options);
}

} // namespace callab::uncertainty
