#include <callab/uncertainty/combined_uncertainty.hpp>
#include <callab/uncertainty/coverage_factor.hpp>
#include <callab/uncertainty/errc.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace callab::uncertainty {
namespace {

TEST(CombinedUncertainty, GumH1EndGaugeBudget) {
    // JCGM 100 H.1, Table H.1: contributions |c_i|·u(x_i) in nm and their ν_i.
    const std::vector<UncertaintyComponent> budget{
        {"l_s", 25.0, 1.0, 18}, {"d_bar", 5.8, 1.0, 24},       {"d1", 3.9, 1.0, 5},
        {"d2", 6.7, 1.0, 8},    {"delta_alpha", 2.9, 1.0, 50}, {"delta_theta", 16.6, 1.0, 2},
    };
    const auto result = combine_uncertainties(budget);
    ASSERT_TRUE(result);
    EXPECT_NEAR(result->combined_standard_uncertainty, 32.0, 0.5);     // u_c(l) = 32 nm
    EXPECT_EQ(std::floor(result->effective_degrees_of_freedom), 16.0); // ν_eff = 16
    const double k99 =
        coverage_factor(0.99, std::floor(result->effective_degrees_of_freedom)).value();
    EXPECT_NEAR(k99, 2.92, 0.005);
    // GUM multiplies the rounded u_c: U99 = 2.92 × 32 nm = 93 nm.
    EXPECT_NEAR(k99 * std::round(result->combined_standard_uncertainty), 93.0, 0.5);
}

TEST(CombinedUncertainty, SharesOfUncorrelatedInputsSumToOne) {
    const std::vector<UncertaintyComponent> budget{{"a", 3.0, 1.0}, {"b", 2.0, -2.0}};
    const auto result = combine_uncertainties(budget);
    ASSERT_TRUE(result);
    EXPECT_DOUBLE_EQ(result->combined_standard_uncertainty, 5.0);
    EXPECT_DOUBLE_EQ(result->budget[0].share + result->budget[1].share, 1.0);
    EXPECT_DOUBLE_EQ(result->budget[1].contribution, 4.0);
    EXPECT_TRUE(std::isinf(result->effective_degrees_of_freedom));
}

TEST(CombinedUncertainty, FullPositiveCorrelationAddsLinearly) {
    const std::vector<UncertaintyComponent> budget{{"a", 1.0, 1.0}, {"b", 1.0, 1.0}};
    Eigen::MatrixXd r(2, 2);
    r << 1.0, 1.0, 1.0, 1.0;
    const auto result = combine_uncertainties(budget, r);
    ASSERT_TRUE(result);
    EXPECT_DOUBLE_EQ(result->combined_standard_uncertainty, 2.0);
}

TEST(CombinedUncertainty, FullNegativeCorrelationCancels) {
    const std::vector<UncertaintyComponent> budget{{"a", 1.0, 1.0}, {"b", 1.0, 1.0}};
    Eigen::MatrixXd r(2, 2);
    r << 1.0, -1.0, -1.0, 1.0;
    const auto result = combine_uncertainties(budget, r);
    ASSERT_TRUE(result);
    EXPECT_NEAR(result->combined_standard_uncertainty, 0.0, 1e-12);
}

TEST(CombinedUncertainty, RejectsBadCorrelationMatrices) {
    const std::vector<UncertaintyComponent> budget{
        {"a", 1.0, 1.0}, {"b", 1.0, 1.0}, {"c", 1.0, 1.0}};
    Eigen::MatrixXd out_of_range = Eigen::MatrixXd::Identity(3, 3);
    out_of_range(0, 1) = out_of_range(1, 0) = 1.2;
    EXPECT_EQ(combine_uncertainties(budget, out_of_range).error(), errc::invalid_correlation);

    Eigen::MatrixXd asymmetric = Eigen::MatrixXd::Identity(3, 3);
    asymmetric(0, 1) = 0.5;
    EXPECT_EQ(combine_uncertainties(budget, asymmetric).error(), errc::invalid_correlation);

    // Each pair is plausible, the three together are impossible: not positive semi-definite.
    Eigen::MatrixXd not_psd(3, 3);
    not_psd << 1.0, 0.9, -0.9, 0.9, 1.0, 0.9, -0.9, 0.9, 1.0;
    EXPECT_EQ(combine_uncertainties(budget, not_psd).error(), errc::invalid_correlation);

    EXPECT_EQ(combine_uncertainties(budget, Eigen::MatrixXd::Identity(2, 2)).error(),
              errc::size_mismatch);
}

TEST(CombinedUncertainty, RejectsNegativeAndNonFiniteUncertainties) {
    EXPECT_EQ(combine_uncertainties({{"a", -1.0, 1.0}}).error(), errc::invalid_value);
    EXPECT_EQ(combine_uncertainties({{"a", std::nan(""), 1.0}}).error(), errc::invalid_value);
    EXPECT_EQ(combine_uncertainties({{"a", 1.0, 1.0, 0.0}}).error(), errc::invalid_value);
}

} // namespace
} // namespace callab::uncertainty
