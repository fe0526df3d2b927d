#include <callab/uncertainty/straight_line_fit.hpp>

#include <Eigen/Cholesky>
#include <Eigen/QR>
#include <boost/math/distributions/chi_squared.hpp>

#include <cmath>
#include <limits>
#include <string>

namespace callab::uncertainty {
namespace {

Failure point_failure(std::size_t i, const std::string& cause) {
    return Failure{errc::invalid_value, "fit point " + std::to_string(i + 1) + ": " + cause};
}

Outcome<StraightLine> weighted(const std::vector<CalibrationPoint>& points, bool use_u_y) {
    const auto m = static_cast<Eigen::Index>(points.size());
    Eigen::VectorXd w(m), x(m), y(m);
    for (Eigen::Index i = 0; i < m; ++i) {
        const auto& p = points[static_cast<std::size_t>(i)];
        w(i) = use_u_y ? 1.0 / p.u_y : 1.0;
        x(i) = p.x;
        y(i) = p.y;
    }
    // ISO/TS 28037 6.3, steps 1 to 8.
    const double f2 = w.squaredNorm();
    const double g0 = w.cwiseAbs2().dot(x) / f2;
    const double h0 = w.cwiseAbs2().dot(y) / f2;
    const Eigen::VectorXd g = w.cwiseProduct(x.array().matrix() - Eigen::VectorXd::Constant(m, g0));
    const Eigen::VectorXd h = w.cwiseProduct(y - Eigen::VectorXd::Constant(m, h0));
    const double g2 = g.squaredNorm();
    StraightLine line;
    line.slope = g.dot(h) / g2;
    line.intercept = h0 - line.slope * g0;
    line.covariance << 1.0 / f2 + g0 * g0 / g2, -g0 / g2, -g0 / g2, 1.0 / g2;
    const Eigen::VectorXd r =
        w.cwiseProduct(y - (Eigen::VectorXd::Constant(m, line.intercept) + line.slope * x));
    line.chi_squared = r.squaredNorm();
    return line;
}

Outcome<StraightLine> gauss_markov(const std::vector<CalibrationPoint>& points,
                                   const Eigen::MatrixXd& covariance) {
    const auto m = static_cast<Eigen::Index>(points.size());
    const Eigen::LLT<Eigen::MatrixXd> cholesky(covariance);
    if (cholesky.info() != Eigen::Success) {
        return Failure{errc::invalid_value,
                       "fit points: the covariance of the data is not positive definite (gdr and "
                       "gmr need u_x > 0 and u_y > 0; use wls when x is exact)"};
    }
    std::vector<CalibrationPoint> weighted_points = points;
    for (auto& p : weighted_points) {
        p.u_y = p.u_y > 0.0 ? p.u_y : 1.0;
    }
    auto start = weighted(weighted_points, true);
    Eigen::VectorXd x(m), y(m);
    for (Eigen::Index i = 0; i < m; ++i) {
        x(i) = points[static_cast<std::size_t>(i)].x;
        y(i) = points[static_cast<std::size_t>(i)].y;
    }
    // Unknowns: the true x*_i, then a and b. Residuals e = (x − x*, y − a − b·x*) whitened by
    // the Cholesky factor; Gauss–Newton on the whole problem.
    Eigen::VectorXd p(m + 2);
    p.head(m) = x;
    p(m) = start->intercept;
    p(m + 1) = start->slope;
    Eigen::MatrixXd jacobian(2 * m, m + 2);
    Eigen::VectorXd e(2 * m);
    StraightLine line;
    for (int iteration = 1; iteration <= 100; ++iteration) {
        const double a = p(m);
        const double b = p(m + 1);
        e.head(m) = x - p.head(m);
        e.tail(m) = y - Eigen::VectorXd::Constant(m, a) - b * p.head(m);
        jacobian.setZero();
        jacobian.topLeftCorner(m, m) = -Eigen::MatrixXd::Identity(m, m);
        jacobian.bottomLeftCorner(m, m) = -b * Eigen::MatrixXd::Identity(m, m);
        jacobian.block(m, m, m, 1).setConstant(-1.0);
        jacobian.block(m, m + 1, m, 1) = -p.head(m);
        const Eigen::MatrixXd whitened_jacobian = cholesky.matrixL().solve(jacobian);
        const Eigen::VectorXd whitened = cholesky.matrixL().solve(e);
        const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(whitened_jacobian);
        const Eigen::VectorXd step = qr.solve(-whitened);
        p += step;
        line.iterations = iteration;
        const double scale = std::abs(p(m)) + std::abs(p(m + 1)) + 1.0;
        if (std::abs(step(m)) + std::abs(step(m + 1)) <= 1e-13 * scale) {
            e.head(m) = x - p.head(m);
            e.tail(m) = y - Eigen::VectorXd::Constant(m, p(m)) - p(m + 1) * p.head(m);
            jacobian.bottomLeftCorner(m, m) = -p(m + 1) * Eigen::MatrixXd::Identity(m, m);
            jacobian.block(m, m + 1, m, 1) = -p.head(m);
            const Eigen::MatrixXd final_jacobian = cholesky.matrixL().solve(jacobian);
            const Eigen::MatrixXd normal = final_jacobian.transpose() * final_jacobian;
            const Eigen::MatrixXd inverse =
                normal.ldlt().solve(Eigen::MatrixXd::Identity(m + 2, m + 2));
            line.intercept = p(m);
            line.slope = p(m + 1);
            line.covariance = inverse.bottomRightCorner(2, 2);
            line.chi_squared = cholesky.matrixL().solve(e).squaredNorm();
            return line;
        }
    }
    return Failure{errc::no_convergence, "fit: the Gauss–Newton iteration did not converge"};
}

} // namespace

Outcome<FitMethod> parse_fit_method(std::string_view text) {
    if (text == "wls") {
        return FitMethod::wls;
    }
    if (text == "gdr") {
        return FitMethod::gdr;
    }
    if (text == "gmr") {
        return FitMethod::gmr;
    }
    if (text == "ols") {
        return FitMethod::ols;
    }
    return Failure{errc::invalid_value,
                   "fit method '" + std::string(text) + "' is not wls, gdr, gmr or ols"};
}

double StraightLine::u_intercept() const {
    return std::sqrt(covariance(0, 0));
}

double StraightLine::u_slope() const {
    return std::sqrt(covariance(1, 1));
}

Outcome<StraightLine> fit_straight_line(const std::vector<CalibrationPoint>& points,
                                        FitMethod method, const Eigen::MatrixXd& data_covariance) {
    const std::size_t m = points.size();
    if (m < 3) {
        return Failure{errc::degenerate_fit,
                       "fit: needs at least 3 points, got " + std::to_string(m)};
    }
    bool spread = false;
    for (std::size_t i = 0; i < m; ++i) {
        const auto& p = points[i];
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.u_x) ||
            !std::isfinite(p.u_y) || p.u_x < 0.0 || p.u_y < 0.0) {
            return point_failure(i, "x, y, u_x and u_y must be finite, u not negative");
        }
        if ((method == FitMethod::wls || method == FitMethod::gdr) && !(p.u_y > 0.0)) {
            return point_failure(i, "u_y must be positive for this method");
        }
        if (method == FitMethod::gdr && !(p.u_x > 0.0)) {
            return point_failure(i, "u_x must be positive for gdr (use wls when x is exact)");
        }
        spread = spread || p.x != points.front().x;
    }
    if (!spread) {
        return Failure{errc::degenerate_fit, "fit: all points have the same x"};
    }
    const auto n = static_cast<Eigen::Index>(m);
    Outcome<StraightLine> line = Failure{};
    if (method == FitMethod::wls || method == FitMethod::ols) {
        line = weighted(points, method == FitMethod::wls);
    } else {
        Eigen::MatrixXd covariance = data_covariance;
        if (covariance.size() == 0) {
            covariance = Eigen::MatrixXd::Zero(2 * n, 2 * n);
            for (Eigen::Index i = 0; i < n; ++i) {
                covariance(i, i) = std::pow(points[static_cast<std::size_t>(i)].u_x, 2);
                covariance(n + i, n + i) = std::pow(points[static_cast<std::size_t>(i)].u_y, 2);
            }
        }
        if (covariance.rows() != 2 * n || covariance.cols() != 2 * n || !covariance.allFinite() ||
            !covariance.isApprox(covariance.transpose())) {
            return Failure{errc::size_mismatch,
                           "fit covariance: must be a symmetric " + std::to_string(2 * m) + " x " +
                               std::to_string(2 * m) + " matrix of (x_1…x_m, y_1…y_m)"};
        }
        line = gauss_markov(points, covariance);
    }
    if (!line) {
        return line;
    }
    line->degrees_of_freedom = static_cast<double>(m - 2);
    line->chi_squared_95 = boost::math::quantile(
        boost::math::chi_squared_distribution<double>(line->degrees_of_freedom), 0.95);
    if (method == FitMethod::ols) {
        // u(y) unknown: s² = Σr²/ν scales the unit-weight covariance (GUM H.3.2).
        const double s2 = line->chi_squared / line->degrees_of_freedom;
        line->residual_standard_deviation = std::sqrt(s2);
        line->covariance *= s2;
        line->chi_squared = std::numeric_limits<double>::quiet_NaN();
        return line;
    }
    line->consistent = line->chi_squared <= line->chi_squared_95;
    return line;
}

Prediction predict_y(const StraightLine& line, double x, double u_x) {
    const double variance = line.covariance(0, 0) + 2.0 * x * line.covariance(0, 1) +
                            x * x * line.covariance(1, 1) + line.slope * line.slope * u_x * u_x;
    return {line.intercept + line.slope * x, std::sqrt(std::max(variance, 0.0))};
}

Outcome<Prediction> predict_x(const StraightLine& line, double y, double u_y) {
    if (line.slope == 0.0) {
        return Failure{errc::degenerate_fit, "predict_x_at: the fitted slope is zero"};
    }
    const double x = (y - line.intercept) / line.slope;
    const double variance = u_y * u_y + line.covariance(0, 0) + 2.0 * x * line.covariance(0, 1) +
                            x * x * line.covariance(1, 1);
    return Prediction{x, std::sqrt(std::max(variance, 0.0)) / std::abs(line.slope)};
}

} // namespace callab::uncertainty
