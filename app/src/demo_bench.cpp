#include "demo_bench.hpp"

#include "command_failure.hpp"

#include <callab/drivers/driver_registry.hpp>

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

} // namespace

DemoBench::DemoBench() {
    drivers::SimulatorOptions sim;
    sim.time_constant = 0.05;
    blackbody_ = open("fluke-4180", simulators_.add("blackbody", listen_on("scpi-tcp"), sim));
    drivers::SimulatorOptions thermometer = sim;
    thermometer.error = 0.08; // the thermometer under test reads a little high
    thermometer_ = open("ir-thermometer",
                        simulators_.add("ir-thermometer", listen_on("modbus-tcp"), thermometer));
    environment_ = open("env-sensor", simulators_.add("env-sensor", listen_on("modbus-tcp"), sim));
    power_source_ =
        open("power-source", simulators_.add("power-source", listen_on("scpi-tcp"), sim));
    drivers::SimulatorOptions analyser = sim;
    analyser.error = 0.03; // the analyser under test reads its voltage a little high
    power_analyser_ =
        open("wt300", simulators_.add("power-analyser", listen_on("scpi-tcp"), analyser));
}

DemoBench::~DemoBench() = default;

lab::Bench DemoBench::thermometry() const {
    return {dynamic_cast<drivers::Source*>(blackbody_.get()), thermometer_.get(), nullptr,
            environment_.get()};
}

lab::RunSettings DemoBench::thermometry_settings(std::vector<lab::StandardId> standards,
                                                 std::chrono::milliseconds reading_interval) {
    lab::RunSettings settings;
    settings.standards = std::move(standards);
    settings.resolution = 0.1;
    settings.range_low = 32.0;
    settings.range_high = 42.5;
    settings.reading_interval = reading_interval;
    settings.time_scale = 600.0;
    settings.stability_poll = std::chrono::milliseconds(10);
    settings.stability_checks = 1000;
    return settings;
}

lab::Bench DemoBench::power() const {
    return {dynamic_cast<drivers::Source*>(power_source_.get()), power_analyser_.get(), nullptr,
            environment_.get()};
}

lab::RunSettings DemoBench::power_settings(std::vector<lab::StandardId> standards,
                                           std::chrono::milliseconds reading_interval) {
    lab::RunSettings settings = thermometry_settings(std::move(standards), reading_interval);
    settings.source_setting.clear();
    settings.resolution = 0.01;
    settings.range_low = 0.0;
    settings.range_high = 12000.0;
    return settings;
}

std::vector<lab::BenchStation>
DemoBench::stations(lab::StandardId blackbody, lab::StandardId power_source,
                    std::chrono::milliseconds reading_interval) const {
    using lab::InstrumentKind;
    return {{"thermometry",
             {InstrumentKind::ir_forehead_thermometer, InstrumentKind::ir_ear_thermometer,
              InstrumentKind::radiation_thermometer},
             thermometry(),
             thermometry_settings({blackbody}, reading_interval)},
            {"power",
             {InstrumentKind::power_analyser},
             power(),
             power_settings({power_source}, reading_interval)}};
}

} // namespace callab::app
