#include <callab/uncertainty/measurement_model.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace callab::uncertainty {
namespace {

MeasurementModel parse(const std::string& expression, std::vector<std::string> inputs) {
    return MeasurementModel::parse({{"y", expression}}, inputs).value();
}

double eval(const std::string& expression, std::vector<std::string> names, std::vector<double> x) {
    const auto model = parse(expression, names);
    std::vector<double> y(1);
    model.evaluate<double>(x, y);
    return y[0];
}

TEST(MeasurementModel, PrecedenceAndAssociativity) {
    EXPECT_DOUBLE_EQ(eval("1 + 2 * 3", {}, {}), 7.0);
    EXPECT_DOUBLE_EQ(eval("(1 + 2) * 3", {}, {}), 9.0);
    EXPECT_DOUBLE_EQ(eval("2 ^ 3 ^ 2", {}, {}), 512.0);
    EXPECT_DOUBLE_EQ(eval("-2 ^ 2", {}, {}), -4.0);
    EXPECT_DOUBLE_EQ(eval("8 / 4 / 2", {}, {}), 1.0);
    EXPECT_DOUBLE_EQ(eval("10 - 4 - 3", {}, {}), 3.0);
    EXPECT_DOUBLE_EQ(eval("x^2", {"x"}, {-3.0}), 9.0);
    EXPECT_DOUBLE_EQ(eval("x^-1", {"x"}, {-4.0}), -0.25);
    EXPECT_DOUBLE_EQ(eval("1.5e-3 * 2E3", {}, {}), 3.0);
}

TEST(MeasurementModel, Functions) {
    EXPECT_DOUBLE_EQ(eval("sqrt(16) + exp(0) + log(1) + log10(1000)", {}, {}), 8.0);
    EXPECT_DOUBLE_EQ(eval("sin(pi/2) + cos(0) + tan(0)", {}, {}), 2.0);
    EXPECT_DOUBLE_EQ(eval("asin(1) + acos(1) + atan(1)", {}, {}),
                     std::numbers::pi / 2 + std::numbers::pi / 4);
    EXPECT_DOUBLE_EQ(eval("atan2(1, -1)", {}, {}), 3 * std::numbers::pi / 4);
    EXPECT_DOUBLE_EQ(eval("abs(-2) * pow(2, 10)", {}, {}), 2048.0);
    EXPECT_DOUBLE_EQ(eval("pow(a, b)", {"a", "b"}, {2.0, 0.5}), std::sqrt(2.0));
}

TEST(MeasurementModel, DerivativesAreExact) {
    const auto model = parse("V/I*cos(phi) + atan(V) + a^b", {"V", "I", "phi", "a", "b"});
    std::vector<Dual> x;
    const std::vector<double> at{5.0, 0.02, 1.0, 2.0, 3.0};
    for (int i = 0; i < 5; ++i) {
        x.emplace_back(at[i], Eigen::VectorXd::Unit(5, i));
    }
    std::vector<Dual> y(1);
    model.evaluate<Dual>(x, y);
    const auto& d = y[0].derivatives();
    EXPECT_DOUBLE_EQ(d(0), std::cos(1.0) / 0.02 + 1.0 / 26.0);
    EXPECT_DOUBLE_EQ(d(1), -5.0 / 0.0004 * std::cos(1.0));
    EXPECT_DOUBLE_EQ(d(2), -5.0 / 0.02 * std::sin(1.0));
    EXPECT_NEAR(d(3), 3.0 * 4.0, 1e-12);
    EXPECT_NEAR(d(4), 8.0 * std::log(2.0), 1e-12);
}

TEST(MeasurementModel, AConstantRaisedToAnExpressionHasTheExpressionsDerivative) {
    // 2^(-x^3): a constant base meets an exponent that carries derivatives; the constant's
    // derivative vector must have the inputs' size (found by fuzz_expression: "-2^-x^55").
    const auto model = parse("2^-x^3 + 3", {"x"});
    std::vector<Dual> x{Dual(1.0, Eigen::VectorXd::Unit(1, 0))};
    std::vector<Dual> y(1);
    model.evaluate<Dual>(x, y);
    EXPECT_DOUBLE_EQ(y[0].value(), 3.5);
    ASSERT_EQ(y[0].derivatives().size(), 1);
    // d/dx 2^(-x^3) = 2^(-x^3) · ln 2 · (−3x²) = −1.5 ln 2 at x = 1
    EXPECT_NEAR(y[0].derivatives()(0), -1.5 * std::log(2.0), 1e-12);
}

TEST(MeasurementModel, OutputsMayUseOtherOutputsInAnyOrder) {
    const auto model =
        MeasurementModel::parse({{"Z", "sqrt(R^2 + X^2)"}, {"R", "a"}, {"X", "b"}}, {"a", "b"});
    ASSERT_TRUE(model);
    std::vector<double> y(3);
    model->evaluate<double>(std::vector<double>{3.0, 4.0}, y);
    EXPECT_DOUBLE_EQ(y[0], 5.0);
}

TEST(MeasurementModel, BatchMatchesPointwise) {
    const auto model = parse("atan2(a, b) + a^b - log10(abs(b)) / sqrt(a)", {"a", "b"});
    Eigen::ArrayXXd x(3, 2);
    x << 1.5, 2.0, 2.5, -0.5, 0.7, 3.0;
    Eigen::ArrayXXd y(3, 1);
    model.evaluate_batch(x, y);
    for (int t = 0; t < 3; ++t) {
        std::vector<double> out(1);
        model.evaluate<double>(std::vector<double>{x(t, 0), x(t, 1)}, out);
        EXPECT_NEAR(y(t, 0), out[0], 1e-12);
    }
}

TEST(MeasurementModel, ErrorsNameTheOutputAndPosition) {
    auto unknown = MeasurementModel::parse({{"R", "V/J"}}, {"V", "I"});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, errc::unknown_name);
    EXPECT_EQ(unknown.error().message, "output 'R': unknown name 'J' at position 3");

    auto syntax = MeasurementModel::parse({{"R", "V/(I"}}, {"V", "I"});
    EXPECT_EQ(syntax.error().code, errc::syntax_error);
    EXPECT_EQ(syntax.error().message, "output 'R': expected ')' at position 5");

    EXPECT_EQ(MeasurementModel::parse({{"R", "V *"}}, {"V"}).error().code, errc::syntax_error);
    EXPECT_EQ(MeasurementModel::parse({{"R", ""}}, {"V"}).error().code, errc::syntax_error);
    EXPECT_EQ(MeasurementModel::parse({{"R", "V V"}}, {"V"}).error().code, errc::syntax_error);
    EXPECT_EQ(MeasurementModel::parse({{"R", "sqrt(V, V)"}}, {"V"}).error().code,
              errc::syntax_error);
    EXPECT_EQ(MeasurementModel::parse({{"R", "foo(V)"}}, {"V"}).error().code, errc::unknown_name);
    EXPECT_EQ(MeasurementModel::parse({{"R", "1..2"}}, {}).error().code, errc::syntax_error);
}

TEST(MeasurementModel, RejectsDuplicatesAndCycles) {
    EXPECT_EQ(MeasurementModel::parse({{"y", "a"}}, {"a", "a"}).error().code, errc::duplicate_name);
    EXPECT_EQ(MeasurementModel::parse({{"a", "1"}}, {"a"}).error().code, errc::duplicate_name);
    const auto cycle = MeasurementModel::parse({{"p", "q + 1"}, {"q", "p * 2"}}, {});
    ASSERT_FALSE(cycle);
    EXPECT_EQ(cycle.error().code, errc::cyclic_model);
    EXPECT_EQ(MeasurementModel::parse({{"p", "p"}}, {}).error().code, errc::cyclic_model);
}

} // namespace
} // namespace callab::uncertainty
