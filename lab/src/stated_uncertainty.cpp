#include <callab/lab/stated_uncertainty.hpp>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

namespace callab::lab {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

void skip_spaces(std::string_view text, std::size_t& at) {
    while (at < text.size() && is_space(text[at])) {
        ++at;
    }
}

/// A positive finite number at `at` (advanced past it), or nothing.
std::optional<double> number_at(std::string_view text, std::size_t& at) {
    const std::string rest(text.substr(at));
    char* end = nullptr;
    const double value = std::strtod(rest.c_str(), &end);
    if (end == rest.c_str() || !std::isfinite(value) || !(value > 0.0)) {
        return std::nullopt;
    }
    at += static_cast<std::size_t>(end - rest.c_str());
    return value;
}

std::string dsi_unit(std::string unit) {
    if (unit == "°C" || unit == "℃") {
        return "degC";
    }
    if (unit == "%") {
        return "percent";
    }
    return unit;
}

} // namespace

Outcome<StatedUncertainty> parse_stated_uncertainty(std::string_view text) {
    const std::string quoted = "uncertainty: \"" + std::string(text) + "\"";
    std::size_t at = 0;
    skip_spaces(text, at);
    if (at >= text.size() || text[at] != 'U') {
        return reject(errc::invalid_field, quoted + " does not start with \"U =\"");
    }
    ++at;
    skip_spaces(text, at);
    if (at >= text.size() || text[at] != '=') {
        return reject(errc::invalid_field, quoted + " does not start with \"U =\"");
    }
    ++at;
    skip_spaces(text, at);
    StatedUncertainty stated;
    const auto expanded = number_at(text, at);
    if (!expanded) {
        return reject(errc::invalid_field, quoted + " states no positive U");
    }
    stated.expanded = *expanded;
    skip_spaces(text, at);
    const auto unit_end = text.find_first_of("(,", at);
    std::string unit(
        text.substr(at, unit_end == std::string_view::npos ? text.size() - at : unit_end - at));
    while (!unit.empty() && is_space(unit.back())) {
        unit.pop_back();
    }
    if (unit.empty()) {
        return reject(errc::invalid_field, quoted + " states no unit for U");
    }
    stated.unit = dsi_unit(unit);
    const auto k = unit_end == std::string_view::npos ? unit_end : text.find('k', unit_end);
    if (k == std::string_view::npos) {
        return reject(errc::invalid_field, quoted + " states no coverage factor k");
    }
    at = k + 1;
    skip_spaces(text, at);
    if (at >= text.size() || text[at] != '=') {
        return reject(errc::invalid_field, quoted + " states no coverage factor k");
    }
    ++at;
    skip_spaces(text, at);
    const auto factor = number_at(text, at);
    if (!factor) {
        return reject(errc::invalid_field, quoted + " states no positive k");
    }
    stated.coverage_factor = *factor;
    return stated;
}

Outcome<double> certificate_standard_uncertainty(const StandardCertificate& certificate,
                                                 std::string_view unit) {
    // A standard of several quantities (a power source: V, A, W) states one U for each,
    // separated by ';'.
    std::string_view rest = certificate.uncertainty;
    std::string units;
    while (true) {
        const auto semicolon = rest.find(';');
        auto stated = parse_stated_uncertainty(rest.substr(0, semicolon));
        if (!stated) {
            return reject(errc::invalid_field,
                          "certificate " + certificate.number + ": " + stated.error().message);
        }
        if (stated->unit == unit) {
            return stated->expanded / stated->coverage_factor;
        }
        units += (units.empty() ? "" : ", ") + stated->unit;
        if (semicolon == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(semicolon + 1);
    }
    return reject(errc::invalid_field, "certificate " + certificate.number + ": U is in " + units +
                                           ", the procedure measures in " + std::string(unit));
}

} // namespace callab::lab
