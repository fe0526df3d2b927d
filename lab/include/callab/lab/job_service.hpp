#pragma once

#include <callab/lab/job_store.hpp>
#include <callab/lab/measurement_summary.hpp>

#include <boost/system/result.hpp>

#include <optional>
#include <vector>

namespace callab::lab {

/// A job with its readings and, once there are enough readings, its result.
struct JobReport {
    Job job;
    std::vector<ReadingRecord> readings;
    std::optional<MeasurementSummary> summary; ///< empty below two readings
    std::vector<JobReturn> returns = {};       ///< its returns for rework, oldest first
};

/// The read side the API and the pages use.
class JobService {
public:
    explicit JobService(JobStore& store) : store_(store) {}

    /// Fails with errc::not_found for an unknown id.
    boost::system::result<JobReport> report(JobId id);
    /// Every job's report, newest first.
    std::vector<JobReport> reports();
    /// A stored job with its readings and result.
    JobReport make_report(Job job);
    /// The store the reports come from, for the writes the API makes through the lab's rules.
    JobStore& store() { return store_; }

private:
    JobStore& store_;
};

} // namespace callab::lab
