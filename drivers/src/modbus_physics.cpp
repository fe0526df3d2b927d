#include <callab/drivers/modbus_physics.hpp>

#include <memory>
#include <random>

namespace callab::drivers {
namespace {

// The shared state of one simulated instrument: its noise generator and stimulus.
struct Indication {
    SimulatorOptions options;
    std::function<double()> stimulus;
    double default_target;
    std::mt19937_64 random;
    std::normal_distribution<double> unit_normal{0.0, 1.0};

    Indication(const SimulatorOptions& o, std::function<double()> s, double fallback)
        : options(o), stimulus(std::move(s)), default_target(fallback), random(o.seed) {}

    double target() const {
        return stimulus ? stimulus() : options.target.value_or(default_target);
    }
    double noise(double scale = 1.0) { return options.noise * scale * unit_normal(random); }
    double indicated() { return target() + options.error + noise(); }
};

} // namespace

std::string_view to_string(Fault fault) {
    switch (fault) {
    case Fault::none:
        return "none";
    case Fault::timeout:
        return "timeout";
    case Fault::crc:
        return "crc";
    case Fault::disconnect:
        return "disconnect";
    case Fault::garbage:
        return "garbage";
    case Fault::exception:
        return "exception";
    }
    return "?";
}

std::optional<Fault> fault_from_string(std::string_view text) {
    for (auto f : {Fault::none, Fault::timeout, Fault::crc, Fault::disconnect, Fault::garbage,
                   Fault::exception}) {
        if (to_string(f) == text) {
            return f;
        }
    }
    return std::nullopt;
}

std::optional<ModbusPhysics> make_modbus_physics(std::string_view kind,
                                                 const SimulatorOptions& options,
                                                 std::function<double()> stimulus) {
    if (kind == "ir-thermometer") {
        auto state = std::make_shared<Indication>(options, std::move(stimulus), 37.0);
        return ModbusPhysics{[](ProfileRegisters& r) { r.set("emissivity", 0.95); },
                             [state](ProfileRegisters& r) {
                                 r.set("object_temperature", state->indicated());
                                 r.set("ambient_temperature", 23.0 + state->noise(0.2));
                             }};
    }
    if (kind == "pyrometer") {
        auto state = std::make_shared<Indication>(options, std::move(stimulus), 100.0);
        return ModbusPhysics{[](ProfileRegisters& r) {
                                 r.set("sensor_type", 21); // PUA8
                                 r.set("emissivity", 0.95);
                                 r.set("emissivity_volatile", 0.95);
                                 r.set("transmissivity", 1.0);
                                 r.set("average_period", 0.0);
                             },
                             [state](ProfileRegisters& r) {
                                 const double unfiltered = state->indicated();
                                 // The filter averages; its indication scatters a third as much.
                                 const double filtered =
                                     state->target() + state->options.error + state->noise(1.0 / 3);
                                 std::uint16_t status = 0;
                                 if (filtered < -40.0) {
                                     status |= 1U << 3;
                                 }
                                 if (filtered > 1000.0) {
                                     status |= 1U << 4;
                                 }
                                 r.set_status(status);
                                 r.set("filtered_temperature", std::clamp(filtered, -40.0, 1000.0));
                                 r.set("unfiltered_temperature",
                                       std::clamp(unfiltered, -40.0, 1000.0));
                                 r.set("sensor_temperature", 25.0 + state->noise(0.1));
                             }};
    }
    if (kind == "energy-meter") {
        auto state = std::make_shared<Indication>(options, std::move(stimulus), 230.0);
        return ModbusPhysics{{}, [state](ProfileRegisters& r) {
                                 const double voltage = state->indicated();
                                 const double current = 5.0 + state->noise(0.001);
                                 const double power_factor = 0.98;
                                 const double apparent = voltage * current;
                                 r.set("voltage", voltage);
                                 r.set("current", current);
                                 r.set("apparent_power", apparent);
                                 r.set("active_power", apparent * power_factor);
                                 r.set("reactive_power",
                                       apparent * std::sqrt(1 - power_factor * power_factor));
                                 r.set("power_factor", power_factor);
                                 r.set("frequency", 50.0 + state->noise(0.0001));
                             }};
    }
    if (kind == "env-sensor") {
        auto state = std::make_shared<Indication>(options, std::move(stimulus), 23.0);
        return ModbusPhysics{
            [](ProfileRegisters& r) {
                r.set("temperature_offset", 0.0);
                r.set("humidity_offset", 0.0);
            },
            [state](ProfileRegisters& r) {
                r.set("temperature", state->indicated() + r.get("temperature_offset"));
                r.set("humidity", 45.0 + state->noise(2.0) + r.get("humidity_offset"));
            }};
    }
    return std::nullopt;
}

} // namespace callab::drivers
