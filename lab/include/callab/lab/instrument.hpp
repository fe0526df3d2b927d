#pragma once

#include <callab/lab/enum_names.hpp>
#include <callab/lab/rejection.hpp>
#include <callab/lab/strong_id.hpp>

#include <string>

namespace callab::lab {

enum class InstrumentKind {
    ir_forehead_thermometer,
    ir_ear_thermometer,
    radiation_thermometer,
    power_analyser,
    energy_meter,
    other,
};

inline constexpr EnumNames<InstrumentKind, 6> instrument_kind_names{
    {{InstrumentKind::ir_forehead_thermometer, "ir_forehead_thermometer"},
     {InstrumentKind::ir_ear_thermometer, "ir_ear_thermometer"},
     {InstrumentKind::radiation_thermometer, "radiation_thermometer"},
     {InstrumentKind::power_analyser, "power_analyser"},
     {InstrumentKind::energy_meter, "energy_meter"},
     {InstrumentKind::other, "other"}}};

/// Legal verification (检定) or calibration (校准).
enum class MetrologyRegime { verification, calibration };

inline constexpr EnumNames<MetrologyRegime, 2> metrology_regime_names{
    {{MetrologyRegime::verification, "verification"},
     {MetrologyRegime::calibration, "calibration"}}};

/// A customer's device under test.
struct NewInstrument {
    InstrumentKind kind = InstrumentKind::other;
    std::string maker;
    std::string model;
    std::string serial;
    double range_low = 0.0;
    double range_high = 0.0;
    std::string unit;
    double resolution = 0.0;
    EnterpriseId owner;
    MetrologyRegime regime = MetrologyRegime::calibration;
};

struct Instrument {
    InstrumentId id;
    NewInstrument data;
};

/// Serial present, range ordered, resolution positive. Rejections name the field.
Outcome<void> validate_instrument(const NewInstrument& instrument);

} // namespace callab::lab
