#include <callab/lab/errc.hpp>
#include <callab/lab/measurement_summary.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace callab::lab {
namespace {

std::vector<ReadingRecord> records(std::initializer_list<double> values) {
    std::vector<ReadingRecord> out;
    for (double v : values) {
        out.push_back({ReadingId{}, JobId{1}, v, "degC", "manual", {}, "tester"});
    }
    return out;
}

TEST(MeasurementSummary, CombinesRepeatabilityAndResolution) {
    const auto readings = records({37.1, 37.2, 37.1, 37.0, 37.1});
    const auto summary = summarise_readings(readings, 0.1);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->count, 5U);
    EXPECT_NEAR(summary->mean, 37.1, 1e-12);
    // s = √(0.02/4) = 0.070711, s/√5 = 0.031623; resolution 0.1/(2√3) = 0.028868.
    const double u_a = std::sqrt(0.02 / 4.0) / std::sqrt(5.0);
    const double u_res = 0.1 / (2.0 * std::sqrt(3.0));
    const double u_c = std::hypot(u_a, u_res);
    EXPECT_NEAR(summary->standard_uncertainty, u_c, 1e-12);
    // Welch–Satterthwaite: only the Type A part has finite ν (4).
    const double nu_eff = std::pow(u_c, 4) / (std::pow(u_a, 4) / 4.0);
    EXPECT_NEAR(summary->effective_degrees_of_freedom, nu_eff, 1e-9);
    // ν_eff = 13.44 → 13 as GUM G.4.1 note 1 has it: t₀.₉₇₅(13) = 2.160 (GUM Table G.2: 2.16).
    EXPECT_NEAR(nu_eff, 13.44, 0.005);
    EXPECT_NEAR(summary->coverage_factor, 2.160, 0.0005);
    EXPECT_NEAR(summary->expanded_uncertainty, summary->coverage_factor * u_c, 1e-12);
    ASSERT_EQ(summary->budget.size(), 2U);
    EXPECT_EQ(summary->budget[1].component.name, "resolution");
}

TEST(MeasurementSummary, WithoutResolutionItIsTheTypeAResult) {
    const auto readings = records({1.0, 2.0, 3.0});
    const auto summary = summarise_readings(readings, 0.0);
    ASSERT_TRUE(summary);
    EXPECT_DOUBLE_EQ(summary->standard_uncertainty, 1.0 / std::sqrt(3.0));
    EXPECT_DOUBLE_EQ(summary->effective_degrees_of_freedom, 2.0);
    EXPECT_NEAR(summary->coverage_factor, 4.303, 0.0005); // t(0.975, 2)
}

TEST(MeasurementSummary, NeedsTwoReadings) {
    EXPECT_EQ(summarise_readings(records({37.0}), 0.1).error(), errc::not_enough_readings);
}

TEST(MeasurementSummary, RejectsNegativeResolution) {
    EXPECT_EQ(summarise_readings(records({37.0, 37.1}), -0.1).error(), errc::invalid_field);
}

} // namespace
} // namespace callab::lab
