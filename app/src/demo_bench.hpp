#pragma once
// The demo's bench, simulated in this process on loopback ports: a blackbody with an IR
// thermometer pointed at it, a power source feeding a power analyser and the room's
// environment sensor. Jobs seeded by the demo and jobs started in the app run on it.

#include "simulated_bench.hpp"

#include <callab/drivers/meter.hpp>
#include <callab/lab/run_manager.hpp>

#include <chrono>
#include <memory>
#include <vector>

namespace callab::app {

class DemoBench {
public:
    /// Starts the simulators and opens their drivers. Throws CommandFailure when one cannot.
    DemoBench();
    ~DemoBench();
    DemoBench(const DemoBench&) = delete;
    DemoBench& operator=(const DemoBench&) = delete;

    /// The blackbody as source and reference, the IR thermometer as the device under test.
    lab::Bench thermometry() const;
    /// Settings for a run of the IR thermometer procedures on this bench, with `standards`
    /// (the first the reference) and `reading_interval` between readings. The simulated
    /// sources settle in a fraction of a second, so the procedure's stabilisation time
    /// passes 600 times faster.
    static lab::RunSettings thermometry_settings(std::vector<lab::StandardId> standards,
                                                 std::chrono::milliseconds reading_interval);

    /// The power source as source and reference, the power analyser as the device under test.
    lab::Bench power() const;
    /// Settings for a run of the power-analyser procedures: the points' conditions set the
    /// source's voltage, current and power factor; `standards` as for thermometry.
    static lab::RunSettings power_settings(std::vector<lab::StandardId> standards,
                                           std::chrono::milliseconds reading_interval);

    /// Both stations, for the run manager of jobs started in the app.
    std::vector<lab::BenchStation> stations(lab::StandardId blackbody, lab::StandardId power_source,
                                            std::chrono::milliseconds reading_interval) const;

private:
    SimulatedBench simulators_;
    std::unique_ptr<drivers::Instrument> blackbody_;
    std::unique_ptr<drivers::Instrument> thermometer_;
    std::unique_ptr<drivers::Instrument> environment_;
    std::unique_ptr<drivers::Instrument> power_source_;
    std::unique_ptr<drivers::Instrument> power_analyser_;
};

} // namespace callab::app
