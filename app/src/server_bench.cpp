#include "server_bench.hpp"

#include "command_failure.hpp"
#include "simulated_bench.hpp"

#include <callab/drivers/driver_registry.hpp>
#include <callab/lab/run_manager.hpp>

#include <vector>

namespace callab::app {
namespace {

drivers::ConnectionUri listen_on(const std::string& scheme) {
    return drivers::parse_connection_uri(scheme + "://127.0.0.1:0", true).uri;
}

std::unique_ptr<drivers::Instrument> open(const char* driver, const std::string& uri) {
    auto opened =
        drivers::open_driver(*drivers::find_driver(driver), drivers::parse_connection_uri(uri).uri);
    if (!opened) {
        throw CommandFailure(exit_runtime_failure, std::string(driver) + ": " + opened.error);
    }
    return std::move(opened.instrument);
}

/// The simulators, their drivers and the manager, destroyed manager first.
struct BenchRuns {
    SimulatedBench simulators;
    std::vector<std::unique_ptr<drivers::Instrument>> instruments;
    std::unique_ptr<lab::RunManager> runs;
};

} // namespace

std::shared_ptr<lab::RunManager> make_run_manager(lab::JobStore& jobs, lab::UserStore& users,
                                                  lab::StandardStore& standards,
                                                  bool simulated_bench,
                                                  std::chrono::milliseconds reading_interval) {
    auto held = std::make_shared<BenchRuns>();
    if (!simulated_bench) {
        held->runs = std::make_unique<lab::RunManager>(jobs, users, standards, std::nullopt,
                                                       lab::RunSettings{});
        return {held, held->runs.get()};
    }
    drivers::SimulatorOptions sim;
    sim.time_constant = 0.05;
    const auto blackbody_uri = held->simulators.add("blackbody", listen_on("scpi-tcp"), sim);
    const auto thermometer_uri =
        held->simulators.add("ir-thermometer", listen_on("modbus-tcp"), sim);
    const auto sensor_uri = held->simulators.add("env-sensor", listen_on("modbus-tcp"), sim);
    auto blackbody = open("fluke-4180", blackbody_uri);
    auto thermometer = open("ir-thermometer", thermometer_uri);
    auto sensor = open("env-sensor", sensor_uri);
    const lab::Bench bench{dynamic_cast<drivers::Source*>(blackbody.get()), thermometer.get(),
                           nullptr, sensor.get()};
    held->instruments.push_back(std::move(blackbody));
    held->instruments.push_back(std::move(thermometer));
    held->instruments.push_back(std::move(sensor));
    lab::RunSettings settings;
    settings.range_low = 32.0;
    settings.range_high = 42.5;
    settings.resolution = 0.1;
    settings.reading_interval = reading_interval;
    settings.stability_poll = std::chrono::milliseconds(100);
    settings.stability_checks = 600;
    // The simulated blackbody settles in a fraction of a second: the procedure's
    // stabilisation time is taken 600 times faster, as `callab run` does.
    settings.time_scale = 600.0;
    held->runs = std::make_unique<lab::RunManager>(jobs, users, standards, bench, settings);
    return {held, held->runs.get()};
}

} // namespace callab::app
