#pragma once
// A job's measurement as the records hold it, turned into the facts its certificate states:
// what any server issues from, long after the run that measured it has gone.

#include <callab/lab/certificate_assembler.hpp>
#include <callab/lab/job_store.hpp>
#include <callab/lab/point_result.hpp>
#include <callab/lab/procedure.hpp>

#include <span>

namespace callab::lab {

/// The point results of `job` (measured with `procedure`) recomputed from its stored readings
/// with the reference standard's u and the resolution of its last run start: what a run
/// resumed now would compute; `readings` are the job's stored readings, which the caller has
/// read already. Refused like recorded_certificate_facts (`run`, `readings`).
Outcome<std::vector<PointResult>> recorded_point_results(JobStore& jobs, const Job& job,
                                                         const Procedure& procedure,
                                                         std::span<const ReadingRecord> readings);

/// The certificate facts of `job` (measured with `procedure`) from the records alone:
/// - the results recomputed from its stored readings (results_from_readings, the run's own
///   computation) with the reference standard's u and the resolution of its last run start,
///   as a run resumed now would compute them; `decimals` digits in the table;
/// - the environment: the temperature and humidity read at every run start, as ranges;
/// - receipt: the job's opening; performance: its first and last reading; issue: `issue_date`.
/// Refused, naming what is missing: no run start recorded (errc::invalid_field, `run`), a run
/// that read no temperature or humidity (`environment`), a test point short of readings
/// (errc::not_enough_readings, `readings`).
Outcome<CertificateFacts> recorded_certificate_facts(JobStore& jobs, const Job& job,
                                                     const Procedure& procedure, int decimals,
                                                     Date issue_date);

} // namespace callab::lab
