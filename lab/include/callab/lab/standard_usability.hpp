#pragma once

#include <callab/lab/reference_standard.hpp>
#include <callab/lab/rejection.hpp>
#include <callab/lab/user.hpp>

#include <optional>

namespace callab::lab {

/// A manager's permission to use a standard that is overdue or suspended, with the reason.
struct UsageOverride {
    UserId manager;
    Role role = Role::technician; ///< the role of `manager`; only Role::manager may override
    std::string reason;
};

/// Whether `standard` may be used in a job or booked on `day`: it must be in service and its
/// latest certificate due on or after `day`. An overdue or suspended standard may be used
/// with a manager's override that gives a reason; a retired one never. Rejections are
/// errc::standard_not_usable (or errc::not_permitted for an override by a non-manager).
Outcome<void> check_standard_usable(const ReferenceStandard& standard,
                                    const std::optional<StandardCertificate>& latest_certificate,
                                    Date day, const std::optional<UsageOverride>& override_by);

} // namespace callab::lab
