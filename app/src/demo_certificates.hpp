#pragma once
// The certificates `callab demo` starts with: IR thermometer and power analyser jobs of the
// demo's customers run through the run engine on the demo bench, measured by the technician,
// reviewed, approved and issued by the signatory (PDF and DCC), so that /verify/NUMBER answers
// for them.

#include "demo_bench.hpp"
#include "demo_records.hpp"
#include "lab_services.hpp"

#include <callab/lab/certificate_assembler.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace callab::app {

/// What the demo laboratory states on its certificates.
lab::LaboratoryIdentity demo_laboratory();

/// Runs, reviews, approves and issues one job per IR thermometer of `records` and one of its
/// power analyser (PA-VOLTAGE, at the power source) on `bench`; returns the certificate numbers.
/// Throws CommandFailure naming the job and the cause when a run does not finish or a step is
/// refused.
std::vector<std::string> issue_demo_certificates(LabServices& lab_services, const DemoBench& bench,
                                                 const DemoRecords& records,
                                                 std::chrono::milliseconds reading_interval);

} // namespace callab::app
