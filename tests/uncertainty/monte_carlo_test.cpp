#include <callab/uncertainty/gum_evaluation.hpp>
#include <callab/uncertainty/monte_carlo.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace callab::uncertainty {
namespace {

struct Additive {
    std::vector<InputQuantity> inputs;
    MeasurementModel model;
};

// JCGM 101 9.2: Y = X1 + X2 + X3 + X4 with zero expectations.
Additive additive(std::vector<InputQuantity> inputs) {
    auto model = MeasurementModel::parse({{"Y", "X1 + X2 + X3 + X4"}}, {"X1", "X2", "X3", "X4"});
    return {std::move(inputs), std::move(model).value()};
}

Additive additive_normal() {
    return additive({normal_input("X1", 0, 1).value(), normal_input("X2", 0, 1).value(),
                     normal_input("X3", 0, 1).value(), normal_input("X4", 0, 1).value()});
}

Additive additive_rectangular() {
    const double a = std::sqrt(3.0); // standard deviation 1
    return additive({rectangular_input("X1", 0, a).value(), rectangular_input("X2", 0, a).value(),
                     rectangular_input("X3", 0, a).value(), rectangular_input("X4", 0, a).value()});
}

MonteCarloOptions shortest_with(std::size_t trials) {
    MonteCarloOptions options;
    options.trials = trials;
    options.interval = IntervalKind::shortest;
    options.seed = 20080101;
    return options;
}

// 10^7 trials put the symmetric endpoints within about 0.0015 (one standard deviation) of
// their limit, well inside the published two decimals. A shortest interval of a symmetric
// distribution wanders by a few hundredths between runs of 10^6 trials (its width is flat
// around the optimum), so it is checked against δ = 0.05 of n_dig = 2.
MonteCarloOptions ten_million_trials() {
    MonteCarloOptions options;
    options.trials = 10'000'000;
    options.seed = 20080101;
    return options;
}

TEST(MonteCarlo, Jcgm101Section922NormalInputs) {
    const auto [inputs, model] = additive_normal();
    const auto gum = evaluate_gum(model, inputs, {}, {}).value().outputs[0];
    EXPECT_DOUBLE_EQ(gum.standard_uncertainty, 2.0);
    EXPECT_NEAR(gum.value - gum.expanded_uncertainty, -3.92, 0.005);

    const auto mcm = run_monte_carlo(model, inputs, {}, ten_million_trials());
    ASSERT_TRUE(mcm) << mcm.error().message;
    const auto& y = mcm->outputs[0];
    // Table 2: y = 0.00, u(y) = 2.00, 95 % interval [−3.92, 3.92]; the GUF is validated.
    EXPECT_NEAR(y.mean, 0.00, 0.005);
    EXPECT_NEAR(y.standard_uncertainty, 2.00, 0.005);
    EXPECT_NEAR(y.interval.low, -3.92, 0.005);
    EXPECT_NEAR(y.interval.high, 3.92, 0.005);
    const auto validation =
        validate_gum(gum.value, gum.standard_uncertainty, gum.expanded_uncertainty, y.interval, 3);
    EXPECT_TRUE(validation.passed);
    EXPECT_DOUBLE_EQ(validation.tolerance, 0.005);

    const auto shortest = run_monte_carlo(model, inputs, {}, shortest_with(1'000'000)).value();
    EXPECT_NEAR(shortest.outputs[0].interval.low, -3.92, 0.05);
    EXPECT_NEAR(shortest.outputs[0].interval.high, 3.92, 0.05);
}

TEST(MonteCarlo, Jcgm101Section923RectangularInputs) {
    const auto [inputs, model] = additive_rectangular();
    const auto gum = evaluate_gum(model, inputs, {}, {}).value().outputs[0];
    EXPECT_NEAR(gum.standard_uncertainty, 2.0, 1e-12);
    const auto mcm = run_monte_carlo(model, inputs, {}, ten_million_trials());
    ASSERT_TRUE(mcm);
    const auto& y = mcm->outputs[0];
    // Table 3: MCM y = 0.00, u(y) = 2.00, 95 % interval [−3.88, 3.88]; the GUF's
    // [−3.92, 3.92] differs by 0.04: not validated with δ = 0.005 (n_dig = 3), validated
    // with δ = 0.05 (n_dig = 2).
    EXPECT_NEAR(y.mean, 0.00, 0.005);
    EXPECT_NEAR(y.standard_uncertainty, 2.00, 0.005);
    EXPECT_NEAR(y.interval.low, -3.88, 0.005);
    EXPECT_NEAR(y.interval.high, 3.88, 0.005);
    const auto three =
        validate_gum(gum.value, gum.standard_uncertainty, gum.expanded_uncertainty, y.interval, 3);
    EXPECT_FALSE(three.passed);
    EXPECT_DOUBLE_EQ(three.tolerance, 0.005);
    EXPECT_NEAR(three.low_difference, 0.04, 0.006);
    const auto two =
        validate_gum(gum.value, gum.standard_uncertainty, gum.expanded_uncertainty, y.interval, 2);
    EXPECT_TRUE(two.passed);
}

TEST(MonteCarlo, Jcgm101Section924OneDominantRectangularInput) {
    auto [inputs, model] = additive_normal();
    inputs[3] = rectangular_input("X4", 0, 10.0 * std::sqrt(3.0)).value();
    const auto gum = evaluate_gum(model, inputs, {}, {}).value().outputs[0];
    EXPECT_NEAR(gum.standard_uncertainty, 10.15, 0.005);
    EXPECT_NEAR(gum.expanded_uncertainty, 19.9, 0.05);
    const auto mcm = run_monte_carlo(model, inputs, {}, ten_million_trials()).value();
    // Table 4: u(y) = 10.15, 95 % interval [−17.0, 17.0]; the GUF is not validated.
    EXPECT_NEAR(mcm.outputs[0].standard_uncertainty, 10.15, 0.005);
    EXPECT_NEAR(mcm.outputs[0].interval.low, -17.0, 0.05);
    EXPECT_NEAR(mcm.outputs[0].interval.high, 17.0, 0.05);
    EXPECT_FALSE(validate_gum(gum.value, gum.standard_uncertainty, gum.expanded_uncertainty,
                              mcm.outputs[0].interval, 2)
                     .passed);
}

TEST(MonteCarlo, SameSeedSameNumbersWhateverTheThreads) {
    const auto [inputs, model] = additive_rectangular();
    auto options = shortest_with(100'000);
    options.threads = 1;
    const auto one = run_monte_carlo(model, inputs, {}, options).value();
    options.threads = 2;
    const auto two = run_monte_carlo(model, inputs, {}, options).value();
    options.threads = 5;
    const auto five = run_monte_carlo(model, inputs, {}, options).value();
    EXPECT_EQ(one.outputs[0].mean, two.outputs[0].mean);
    EXPECT_EQ(one.outputs[0].standard_uncertainty, five.outputs[0].standard_uncertainty);
    EXPECT_EQ(one.outputs[0].interval.low, two.outputs[0].interval.low);
    EXPECT_EQ(one.outputs[0].interval.high, five.outputs[0].interval.high);
    options.seed += 1;
    const auto other = run_monte_carlo(model, inputs, {}, options).value();
    EXPECT_NE(one.outputs[0].mean, other.outputs[0].mean);
}

TEST(MonteCarlo, AdaptiveProcedureStabilises) {
    const auto [inputs, model] = additive_normal();
    auto options = shortest_with(0);
    options.adaptive = true;
    const auto result = run_monte_carlo(model, inputs, {}, options);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->trials % 10'000, 0U);
    EXPECT_GE(result->trials, 20'000U);
    // n_dig = 2: δ = 0.05 for u = 2.0; the endpoints are stable to about that.
    EXPECT_NEAR(result->outputs[0].standard_uncertainty, 2.0, 0.05);
    EXPECT_NEAR(result->outputs[0].interval.high, 3.92, 0.1);
}

TEST(MonteCarlo, LinearModelsAgreeWithTheGumWithinNoise) {
    const std::vector<InputQuantity> inputs{
        normal_input("a", 1.0, 0.2).value(), triangular_input("b", 2.0, 0.6).value(),
        u_shaped_input("c", -1.0, 0.1).value(), trapezoidal_input("d", 0.0, 0.5, 0.4).value(),
        rectangular_input_bounds("e", 3.0, 3.4).value()};
    const auto model =
        MeasurementModel::parse({{"y", "2*a - 3*b + c + 0.5*d - e"}}, {"a", "b", "c", "d", "e"})
            .value();
    const auto gum = evaluate_gum(model, inputs, {}, {}).value().outputs[0];
    const std::size_t trials = 400'000;
    const auto mcm = run_monte_carlo(model, inputs, {}, shortest_with(trials)).value().outputs[0];
    const double noise = gum.standard_uncertainty / std::sqrt(static_cast<double>(trials));
    EXPECT_NEAR(mcm.mean, gum.value, 4.0 * noise);
    EXPECT_NEAR(mcm.standard_uncertainty, gum.standard_uncertainty, 4.0 * noise);
}

TEST(MonteCarlo, FullCorrelationDoublesTheSum) {
    const std::vector<InputQuantity> inputs{normal_input("a", 1.0, 0.3).value(),
                                            normal_input("b", 1.0, 0.3).value()};
    const auto model =
        MeasurementModel::parse({{"s", "a + b"}, {"d", "a - b"}}, {"a", "b"}).value();
    const auto r = correlation_matrix(inputs, {{"a", "b", 1.0}}).value();
    const auto mcm = run_monte_carlo(model, inputs, r, shortest_with(100'000)).value();
    EXPECT_NEAR(mcm.outputs[0].standard_uncertainty, 0.6, 0.006);
    EXPECT_NEAR(mcm.outputs[1].standard_uncertainty, 0.0, 1e-12);
}

TEST(MonteCarlo, MultivariateOutputsMatchJcgm102Propagation) {
    // JCGM 100 H.2 means and correlations: the MCM output correlations approach the GUF's.
    const std::vector<InputQuantity> inputs{normal_input("V", 4.999, 0.0032).value(),
                                            normal_input("I", 19.661e-3, 0.0000095).value(),
                                            normal_input("phi", 1.04446, 0.00075).value()};
    const auto r =
        correlation_matrix(inputs, {{"V", "I", -0.36}, {"V", "phi", 0.86}, {"I", "phi", -0.65}})
            .value();
    const auto model = MeasurementModel::parse(
        {{"R", "V/I*cos(phi)"}, {"X", "V/I*sin(phi)"}, {"Z", "V/I"}}, {"V", "I", "phi"});
    const auto gum = evaluate_gum(*model, inputs, r, {}).value();
    const auto mcm = run_monte_carlo(*model, inputs, r, shortest_with(200'000)).value();
    for (Eigen::Index a = 0; a < 3; ++a) {
        for (Eigen::Index b = 0; b < 3; ++b) {
            EXPECT_NEAR(mcm.correlation(a, b), gum.correlation(a, b), 0.01);
        }
        EXPECT_NEAR(std::sqrt(mcm.covariance(a, a)), std::sqrt(gum.covariance(a, a)),
                    0.01 * std::sqrt(gum.covariance(a, a)));
    }
}

TEST(MonteCarlo, FiniteDegreesOfFreedomSampleStudentT) {
    // x + u·t_ν with ν = 5 has standard deviation u·√(ν/(ν − 2)) (JCGM 101 6.4.9.4).
    const std::vector<InputQuantity> inputs{student_t_input("x", 0.0, 1.0, 5).value()};
    const auto model = MeasurementModel::parse({{"y", "x"}}, {"x"}).value();
    const auto mcm = run_monte_carlo(model, inputs, {}, shortest_with(400'000)).value();
    EXPECT_NEAR(mcm.outputs[0].standard_uncertainty, std::sqrt(5.0 / 3.0), 0.01);
    EXPECT_NEAR(mcm.outputs[0].interval.high, 2.571, 0.02); // t_0.975(5)
}

TEST(MonteCarlo, RejectsBadRequests) {
    const auto [inputs, model] = additive_normal();
    auto options = shortest_with(9'999);
    EXPECT_EQ(run_monte_carlo(model, inputs, {}, options).error().code, errc::too_few_trials);
    options.trials = 10'000;
    options.probability = 1.0;
    EXPECT_EQ(run_monte_carlo(model, inputs, {}, options).error().code, errc::invalid_probability);
    const std::vector<InputQuantity> near_zero{normal_input("x", 0.5, 1.0).value()};
    const auto log_model = MeasurementModel::parse({{"y", "log(x)"}}, {"x"}).value();
    const auto failed = run_monte_carlo(log_model, near_zero, {}, shortest_with(10'000));
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code, errc::non_finite_result);
    EXPECT_EQ(failed.error().message.rfind("output 'y': Monte Carlo trial ", 0), 0U);
}

} // namespace
} // namespace callab::uncertainty
