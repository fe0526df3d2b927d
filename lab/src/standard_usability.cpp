#include <callab/lab/standard_usability.hpp>

namespace callab::lab {

Outcome<void> check_standard_usable(const ReferenceStandard& standard,
                                    const std::optional<StandardCertificate>& latest_certificate,
                                    Date day, const std::optional<UsageOverride>& override_by) {
    const std::string name =
        "standard " + standard.id.to_string() + " (" + standard.data.name + ")";
    if (standard.status == StandardStatus::retired) {
        return reject(errc::standard_not_usable, name + " is retired");
    }
    std::string problem;
    if (standard.status == StandardStatus::suspended) {
        problem = name + " is suspended";
    } else if (!latest_certificate) {
        problem = name + " has no calibration certificate";
    } else if (latest_certificate->due_on < day) {
        problem = name + " is overdue: certificate " + latest_certificate->number + " was due " +
                  format_date(latest_certificate->due_on);
    }
    if (problem.empty()) {
        return {};
    }
    if (!override_by) {
        return reject(errc::standard_not_usable, problem);
    }
    if (override_by->role != Role::manager) {
        return reject(errc::not_permitted, problem + "; only a manager may override");
    }
    if (override_by->reason.find_first_not_of(" \t") == std::string::npos) {
        return reject(errc::invalid_field, "reason: an override needs a reason (" + problem + ")");
    }
    return {};
}

} // namespace callab::lab
