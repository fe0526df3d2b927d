#pragma once

#include <callab/drivers/connection_uri.hpp>
#include <callab/drivers/meter.hpp>
#include <callab/drivers/modbus_profile.hpp>

#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace callab::drivers {

/// One driver callab knows, listed in an explicit table (driver_registry()).
struct DriverEntry {
    std::string_view name;    ///< what --driver takes
    std::string_view kind;    ///< the simulator kind that speaks its protocol
    std::string_view schemes; ///< the URI schemes it accepts
    std::string_view description;
    std::string_view profile; ///< a shipped Modbus profile, or empty for an SCPI driver
};

std::span<const DriverEntry> driver_registry();
const DriverEntry* find_driver(std::string_view name);

/// An opened instrument, or a message saying why not (bad URI option, wrong scheme).
struct OpenedInstrument {
    std::unique_ptr<Instrument> instrument;
    std::string error;
    explicit operator bool() const { return instrument != nullptr; }
};

/// Opens the driver `entry` on `uri` (no I/O happens until the first request).
OpenedInstrument open_driver(const DriverEntry& entry, const ConnectionUri& uri);

/// Opens a Modbus instrument described by `profile` on a modbus-tcp or modbus-rtu `uri`.
OpenedInstrument open_profile(const ModbusProfile& profile, const ConnectionUri& uri);

} // namespace callab::drivers
