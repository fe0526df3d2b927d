#include <callab/uncertainty/polynomial_fit.hpp>

#include <Eigen/QR>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

namespace callab::uncertainty {
namespace {

Eigen::RowVectorXd powers(double dx, Eigen::Index terms) {
    Eigen::RowVectorXd row(terms);
    double value = 1.0;
    for (Eigen::Index k = 0; k < terms; ++k) {
        row(k) = value;
        value *= dx;
    }
    return row;
}

} // namespace

Prediction Polynomial::evaluate(double x) const {
    const Eigen::RowVectorXd g = powers(x - origin, coefficients.size());
    const double variance = g * covariance * g.transpose();
    return {g.dot(coefficients), std::sqrt(std::max(variance, 0.0))};
}

Outcome<Polynomial> fit_polynomial(const std::vector<double>& x, const std::vector<double>& y,
                                   int degree, double origin) {
    if (x.size() != y.size()) {
        return Failure{errc::size_mismatch, "fit: x and y differ in length"};
    }
    if (degree < 0) {
        return Failure{errc::invalid_value, "fit: the degree must not be negative"};
    }
    const auto terms = static_cast<Eigen::Index>(degree) + 1;
    const auto m = static_cast<Eigen::Index>(x.size());
    if (m < std::max<Eigen::Index>(3, terms + 1)) {
        return Failure{errc::degenerate_fit,
                       "fit: needs at least " +
                           std::to_string(std::max<Eigen::Index>(3, terms + 1)) + " points, got " +
                           std::to_string(m)};
    }
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i])) {
            return Failure{errc::invalid_value,
                           "fit point " + std::to_string(i + 1) + ": x and y must be finite"};
        }
    }
    if (static_cast<Eigen::Index>(std::set<double>(x.begin(), x.end()).size()) < terms) {
        return Failure{errc::degenerate_fit,
                       "fit: fewer distinct x than the polynomial has coefficients"};
    }
    Eigen::MatrixXd a(m, terms);
    for (Eigen::Index i = 0; i < m; ++i) {
        a.row(i) = powers(x[static_cast<std::size_t>(i)] - origin, terms);
    }
    const Eigen::Map<const Eigen::VectorXd> values(y.data(), m);
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(a);
    Polynomial fit;
    fit.origin = origin;
    fit.coefficients = qr.solve(values);
    const Eigen::VectorXd residuals = values - a * fit.coefficients;
    fit.degrees_of_freedom = static_cast<double>(m - terms);
    const double s2 = residuals.squaredNorm() / fit.degrees_of_freedom;
    fit.residual_standard_deviation = std::sqrt(s2);
    const Eigen::MatrixXd normal = a.transpose() * a;
    fit.covariance = s2 * normal.ldlt().solve(Eigen::MatrixXd::Identity(terms, terms));
    return fit;
}

} // namespace callab::uncertainty
