#pragma once

#include <callab/lab/job.hpp>
#include <callab/lab/reading_record.hpp>

#include <optional>
#include <vector>

namespace callab::lab {

/// The storage the lab needs for jobs and their readings. Implementations make each call
/// durable before returning and throw only when the storage itself fails.
class JobStore {
public:
    virtual ~JobStore() = default;

    virtual Job create_job(const NewJob& job) = 0;
    virtual std::optional<Job> find_job(JobId id) = 0;
    /// Every job, newest first.
    virtual std::vector<Job> list_jobs() = 0;

    /// Appends a reading to an existing job and returns it with its new id.
    virtual ReadingRecord append_reading(const ReadingRecord& reading) = 0;
    /// A job's readings in the order they were taken.
    virtual std::vector<ReadingRecord> readings_of(JobId job) = 0;
};

} // namespace callab::lab
