#include <callab/drivers/errc.hpp>
#include <callab/drivers/ir_thermometer.hpp>

#include <bit>

namespace callab::drivers {

IrThermometer::IrThermometer(ConnectionUri uri, ModbusClient::Options options)
    : client_(std::move(uri), options) {}

boost::system::result<Reading> IrThermometer::read() {
    auto registers = client_.read_holding_registers(object_temperature_register, 1);
    if (!registers) {
        return registers.error();
    }
    const auto raw = std::bit_cast<std::int16_t>(registers->front());
    if (raw == over_range_sentinel) {
        return errc::invalid_reading;
    }
    return Reading{"object_temperature", raw * object_temperature_scale, "degC",
                   std::chrono::system_clock::now(), device()};
}

} // namespace callab::drivers
