#pragma once

#include <callab/drivers/connection_uri.hpp>

#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

namespace callab::drivers {

/// A Modbus TCP client over libmodbus. Owns its connection, connects lazily, and reconnects
/// after a disconnect on the next request; failed requests are retried a bounded number of
/// times. Not thread-safe: one client per thread or a lock around it.
class ModbusClient {
public:
    struct Options {
        int unit = 1;
        std::chrono::milliseconds response_timeout{500};
        int attempts = 3; ///< tries per request, including the first
    };

    ModbusClient(ConnectionUri uri, Options options);
    ~ModbusClient();
    ModbusClient(const ModbusClient&) = delete;
    ModbusClient& operator=(const ModbusClient&) = delete;

    /// Reads `count` holding registers (function 0x03) from `address`.
    boost::system::result<std::vector<std::uint16_t>> read_holding_registers(int address,
                                                                             int count);

    const ConnectionUri& uri() const { return uri_; }

private:
    struct Context;
    ConnectionUri uri_;
    Options options_;
    std::unique_ptr<Context> context_;
};

} // namespace callab::drivers
