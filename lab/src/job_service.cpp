#include <callab/lab/errc.hpp>
#include <callab/lab/job_service.hpp>

namespace callab::lab {

JobReport JobService::make_report(Job job) {
    JobReport report{std::move(job), {}, std::nullopt, {}};
    report.readings = store_.readings_of(report.job.id);
    report.returns = store_.returns_of(report.job.id);
    if (auto summary = summarise_readings(report.readings, report.job.spec.resolution)) {
        report.summary = std::move(*summary);
    }
    return report;
}

boost::system::result<JobReport> JobService::report(JobId id) {
    auto job = store_.find_job(id);
    if (!job) {
        return errc::not_found;
    }
    return make_report(std::move(*job));
}

std::vector<JobReport> JobService::reports() {
    std::vector<JobReport> all;
    for (auto& job : store_.list_jobs()) {
        all.push_back(make_report(std::move(job)));
    }
    return all;
}

} // namespace callab::lab
