#pragma once

#include <callab/lab/certificate_kind.hpp>
#include <callab/lab/enum_names.hpp>
#include <callab/lab/instrument.hpp>
#include <callab/lab/rejection.hpp>
#include <callab/lab/strong_id.hpp>

#include <string>
#include <vector>

namespace callab::lab {

/// ILAC-G8:09/2019 decision rules.
enum class DecisionRule { simple_acceptance, guard_band, non_binary };

inline constexpr EnumNames<DecisionRule, 3> decision_rule_names{
    {{DecisionRule::simple_acceptance, "simple_acceptance"},
     {DecisionRule::guard_band, "guard_band"},
     {DecisionRule::non_binary, "non_binary"}}};

inline constexpr EnumNames<CertificateKind, 2> certificate_kind_names{
    {{CertificateKind::calibration, "calibration"},
     {CertificateKind::verification, "verification"}}};

/// A Type B input of the uncertainty model: its name, half-width (or standard uncertainty
/// for "normal") in the procedure's unit, and its distribution.
struct UncertaintyInput {
    std::string name;
    double value = 0.0;
    std::string distribution; ///< "rectangular", "normal", "triangular", "u-shaped"
};

/// A limit on the room during a run, checked against the quantity of that name the
/// environment sensor reports (e.g. "temperature" in degC, "humidity" in %RH).
struct EnvironmentLimit {
    std::string quantity;
    std::string unit;
    double low = 0.0;
    double high = 0.0;
};

/// How a kind of instrument is calibrated or verified.
struct NewProcedure {
    std::string code; ///< the lab's name for it, e.g. "IRT-FOREHEAD"; versions share a code
    InstrumentKind kind = InstrumentKind::other;
    std::string method_reference; ///< e.g. "JJF 1107-2003", "JJG 1164-2019"
    std::vector<double> test_points;
    std::string unit;
    int readings_per_point = 1;
    double stabilisation_tolerance = 0.0; ///< readings agree within this, in `unit`
    int stabilisation_seconds = 0;        ///< … for this long
    std::vector<UncertaintyInput> uncertainty_inputs;
    /// The room must be within these during the run (checked before it starts and at resume).
    std::vector<EnvironmentLimit> environment_limits;
    /// What else defines each test point besides its value, one per test point when present:
    /// the power factor of a power-analyser point ("1", "0.5L", "0.5C").
    std::vector<std::string> point_conditions;
    double maximum_permissible_error = 0.0; ///< MPE or tolerance, ± in `unit`
    DecisionRule decision_rule = DecisionRule::simple_acceptance;
    double guard_band_factor = 0.0; ///< f in w = f·U (guard-band rules)
    CertificateKind certificate = CertificateKind::calibration;
    long long fee_cents = 0;
};

/// A stored procedure version. A change is a new version with the same code.
struct Procedure {
    ProcedureId id;
    int version = 0;
    NewProcedure data;
};

/// Test points present, readings per point ≥ 1, MPE and fee non-negative, a guard-band rule
/// has f > 0, environment limits named with low < high, point conditions one per test point
/// (or none). Rejections name the field.
Outcome<void> validate_procedure(const NewProcedure& procedure);

} // namespace callab::lab
