#pragma once

#include <callab/drivers/connection_uri.hpp>
#include <callab/drivers/modbus_physics.hpp>
#include <callab/drivers/modbus_profile.hpp>
#include <callab/drivers/simulator_options.hpp>

#include <boost/system/result.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

namespace callab::drivers {

/// A simulated Modbus instrument serving a profile's register map, over Modbus TCP on a
/// loopback port or Modbus RTU on a pseudo-terminal pair it creates. Its own server code
/// (not libmodbus), so that faults can be injected at the byte level.
class ModbusSimulator {
public:
    struct Statistics {
        std::uint64_t requests = 0; ///< well-formed requests for this unit
        std::uint64_t faults = 0;   ///< of which answered with the injected fault
        std::uint64_t rejected = 0; ///< frames dropped: bad CRC, other unit, torn frame
        /// RTU: the shortest silence seen between the end of a reply and the next request,
        /// and between the end of a request and its reply (both ≥ 3.5 characters when every
        /// party keeps the silent interval).
        std::chrono::nanoseconds shortest_gap_before_request{std::chrono::nanoseconds::max()};
        std::chrono::nanoseconds shortest_reply_delay{std::chrono::nanoseconds::max()};
    };

    ModbusSimulator(ModbusProfile profile, ModbusPhysics physics, SimulatorOptions options);
    ~ModbusSimulator();
    ModbusSimulator(const ModbusSimulator&) = delete;
    ModbusSimulator& operator=(const ModbusSimulator&) = delete;

    /// Starts serving on `listen`: `modbus-tcp://HOST:PORT` (port 0 picks one) or
    /// `modbus-rtu:pty?baud=B&parity=P&data=D&stop=S[&link=PATH]`. Returns the URI a client
    /// connects to (the bound port, or the pty's slave path with the serial settings).
    boost::system::result<ConnectionUri> start(const ConnectionUri& listen);

    /// Stops serving and closes every connection. Safe to call twice.
    void stop();

    Statistics statistics() const;

private:
    struct State;
    std::unique_ptr<State> state_;
    std::jthread thread_;
};

} // namespace callab::drivers
