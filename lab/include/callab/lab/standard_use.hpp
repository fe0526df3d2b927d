#pragma once

#include <callab/lab/standard_usability.hpp>
#include <callab/lab/strong_id.hpp>

#include <optional>

namespace callab::lab {

/// A reference standard used at one test point of a job (traceability per point).
struct StandardUse {
    JobId job;
    int test_point = 0;
    StandardId standard;
    std::optional<UsageOverride> override_by; ///< when it was overdue or suspended
};

} // namespace callab::lab
