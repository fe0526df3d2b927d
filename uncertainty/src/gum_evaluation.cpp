#include <callab/uncertainty/combined_uncertainty.hpp>
#include <callab/uncertainty/coverage_factor.hpp>
#include <callab/uncertainty/gum_evaluation.hpp>

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>

namespace callab::uncertainty {

Outcome<double> coverage_factor_for(const CoverageSettings& settings, double nu_eff) {
    if (settings.coverage_factor) {
        const double k = *settings.coverage_factor;
        if (!std::isfinite(k) || k <= 0.0) {
            return Failure{errc::invalid_value, "coverage factor k must be finite and positive"};
        }
        return k;
    }
    double nu = nu_eff;
    if (settings.truncate_degrees_of_freedom && std::isfinite(nu)) {
        // The tolerance keeps a ν_eff of 4 computed as 3.9999999999999947 at 4.
        nu = std::max(1.0, std::floor(nu + 1e-9 * nu));
    }
    auto k = coverage_factor(settings.probability, nu);
    if (!k) {
        if (k.error() == errc::invalid_probability) {
            return Failure{errc::invalid_probability,
                           "coverage probability must lie strictly between 0 and 1"};
        }
        return Failure{errc::invalid_value, "effective degrees of freedom are not positive"};
    }
    return *k;
}

namespace {

std::ptrdiff_t find_input(const std::vector<InputQuantity>& inputs, const std::string& name) {
    const auto it = std::find_if(inputs.begin(), inputs.end(),
                                 [&](const InputQuantity& x) { return x.name == name; });
    return it == inputs.end() ? -1 : it - inputs.begin();
}

bool all_zero(const Eigen::Ref<const Eigen::RowVectorXd>& row,
              const std::vector<InputQuantity>& inputs) {
    bool uncertain_input = false;
    for (Eigen::Index i = 0; i < row.size(); ++i) {
        if (inputs[static_cast<std::size_t>(i)].standard_uncertainty > 0.0) {
            uncertain_input = true;
            if (row(i) != 0.0) {
                return false;
            }
        }
    }
    return uncertain_input;
}

// Groups of inputs linked by non-zero correlations (connected components).
std::vector<std::vector<Eigen::Index>> correlated_groups(const Eigen::MatrixXd& r) {
    const Eigen::Index n = r.rows();
    std::vector<Eigen::Index> group(static_cast<std::size_t>(n), -1);
    std::vector<std::vector<Eigen::Index>> groups;
    for (Eigen::Index start = 0; start < n; ++start) {
        if (group[static_cast<std::size_t>(start)] >= 0) {
            continue;
        }
        const auto id = static_cast<Eigen::Index>(groups.size());
        groups.emplace_back();
        std::vector<Eigen::Index> pending{start};
        group[static_cast<std::size_t>(start)] = id;
        while (!pending.empty()) {
            const Eigen::Index i = pending.back();
            pending.pop_back();
            groups.back().push_back(i);
            for (Eigen::Index j = 0; j < n; ++j) {
                if (r(i, j) != 0.0 && group[static_cast<std::size_t>(j)] < 0) {
                    group[static_cast<std::size_t>(j)] = id;
                    pending.push_back(j);
                }
            }
        }
    }
    return groups;
}

// Welch–Satterthwaite over groups of correlated inputs: a group adds its variance
// v_g = Σ c_a u_a r_ab u_b c_b with the smallest ν of its members, which is exact when the
// group's inputs are means of the same n simultaneous readings (ν = n − 1, GUM H.2) and
// reduces to GUM G.4.1 when nothing is correlated.
double effective_degrees_of_freedom(const Eigen::RowVectorXd& c, const Eigen::VectorXd& u,
                                    const Eigen::MatrixXd& r,
                                    const std::vector<InputQuantity>& inputs,
                                    const std::vector<std::vector<Eigen::Index>>& groups,
                                    double variance) {
    double denominator = 0.0;
    for (const auto& members : groups) {
        double v = 0.0;
        double nu = infinite_degrees_of_freedom;
        for (const Eigen::Index a : members) {
            nu = std::min(nu, inputs[static_cast<std::size_t>(a)].degrees_of_freedom);
            for (const Eigen::Index b : members) {
                v += c(a) * u(a) * r(a, b) * u(b) * c(b);
            }
        }
        if (std::isfinite(nu)) {
            denominator += v * v / nu;
        }
    }
    return denominator > 0.0 ? variance * variance / denominator : infinite_degrees_of_freedom;
}

// Eigen matrices are constructible from anything, so the error needs an explicit tag.
Outcome<Eigen::MatrixXd> matrix_failure(Failure failure) {
    return Outcome<Eigen::MatrixXd>(boost::system::in_place_error, std::move(failure));
}

} // namespace

Outcome<Eigen::MatrixXd> correlation_matrix(const std::vector<InputQuantity>& inputs,
                                            const std::vector<InputCorrelation>& pairs) {
    const auto n = static_cast<Eigen::Index>(inputs.size());
    Eigen::MatrixXd r = Eigen::MatrixXd::Identity(n, n);
    Eigen::MatrixXi given = Eigen::MatrixXi::Zero(n, n);
    for (const auto& pair : pairs) {
        const std::string label =
            "correlation between '" + pair.first + "' and '" + pair.second + "'";
        const auto i = find_input(inputs, pair.first);
        const auto j = find_input(inputs, pair.second);
        if (i < 0 || j < 0) {
            return matrix_failure(
                Failure{errc::unknown_name,
                        label + ": unknown input '" + (i < 0 ? pair.first : pair.second) + "'"});
        }
        if (i == j) {
            return matrix_failure(
                Failure{errc::invalid_correlation, label + ": an input with itself"});
        }
        if (!std::isfinite(pair.coefficient) || std::abs(pair.coefficient) > 1.0) {
            return matrix_failure(
                Failure{errc::invalid_correlation, label + ": |r| must not exceed 1"});
        }
        if (given(i, j) != 0) {
            return matrix_failure(Failure{errc::duplicate_name, label + ": given twice"});
        }
        given(i, j) = given(j, i) = 1;
        r(i, j) = r(j, i) = pair.coefficient;
    }
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(r, Eigen::EigenvaluesOnly);
    if (solver.info() != Eigen::Success || solver.eigenvalues().minCoeff() < -1e-10) {
        return matrix_failure(
            Failure{errc::invalid_correlation,
                    "correlations: the correlation matrix is not positive semi-definite "
                    "(the coefficients contradict each other)"});
    }
    return r;
}

Outcome<double> correlation_of_means(const std::vector<double>& first,
                                     const std::vector<double>& second) {
    if (first.size() != second.size()) {
        return Failure{errc::size_mismatch, "series of different lengths"};
    }
    if (first.size() < 2) {
        return Failure{errc::too_few_readings, "fewer than 2 readings"};
    }
    const Eigen::Map<const Eigen::VectorXd> q(first.data(),
                                              static_cast<Eigen::Index>(first.size()));
    const Eigen::Map<const Eigen::VectorXd> p(second.data(),
                                              static_cast<Eigen::Index>(second.size()));
    const Eigen::VectorXd dq = q.array() - q.mean();
    const Eigen::VectorXd dp = p.array() - p.mean();
    const double denominator = std::sqrt(dq.squaredNorm() * dp.squaredNorm());
    if (!(denominator > 0.0)) {
        return Failure{errc::invalid_correlation, "a series without spread has no correlation"};
    }
    return dq.dot(dp) / denominator;
}

Outcome<GumResult> propagate_uncertainty(const std::vector<std::string>& output_names,
                                         const Eigen::VectorXd& values,
                                         const Eigen::MatrixXd& sensitivities,
                                         const std::vector<InputQuantity>& inputs,
                                         const Eigen::MatrixXd& correlation,
                                         const GumOptions& options) {
    const auto n = static_cast<Eigen::Index>(inputs.size());
    const auto m = values.size();
    if (sensitivities.rows() != m || sensitivities.cols() != n ||
        static_cast<Eigen::Index>(output_names.size()) != m) {
        return Failure{errc::size_mismatch, "sensitivities do not match inputs and outputs"};
    }
    Eigen::MatrixXd r = correlation.size() == 0 ? Eigen::MatrixXd::Identity(n, n) : correlation;
    if (r.rows() != n || r.cols() != n) {
        return Failure{errc::size_mismatch, "the correlation matrix does not match the inputs"};
    }
    Eigen::VectorXd u(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto& x = inputs[static_cast<std::size_t>(i)];
        if (!std::isfinite(x.standard_uncertainty) || x.standard_uncertainty < 0.0 ||
            !std::isfinite(x.value)) {
            return Failure{errc::invalid_value,
                           "input '" + x.name + "': value and u must be finite, u not negative"};
        }
        u(i) = x.standard_uncertainty;
    }

    GumResult result;
    result.sensitivities = sensitivities;
    const Eigen::MatrixXd input_covariance = u.asDiagonal() * r * u.asDiagonal();
    result.covariance = sensitivities * input_covariance * sensitivities.transpose();
    result.correlation = Eigen::MatrixXd::Identity(m, m);
    for (Eigen::Index a = 0; a < m; ++a) {
        for (Eigen::Index b = 0; b < m; ++b) {
            const double scale = std::sqrt(result.covariance(a, a) * result.covariance(b, b));
            if (a != b) {
                result.correlation(a, b) = scale > 0.0 ? result.covariance(a, b) / scale : 0.0;
            }
        }
    }

    const auto groups = correlated_groups(r);
    for (Eigen::Index j = 0; j < m; ++j) {
        const auto& name = output_names[static_cast<std::size_t>(j)];
        if (!std::isfinite(values(j)) || !sensitivities.row(j).allFinite()) {
            return Failure{errc::non_finite_result,
                           "output '" + name +
                               "': the model or its derivatives are NaN or infinite at the "
                               "input estimates"};
        }
        if (!options.allow_zero_sensitivity && all_zero(sensitivities.row(j), inputs)) {
            return Failure{errc::zero_sensitivity,
                           "output '" + name +
                               "': all sensitivity coefficients are zero at the estimates, so "
                               "the law of propagation gives u = 0; use --method mcm"};
        }
        std::vector<UncertaintyComponent> components;
        for (Eigen::Index i = 0; i < n; ++i) {
            const auto& x = inputs[static_cast<std::size_t>(i)];
            components.push_back(
                {x.name, x.standard_uncertainty, sensitivities(j, i), x.degrees_of_freedom});
        }
        auto combined = combine_uncertainties(components, r);
        if (!combined) {
            return Failure{combined.error() == errc::invalid_correlation ? errc::invalid_correlation
                                                                         : errc::invalid_value,
                           "output '" + name + "': " + combined.error().message()};
        }
        OutputEstimate out;
        out.name = name;
        out.value = values(j);
        out.standard_uncertainty = combined->combined_standard_uncertainty;
        out.effective_degrees_of_freedom =
            effective_degrees_of_freedom(sensitivities.row(j), u, r, inputs, groups,
                                         out.standard_uncertainty * out.standard_uncertainty);
        auto k = coverage_factor_for(options.coverage, out.effective_degrees_of_freedom);
        if (!k) {
            return k.error();
        }
        out.coverage_factor = *k;
        out.coverage_probability = options.coverage.coverage_factor
                                       ? std::numeric_limits<double>::quiet_NaN()
                                       : options.coverage.probability;
        out.expanded_uncertainty = *k * out.standard_uncertainty;
        out.rounded = round_result(out.value, out.expanded_uncertainty);
        for (std::size_t i = 0; i < components.size(); ++i) {
            const auto& line = combined->budget[i];
            const auto& x = inputs[i];
            out.budget.push_back(BudgetEntry{x.name, x.value, x.standard_uncertainty,
                                             x.distribution, line.component.sensitivity_coefficient,
                                             line.contribution, 100.0 * line.share,
                                             x.degrees_of_freedom});
        }
        result.outputs.push_back(std::move(out));
    }
    return result;
}

Outcome<GumResult> evaluate_gum(const MeasurementModel& model,
                                const std::vector<InputQuantity>& inputs,
                                const Eigen::MatrixXd& correlation, const GumOptions& options) {
    if (model.input_count() != inputs.size()) {
        return Failure{errc::size_mismatch, "the model has " + std::to_string(model.input_count()) +
                                                " inputs, " + std::to_string(inputs.size()) +
                                                " given"};
    }
    const auto n = static_cast<Eigen::Index>(inputs.size());
    std::vector<Dual> x;
    x.reserve(inputs.size());
    for (Eigen::Index i = 0; i < n; ++i) {
        x.emplace_back(inputs[static_cast<std::size_t>(i)].value, Eigen::VectorXd::Unit(n, i));
    }
    std::vector<Dual> y(model.output_count());
    model.evaluate<Dual>(x, y);
    const auto m = static_cast<Eigen::Index>(y.size());
    Eigen::VectorXd values(m);
    Eigen::MatrixXd sensitivities = Eigen::MatrixXd::Zero(m, n);
    for (Eigen::Index j = 0; j < m; ++j) {
        const Dual& out = y[static_cast<std::size_t>(j)];
        values(j) = out.value();
        if (out.derivatives().size() == n) {
            sensitivities.row(j) = out.derivatives().transpose();
        }
    }
    return propagate_uncertainty(model.output_names(), values, sensitivities, inputs, correlation,
                                 options);
}

} // namespace callab::uncertainty
