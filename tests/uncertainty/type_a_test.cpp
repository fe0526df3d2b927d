#include <callab/uncertainty/errc.hpp>
#include <callab/uncertainty/type_a.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace callab::uncertainty {
namespace {

TEST(TypeA, MeanStandardDeviationAndUncertaintyOfTheMean) {
    const std::vector<double> readings{1.0, 2.0, 3.0, 4.0, 5.0};
    const auto result = evaluate_type_a(readings);
    ASSERT_TRUE(result);
    EXPECT_DOUBLE_EQ(result->mean, 3.0);
    EXPECT_DOUBLE_EQ(result->standard_deviation, std::sqrt(2.5));
    EXPECT_DOUBLE_EQ(result->standard_uncertainty, std::sqrt(2.5 / 5.0));
    EXPECT_DOUBLE_EQ(result->degrees_of_freedom, 4.0);
    EXPECT_EQ(result->count, 5U);
}

TEST(TypeA, LargeOffsetLosesNoDigits) {
    // The same spread as above, 10^9 away from zero: a one-pass formula loses it.
    const std::vector<double> readings{1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4, 1e9 + 5};
    const auto result = evaluate_type_a(readings);
    ASSERT_TRUE(result);
    EXPECT_NEAR(result->standard_deviation, std::sqrt(2.5), 1e-9);
}

TEST(TypeA, GumH1RepeatedObservationsOfTheComparator) {
    // JCGM 100 H.1.3.2: five repeated observations give s(d̄) = 13 nm/√5 = 5.8 nm.
    // Any five values with s = 13 nm reproduce it; these are 215 nm ± a spread of 13 nm.
    const double s = 13.0;
    const double a = s * std::sqrt(2.0);
    const std::vector<double> readings{215.0 - a, 215.0, 215.0, 215.0, 215.0 + a};
    const auto result = evaluate_type_a(readings);
    ASSERT_TRUE(result);
    EXPECT_NEAR(result->standard_uncertainty, 5.8, 0.05);
}

TEST(TypeA, RejectsFewerThanTwoReadings) {
    const std::vector<double> one{37.0};
    EXPECT_EQ(evaluate_type_a(one).error(), errc::too_few_readings);
    EXPECT_EQ(evaluate_type_a({}).error(), errc::too_few_readings);
}

TEST(TypeA, RejectsNonFiniteReadings) {
    const std::vector<double> nan{37.0, std::numeric_limits<double>::quiet_NaN()};
    const std::vector<double> inf{37.0, std::numeric_limits<double>::infinity()};
    EXPECT_EQ(evaluate_type_a(nan).error(), errc::invalid_value);
    EXPECT_EQ(evaluate_type_a(inf).error(), errc::invalid_value);
}

} // namespace
} // namespace callab::uncertainty
