#include <callab/uncertainty/input_quantity.hpp>
#include <callab/uncertainty/type_a.hpp>

#include <cmath>
#include <utility>

namespace callab::uncertainty {
namespace {

Failure fail(errc code, const std::string& name, const std::string& cause) {
    return Failure{code, "input '" + name + "': " + cause};
}

bool finite(double x) {
    return std::isfinite(x);
}

Outcome<InputQuantity> bounded(std::string name, double value, double half_width,
                               Distribution distribution, double divisor) {
    if (!finite(value)) {
        return fail(errc::invalid_value, name, "value is NaN or infinite");
    }
    if (!finite(half_width) || half_width < 0.0) {
        return fail(errc::invalid_value, name, "half_width must be finite and not negative");
    }
    InputQuantity input{std::move(name), value, half_width / std::sqrt(divisor), distribution};
    input.half_width = half_width;
    return input;
}

} // namespace

std::string_view to_string(Distribution distribution) {
    switch (distribution) {
    case Distribution::normal:
        return "normal";
    case Distribution::rectangular:
        return "rectangular";
    case Distribution::triangular:
        return "triangular";
    case Distribution::u_shaped:
        return "u_shaped";
    case Distribution::trapezoidal:
        return "trapezoidal";
    case Distribution::student_t:
        return "student_t";
    }
    return "unknown";
}

Outcome<double> degrees_of_freedom_from_reliability(double relative_uncertainty_of_u) {
    if (!finite(relative_uncertainty_of_u) || relative_uncertainty_of_u <= 0.0) {
        return Failure{errc::invalid_value,
                       "relative uncertainty of the uncertainty must be finite and positive"};
    }
    return 0.5 / (relative_uncertainty_of_u * relative_uncertainty_of_u);
}

Outcome<InputQuantity> normal_input(std::string name, double value, double u) {
    if (!finite(value)) {
        return fail(errc::invalid_value, name, "value is NaN or infinite");
    }
    if (!finite(u) || u < 0.0) {
        return fail(errc::invalid_value, name, "u must be finite and not negative");
    }
    return InputQuantity{std::move(name), value, u, Distribution::normal};
}

Outcome<InputQuantity> normal_input_expanded(std::string name, double value, double expanded,
                                             double k) {
    if (!finite(k) || k <= 0.0) {
        return fail(errc::invalid_value, name, "k must be finite and positive");
    }
    if (!finite(expanded) || expanded < 0.0) {
        return fail(errc::invalid_value, name, "U must be finite and not negative");
    }
    return normal_input(std::move(name), value, expanded / k);
}

Outcome<InputQuantity> rectangular_input(std::string name, double value, double half_width) {
    return bounded(std::move(name), value, half_width, Distribution::rectangular, 3.0);
}

Outcome<InputQuantity> rectangular_input_bounds(std::string name, double lower, double upper) {
    if (!finite(lower) || !finite(upper) || !(lower <= upper)) {
        return fail(errc::invalid_value, name, "bounds must be finite with a <= b");
    }
    return rectangular_input(std::move(name), lower + (upper - lower) / 2.0, (upper - lower) / 2.0);
}

Outcome<InputQuantity> triangular_input(std::string name, double value, double half_width) {
    return bounded(std::move(name), value, half_width, Distribution::triangular, 6.0);
}

Outcome<InputQuantity> u_shaped_input(std::string name, double value, double half_width) {
    return bounded(std::move(name), value, half_width, Distribution::u_shaped, 2.0);
}

Outcome<InputQuantity> trapezoidal_input(std::string name, double value, double half_width,
                                         double beta) {
    if (!finite(beta) || beta < 0.0 || beta > 1.0) {
        return fail(errc::invalid_distribution, name, "beta must lie in [0, 1]");
    }
    auto input = bounded(std::move(name), value, half_width, Distribution::trapezoidal,
                         6.0 / (1.0 + beta * beta));
    if (input) {
        input->beta = beta;
    }
    return input;
}

Outcome<InputQuantity> student_t_input(std::string name, double value, double scale,
                                       double degrees_of_freedom) {
    if (std::isnan(degrees_of_freedom) || degrees_of_freedom <= 0.0) {
        return fail(errc::invalid_distribution, name, "dof must be positive");
    }
    auto input = normal_input(std::move(name), value, scale);
    if (input) {
        input->distribution = Distribution::student_t;
        input->degrees_of_freedom = degrees_of_freedom;
    }
    return input;
}

Outcome<InputQuantity> type_a_input(std::string name, std::span<const double> readings) {
    auto evaluation = evaluate_type_a(readings);
    if (!evaluation) {
        if (evaluation.error() == errc::too_few_readings) {
            return fail(errc::too_few_readings, name,
                        "needs at least 2 readings, got " + std::to_string(readings.size()));
        }
        return fail(errc::invalid_value, name, "a reading is NaN or infinite");
    }
    InputQuantity input{std::move(name), evaluation->mean, evaluation->standard_uncertainty,
                        Distribution::normal};
    input.degrees_of_freedom = evaluation->degrees_of_freedom;
    return input;
}

Outcome<InputQuantity> type_a_pooled_input(std::string name, std::span<const double> readings,
                                           double pooled_standard_deviation,
                                           double pooled_degrees_of_freedom) {
    if (!finite(pooled_standard_deviation) || pooled_standard_deviation < 0.0) {
        return fail(errc::invalid_value, name, "pooled standard deviation must be finite");
    }
    if (std::isnan(pooled_degrees_of_freedom) || pooled_degrees_of_freedom <= 0.0) {
        return fail(errc::invalid_value, name, "pooled dof must be positive");
    }
    if (readings.empty()) {
        return fail(errc::too_few_readings, name, "needs at least 1 reading");
    }
    double sum = 0.0;
    for (double r : readings) {
        if (!finite(r)) {
            return fail(errc::invalid_value, name, "a reading is NaN or infinite");
        }
        sum += r;
    }
    const double n = static_cast<double>(readings.size());
    InputQuantity input{std::move(name), sum / n, pooled_standard_deviation / std::sqrt(n),
                        Distribution::normal};
    input.degrees_of_freedom = pooled_degrees_of_freedom;
    return input;
}

Outcome<InputQuantity> with_degrees_of_freedom(InputQuantity input, double degrees_of_freedom) {
    if (std::isnan(degrees_of_freedom) || degrees_of_freedom <= 0.0) {
        return fail(errc::invalid_value, input.name, "dof must be positive");
    }
    input.degrees_of_freedom = degrees_of_freedom;
    return input;
}

} // namespace callab::uncertainty
