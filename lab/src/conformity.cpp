#include <callab/lab/conformity.hpp>

#include <array>
#include <cmath>

namespace callab::lab {

Conformity decide_conformity(DecisionRule rule, double guard_band_factor, double error,
                             double expanded, double mpe) {
    const double e = std::abs(error);
    switch (rule) {
    case DecisionRule::simple_acceptance:
        return e <= mpe ? Conformity::pass : Conformity::fail;
    case DecisionRule::guard_band:
        return e <= mpe - guard_band_factor * expanded ? Conformity::pass : Conformity::fail;
    case DecisionRule::non_binary:
        break;
    }
    const double w = guard_band_factor * expanded;
    if (e + w <= mpe) {
        return Conformity::pass;
    }
    if (e <= mpe) {
        return Conformity::conditional_pass;
    }
    if (e - w <= mpe) {
        return Conformity::conditional_fail;
    }
    return Conformity::fail;
}

std::optional<double> cmc_for(std::span<const CmcEntry> table, const std::string& unit,
                              double value) {
    std::optional<double> best;
    for (const auto& row : table) {
        if (row.unit == unit && value >= row.low && value <= row.high &&
            (!best || row.expanded_uncertainty < *best)) {
            best = row.expanded_uncertainty;
        }
    }
    return best;
}

std::span<const CmcEntry> builtin_cmc_table() {
    static const std::array<CmcEntry, 6> table{{
        {"degC", 30.0, 45.0, 0.06}, // IR clinical thermometers against the blackbody
        {"degC", 45.0, 500.0, 0.5}, // industrial radiation thermometers
        {"V", 10.0, 600.0, 0.05},   // power analyser voltage
        {"A", 0.1, 20.0, 0.002},    // power analyser current
        {"W", 1.0, 12000.0, 0.5},   // active power
        {"kWh", 0.0, 1.0e6, 0.01},  // energy meters
    }};
    return table;
}

} // namespace callab::lab
