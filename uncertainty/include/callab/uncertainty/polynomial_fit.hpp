#pragma once

#include <callab/uncertainty/errc.hpp>
#include <callab/uncertainty/straight_line_fit.hpp>

#include <Eigen/Core>

#include <vector>

namespace callab::uncertainty {

/// y = c_0 + c_1·(x − x_0) + … + c_n·(x − x_0)^n by ordinary least squares, for correction
/// curves where only the scatter of the residuals tells u(y) (GUM H.3).
struct Polynomial {
    double origin = 0.0;                      ///< x_0
    Eigen::VectorXd coefficients;             ///< c_0 … c_n
    Eigen::MatrixXd covariance;               ///< s²·(AᵀA)⁻¹
    double residual_standard_deviation = 0.0; ///< s = √(Σr²/ν)
    double degrees_of_freedom = 0.0;          ///< ν = m − (n + 1)

    /// The curve at x and its standard uncertainty √(gᵀ·U·g), g = (1, x − x_0, …).
    Prediction evaluate(double x) const;
};

/// Fails with degenerate_fit for fewer than degree + 2 points or fewer distinct x than
/// degree + 1, invalid_value for a non-finite value (naming the point).
Outcome<Polynomial> fit_polynomial(const std::vector<double>& x, const std::vector<double>& y,
                                   int degree, double origin = 0.0);

} // namespace callab::uncertainty
