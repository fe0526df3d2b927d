#include <callab/uncertainty/input_quantity.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace callab::uncertainty {
namespace {

TEST(InputQuantity, StandardUncertaintiesOfTheDistributions) {
    EXPECT_DOUBLE_EQ(normal_input_expanded("ref", 37.0, 0.03, 2.0)->standard_uncertainty, 0.015);
    EXPECT_DOUBLE_EQ(rectangular_input("d", 0.0, 0.05)->standard_uncertainty, 0.05 / std::sqrt(3));
    const auto bounds = rectangular_input_bounds("b", 1.0, 3.0).value();
    EXPECT_DOUBLE_EQ(bounds.value, 2.0);
    EXPECT_DOUBLE_EQ(bounds.half_width, 1.0);
    EXPECT_DOUBLE_EQ(triangular_input("t", 0, 6.0)->standard_uncertainty, 6.0 / std::sqrt(6));
    EXPECT_DOUBLE_EQ(u_shaped_input("u", 0, 2.0)->standard_uncertainty, std::sqrt(2.0));
    // Trapezoid: β = 0 is triangular, β = 1 rectangular (GUM 4.3.9).
    EXPECT_DOUBLE_EQ(trapezoidal_input("z", 0, 1.0, 0.0)->standard_uncertainty, 1 / std::sqrt(6));
    EXPECT_DOUBLE_EQ(trapezoidal_input("z", 0, 1.0, 1.0)->standard_uncertainty, 1 / std::sqrt(3));
    const auto t = student_t_input("s", 1.0, 0.2, 4).value();
    EXPECT_DOUBLE_EQ(t.standard_uncertainty, 0.2);
    EXPECT_DOUBLE_EQ(t.degrees_of_freedom, 4.0);
}

TEST(InputQuantity, DegreesOfFreedomFromReliability) {
    // GUM G.4.2 and H.1: 25 % → ν = 8, 50 % → 2, 10 % → 50.
    EXPECT_DOUBLE_EQ(degrees_of_freedom_from_reliability(0.25).value(), 8.0);
    EXPECT_DOUBLE_EQ(degrees_of_freedom_from_reliability(0.5).value(), 2.0);
    EXPECT_NEAR(degrees_of_freedom_from_reliability(0.1).value(), 50.0, 1e-12);
    EXPECT_FALSE(degrees_of_freedom_from_reliability(0.0));
}

TEST(InputQuantity, TypeAAndPooled) {
    const std::vector<double> readings{36.9, 37.1, 37.0};
    const auto a = type_a_input("r", readings).value();
    EXPECT_DOUBLE_EQ(a.value, 37.0);
    EXPECT_NEAR(a.standard_uncertainty, 0.1 / std::sqrt(3.0), 1e-12);
    EXPECT_DOUBLE_EQ(a.degrees_of_freedom, 2.0);
    // GUM H.1.3.2: s_p = 13 nm from 25 readings (ν = 24), five readings → 5.8 nm.
    const std::vector<double> five{215, 214, 216, 215, 215};
    const auto pooled = type_a_pooled_input("d", five, 13.0, 24).value();
    EXPECT_NEAR(pooled.standard_uncertainty, 5.8, 0.05);
    EXPECT_DOUBLE_EQ(pooled.degrees_of_freedom, 24.0);
}

TEST(InputQuantity, RejectsBadParameters) {
    const std::vector<double> one{1.0};
    EXPECT_EQ(type_a_input("r", one).error().code, errc::too_few_readings);
    EXPECT_EQ(type_a_input("r", one).error().message,
              "input 'r': needs at least 2 readings, got 1");
    EXPECT_EQ(normal_input("x", 1.0, -1.0).error().code, errc::invalid_value);
    EXPECT_EQ(normal_input("x", 1.0, std::nan("")).error().code, errc::invalid_value);
    EXPECT_EQ(normal_input("x", INFINITY, 1.0).error().code, errc::invalid_value);
    EXPECT_EQ(rectangular_input("x", 0.0, -1.0).error().code, errc::invalid_value);
    EXPECT_EQ(rectangular_input_bounds("x", 2.0, 1.0).error().code, errc::invalid_value);
    EXPECT_EQ(trapezoidal_input("x", 0.0, 1.0, 1.5).error().code, errc::invalid_distribution);
    EXPECT_EQ(student_t_input("x", 0.0, 1.0, 0.0).error().code, errc::invalid_distribution);
    EXPECT_EQ(normal_input_expanded("x", 0.0, 1.0, 0.0).error().code, errc::invalid_value);
}

} // namespace
} // namespace callab::uncertainty
