#pragma once
// The records a run on a simulated bench needs when none are named: a technician authorised
// for the procedure and the lab's reference standard with a current certificate.

#include <callab/lab/standard_store.hpp>
#include <callab/lab/user_store.hpp>

#include <string>

namespace callab::app {

/// The user `username` (a technician, created without a usable password when absent),
/// authorised for `procedure_code`.
lab::User bench_technician(lab::UserStore& users, const std::string& username,
                           const std::string& procedure_code);

/// A new reference standard with a certificate calibrated today and due in a year, stating
/// `uncertainty` (e.g. "U = 0.05 °C (k = 2)").
lab::StandardId add_bench_standard(lab::StandardStore& standards,
                                   const lab::NewReferenceStandard& standard,
                                   const std::string& certificate_number,
                                   const std::string& uncertainty, const std::string& actor);

/// The reference standard stored before with the same maker, model and serial, else a new one
/// as add_bench_standard stores it. A standard found whose latest certificate is missing or
/// not in date today gets a new certificate version as add_bench_standard states it.
lab::StandardId find_or_add_bench_standard(lab::StandardStore& standards,
                                           const lab::NewReferenceStandard& standard,
                                           const std::string& certificate_number,
                                           const std::string& uncertainty,
                                           const std::string& actor);

} // namespace callab::app
