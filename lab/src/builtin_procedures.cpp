#include <callab/lab/builtin_procedures.hpp>

#include <algorithm>

namespace callab::lab {
namespace {

UncertaintyInput rect(std::string name, double half_width) {
    return {std::move(name), half_width, "rectangular"};
}

std::vector<EnvironmentLimit> room(double low, double high, double humidity_high) {
    return {{"temperature", "degC", low, high}, {"humidity", "percent", 0.0, humidity_high}};
}

NewProcedure clinical(std::string code, InstrumentKind kind, std::vector<double> points) {
    NewProcedure p;
    p.code = std::move(code);
    p.kind = kind;
    p.method_reference = "JJF 1107-2003";
    p.test_points = std::move(points);
    p.unit = "degC";
    p.readings_per_point = 5;
    p.stabilisation_tolerance = 0.02;
    p.stabilisation_seconds = 60;
    // Uniformity and stability of the cavity; emissivity 0.995 ± 0.002 at 37 °C; the room
    // between 18 and 28 °C. The reference standard's u comes from its certificate.
    p.uncertainty_inputs = {rect("source uniformity", 0.02), rect("source stability", 0.01),
                            rect("emissivity", 0.015), rect("environment", 0.01)};
    // JJF 1107-2003 §6.1: (23 ± 5) °C, relative humidity not above 80 %.
    p.environment_limits = room(18.0, 28.0, 80.0);
    p.maximum_permissible_error = 0.2;
    p.decision_rule = DecisionRule::non_binary;
    p.guard_band_factor = 1.0;
    p.certificate = CertificateKind::calibration;
    p.fee_cents = 8000;
    return p;
}

NewProcedure radiation() {
    NewProcedure p;
    p.code = "RT-INDUSTRIAL";
    p.kind = InstrumentKind::radiation_thermometer;
    p.method_reference = "JJF 1409-2013";
    p.test_points = {50.0, 100.0, 200.0, 300.0};
    p.unit = "degC";
    p.readings_per_point = 5;
    p.stabilisation_tolerance = 0.2;
    p.stabilisation_seconds = 120;
    p.uncertainty_inputs = {rect("source uniformity", 0.3), rect("source stability", 0.1),
                            rect("emissivity", 0.4), rect("environment", 0.1)};
    p.environment_limits = room(15.0, 35.0, 85.0);
    p.maximum_permissible_error = 2.0;
    p.decision_rule = DecisionRule::guard_band;
    p.guard_band_factor = 1.0;
    p.fee_cents = 20000;
    return p;
}

NewProcedure power(std::string code, std::string unit, std::vector<double> points, double stability,
                   double mpe) {
    NewProcedure p;
    p.code = std::move(code);
    p.kind = InstrumentKind::power_analyser;
    // JJF 1491-2014 (digital AC electrical parameter meters) is the calibration specification
    // power analysers are calibrated under; its annex E is the source-load method used here.
    p.method_reference = "JJF 1491-2014";
    p.test_points = std::move(points);
    p.unit = std::move(unit);
    p.readings_per_point = 6;
    p.stabilisation_tolerance = stability;
    p.stabilisation_seconds = 10;
    p.uncertainty_inputs = {rect("source stability", stability), rect("environment", stability)};
    p.environment_limits = room(18.0, 28.0, 75.0);
    p.maximum_permissible_error = mpe;
    p.decision_rule = DecisionRule::simple_acceptance;
    p.fee_cents = 30000;
    return p;
}

} // namespace

std::vector<NewProcedure> builtin_procedures() {
    std::vector<NewProcedure> out;
    out.push_back(
        clinical("IRT-FOREHEAD", InstrumentKind::ir_forehead_thermometer, {35.0, 37.0, 39.0}));
    out.push_back(clinical("IRT-EAR", InstrumentKind::ir_ear_thermometer, {35.0, 37.0, 41.5}));
    out.push_back(radiation());
    // The power source outputs 230 V, 5 A at the power factors 1, 0.5 lagging and 0.5 leading
    // (1150 W, 575 W, 575 W); the analyser's voltage, current and active power are each
    // calibrated at these three outputs. The conditions say what the source is set to.
    const std::vector<std::string> power_factors{"230 V, 5 A, PF 1", "230 V, 5 A, PF 0.5L",
                                                 "230 V, 5 A, PF 0.5C"};
    for (auto p : {power("PA-VOLTAGE", "V", {230.0, 230.0, 230.0}, 0.01, 0.23),
                   power("PA-CURRENT", "A", {5.0, 5.0, 5.0}, 0.0005, 0.01),
                   power("PA-POWER", "W", {1150.0, 575.0, 575.0}, 0.1, 2.3)}) {
        p.point_conditions = power_factors;
        out.push_back(std::move(p));
    }
    NewProcedure energy = power("EM-MODBUS", "kWh", {1.0, 1.0, 1.0}, 0.0005, 0.01);
    energy.kind = InstrumentKind::energy_meter;
    energy.method_reference = "JJG 596-2012";
    energy.readings_per_point = 3;
    energy.certificate = CertificateKind::verification;
    out.push_back(std::move(energy));
    return out;
}

namespace {

bool same(const NewProcedure& a, const NewProcedure& b) {
    if (a.uncertainty_inputs.size() != b.uncertainty_inputs.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.uncertainty_inputs.size(); ++i) {
        const auto& x = a.uncertainty_inputs[i];
        const auto& y = b.uncertainty_inputs[i];
        if (x.name != y.name || x.value != y.value || x.distribution != y.distribution) {
            return false;
        }
    }
    const auto same_limit = [](const EnvironmentLimit& x, const EnvironmentLimit& y) {
        return x.quantity == y.quantity && x.unit == y.unit && x.low == y.low && x.high == y.high;
    };
    if (a.environment_limits.size() != b.environment_limits.size() ||
        !std::equal(a.environment_limits.begin(), a.environment_limits.end(),
                    b.environment_limits.begin(), same_limit)) {
        return false;
    }
    return a.kind == b.kind && a.method_reference == b.method_reference &&
           a.point_conditions == b.point_conditions && a.test_points == b.test_points &&
           a.unit == b.unit && a.readings_per_point == b.readings_per_point &&
           a.stabilisation_tolerance == b.stabilisation_tolerance &&
           a.stabilisation_seconds == b.stabilisation_seconds &&
           a.maximum_permissible_error == b.maximum_permissible_error &&
           a.decision_rule == b.decision_rule && a.guard_band_factor == b.guard_band_factor &&
           a.certificate == b.certificate && a.fee_cents == b.fee_cents;
}

} // namespace

std::vector<Procedure> seed_builtin_procedures(StandardStore& store, std::string_view actor) {
    std::vector<Procedure> out;
    for (const auto& procedure : builtin_procedures()) {
        auto latest = store.latest_procedure(procedure.code);
        if (latest && same(latest->data, procedure)) {
            out.push_back(*latest);
            continue;
        }
        out.push_back(store.add_procedure_version(procedure, actor).value());
    }
    return out;
}

std::map<std::string, BilingualText> builtin_method_titles() {
    return {{"JJF 1107-2003",
             {"测量人体温度的红外温度计校准规范",
              "Calibration Specification for Infrared Thermometers Measuring Human Body "
              "Temperature"}},
            {"JJF 1491-2014",
             {"数字式交流电参数测量仪校准规范",
              "Calibration Specification for Digital AC Electrical Parameter Meters"}}};
}

} // namespace callab::lab
