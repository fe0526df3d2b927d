#pragma once

#include <callab/drivers/connection_uri.hpp>
#include <callab/drivers/modbus_profile.hpp>

#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace callab::drivers {

/// A Modbus TCP or RTU client over libmodbus. Owns its connection, connects lazily and
/// reconnects after a disconnect on the next request; failed requests are retried a bounded
/// number of times with a growing pause. Clients on the same bus (serial device, or TCP
/// host and port) share one lock, so several devices can sit on one RS-485 line; on RTU the
/// lock also keeps the 3.5-character silent interval between frames. One client must not be
/// used from two threads at once.
class ModbusClient {
public:
    struct Options {
        int unit = 1;
        std::chrono::milliseconds response_timeout{500};
        std::chrono::milliseconds byte_timeout{100};
        int attempts = 3;                      ///< tries per request, including the first
        std::chrono::milliseconds backoff{20}; ///< pause before retry n is n × backoff
        SerialDefaults serial;                 ///< modbus-rtu only
    };

    /// `uri` must be modbus-tcp or modbus-rtu (see options_from_uri()).
    ModbusClient(ConnectionUri uri, Options options);
    ~ModbusClient();
    ModbusClient(const ModbusClient&) = delete;
    ModbusClient& operator=(const ModbusClient&) = delete;

    /// Reads `count` registers (0x03 holding or 0x04 input) from `address`.
    boost::system::result<std::vector<std::uint16_t>> read_registers(RegisterKind kind, int address,
                                                                     int count);
    boost::system::result<std::vector<std::uint16_t>> read_holding_registers(int address,
                                                                             int count) {
        return read_registers(RegisterKind::holding, address, count);
    }

    /// Writes holding registers: 0x06 for one register, 0x10 for several.
    boost::system::result<void> write_registers(int address, std::span<const std::uint16_t> values);

    /// The silent interval that separates RTU frames at this client's serial settings:
    /// 3.5 characters, or 1.75 ms above 19200 baud (Modbus over serial line, §2.5.1.1).
    std::chrono::microseconds silent_interval() const;

    const ConnectionUri& uri() const { return uri_; }
    const Options& options() const { return options_; }

    /// What the last failed request ran into, in libmodbus's or the system's words
    /// ("Illegal data address", "Connection timed out", "Invalid CRC").
    const std::string& last_error() const { return last_error_; }

private:
    struct Context;
    template <typename Request> boost::system::result<void> transact(Request request);

    ConnectionUri uri_;
    Options options_;
    std::unique_ptr<Context> context_;
    std::string last_error_;
};

/// The options a URI gives: unit, timeout (ms), attempts, and for modbus-rtu baud, parity
/// (N/E/O), data, stop. Values the URI leaves out come from `defaults`.
struct ParsedModbusOptions {
    ModbusClient::Options options;
    std::string error; ///< empty on success; names the option and what is wrong
    explicit operator bool() const { return error.empty(); }
};
ParsedModbusOptions modbus_options_from_uri(const ConnectionUri& uri,
                                            ModbusClient::Options defaults);

} // namespace callab::drivers
