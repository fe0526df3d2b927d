#include "server_bench.hpp"

#include "bench_records.hpp"
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
    const auto source_uri = held->simulators.add("power-source", listen_on("scpi-tcp"), sim);
    drivers::SimulatorOptions analyser = sim;
    analyser.error = power_analyser_voltage_error;
    const auto analyser_uri =
        held->simulators.add("power-analyser", listen_on("scpi-tcp"), analyser);
    auto blackbody = open("fluke-4180", blackbody_uri);
    auto thermometer = open("ir-thermometer", thermometer_uri);
    auto sensor = open("env-sensor", sensor_uri);
    auto source = open("power-source", source_uri);
    auto wt300 = open("wt300", analyser_uri);

    lab::BenchStation thermometry{
        "thermometry",
        {lab::InstrumentKind::ir_forehead_thermometer, lab::InstrumentKind::ir_ear_thermometer,
         lab::InstrumentKind::radiation_thermometer},
        {dynamic_cast<drivers::Source*>(blackbody.get()), thermometer.get(), nullptr, sensor.get()},
        {}};
    auto& settings = thermometry.settings;
    // The bench's blackbody as the lab's reference standard, with a certificate in date, so
    // that runs meet their preconditions and their certificates name it: stored at the first
    // start on a database, found by maker, model and serial at the next ones.
    settings.standards.push_back(find_or_add_bench_standard(
        standards, {"Blackbody source", "Fluke", "4180", "SIM-4180", {}, "NIM China"}, "NIM-BB-SIM",
        "U = 0.05 °C (k = 2)", "callab-serve"));
    // The simulated blackbody settles in a fraction of a second: the procedure's
    // stabilisation time passes 600 times faster (60 s → 0.1 s).
    settings.time_scale = 600.0;
    settings.range_low = 32.0;
    settings.range_high = 42.5;
    settings.resolution = 0.1;
    settings.reading_interval = reading_interval;
    settings.stability_poll = std::chrono::milliseconds(10);
    settings.stability_checks = 1000;

    // The power source drives the analyser; its read-back of what it outputs is the
    // reference, its certificate states U for voltage, current and active power.
    lab::BenchStation power{
        "power",
        {lab::InstrumentKind::power_analyser},
        {dynamic_cast<drivers::Source*>(source.get()), wt300.get(), nullptr, sensor.get()},
        settings};
    power.settings.standards = {find_or_add_bench_standard(
        standards, {"Power source", "Fluke", "6105A", "SIM-6105", {}, "NIM China"}, "NIM-PS-SIM",
        power_source_uncertainty, "callab-serve")};
    power.settings.source_setting.clear(); // the points' conditions set U, I and PF
    power.settings.range_low = 0.0;
    power.settings.range_high = 12000.0;
    power.settings.resolution = 0.01;
    held->instruments.push_back(std::move(blackbody));
    held->instruments.push_back(std::move(thermometer));
    held->instruments.push_back(std::move(sensor));
    held->instruments.push_back(std::move(source));
    held->instruments.push_back(std::move(wt300));
    held->runs = std::make_unique<lab::RunManager>(
        jobs, users, standards,
        std::vector<lab::BenchStation>{std::move(thermometry), std::move(power)});
    return {held, held->runs.get()};
}

} // namespace callab::app
