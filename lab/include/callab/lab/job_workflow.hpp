#pragma once

#include <callab/lab/job_store.hpp>
#include <callab/lab/standard_store.hpp>
#include <callab/lab/user_store.hpp>

namespace callab::lab {

/// The rules of a job's life: who may move it along the status machine (the technician
/// measures; a reviewer who is not the technician reviews — four eyes; a signatory who is
/// not the technician approves and issues), technicians authorised per procedure,
/// standards usable on the day, and corrections of issued jobs as new jobs.
class JobWorkflow {
public:
    JobWorkflow(JobStore& jobs, UserStore& users, StandardStore& standards)
        : jobs_(jobs), users_(users), standards_(standards) {}

    /// Opens a job in draft for `by`, who must be a technician authorised for the procedure.
    Outcome<Job> open(NewJob job, const User& by);
    /// Moves a job to `to` if the status machine and `by`'s role allow it.
    Outcome<Job> advance(JobId id, JobStatus to, const User& by);
    /// Returns a job for rework (to returned, as advance would) and stores `reason`, which
    /// must say something (errc::invalid_field naming `reason` otherwise).
    Outcome<Job> return_for_rework(JobId id, const std::string& reason, const User& by);
    /// Records `standard` at `test_point`, if it is usable on `day` (or overridden).
    Outcome<void> use_standard(JobId id, int test_point, StandardId standard, Date day,
                               const std::optional<UsageOverride>& override_by);
    /// Opens a new draft job that corrects an issued one; the issued job stays as it is.
    /// `reason_zh`/`reason_en`, when given, are kept with it as the amendment reason its
    /// certificate will state.
    Outcome<Job> correct(JobId issued, const User& by, std::string reason_zh = {},
                         std::string reason_en = {});

private:
    Outcome<void> check_role(const Job& job, JobStatus to, const User& by);
    JobStore& jobs_;
    UserStore& users_;
    StandardStore& standards_;
};

} // namespace callab::lab
