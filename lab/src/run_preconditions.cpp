#include <callab/lab/run_preconditions.hpp>
#include <callab/lab/stated_uncertainty.hpp>

#include <algorithm>
#include <cstdio>

namespace callab::lab {
namespace {

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

} // namespace

Outcome<void> check_technician(UserStore& users, const Job& job, const Procedure& procedure) {
    const std::string code = procedure.data.code;
    if (!job.spec.technician) {
        return reject(errc::not_permitted,
                      "technician: job " + job.id.to_string() + " names no technician");
    }
    const auto user = users.find_user(*job.spec.technician);
    if (!user) {
        return reject(errc::not_found, "technician: user " + job.spec.technician->to_string() +
                                           " of job " + job.id.to_string() + " does not exist");
    }
    if (user->data.role != Role::technician) {
        return reject(errc::not_permitted, "technician " + user->data.username + " is a " +
                                               std::string(enum_name(user->data.role, role_names)) +
                                               ", not a technician");
    }
    if (!users.is_authorised(user->id, code)) {
        return reject(errc::not_permitted, "technician " + user->data.username +
                                               " is not authorised for procedure " + code);
    }
    return {};
}

Outcome<RunConditions> check_standards(StandardStore& standards, std::span<const StandardId> used,
                                       const std::optional<UsageOverride>& override_by,
                                       const Procedure& procedure, Date day) {
    if (used.empty()) {
        return reject(errc::invalid_field,
                      "standards: the run names no reference standard for " + procedure.data.code);
    }
    RunConditions conditions;
    for (std::size_t i = 0; i < used.size(); ++i) {
        const auto standard = standards.find_standard(used[i]);
        if (!standard) {
            return reject(errc::not_found, "standard " + used[i].to_string() + ": not found");
        }
        const auto certificate = standards.latest_certificate(standard->id);
        if (auto usable = check_standard_usable(*standard, certificate, day, override_by);
            !usable) {
            return usable.error();
        }
        if (i == 0) {
            if (!certificate) {
                return reject(errc::standard_not_usable, "standard " + standard->id.to_string() +
                                                             " (" + standard->data.name +
                                                             ") has no calibration certificate");
            }
            auto u = certificate_standard_uncertainty(*certificate, procedure.data.unit);
            if (!u) {
                return reject(u.error().code, "standard " + standard->id.to_string() + " (" +
                                                  standard->data.name + "): " + u.error().message);
            }
            conditions.reference_standard_u = *u;
            conditions.reference_certificate = certificate->number;
        }
    }
    return conditions;
}

Outcome<std::vector<drivers::Reading>> check_environment(const Procedure& procedure,
                                                         drivers::Meter* sensor,
                                                         std::span<const drivers::Reading> typed) {
    const auto& limits = procedure.data.environment_limits;
    std::vector<drivers::Reading> found;
    if (limits.empty()) {
        return found;
    }
    if (sensor == nullptr && typed.empty()) {
        return reject(errc::invalid_field,
                      "environment: procedure " + procedure.data.code + " limits " +
                          limits.front().quantity +
                          ", no environment sensor is on the bench and none was typed");
    }
    boost::system::result<std::vector<drivers::Reading>> readings =
        std::vector<drivers::Reading>(typed.begin(), typed.end());
    if (sensor != nullptr) {
        readings = sensor->read_all();
    }
    if (!readings) {
        const std::string detail = sensor->last_fault();
        return reject(errc::device_fault, "device " + sensor->device() + ": " +
                                              readings.error().message() +
                                              (detail.empty() ? "" : " (" + detail + ")"));
    }
    const std::string device = sensor != nullptr ? sensor->device() : "manual";
    for (const auto& limit : limits) {
        const auto reading =
            std::find_if(readings->begin(), readings->end(),
                         [&](const drivers::Reading& r) { return r.quantity == limit.quantity; });
        if (reading == readings->end()) {
            return reject(errc::invalid_field,
                          "environment: " + device + " reports no " + limit.quantity);
        }
        if (reading->unit != limit.unit) {
            return reject(errc::invalid_field, "environment: " + limit.quantity + " read by " +
                                                   device + " is in " + reading->unit +
                                                   ", the limit in " + limit.unit);
        }
        if (reading->value < limit.low || reading->value > limit.high) {
            return reject(errc::invalid_field, "environment: " + limit.quantity + " " +
                                                   number(reading->value) + " " + limit.unit +
                                                   " read by " + device + " is outside procedure " +
                                                   procedure.data.code + "'s " + number(limit.low) +
                                                   "–" + number(limit.high) + " " + limit.unit);
        }
        found.push_back(*reading);
    }
    return found;
}

} // namespace callab::lab
