#include <callab/uncertainty/straight_line_fit.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace callab::uncertainty {
namespace {

std::vector<CalibrationPoint> equal_weights() {
    const double y[] = {3.3, 5.6, 7.1, 9.3, 10.7, 12.1};
    std::vector<CalibrationPoint> points;
    for (int i = 0; i < 6; ++i) {
        points.push_back({i + 1.0, y[i], 0.0, 0.5});
    }
    return points;
}

std::vector<CalibrationPoint> uncertain_x_and_y() {
    const double x[] = {1.2, 1.9, 2.9, 4.0, 4.7, 5.9};
    const double y[] = {3.4, 4.4, 7.2, 8.5, 10.8, 13.5};
    const double u_y[] = {0.2, 0.2, 0.2, 0.4, 0.4, 0.4};
    std::vector<CalibrationPoint> points;
    for (int i = 0; i < 6; ++i) {
        points.push_back({x[i], y[i], 0.2, u_y[i]});
    }
    return points;
}

TEST(StraightLineFit, IsoTs28037Clause6EqualWeights) {
    // ISO/TS 28037 clause 6 example: b = 1.757, a = 1.867, u(a) = 0.465, u(b) = 0.120,
    // cov(a, b) = −0.050, ν = 4.
    const auto line = fit_straight_line(equal_weights(), FitMethod::wls);
    ASSERT_TRUE(line) << line.error().message;
    EXPECT_NEAR(line->intercept, 1.867, 0.0005);
    EXPECT_NEAR(line->slope, 1.757, 0.0005);
    EXPECT_NEAR(line->u_intercept(), 0.465, 0.0005);
    EXPECT_NEAR(line->u_slope(), 0.120, 0.0005);
    EXPECT_NEAR(line->covariance(0, 1), -0.050, 0.0005);
    EXPECT_DOUBLE_EQ(line->degrees_of_freedom, 4.0);
    EXPECT_NEAR(line->chi_squared_95, 9.488, 0.0005); // χ²_0.95(4)
    EXPECT_NEAR(line->chi_squared, 1.665, 0.0005);
    EXPECT_TRUE(line->consistent);
}

TEST(StraightLineFit, IsoTs28037Clause7GeneralizedDistanceRegression) {
    // ISO/TS 28037 clause 7 example: a = 0.5788, b = 2.1597, u(a) = 0.4764, u(b) = 0.1355,
    // cov(a, b) = −0.0577, χ²_obs = 2.743.
    const auto line = fit_straight_line(uncertain_x_and_y(), FitMethod::gdr);
    ASSERT_TRUE(line) << line.error().message;
    EXPECT_NEAR(line->intercept, 0.5788, 0.00005);
    EXPECT_NEAR(line->slope, 2.1597, 0.00005);
    EXPECT_NEAR(line->u_intercept(), 0.4764, 0.00005);
    EXPECT_NEAR(line->u_slope(), 0.1355, 0.00005);
    EXPECT_NEAR(line->covariance(0, 1), -0.0577, 0.00005);
    EXPECT_NEAR(line->chi_squared, 2.743, 0.0005);
    EXPECT_TRUE(line->consistent);
}

TEST(StraightLineFit, GaussMarkovWithDiagonalCovarianceIsGdr) {
    const auto points = uncertain_x_and_y();
    const auto gdr = fit_straight_line(points, FitMethod::gdr).value();
    const auto gmr = fit_straight_line(points, FitMethod::gmr).value();
    EXPECT_NEAR(gmr.intercept, gdr.intercept, 1e-10);
    EXPECT_NEAR(gmr.covariance(1, 1), gdr.covariance(1, 1), 1e-12);
}

TEST(StraightLineFit, GaussMarkovUsesCovariances) {
    // ISO/TS 28037 clause 8 data: cov(x_i, y_i) = 0.036. A positive x–y covariance along a
    // rising line makes each point more informative, so u(a) and u(b) shrink.
    const auto points = uncertain_x_and_y();
    Eigen::MatrixXd covariance = Eigen::MatrixXd::Zero(12, 12);
    for (int i = 0; i < 6; ++i) {
        covariance(i, i) = 0.04;
        covariance(6 + i, 6 + i) =
            points[static_cast<std::size_t>(i)].u_y * points[static_cast<std::size_t>(i)].u_y;
        covariance(i, 6 + i) = covariance(6 + i, i) = 0.036;
    }
    const auto with = fit_straight_line(points, FitMethod::gmr, covariance).value();
    const auto without = fit_straight_line(points, FitMethod::gdr).value();
    EXPECT_LT(with.u_slope(), without.u_slope());
    EXPECT_NE(with.slope, without.slope);
    Eigen::MatrixXd not_definite = covariance;
    not_definite(0, 6) = not_definite(6, 0) = 1.0;
    EXPECT_EQ(fit_straight_line(points, FitMethod::gmr, not_definite).error().code,
              errc::invalid_value);
}

TEST(StraightLineFit, PredictionsForwardAndInverse) {
    const auto line = fit_straight_line(equal_weights(), FitMethod::wls).value();
    const auto y = predict_y(line, 3.5, 0.0);
    EXPECT_NEAR(y.value, line.intercept + 3.5 * line.slope, 1e-12);
    // At the weighted mean of x the line's uncertainty is u(ȳ) = 0.5/√6.
    EXPECT_NEAR(y.standard_uncertainty, 0.5 / std::sqrt(6.0), 1e-12);
    const auto x = predict_x(line, y.value, 0.0).value();
    EXPECT_NEAR(x.value, 3.5, 1e-12);
    EXPECT_NEAR(x.standard_uncertainty, y.standard_uncertainty / line.slope, 1e-12);
    const auto with_u = predict_x(line, 10.5, 0.5).value();
    EXPECT_GT(with_u.standard_uncertainty, 0.5 / line.slope);
}

TEST(StraightLineFit, OrdinaryLeastSquaresEstimatesTheScatter) {
    auto points = equal_weights();
    for (auto& p : points) {
        p.u_y = 0.0;
    }
    const auto line = fit_straight_line(points, FitMethod::ols).value();
    const auto wls = fit_straight_line(equal_weights(), FitMethod::wls).value();
    EXPECT_NEAR(line.slope, wls.slope, 1e-12);
    // s² = χ²·u²/ν: the OLS covariance is the WLS one scaled by χ²/ν.
    EXPECT_NEAR(line.covariance(1, 1), wls.covariance(1, 1) * wls.chi_squared / 4.0, 1e-12);
    EXPECT_TRUE(std::isnan(line.chi_squared));
}

TEST(StraightLineFit, RejectsDegenerateData) {
    auto points = equal_weights();
    points.resize(2);
    EXPECT_EQ(fit_straight_line(points, FitMethod::wls).error().code, errc::degenerate_fit);
    std::vector<CalibrationPoint> same_x{{1, 1, 0, 1}, {1, 2, 0, 1}, {1, 3, 0, 1}};
    EXPECT_EQ(fit_straight_line(same_x, FitMethod::wls).error().message,
              "fit: all points have the same x");
    auto no_u = equal_weights();
    no_u[2].u_y = 0.0;
    EXPECT_EQ(fit_straight_line(no_u, FitMethod::wls).error().message,
              "fit point 3: u_y must be positive for this method");
    EXPECT_EQ(fit_straight_line(equal_weights(), FitMethod::gdr).error().code, errc::invalid_value);
    EXPECT_FALSE(parse_fit_method("lsq"));
}

} // namespace
} // namespace callab::uncertainty
