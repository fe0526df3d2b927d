#pragma once

#include <callab/uncertainty/errc.hpp>

#include <Eigen/Core>

#include <string_view>
#include <vector>

namespace callab::uncertainty {

/// One calibration point (x_i, y_i) with its standard uncertainties.
struct CalibrationPoint {
    double x = 0.0;
    double y = 0.0;
    double u_x = 0.0;
    double u_y = 0.0;
};

/// How a straight line is fitted (ISO/TS 28037).
enum class FitMethod {
    wls, ///< weighted least squares, uncertainties in y only (clause 6)
    gdr, ///< generalized distance regression, uncertainties in x and y (clause 7)
    gmr, ///< Gauss–Markov regression with a full covariance matrix of the data (clause 10)
    ols, ///< ordinary least squares, u(y) unknown: estimated from the residuals (GUM H.3)
};

Outcome<FitMethod> parse_fit_method(std::string_view text);

/// y = a + b·x with the covariance of (a, b).
struct StraightLine {
    double intercept = 0.0; ///< a
    double slope = 0.0;     ///< b
    Eigen::Matrix2d covariance = Eigen::Matrix2d::Zero();
    double chi_squared = 0.0; ///< observed χ² (weighted residual sum of squares); NaN for ols
    double degrees_of_freedom = 0.0; ///< ν = m − 2
    /// The 95 % quantile of χ²(ν): the fit is consistent with the data when χ² ≤ it.
    double chi_squared_95 = 0.0;
    bool consistent = true;
    /// OLS only: s = √(Σr²/ν), the standard deviation the residuals show.
    double residual_standard_deviation = 0.0;
    int iterations = 0; ///< Gauss–Newton steps of gdr and gmr

    double u_intercept() const;
    double u_slope() const;
};

/// Fits a straight line. For gmr, data_covariance is the 2m × 2m covariance of
/// (x_1 … x_m, y_1 … y_m); empty builds it from u_x and u_y. Fails with degenerate_fit for
/// fewer than three points or all x equal, invalid_value for a non-finite value or a
/// missing uncertainty the method needs (naming the point), no_convergence.
Outcome<StraightLine> fit_straight_line(const std::vector<CalibrationPoint>& points,
                                        FitMethod method,
                                        const Eigen::MatrixXd& data_covariance = {});

struct Prediction {
    double value = 0.0;
    double standard_uncertainty = 0.0;
};

/// Forward evaluation (ISO/TS 28037 11.2): y = a + b·x, u²(y) = u²(a) + 2x·u(a,b) + x²·u²(b)
/// + b²·u²(x).
Prediction predict_y(const StraightLine& line, double x, double u_x = 0.0);

/// Inverse evaluation (ISO/TS 28037 11.1): x = (y − a)/b, u²(x) = [u²(y) + u²(a) +
/// 2x·u(a,b) + x²·u²(b)]/b². Fails for a zero slope.
Outcome<Prediction> predict_x(const StraightLine& line, double y, double u_y = 0.0);

} // namespace callab::uncertainty
