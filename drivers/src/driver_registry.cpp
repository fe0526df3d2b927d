#include <callab/drivers/driver_registry.hpp>
#include <callab/drivers/modbus_meter.hpp>
#include <callab/drivers/power_analyser.hpp>
#include <callab/drivers/scpi_instrument.hpp>
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
    DriverEntry{"fluke-4180", "blackbody", "scpi-tcp, scpi-serial",
                "Fluke 4180/4181-class IR calibrator (blackbody source), SCPI", ""},
    DriverEntry{"wt300", "power-analyser", "scpi-tcp, scpi-serial",
                "Yokogawa WT300-style power analyser, SCPI numeric items", ""},
    DriverEntry{"power-source", "power-source", "scpi-tcp, scpi-serial",
                "programmable AC power source / calibrator, SCPI", ""},
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
    ScpiClient::Options defaults;
    if (entry.name == "fluke-4180" || entry.name == "power-source") {
        auto parsed = scpi_options_from_uri(uri, defaults);
        if (!parsed) {
            return {nullptr, parsed.error};
        }
        auto dialect = entry.name == "fluke-4180" ? fluke_4180_dialect() : power_source_dialect();
        return {std::make_unique<ScpiInstrument>(std::move(dialect), uri, parsed.options), {}};
    }
    if (entry.name == "wt300") {
        auto parsed = scpi_options_from_uri(uri, defaults, {"element"});
        if (!parsed) {
            return {nullptr, parsed.error};
        }
        int element = 1;
        if (const auto e = uri.options.find("element"); e != uri.options.end()) {
            if (e->second != "1" && e->second != "2" && e->second != "3") {
                return {nullptr, "option element=" + e->second + ": expected 1, 2 or 3"};
            }
            element = e->second[0] - '0';
        }
        return {std::make_unique<PowerAnalyser>(uri, parsed.options, element), {}};
    }
    return {nullptr, "driver " + std::string(entry.name) + " cannot be opened"};
}

} // namespace callab::drivers
