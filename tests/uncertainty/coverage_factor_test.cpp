#include <callab/uncertainty/coverage_factor.hpp>
#include <callab/uncertainty/errc.hpp>

#include <gtest/gtest.h>

#include <limits>

namespace callab::uncertainty {
namespace {

constexpr double infinite = std::numeric_limits<double>::infinity();

double k(double p, double nu) {
    return coverage_factor(p, nu).value();
}

TEST(CoverageFactor, MatchesGumTableG2) {
    // JCGM 100 Table G.2, to the printed digits.
    EXPECT_NEAR(k(0.95, 1), 12.71, 0.005);
    EXPECT_NEAR(k(0.95, 10), 2.23, 0.005);
    EXPECT_NEAR(k(0.95, 20), 2.09, 0.005);
    EXPECT_NEAR(k(0.99, 16), 2.92, 0.005); // GUM H.1: k99 for ν_eff = 16
    EXPECT_NEAR(k(0.9545, 10), 2.28, 0.005);
    EXPECT_NEAR(k(0.95, infinite), 1.960, 0.0005);
    EXPECT_NEAR(k(0.9973, infinite), 3.00, 0.005);
}

TEST(CoverageFactor, AcceptsFractionalDegreesOfFreedom) {
    EXPECT_GT(k(0.95, 16.7), k(0.95, 17));
    EXPECT_LT(k(0.95, 16.7), k(0.95, 16));
}

TEST(CoverageFactor, RejectsProbabilitiesOutsideTheOpenInterval) {
    EXPECT_EQ(coverage_factor(0.0, 10).error(), errc::invalid_probability);
    EXPECT_EQ(coverage_factor(1.0, 10).error(), errc::invalid_probability);
    EXPECT_EQ(coverage_factor(std::numeric_limits<double>::quiet_NaN(), 10).error(),
              errc::invalid_probability);
}

TEST(CoverageFactor, RejectsNonPositiveDegreesOfFreedom) {
    EXPECT_EQ(coverage_factor(0.95, 0).error(), errc::invalid_value);
    EXPECT_EQ(coverage_factor(0.95, -3).error(), errc::invalid_value);
}

} // namespace
} // namespace callab::uncertainty
