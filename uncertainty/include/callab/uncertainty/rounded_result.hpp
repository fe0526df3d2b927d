#pragma once

#include <optional>
#include <string>

namespace callab::uncertainty {

/// y and U as a certificate states them (GUM 7.2.6): U rounded to two significant digits,
/// y rounded to the same decimal place. The unrounded values are kept by the caller.
struct RoundedResult {
    double value = 0.0;
    double expanded_uncertainty = 0.0;
    /// Decimal places of both (negative: tens, hundreds…); empty when U is zero.
    std::optional<int> decimals;
};

/// How U is rounded. GUM 7.2.6 allows rounding an uncertainty up rather than to the nearest
/// digit; up is the default because a certificate must never understate U (GUM H.1 states
/// U99 = 93 nm for k·u_c = 92.5 nm). y is always rounded to nearest.
enum class Rounding { up, nearest };

/// Rounds U to significant_digits (≥ 1) and y to the same decimal place (half away from zero).
RoundedResult round_result(double value, double expanded_uncertainty, int significant_digits = 2,
                           Rounding rounding = Rounding::up);

/// Prints x with the given decimal places (none when negative or empty).
std::string format_fixed(double x, std::optional<int> decimals);

} // namespace callab::uncertainty
