#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace callab::drivers {

/// A fault a simulator injects into a share of its replies, to test what drivers do.
enum class Fault {
    none,
    timeout,    ///< no reply at all
    crc,        ///< a reply that fails its integrity check (RTU CRC, TCP transaction id,
                ///< SCPI: a corrupted number)
    disconnect, ///< half a reply, then the connection is closed (TCP) or goes silent (pty)
    garbage,    ///< random bytes instead of the reply
    exception,  ///< a Modbus exception 04 (server device failure), or an SCPI error reply
};

std::string_view to_string(Fault fault);
std::optional<Fault> fault_from_string(std::string_view text);

/// What every simulator takes from `callab sim`.
struct SimulatorOptions {
    int unit = 1;                 ///< Modbus unit id answered
    std::optional<double> target; ///< the stimulus (°C, V, …); the kind's default if empty
    double error = 0.0;           ///< the instrument's own indication error
    double noise = 0.0;           ///< standard deviation of each indication
    std::uint64_t seed = 1;
    Fault fault = Fault::none;
    double fault_rate = 1.0;     ///< share of replies the fault hits, 0-1
    double time_constant = 30.0; ///< s, how fast a simulated blackbody plate settles
};

} // namespace callab::drivers
