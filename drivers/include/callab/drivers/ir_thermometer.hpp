#pragma once

#include <callab/drivers/meter.hpp>
#include <callab/drivers/modbus_client.hpp>

namespace callab::drivers {

/// The generic RS-485 IR thermometer: holding register 0 holds the object temperature in
/// tenths of a degree Celsius as a signed 16-bit integer.
class IrThermometer final : public Meter {
public:
    static constexpr int object_temperature_register = 0;
    static constexpr double object_temperature_scale = 0.1;
    /// The value this family sends when the object is outside its measuring range.
    static constexpr std::int16_t over_range_sentinel = 0x7FFF;

    IrThermometer(ConnectionUri uri, ModbusClient::Options options);

    boost::system::result<Reading> read() override;
    std::string device() const override { return client_.uri().to_string(); }

private:
    ModbusClient client_;
};

} // namespace callab::drivers
