#include <callab/uncertainty/gum_evaluation.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace callab::uncertainty {
namespace {

std::vector<std::string> names_of(const std::vector<InputQuantity>& inputs) {
    std::vector<std::string> names;
    for (const auto& x : inputs) {
        names.push_back(x.name);
    }
    return names;
}

// JCGM 100 H.1: the end gauge, in nm, °C and 1/°C.
std::vector<InputQuantity> end_gauge_inputs() {
    return {
        with_degrees_of_freedom(normal_input("l_s", 50000623.0, 25.0).value(), 18).value(),
        type_a_pooled_input("d_bar", std::vector<double>{215, 214, 216, 215, 215}, 13.0, 24)
            .value(),
        with_degrees_of_freedom(normal_input("d1", 0.0, 3.9).value(), 5).value(),
        with_degrees_of_freedom(normal_input("d2", 0.0, 6.7).value(),
                                degrees_of_freedom_from_reliability(0.25).value())
            .value(),
        rectangular_input("alpha_s", 11.5e-6, 2e-6).value(),
        normal_input("theta", -0.1, 0.41).value(),
        with_degrees_of_freedom(rectangular_input("delta_alpha", 0.0, 1e-6).value(),
                                degrees_of_freedom_from_reliability(0.10).value())
            .value(),
        with_degrees_of_freedom(rectangular_input("delta_theta", 0.0, 0.05).value(),
                                degrees_of_freedom_from_reliability(0.50).value())
            .value(),
    };
}

const char* const end_gauge_model =
    "l_s + d_bar + d1 + d2 - l_s*(delta_alpha*theta + alpha_s*delta_theta)";

TEST(GumEvaluation, JcgmH1EndGauge) {
    const auto inputs = end_gauge_inputs();
    const auto model = MeasurementModel::parse({{"l", end_gauge_model}}, names_of(inputs));
    ASSERT_TRUE(model) << model.error().message;
    GumOptions options;
    options.coverage.probability = 0.99;
    const auto result = evaluate_gum(*model, inputs, {}, options);
    ASSERT_TRUE(result) << result.error().message;
    const auto& l = result->outputs[0];
    EXPECT_NEAR(l.value, 50000838.0, 0.5);                       // l = 50.000 838 mm
    EXPECT_NEAR(l.standard_uncertainty, 32.0, 0.5);              // u_c(l) = 32 nm
    EXPECT_EQ(std::floor(l.effective_degrees_of_freedom), 16.0); // ν_eff = 16
    EXPECT_NEAR(l.coverage_factor, 2.92, 0.005);                 // k99 = t_99(16)
    // U99 = 93 nm: GUM multiplies the rounded u_c (2.92 × 32 nm); k99·u_c unrounded is 92.5 nm,
    // stated as 93 nm when U is rounded up (GUM 7.2.6).
    EXPECT_NEAR(l.coverage_factor * std::round(l.standard_uncertainty), 93.0, 0.5);
    EXPECT_NEAR(l.expanded_uncertainty, 92.5, 0.05);
    EXPECT_DOUBLE_EQ(l.rounded.expanded_uncertainty, 93.0);
    EXPECT_DOUBLE_EQ(l.rounded.value, 50000838.0);
    // Table H.1: |c_i|·u(x_i) of δα is 2.9 nm, of δθ 16.6 nm; α_s and θ drop out (c = 0).
    EXPECT_NEAR(l.budget[6].contribution, 2.9, 0.05);
    EXPECT_NEAR(l.budget[7].contribution, 16.6, 0.05);
    EXPECT_EQ(l.budget[4].sensitivity_coefficient, 0.0);
    EXPECT_EQ(l.budget[5].sensitivity_coefficient, 0.0);
}

TEST(GumEvaluation, CallableModelGivesTheSameAsText) {
    const auto inputs = end_gauge_inputs();
    const auto model = [](const auto& x) {
        using T = std::decay_t<decltype(x[0])>;
        return std::vector<T>{x[0] + x[1] + x[2] + x[3] - x[0] * (x[6] * x[5] + x[4] * x[7])};
    };
    const auto from_callable = evaluate_gum(model, {"l"}, inputs, {}, {}).value();
    const auto parsed = MeasurementModel::parse({{"l", end_gauge_model}}, names_of(inputs));
    const auto from_text = evaluate_gum(*parsed, inputs, {}, {}).value();
    EXPECT_DOUBLE_EQ(from_callable.outputs[0].standard_uncertainty,
                     from_text.outputs[0].standard_uncertainty);
}

// JCGM 100 H.2: simultaneous resistance and reactance, from the five sets of readings.
TEST(GumEvaluation, JcgmH2ResistanceReactanceImpedance) {
    const std::vector<double> v{5.007, 4.994, 5.005, 4.990, 4.999};
    const std::vector<double> i{19.663, 19.639, 19.640, 19.685, 19.678}; // mA
    const std::vector<double> phi{1.0456, 1.0438, 1.0468, 1.0428, 1.0433};
    const std::vector<InputQuantity> inputs{type_a_input("V", v).value(),
                                            type_a_input("I", i).value(),
                                            type_a_input("phi", phi).value()};
    const auto r = correlation_matrix(inputs, {{"V", "I", correlation_of_means(v, i).value()},
                                               {"V", "phi", correlation_of_means(v, phi).value()},
                                               {"I", "phi", correlation_of_means(i, phi).value()}});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_NEAR((*r)(0, 1), -0.36, 0.005);
    EXPECT_NEAR((*r)(0, 2), 0.86, 0.005);
    EXPECT_NEAR((*r)(1, 2), -0.65, 0.005);
    const auto model = MeasurementModel::parse(
        {{"R", "1000*V/I*cos(phi)"}, {"X", "1000*V/I*sin(phi)"}, {"Z", "sqrt(R^2 + X^2)"}},
        {"V", "I", "phi"});
    ASSERT_TRUE(model);
    const auto result = evaluate_gum(*model, inputs, *r, {});
    ASSERT_TRUE(result) << result.error().message;
    const auto& out = result->outputs;
    EXPECT_NEAR(out[0].value, 127.732, 0.0005);
    EXPECT_NEAR(out[0].standard_uncertainty, 0.071, 0.0005);
    EXPECT_NEAR(out[1].value, 219.847, 0.0005);
    EXPECT_NEAR(out[1].standard_uncertainty, 0.295, 0.0006); // GUM rounds 0.2956 down
    EXPECT_NEAR(out[2].value, 254.260, 0.0005);
    EXPECT_NEAR(out[2].standard_uncertainty, 0.236, 0.0005);
    EXPECT_NEAR(result->correlation(0, 1), -0.588, 0.0005);
    EXPECT_NEAR(result->correlation(0, 2), -0.485, 0.0005);
    EXPECT_NEAR(result->correlation(1, 2), 0.993, 0.0005);
    EXPECT_NEAR(result->covariance(0, 0), 0.071 * 0.071, 1e-4);
    // The three inputs are means of the same five sets of readings: ν_eff = 4 (GUM H.2.4).
    EXPECT_NEAR(out[0].effective_degrees_of_freedom, 4.0, 1e-9);
    EXPECT_NEAR(out[2].effective_degrees_of_freedom, 4.0, 1e-9);
    EXPECT_NEAR(out[0].coverage_factor, 2.78, 0.005); // t_0.975(4)
}

TEST(GumEvaluation, ResultsDoNotDependOnInputOrder) {
    auto inputs = end_gauge_inputs();
    const auto first =
        evaluate_gum(MeasurementModel::parse({{"l", end_gauge_model}}, names_of(inputs)).value(),
                     inputs, {}, {});
    std::reverse(inputs.begin(), inputs.end());
    const auto second =
        evaluate_gum(MeasurementModel::parse({{"l", end_gauge_model}}, names_of(inputs)).value(),
                     inputs, {}, {});
    ASSERT_TRUE(first && second);
    EXPECT_NEAR(first->outputs[0].standard_uncertainty, second->outputs[0].standard_uncertainty,
                1e-9);
    EXPECT_NEAR(first->outputs[0].effective_degrees_of_freedom,
                second->outputs[0].effective_degrees_of_freedom, 1e-9);
    EXPECT_NEAR(first->outputs[0].budget[0].contribution, second->outputs[0].budget[7].contribution,
                1e-12);
}

TEST(GumEvaluation, FullCorrelationOfIdenticalInputsDoublesTheSum) {
    const std::vector<InputQuantity> inputs{normal_input("a", 1.0, 0.3).value(),
                                            normal_input("b", 1.0, 0.3).value()};
    const auto model = MeasurementModel::parse({{"s", "a + b"}}, {"a", "b"}).value();
    const auto r = correlation_matrix(inputs, {{"a", "b", 1.0}}).value();
    const auto result = evaluate_gum(model, inputs, r, {}).value();
    EXPECT_DOUBLE_EQ(result.outputs[0].standard_uncertainty, 0.6);
    const auto independent = evaluate_gum(model, inputs, {}, {}).value();
    EXPECT_DOUBLE_EQ(independent.outputs[0].standard_uncertainty, 0.3 * std::sqrt(2.0));
}

TEST(GumEvaluation, FixedCoverageFactor) {
    const std::vector<InputQuantity> inputs{normal_input("a", 1.0, 0.3).value()};
    GumOptions options;
    options.coverage.coverage_factor = 2.0;
    const auto result =
        evaluate_gum(MeasurementModel::parse({{"y", "2*a"}}, {"a"}).value(), inputs, {}, options)
            .value();
    EXPECT_DOUBLE_EQ(result.outputs[0].expanded_uncertainty, 1.2);
    EXPECT_TRUE(std::isnan(result.outputs[0].coverage_probability));
}

TEST(GumEvaluation, BadCorrelationsAreNamed) {
    const std::vector<InputQuantity> inputs{normal_input("a", 1.0, 0.3).value(),
                                            normal_input("b", 1.0, 0.3).value(),
                                            normal_input("c", 1.0, 0.3).value()};
    EXPECT_EQ(correlation_matrix(inputs, {{"a", "b", 1.2}}).error().message,
              "correlation between 'a' and 'b': |r| must not exceed 1");
    EXPECT_EQ(correlation_matrix(inputs, {{"a", "x", 0.2}}).error().code, errc::unknown_name);
    const auto not_psd =
        correlation_matrix(inputs, {{"a", "b", 0.9}, {"b", "c", 0.9}, {"a", "c", -0.9}});
    EXPECT_EQ(not_psd.error().code, errc::invalid_correlation);
}

TEST(GumEvaluation, ZeroSensitivityIsAnErrorUnlessAllowed) {
    const std::vector<InputQuantity> inputs{normal_input("x", 0.0, 1.0).value()};
    const auto model = MeasurementModel::parse({{"y", "x^2"}}, {"x"}).value();
    const auto result = evaluate_gum(model, inputs, {}, {});
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, errc::zero_sensitivity);
    GumOptions options;
    options.allow_zero_sensitivity = true;
    EXPECT_EQ(evaluate_gum(model, inputs, {}, options)->outputs[0].standard_uncertainty, 0.0);
}

TEST(GumEvaluation, NonFiniteModelValueIsAnError) {
    const std::vector<InputQuantity> inputs{normal_input("x", 0.0, 1.0).value()};
    const auto model = MeasurementModel::parse({{"y", "1/x"}}, {"x"}).value();
    EXPECT_EQ(evaluate_gum(model, inputs, {}, {}).error().code, errc::non_finite_result);
}

} // namespace
} // namespace callab::uncertainty
