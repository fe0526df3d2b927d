#include <callab/lab/job_workflow.hpp>

namespace callab::lab {
namespace {

std::string status_name(JobStatus s) {
    return std::string(enum_name(s, job_status_names));
}

bool has_role(const User& user, std::initializer_list<Role> roles) {
    for (const Role r : roles) {
        if (user.data.role == r) {
            return true;
        }
    }
    return false;
}

} // namespace

Outcome<Job> JobWorkflow::open(NewJob job, const User& by) {
    if (by.data.role != Role::technician) {
        return reject(errc::not_permitted,
                      "user " + by.data.username + " is not a technician and cannot open jobs");
    }
    job.technician = by.id;
    if (job.procedure) {
        const auto procedure = standards_.find_procedure(*job.procedure);
        if (!procedure) {
            return reject(errc::not_found,
                          "procedure: " + job.procedure->to_string() + " does not exist");
        }
        if (!users_.is_authorised(by.id, procedure->data.code)) {
            return reject(errc::not_permitted, "technician " + by.data.username +
                                                   " is not authorised for procedure " +
                                                   procedure->data.code);
        }
    }
    return jobs_.create_job(job);
}

Outcome<void> JobWorkflow::check_role(const Job& job, JobStatus to, const User& by) {
    const bool is_technician = job.spec.technician && *job.spec.technician == by.id;
    switch (to) {
    case JobStatus::measuring:
    case JobStatus::measured:
        if (!is_technician && !has_role(by, {Role::technician})) {
            return reject(errc::not_permitted, "only a technician measures");
        }
        return {};
    case JobStatus::reviewed:
        if (!has_role(by, {Role::reviewer, Role::signatory, Role::manager})) {
            return reject(errc::not_permitted, "user " + by.data.username + " may not review");
        }
        if (is_technician) {
            return reject(errc::not_permitted,
                          "four-eyes rule: the reviewer must not be the job's technician");
        }
        return {};
    case JobStatus::approved:
    case JobStatus::issued:
        if (!has_role(by, {Role::signatory})) {
            return reject(errc::not_permitted, "only a signatory approves and issues");
        }
        if (is_technician) {
            return reject(errc::not_permitted,
                          "four-eyes rule: the signatory must not be the job's technician");
        }
        return {};
    case JobStatus::returned:
        if (!has_role(by, {Role::reviewer, Role::signatory, Role::manager})) {
            return reject(errc::not_permitted, "only a reviewer, signatory or manager returns");
        }
        return {};
    case JobStatus::cancelled:
        if (!is_technician && !has_role(by, {Role::manager})) {
            return reject(errc::not_permitted, "only the technician or a manager cancels");
        }
        return {};
    case JobStatus::draft:
        break;
    }
    return reject(errc::invalid_transition, "a job never returns to draft");
}

Outcome<Job> JobWorkflow::advance(JobId id, JobStatus to, const User& by) {
    const auto job = jobs_.find_job(id);
    if (!job) {
        return reject(errc::not_found, "job: " + id.to_string() + " does not exist");
    }
    if (!job_transition_allowed(job->status, to)) {
        return reject(errc::invalid_transition, "job " + id.to_string() + " is " +
                                                    status_name(job->status) +
                                                    " and cannot become " + status_name(to));
    }
    if (auto allowed = check_role(*job, to, by); !allowed) {
        return allowed.error();
    }
    if (!jobs_.change_status(id, job->status, to, by)) {
        return reject(errc::conflict, "job " + id.to_string() + " was changed meanwhile");
    }
    return *jobs_.find_job(id);
}

Outcome<Job> JobWorkflow::return_for_rework(JobId id, const std::string& reason, const User& by) {
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        return reject(errc::invalid_field, "reason: must say what is to be reworked");
    }
    const auto job = jobs_.find_job(id);
    if (!job) {
        return reject(errc::not_found, "job: " + id.to_string() + " does not exist");
    }
    constexpr auto to = JobStatus::returned;
    if (!job_transition_allowed(job->status, to)) {
        return reject(errc::invalid_transition, "job " + id.to_string() + " is " +
                                                    status_name(job->status) +
                                                    " and cannot become " + status_name(to));
    }
    if (auto allowed = check_role(*job, to, by); !allowed) {
        return allowed.error();
    }
    if (!jobs_.return_job(id, job->status, reason, by)) {
        return reject(errc::conflict, "job " + id.to_string() + " was changed meanwhile");
    }
    return *jobs_.find_job(id);
}

Outcome<void> JobWorkflow::use_standard(JobId id, int test_point, StandardId standard_id, Date day,
                                        const std::optional<UsageOverride>& override_by) {
    const auto job = jobs_.find_job(id);
    if (!job) {
        return reject(errc::not_found, "job: " + id.to_string() + " does not exist");
    }
    if (job->status == JobStatus::issued || job->status == JobStatus::cancelled) {
        return reject(errc::invalid_transition,
                      "job " + id.to_string() + " is " + status_name(job->status));
    }
    const auto standard = standards_.find_standard(standard_id);
    if (!standard) {
        return reject(errc::not_found, "standard: " + standard_id.to_string() + " does not exist");
    }
    auto usable = check_standard_usable(*standard, standards_.latest_certificate(standard_id), day,
                                        override_by);
    if (!usable) {
        return usable.error();
    }
    const auto latest = standards_.latest_certificate(standard_id);
    const bool needed_override =
        standard->status != StandardStatus::in_service || !latest || latest->due_on < day;
    jobs_.record_standard_use(
        {id, test_point, standard_id, needed_override ? override_by : std::nullopt});
    return {};
}

Outcome<Job> JobWorkflow::correct(JobId issued, const User& by, std::string reason_zh,
                                  std::string reason_en) {
    const auto job = jobs_.find_job(issued);
    if (!job) {
        return reject(errc::not_found, "job: " + issued.to_string() + " does not exist");
    }
    if (job->status != JobStatus::issued) {
        return reject(errc::invalid_transition,
                      "job " + issued.to_string() + " is not issued; change it instead");
    }
    NewJob correction = job->spec;
    correction.corrects = issued;
    correction.title = "Correction of job " + issued.to_string() + ": " + job->spec.title;
    correction.amendment_reason_zh = std::move(reason_zh);
    correction.amendment_reason_en = std::move(reason_en);
    return open(correction, by);
}

} // namespace callab::lab
