#include <callab/lab/programme.hpp>

#include <algorithm>

namespace callab::lab {

Outcome<void> validate_programme(const NewProgramme& programme) {
    if (programme.name.find_first_not_of(" \t") == std::string::npos) {
        return reject(errc::invalid_field, "name: empty");
    }
    if (programme.ends_on < programme.starts_on) {
        return reject(errc::invalid_field, "ends_on: the programme ends before it starts");
    }
    if (programme.budget_cents < 0) {
        return reject(errc::invalid_field, "budget: must not be negative");
    }
    for (const auto& region : programme.eligible_regions) {
        if (region.empty() || region.find(';') != std::string::npos) {
            return reject(errc::invalid_field,
                          "eligible_regions: '" + region + "' must be non-empty, without ';'");
        }
    }
    return {};
}

Outcome<void> check_programme_eligible(const Programme& programme, const Enterprise& enterprise,
                                       Date day, long long waived_cents, long long fee_cents) {
    const auto& p = programme.data;
    const std::string name = "programme " + programme.id.to_string() + " (" + p.name + ")";
    if (day < p.starts_on || p.ends_on < day) {
        return reject(errc::not_permitted, name + " runs " + format_date(p.starts_on) + " to " +
                                               format_date(p.ends_on) + ", not on " +
                                               format_date(day));
    }
    if (!p.eligible_sizes.empty() && std::find(p.eligible_sizes.begin(), p.eligible_sizes.end(),
                                               enterprise.data.size) == p.eligible_sizes.end()) {
        return reject(errc::not_permitted,
                      name + " is not open to " +
                          std::string(enum_name(enterprise.data.size, size_class_names)) +
                          " enterprises");
    }
    if (!p.eligible_regions.empty() &&
        std::none_of(p.eligible_regions.begin(), p.eligible_regions.end(),
                     [&](const std::string& prefix) {
                         return enterprise.data.region.starts_with(prefix);
                     })) {
        return reject(errc::not_permitted,
                      name + " is not open to region " + enterprise.data.region);
    }
    if (waived_cents + fee_cents > p.budget_cents) {
        return reject(errc::not_permitted,
                      name + " has " + std::to_string(p.budget_cents - waived_cents) +
                          " cents of budget left, the fee is " + std::to_string(fee_cents));
    }
    return {};
}

} // namespace callab::lab
