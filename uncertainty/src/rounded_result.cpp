#include <callab/uncertainty/rounded_result.hpp>

#include <cmath>
#include <cstdio>

namespace callab::uncertainty {
namespace {

double round_to(double x, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(x * scale) / scale;
}

double round_up_to(double x, int decimals) {
    const double scale = std::pow(10.0, decimals);
    // The factor keeps a U that is already at the digit (0.035 stored as 0.0350…01) there.
    return std::ceil(x * scale * (1.0 - 1e-12)) / scale;
}

} // namespace

RoundedResult round_result(double value, double expanded_uncertainty, int significant_digits,
                           Rounding rounding) {
    const auto round_u = [rounding](double x, int decimals) {
        return rounding == Rounding::up ? round_up_to(x, decimals) : round_to(x, decimals);
    };
    if (!(expanded_uncertainty > 0.0) || !std::isfinite(expanded_uncertainty)) {
        return RoundedResult{value, expanded_uncertainty, std::nullopt};
    }
    const int exponent = static_cast<int>(std::floor(std::log10(expanded_uncertainty)));
    int decimals = significant_digits - 1 - exponent;
    double rounded = round_u(expanded_uncertainty, decimals);
    // 0.0997 with two digits is 0.10, not 0.100: one decimal fewer once rounding carries.
    if (rounded >= std::pow(10.0, significant_digits - decimals)) {
        --decimals;
        rounded = round_u(expanded_uncertainty, decimals);
    }
    return RoundedResult{round_to(value, decimals), rounded, decimals};
}

std::string format_fixed(double x, std::optional<int> decimals) {
    char buffer[64];
    if (!decimals) {
        std::snprintf(buffer, sizeof buffer, "%.10g", x);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.*f", *decimals > 0 ? *decimals : 0, x);
    }
    return buffer;
}

} // namespace callab::uncertainty
