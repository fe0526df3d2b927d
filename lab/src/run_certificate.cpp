#include <callab/lab/run_certificate.hpp>

#include <algorithm>
#include <map>

namespace callab::lab {

Outcome<std::string> dsi_unit_of(std::string_view unit) {
    static const std::map<std::string_view, std::string> units{
        {"degC", R"(\degreecelsius)"}, {"K", R"(\kelvin)"}, {"V", R"(\volt)"},
        {"A", R"(\ampere)"},           {"W", R"(\watt)"},   {"kWh", R"(\kilo\watt\hour)"},
        {"percent", R"(\percent)"}};
    const auto found = units.find(unit);
    if (found == units.end()) {
        return reject(errc::invalid_field,
                      "unit: \"" + std::string(unit) + "\" has no D-SI form known to callab");
    }
    return found->second;
}

Outcome<ResultGroup> result_group_of(const Procedure& procedure,
                                     std::span<const PointResult> results, int decimals) {
    auto unit = dsi_unit_of(procedure.data.unit);
    if (!unit) {
        return unit.error();
    }
    if (results.empty()) {
        return reject(errc::not_enough_readings,
                      "results: the run of " + procedure.data.code + " has no computed point");
    }
    ResultGroup group;
    group.quantity = {"示值误差", "Error of indication"};
    group.unit = *unit;
    group.decimals = decimals;
    for (const auto& r : results) {
        ResultPoint p;
        p.nominal = r.nominal;
        p.reference_value = r.reference_mean;
        p.indication = r.indication_mean;
        p.error = r.error;
        p.correction = r.correction;
        p.expanded_uncertainty = r.expanded_uncertainty;
        p.coverage_factor = r.coverage_factor;
        p.coverage_probability = 0.95;
        p.mpe = procedure.data.maximum_permissible_error;
        p.conformity = r.conformity;
        group.points.push_back(p);
    }
    return group;
}

Outcome<CertificateEnvironment>
certificate_environment_of(std::span<const drivers::Reading> readings) {
    CertificateEnvironment environment;
    for (auto [quantity, range] : {std::pair{"temperature", &environment.temperature},
                                   std::pair{"humidity", &environment.humidity}}) {
        bool found = false;
        for (const auto& r : readings) {
            if (r.quantity != quantity) {
                continue;
            }
            auto unit = dsi_unit_of(r.unit);
            if (!unit) {
                return unit.error();
            }
            range->minimum = found ? std::min(range->minimum, r.value) : r.value;
            range->maximum = found ? std::max(range->maximum, r.value) : r.value;
            range->unit = *unit;
            found = true;
        }
        if (!found) {
            return reject(errc::invalid_field,
                          std::string("environment: no ") + quantity + " was read");
        }
    }
    return environment;
}

} // namespace callab::lab
