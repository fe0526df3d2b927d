#pragma once

#include <callab/lab/job.hpp>
#include <callab/lab/reading_record.hpp>
#include <callab/lab/run_start.hpp>
#include <callab/lab/standard_use.hpp>
#include <callab/lab/user.hpp>

#include <optional>
#include <vector>

namespace callab::lab {

/// Which jobs a paged listing keeps; an empty member keeps every value.
struct JobFilter {
    std::optional<JobStatus> status = std::nullopt;
    std::optional<UserId> technician = std::nullopt;
    std::optional<EnterpriseId> enterprise = std::nullopt;
};

/// Whether `filter` keeps `job`.
bool job_filter_keeps(const JobFilter& filter, const Job& job);

/// One page of jobs, newest first, and how many jobs the filter keeps in all.
struct JobPage {
    std::vector<Job> jobs;
    long long total = 0;
};

/// The storage the lab needs for jobs and their readings. Implementations make each call
/// durable before returning and throw only when the storage itself fails.
class JobStore {
public:
    virtual ~JobStore() = default;

    virtual Job create_job(const NewJob& job) = 0;
    virtual std::optional<Job> find_job(JobId id) = 0;
    /// Every job, newest first.
    virtual std::vector<Job> list_jobs() = 0;
    /// The jobs the filter keeps, newest first, from `offset`, at most `limit`. This default
    /// filters list_jobs() in memory; SQL stores page in the query.
    virtual JobPage find_jobs(const JobFilter& filter, long long offset, long long limit);

    /// Appends a reading to an existing job and returns it with its new id.
    virtual ReadingRecord append_reading(const ReadingRecord& reading) = 0;
    /// A job's readings in the order they were taken.
    virtual std::vector<ReadingRecord> readings_of(JobId job) = 0;

    /// Moves a job from `from` to `to` if it is still in `from` (false otherwise, so two
    /// concurrent changes cannot both succeed). `by` becomes the reviewer when `to` is
    /// reviewed and the approver when `to` is approved; the change is audited under `by`.
    virtual bool change_status(JobId job, JobStatus from, JobStatus to, const User& by) = 0;
    /// Moves a job from `from` to returned and stores `reason` with it, both or neither
    /// (false when the job is no longer in `from`); audited under `by`.
    virtual bool return_job(JobId job, JobStatus from, const std::string& reason,
                            const User& by) = 0;
    /// The job's returns for rework, oldest first.
    virtual std::vector<JobReturn> returns_of(JobId job) = 0;
    /// Records a standard used at a test point of a job.
    virtual void record_standard_use(const StandardUse& use) = 0;
    virtual std::vector<StandardUse> standards_used(JobId job) = 0;
    /// Records what a run of the job checked and found when it started or resumed (the
    /// reference standard's u, the environment read), as a new record.
    virtual void record_run_start(const RunStart& start) = 0;
    /// The job's run starts, oldest first.
    virtual std::vector<RunStart> run_starts_of(JobId job) = 0;
};

} // namespace callab::lab
