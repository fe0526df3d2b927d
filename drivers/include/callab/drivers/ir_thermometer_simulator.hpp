#pragma once

#include <callab/drivers/connection_uri.hpp>

#include <boost/system/result.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>

namespace callab::drivers {

/// A simulated IR thermometer served over Modbus TCP with libmodbus's server side, speaking
/// the same register map as IrThermometer. It looks at a target of known temperature and
/// reports it with its own indication error and Gaussian noise, rounded to 0.1 °C.
class IrThermometerSimulator {
public:
    struct Physics {
        double target_temperature = 37.0; ///< °C, what the thermometer is pointed at
        double indication_error = 0.0;    ///< °C, the thermometer's own error
        double noise = 0.05;              ///< °C, standard deviation of each indication
        std::uint64_t seed = 1;
    };

    explicit IrThermometerSimulator(Physics physics);
    ~IrThermometerSimulator();
    IrThermometerSimulator(const IrThermometerSimulator&) = delete;
    IrThermometerSimulator& operator=(const IrThermometerSimulator&) = delete;

    /// Starts listening on a modbus-tcp URI (port 0 picks a free port) and serving on a
    /// background thread. Returns the port actually bound.
    boost::system::result<std::uint16_t> start(const ConnectionUri& listen);

    /// Stops serving and closes every connection. Safe to call twice.
    void stop();

private:
    struct Server;
    Physics physics_;
    std::unique_ptr<Server> server_;
    std::jthread thread_;
};

} // namespace callab::drivers
