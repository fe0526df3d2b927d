#pragma once

#include <callab/drivers/simulator_options.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace callab::drivers {

/// The registers of a simulated Modbus instrument, seen through its profile: physical
/// values in, encoded registers out.
class ProfileRegisters {
public:
    virtual ~ProfileRegisters() = default;
    /// Stores the physical value of a quantity or setting (encoded per its profile field).
    virtual void set(std::string_view name, double value) = 0;
    /// The physical value a setting holds now (clients may have written it).
    virtual double get(std::string_view name) const = 0;
    /// Stores the status word, if the profile has a status register.
    virtual void set_status(std::uint16_t word) = 0;
};

/// How a simulated instrument behaves: `initialise` stores its start-up settings once,
/// `update` refreshes its indications before every reply.
struct ModbusPhysics {
    std::function<void(ProfileRegisters&)> initialise;
    std::function<void(ProfileRegisters&)> update;
};

/// The physics of a Modbus simulator kind (a profile's "kind": ir-thermometer, pyrometer,
/// energy-meter, env-sensor), or nullopt for an unknown kind. When `stimulus` is given it
/// replaces options.target on every update: an IR thermometer pointed at a simulated
/// blackbody reads that blackbody's radiance temperature.
std::optional<ModbusPhysics> make_modbus_physics(std::string_view kind,
                                                 const SimulatorOptions& options,
                                                 std::function<double()> stimulus = {});

} // namespace callab::drivers
