#include <callab/lab/calendar_date.hpp>
#include <callab/lab/recorded_run.hpp>
#include <callab/lab/run_certificate.hpp>
#include <callab/lab/run_results.hpp>

#include <algorithm>

namespace callab::lab {

namespace {

Outcome<std::vector<RunStart>> run_starts_of(JobStore& jobs, const Job& job) {
    auto starts = jobs.run_starts_of(job.id);
    if (starts.empty()) {
        return reject(errc::invalid_field,
                      "run: job " + job.id.to_string() +
                          " has no recorded run start (no reference standard or environment "
                          "was read for it)");
    }
    return starts;
}

Outcome<std::vector<PointResult>> results_at(const Job& job, const Procedure& procedure,
                                             const RunStart& last,
                                             std::span<const ReadingRecord> readings) {
    if (readings.empty()) {
        return reject(errc::not_enough_readings,
                      "readings: job " + job.id.to_string() + " has no stored reading");
    }
    auto results = results_from_readings(
        procedure, readings,
        PointInputs{last.reference_standard_u, last.resolution, builtin_cmc_table()});
    if (!results) {
        return reject(results.error().code,
                      results.error().message + " (job " + job.id.to_string() + ")");
    }
    return results;
}

} // namespace

Outcome<std::vector<PointResult>> recorded_point_results(JobStore& jobs, const Job& job,
                                                         const Procedure& procedure,
                                                         std::span<const ReadingRecord> readings) {
    const auto starts = run_starts_of(jobs, job);
    if (!starts) {
        return starts.error();
    }
    return results_at(job, procedure, starts->back(), readings);
}

Outcome<CertificateFacts> recorded_certificate_facts(JobStore& jobs, const Job& job,
                                                     const Procedure& procedure, int decimals,
                                                     Date issue_date) {
    const auto found = run_starts_of(jobs, job);
    if (!found) {
        return found.error();
    }
    const auto& starts = *found;
    std::vector<drivers::Reading> environment;
    for (const auto& start : starts) {
        environment.insert(environment.end(), start.environment.begin(), start.environment.end());
    }
    auto observed = certificate_environment_of(environment);
    if (!observed) {
        return reject(observed.error().code, observed.error().message + " for job " +
                                                 job.id.to_string() + " at any run start");
    }
    const auto readings = jobs.readings_of(job.id);
    auto results = results_at(job, procedure, starts.back(), readings);
    if (!results) {
        return results.error();
    }
    auto group = result_group_of(procedure, *results, decimals);
    if (!group) {
        return group.error();
    }
    CertificateFacts facts;
    facts.results = {std::move(*group)};
    facts.environment = std::move(*observed);
    const auto [first, latest] =
        std::minmax_element(readings.begin(), readings.end(),
                            [](const auto& a, const auto& b) { return a.taken_at < b.taken_at; });
    facts.receipt_date = date_of(job.created_at);
    facts.performance_begin = date_of(first->taken_at);
    facts.performance_end = date_of(latest->taken_at);
    facts.issue_date = issue_date;
    return facts;
}

} // namespace callab::lab
