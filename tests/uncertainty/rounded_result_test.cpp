#include <callab/uncertainty/rounded_result.hpp>

#include <gtest/gtest.h>

namespace callab::uncertainty {
namespace {

TEST(RoundedResult, TwoSignificantDigitsAndTheSameDecimalPlace) {
    // GUM 7.2.6 and H.1: l = 50.000 838 mm, k99·u_c = 92.5 nm is stated as 93 nm.
    const auto h1 = round_result(50000838.0, 92.49);
    EXPECT_DOUBLE_EQ(h1.expanded_uncertainty, 93.0);
    EXPECT_DOUBLE_EQ(h1.value, 50000838.0);
    EXPECT_EQ(h1.decimals, 0);

    const auto r = round_result(100.021473, 0.0351234, 2, Rounding::nearest);
    EXPECT_DOUBLE_EQ(r.expanded_uncertainty, 0.035);
    EXPECT_DOUBLE_EQ(r.value, 100.021);
    EXPECT_EQ(r.decimals, 3);
    EXPECT_EQ(format_fixed(r.value, r.decimals), "100.021");
}

TEST(RoundedResult, UpKeepsAnExactDigitAndRaisesTheRest) {
    EXPECT_DOUBLE_EQ(round_result(1.0, 0.035).expanded_uncertainty, 0.035);
    EXPECT_DOUBLE_EQ(round_result(1.0, 0.0351).expanded_uncertainty, 0.036);
    EXPECT_DOUBLE_EQ(round_result(1.0, 0.0351, 2, Rounding::nearest).expanded_uncertainty, 0.035);
}

TEST(RoundedResult, CarryDropsADigit) {
    const auto r = round_result(1.23456, 0.0997);
    EXPECT_DOUBLE_EQ(r.expanded_uncertainty, 0.10);
    EXPECT_EQ(r.decimals, 2);
    EXPECT_DOUBLE_EQ(r.value, 1.23);
}

TEST(RoundedResult, LargeUncertaintyRoundsToTens) {
    const auto r = round_result(12345.0, 1234.0, 2, Rounding::nearest);
    EXPECT_DOUBLE_EQ(r.expanded_uncertainty, 1200.0);
    EXPECT_DOUBLE_EQ(r.value, 12300.0);
    EXPECT_EQ(r.decimals, -2);
    EXPECT_EQ(format_fixed(r.value, r.decimals), "12300");
}

TEST(RoundedResult, ZeroUncertaintyKeepsTheValue) {
    const auto r = round_result(1.2345, 0.0);
    EXPECT_DOUBLE_EQ(r.value, 1.2345);
    EXPECT_FALSE(r.decimals.has_value());
}

} // namespace
} // namespace callab::uncertainty
