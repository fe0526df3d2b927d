#pragma once

#include <callab/drivers/register_codec.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace callab::drivers {

/// Which Modbus table a value lives in: holding (read 0x03, write 0x06/0x10) or input
/// (read 0x04, read-only).
enum class RegisterKind { holding, input };

std::string_view to_string(RegisterKind kind);

/// One value in a device's register map: physical value = raw × scale + offset.
struct RegisterField {
    std::string name; ///< e.g. "object_temperature"
    RegisterKind kind = RegisterKind::holding;
    int address = 0; ///< PDU address (0-based)
    DataType type = DataType::int16;
    WordOrder order = WordOrder::abcd;
    double scale = 1.0;
    double offset = 0.0;
    std::string unit;              ///< D-SI style symbol: degC, V, A, W, Hz, one, percent
    std::vector<double> sentinels; ///< raw values that mean "no valid reading"
    std::optional<double> minimum; ///< settings: lowest physical value accepted
    std::optional<double> maximum; ///< settings: highest physical value accepted

    /// raw × scale + offset; for integer types rounded to the decimals of scale and offset,
    /// so that 950 × 0.001 is 0.95 and not 0.9500000000000001.
    double to_physical(double raw) const;
    double to_raw(double physical) const { return (physical - offset) / scale; }
};

/// A bit of a status register and what it means when set.
struct StatusBit {
    int bit = 0;
    std::string name;
    bool fault = false; ///< true: readings taken while it is set are not valid
};

struct StatusRegister {
    RegisterKind kind = RegisterKind::holding;
    int address = 0;
    std::vector<StatusBit> bits;
};

/// Serial defaults of the device, used when a modbus-rtu URI does not say otherwise.
struct SerialDefaults {
    int baud = 9600;
    char parity = 'N';
    int data_bits = 8;
    int stop_bits = 1;
};

/// A Modbus instrument described as data: what to read, how to decode it, what may be
/// written. The first quantity is the primary one (what Meter::read() returns).
struct ModbusProfile {
    std::string name;
    std::string description;
    std::string kind; ///< the simulator that speaks this map: ir-thermometer, env-sensor, ...
    int unit = 1;
    SerialDefaults serial;
    std::vector<RegisterField> quantities;
    std::vector<RegisterField> settings;
    std::optional<StatusRegister> status;

    const RegisterField* find_quantity(std::string_view name) const;
    const RegisterField* find_setting(std::string_view name) const;
};

/// A profile, or a message naming the key or value that is wrong.
struct ParsedModbusProfile {
    ModbusProfile profile;
    std::string error; ///< empty on success
    explicit operator bool() const { return error.empty(); }
};

/// Parses a JSON profile (format in docs/drivers.md). Unknown keys, unknown data types or
/// word orders, overlapping registers and missing fields are errors.
ParsedModbusProfile parse_modbus_profile(std::string_view json);

} // namespace callab::drivers
