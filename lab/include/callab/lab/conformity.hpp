#pragma once

#include <callab/lab/certificate_content.hpp>
#include <callab/lab/enum_names.hpp>
#include <callab/lab/procedure.hpp>

#include <optional>
#include <span>
#include <string>

namespace callab::lab {

// The conformity statement of one test point (ILAC-G8:09/2019 §4) is the certificate's
// Conformity (certificate_content.hpp): a run's results go onto the certificate as they are.
inline constexpr EnumNames<Conformity, 5> conformity_names{
    {{Conformity::not_stated, "not_stated"},
     {Conformity::pass, "pass"},
     {Conformity::conditional_pass, "conditional_pass"},
     {Conformity::conditional_fail, "conditional_fail"},
     {Conformity::fail, "fail"}}};

/// States conformity of an error `error` with expanded uncertainty `expanded` against the
/// tolerance ±`mpe`:
/// - simple acceptance (ILAC-G8 4.2.1, w = 0): pass when |e| ≤ MPE, fail otherwise;
/// - guard band (4.2.2, w = f·U): pass when |e| ≤ MPE − w, fail otherwise;
/// - non-binary (4.2.3) with w = f·U (f = 1: the zones are U wide): pass when |e| + w ≤ MPE,
///   conditional pass when |e| ≤ MPE < |e| + w, conditional fail when |e| − w ≤ MPE < |e|,
///   fail when MPE < |e| − w.
Conformity decide_conformity(DecisionRule rule, double guard_band_factor, double error,
                             double expanded, double mpe);

/// One row of the lab's calibration and measurement capability: for `unit` between `low`
/// and `high` (both included) the smallest expanded uncertainty (k for 95 %) the lab states.
struct CmcEntry {
    std::string unit;
    double low = 0.0;
    double high = 0.0;
    double expanded_uncertainty = 0.0;
};

/// The CMC for a value, the smallest of the rows that cover it; empty when none does.
std::optional<double> cmc_for(std::span<const CmcEntry> table, const std::string& unit,
                              double value);

/// The lab's CMC table as shipped (temperature by radiation thermometry, electrical power).
std::span<const CmcEntry> builtin_cmc_table();

} // namespace callab::lab
