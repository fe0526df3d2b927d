#include <callab/uncertainty/polynomial_fit.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace callab::uncertainty {
namespace {

// JCGM 100 H.3, Table H.6: thermometer readings t_k and observed corrections b_k, °C.
const std::vector<double> temperatures{21.521, 22.012, 22.512, 23.003, 23.507, 23.999,
                                       24.513, 25.002, 25.503, 26.010, 26.511};
const std::vector<double> corrections{-0.171, -0.169, -0.166, -0.159, -0.164, -0.165,
                                      -0.156, -0.157, -0.159, -0.161, -0.160};

TEST(PolynomialFit, JcgmH3ThermometerCalibration) {
    const auto fit = fit_polynomial(temperatures, corrections, 1, 20.0);
    ASSERT_TRUE(fit) << fit.error().message;
    const double u1 = std::sqrt(fit->covariance(0, 0));
    const double u2 = std::sqrt(fit->covariance(1, 1));
    EXPECT_NEAR(fit->coefficients(0), -0.1712, 0.00005);            // y1
    EXPECT_NEAR(fit->coefficients(1), 0.00218, 0.000005);           // y2
    EXPECT_NEAR(u1, 0.0029, 0.00005);                               // s(y1)
    EXPECT_NEAR(u2, 0.00067, 0.000005);                             // s(y2)
    EXPECT_NEAR(fit->covariance(0, 1) / (u1 * u2), -0.930, 0.0005); // r(y1, y2)
    EXPECT_NEAR(fit->residual_standard_deviation, 0.0035, 0.00005);
    EXPECT_DOUBLE_EQ(fit->degrees_of_freedom, 9.0);
    const auto at30 = fit->evaluate(30.0); // H.3.4: b(30 °C) = −0.1494 °C, u = 0.0041 °C
    EXPECT_NEAR(at30.value, -0.1494, 0.00005);
    EXPECT_NEAR(at30.standard_uncertainty, 0.0041, 0.00005);
}

TEST(PolynomialFit, RecoversAQuadraticExactly) {
    std::vector<double> x, y;
    for (int i = 0; i < 6; ++i) {
        x.push_back(i);
        y.push_back(1.0 - 2.0 * i + 0.5 * i * i);
    }
    const auto fit = fit_polynomial(x, y, 2).value();
    EXPECT_NEAR(fit.coefficients(0), 1.0, 1e-12);
    EXPECT_NEAR(fit.coefficients(1), -2.0, 1e-12);
    EXPECT_NEAR(fit.coefficients(2), 0.5, 1e-12);
    EXPECT_NEAR(fit.residual_standard_deviation, 0.0, 1e-12);
}

TEST(PolynomialFit, RejectsTooFewOrIdenticalPoints) {
    EXPECT_EQ(fit_polynomial({1, 2}, {1, 2}, 1).error().code, errc::degenerate_fit);
    EXPECT_EQ(fit_polynomial({1, 1, 1}, {1, 2, 3}, 1).error().code, errc::degenerate_fit);
    EXPECT_EQ(fit_polynomial({1, 2, NAN}, {1, 2, 3}, 1).error().code, errc::invalid_value);
}

} // namespace
} // namespace callab::uncertainty
