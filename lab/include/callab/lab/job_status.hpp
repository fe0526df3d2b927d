#pragma once

#include <callab/lab/enum_names.hpp>

namespace callab::lab {

/// draft → measuring → measured → reviewed → approved → issued; cancelled from any state
/// before issued; returned (for rework) from measured, reviewed or approved, and back to
/// measuring from there. An issued job never changes.
enum class JobStatus {
    draft,
    measuring,
    measured,
    reviewed,
    approved,
    issued,
    cancelled,
    returned
};

inline constexpr EnumNames<JobStatus, 8> job_status_names{{{JobStatus::draft, "draft"},
                                                           {JobStatus::measuring, "measuring"},
                                                           {JobStatus::measured, "measured"},
                                                           {JobStatus::reviewed, "reviewed"},
                                                           {JobStatus::approved, "approved"},
                                                           {JobStatus::issued, "issued"},
                                                           {JobStatus::cancelled, "cancelled"},
                                                           {JobStatus::returned, "returned"}}};

/// Whether the status machine allows going from `from` to `to`.
bool job_transition_allowed(JobStatus from, JobStatus to);

} // namespace callab::lab
