#include <callab/lab/point_condition.hpp>

#include <charconv>
#include <cmath>
#include <numbers>
#include <optional>

namespace callab::lab {
namespace {

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    return text;
}

/// The number at the start of `text` and what follows it, trimmed.
std::optional<std::pair<double, std::string_view>> leading_number(std::string_view text) {
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return std::pair{value, trimmed(text.substr(static_cast<std::size_t>(end - text.data())))};
}

/// "1", "0.5L", "0.5C": the phase angle of the current in degrees, or nothing.
std::optional<double> phase_of_power_factor(std::string_view term) {
    const auto number = leading_number(term);
    if (!number) {
        return std::nullopt;
    }
    const auto [factor, rest] = *number;
    if (!(factor > 0.0 && factor <= 1.0) || !(rest.empty() || rest == "L" || rest == "C")) {
        return std::nullopt;
    }
    const double angle = std::acos(factor) * 180.0 / std::numbers::pi;
    return rest == "C" ? -angle : angle;
}

} // namespace

Outcome<std::vector<SourceCommand>> source_commands_of(std::string_view condition) {
    std::vector<SourceCommand> commands;
    while (!condition.empty()) {
        const auto comma = condition.find(',');
        const auto term = trimmed(condition.substr(0, comma));
        condition =
            comma == std::string_view::npos ? std::string_view{} : condition.substr(comma + 1);
        if (term.starts_with("PF")) {
            const auto phase = phase_of_power_factor(trimmed(term.substr(2)));
            if (!phase) {
                return reject(errc::invalid_field,
                              "point_conditions: '" + std::string(term) +
                                  "' is not a power factor 0 < λ ≤ 1 with L or C");
            }
            commands.push_back({"phase", *phase});
            continue;
        }
        if (const auto phase = phase_of_power_factor(term)) {
            commands.push_back({"phase", *phase});
            continue;
        }
        const auto number = leading_number(term);
        if (number && number->second == "V") {
            commands.push_back({"voltage", number->first});
        } else if (number && number->second == "A") {
            commands.push_back({"current", number->first});
        } else {
            return std::vector<SourceCommand>{};
        }
    }
    return commands;
}

} // namespace callab::lab
