#include <callab/lab/job_store.hpp>

namespace callab::lab {

bool job_filter_keeps(const JobFilter& filter, const Job& job) {
    return (!filter.status || job.status == *filter.status) &&
           (!filter.technician || job.spec.technician == filter.technician) &&
           (!filter.enterprise || job.spec.enterprise == filter.enterprise);
}

JobPage JobStore::find_jobs(const JobFilter& filter, long long offset, long long limit) {
    JobPage page;
    for (auto& job : list_jobs()) {
        if (!job_filter_keeps(filter, job)) {
            continue;
        }
        if (page.total >= offset && page.total < offset + limit) {
            page.jobs.push_back(std::move(job));
        }
        ++page.total;
    }
    return page;
}

} // namespace callab::lab
