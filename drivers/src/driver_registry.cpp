#include <callab/drivers/driver_registry.hpp>
#include <callab/drivers/modbus_meter.hpp>
#include <callab/drivers/shipped_profiles.hpp>

#include <array>

namespace callab::drivers {
namespace {

constexpr std::array registry{
    DriverEntry{"ir-thermometer", "ir-thermometer", "modbus-tcp, modbus-rtu",
                "generic RS-485 IR thermometer (Modbus profile)", "ir-thermometer"},
    DriverEntry{"calex-pyrousb", "pyrometer", "modbus-tcp, modbus-rtu",
                "Calex PyroUSB pyrometer (Modbus profile)", "calex-pyrousb"},
    DriverEntry{"eastron-sdm", "energy-meter", "modbus-tcp, modbus-rtu",
                "Eastron SDM energy meter, float32 registers (Modbus profile)", "eastron-sdm"},
    DriverEntry{"env-sensor", "env-sensor", "modbus-tcp, modbus-rtu",
                "temperature/humidity transmitter (Modbus profile)", "env-sensor"},
};

} // namespace

std::span<const DriverEntry> driver_registry() {
    return registry;
}

const DriverEntry* find_driver(std::string_view name) {
    for (const auto& entry : registry) {
        if (entry.name == name) {
            return &entry;
        }
    }
    return nullptr;
}

OpenedInstrument open_profile(const ModbusProfile& profile, const ConnectionUri& uri) {
    ModbusClient::Options defaults;
    defaults.unit = profile.unit;
    defaults.serial = profile.serial;
    auto parsed = modbus_options_from_uri(uri, defaults);
    if (!parsed) {
        return {nullptr, parsed.error};
    }
    return {std::make_unique<ModbusMeter>(profile, uri, parsed.options), {}};
}

OpenedInstrument open_driver(const DriverEntry& entry, const ConnectionUri& uri) {
    if (!entry.profile.empty()) {
        const auto profile = find_shipped_profile(entry.profile);
        if (!profile) {
            return {nullptr, "shipped profile " + std::string(entry.profile) + " is missing"};
        }
        return open_profile(*profile, uri);
    }
    return {nullptr, "driver " + std::string(entry.name) + " cannot be opened"};
}

} // namespace callab::drivers
