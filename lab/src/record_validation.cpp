// Field checks of the lab's registered records (users, enterprises, instruments, procedures).
#include <callab/lab/credit_code.hpp>
#include <callab/lab/enterprise.hpp>
#include <callab/lab/instrument.hpp>
#include <callab/lab/procedure.hpp>
#include <callab/lab/user.hpp>

#include <algorithm>

namespace callab::lab {
namespace {

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t") == std::string::npos;
}

bool username_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

} // namespace

bool is_email_address(std::string_view address) {
    const auto at = address.rfind('@');
    if (address.size() > 254 || at == std::string_view::npos || at == 0 ||
        at + 1 == address.size() || address.find('@') != at) {
        return false;
    }
    return std::none_of(address.begin(), address.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7f || c == '<' || c == '>' || c == '"' || c == '\\' ||
               c == ',' || c == ';';
    });
}

Outcome<void> validate_user(const NewUser& user) {
    if (!user.email.empty() && !is_email_address(user.email)) {
        return reject(errc::invalid_field,
                      "email: '" + user.email + "' is not an address like name@example.org");
    }
    if (user.username.empty() || user.username.size() > 64 ||
        !std::all_of(user.username.begin(), user.username.end(), username_character)) {
        return reject(errc::invalid_field,
                      "username: '" + user.username + "' must be 1-64 characters of a-z 0-9 . _ -");
    }
    const bool enterprise_user = user.role == Role::enterprise_user;
    if (enterprise_user && !user.enterprise) {
        return reject(errc::invalid_field, "enterprise: an enterprise user needs an enterprise");
    }
    if (!enterprise_user && user.enterprise) {
        return reject(errc::invalid_field,
                      "enterprise: only enterprise users are tied to an enterprise");
    }
    return {};
}

Outcome<void> validate_enterprise(const NewEnterprise& enterprise) {
    if (blank(enterprise.name)) {
        return reject(errc::invalid_field, "name: empty");
    }
    if (blank(enterprise.region)) {
        return reject(errc::invalid_field, "region: empty");
    }
    return validate_credit_code(enterprise.credit_code);
}

Outcome<void> validate_instrument(const NewInstrument& instrument) {
    if (blank(instrument.serial)) {
        return reject(errc::invalid_field, "serial: empty");
    }
    if (!(instrument.range_low < instrument.range_high)) {
        return reject(errc::invalid_field, "range: low end must be below high end");
    }
    if (!(instrument.resolution > 0)) {
        return reject(errc::invalid_field, "resolution: must be positive");
    }
    return {};
}

Outcome<void> validate_procedure(const NewProcedure& procedure) {
    if (blank(procedure.code)) {
        return reject(errc::invalid_field, "code: empty");
    }
    if (procedure.test_points.empty()) {
        return reject(errc::invalid_field, "test_points: at least one is needed");
    }
    if (procedure.readings_per_point < 1) {
        return reject(errc::invalid_field, "readings_per_point: must be at least 1");
    }
    if (!(procedure.maximum_permissible_error >= 0)) {
        return reject(errc::invalid_field, "maximum_permissible_error: must not be negative");
    }
    if (procedure.fee_cents < 0) {
        return reject(errc::invalid_field, "fee: must not be negative");
    }
    for (const auto& input : procedure.uncertainty_inputs) {
        if (input.name.empty() || input.name.find_first_of("|\n") != std::string::npos) {
            return reject(errc::invalid_field,
                          "uncertainty_inputs: name '" + input.name +
                              "' must be non-empty, without '|' or line breaks");
        }
        if (input.name == "reference standard") {
            return reject(errc::invalid_field,
                          "uncertainty_inputs: the reference standard's u comes from its "
                          "certificate, not the procedure");
        }
    }
    for (const auto& limit : procedure.environment_limits) {
        if (limit.quantity.empty() || limit.quantity.find_first_of("|\n") != std::string::npos ||
            limit.unit.find_first_of("|\n") != std::string::npos) {
            return reject(errc::invalid_field, "environment_limits: quantity '" + limit.quantity +
                                                   "' must be non-empty, without '|' or line "
                                                   "breaks");
        }
        if (!(limit.low < limit.high)) {
            return reject(errc::invalid_field,
                          "environment_limits: " + limit.quantity + ": low must be below high");
        }
    }
    if (!procedure.point_conditions.empty() &&
        procedure.point_conditions.size() != procedure.test_points.size()) {
        return reject(errc::invalid_field,
                      "point_conditions: " + std::to_string(procedure.point_conditions.size()) +
                          " for " + std::to_string(procedure.test_points.size()) + " test points");
    }
    for (const auto& condition : procedure.point_conditions) {
        if (condition.empty() || condition.find_first_of(";\n") != std::string::npos) {
            return reject(errc::invalid_field, "point_conditions: '" + condition +
                                                   "' must be non-empty, without ';' or line "
                                                   "breaks");
        }
    }
    if (procedure.decision_rule != DecisionRule::simple_acceptance &&
        !(procedure.guard_band_factor > 0)) {
        return reject(errc::invalid_field,
                      "guard_band_factor: a guard-band rule needs f > 0 (w = f·U)");
    }
    return {};
}

} // namespace callab::lab
