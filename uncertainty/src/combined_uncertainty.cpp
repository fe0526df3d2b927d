#include <callab/uncertainty/combined_uncertainty.hpp>
#include <callab/uncertainty/errc.hpp>

#include <Eigen/Eigenvalues>

#include <cmath>

namespace callab::uncertainty {
namespace {

bool is_valid_component(const UncertaintyComponent& c) {
    return std::isfinite(c.standard_uncertainty) && c.standard_uncertainty >= 0.0 &&
           std::isfinite(c.sensitivity_coefficient) && !std::isnan(c.degrees_of_freedom) &&
           c.degrees_of_freedom > 0.0;
}

bool is_valid_correlation(const Eigen::Ref<const Eigen::MatrixXd>& r) {
    constexpr double tolerance = 1e-12;
    if (!r.allFinite() || !r.isApprox(r.transpose(), tolerance)) {
        return false;
    }
    if ((r.diagonal().array() - 1.0).abs().maxCoeff() > tolerance ||
        r.cwiseAbs().maxCoeff() > 1.0 + tolerance) {
        return false;
    }
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(r, Eigen::EigenvaluesOnly);
    if (solver.info() != Eigen::Success) {
        return false;
    }
    return solver.eigenvalues().minCoeff() >= -1e-10;
}

} // namespace

boost::system::result<CombinedUncertainty>
combine_uncertainties(const std::vector<UncertaintyComponent>& components,
                      const Eigen::Ref<const Eigen::MatrixXd>& correlation) {
    const auto n = static_cast<Eigen::Index>(components.size());
    for (const auto& c : components) {
        if (!is_valid_component(c)) {
            return errc::invalid_value;
        }
    }
    const bool has_correlation = correlation.size() != 0;
    if (has_correlation) {
        if (correlation.rows() != n || correlation.cols() != n) {
            return errc::size_mismatch;
        }
        if (!is_valid_correlation(correlation)) {
            return errc::invalid_correlation;
        }
    }

    Eigen::VectorXd v(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto& c = components[static_cast<std::size_t>(i)];
        v(i) = c.sensitivity_coefficient * c.standard_uncertainty;
    }
    const double variance = has_correlation ? v.dot(correlation * v) : v.squaredNorm();

    CombinedUncertainty result;
    result.combined_standard_uncertainty = std::sqrt(std::max(variance, 0.0));

    double welch_denominator = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto& c = components[static_cast<std::size_t>(i)];
        const double contribution = std::abs(v(i));
        BudgetLine line{c, contribution, variance > 0.0 ? v(i) * v(i) / variance : 0.0};
        result.budget.push_back(std::move(line));
        if (std::isfinite(c.degrees_of_freedom)) {
            welch_denominator += std::pow(contribution, 4) / c.degrees_of_freedom;
        }
    }
    if (welch_denominator > 0.0) {
        result.effective_degrees_of_freedom = std::pow(variance, 2) / welch_denominator;
    }
    return result;
}

} // namespace callab::uncertainty
