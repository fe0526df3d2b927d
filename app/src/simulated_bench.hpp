#pragma once
// The simulators `callab sim` runs in one process, coupled where the physics says so: an
// IR thermometer pointed at the blackbody, a power analyser measuring the power source.

#include <callab/drivers/connection_uri.hpp>
#include <callab/drivers/simulator_options.hpp>

#include <memory>
#include <string>
#include <vector>

namespace callab::app {

class SimulatedBench {
public:
    SimulatedBench();
    ~SimulatedBench();
    SimulatedBench(const SimulatedBench&) = delete;
    SimulatedBench& operator=(const SimulatedBench&) = delete;

    /// The kinds `callab sim` serves.
    static std::vector<std::string> kinds();

    /// Starts a simulator of `kind` on `listen` and returns the URI clients use. Throws
    /// CommandFailure (2 for a URI the kind cannot serve, 1 when listening fails).
    std::string add(const std::string& kind, const drivers::ConnectionUri& listen,
                    const drivers::SimulatorOptions& options);

    void stop();

private:
    struct Parts;
    std::unique_ptr<Parts> parts_;
};

} // namespace callab::app
