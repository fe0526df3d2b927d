#include "simulated_bench.hpp"

#include "command_failure.hpp"

#include <callab/drivers/errc.hpp>
#include <callab/drivers/modbus_simulator.hpp>
#include <callab/drivers/shipped_profiles.hpp>

#include <map>

namespace callab::app {
namespace {

// Modbus simulator kinds and the shipped profile each serves.
const std::map<std::string, std::string> modbus_kinds{{"ir-thermometer", "ir-thermometer"},
                                                      {"pyrometer", "calex-pyrousb"},
                                                      {"energy-meter", "eastron-sdm"},
                                                      {"env-sensor", "env-sensor"}};

} // namespace

struct SimulatedBench::Parts {
    std::vector<std::unique_ptr<drivers::ModbusSimulator>> modbus;
};

SimulatedBench::SimulatedBench() : parts_(std::make_unique<Parts>()) {}

SimulatedBench::~SimulatedBench() {
    stop();
}

std::vector<std::string> SimulatedBench::kinds() {
    std::vector<std::string> names;
    for (const auto& [kind, profile] : modbus_kinds) {
        names.push_back(kind);
    }
    return names;
}

std::string SimulatedBench::add(const std::string& kind, const drivers::ConnectionUri& listen,
                                const drivers::SimulatorOptions& options) {
    const auto modbus = modbus_kinds.find(kind);
    if (modbus == modbus_kinds.end()) {
        throw CommandFailure(exit_usage, "unknown simulator kind '" + kind + "'");
    }
    if (listen.scheme != "modbus-tcp" && !(listen.scheme == "modbus-rtu" && listen.path == "pty")) {
        throw CommandFailure(exit_usage, "--listen " + listen.to_string() + ": the " + kind +
                                             " simulator serves modbus-tcp://HOST:PORT or "
                                             "modbus-rtu:pty");
    }
    const auto profile = drivers::find_shipped_profile(modbus->second).value();
    auto simulator = std::make_unique<drivers::ModbusSimulator>(
        profile, drivers::make_modbus_physics(profile.kind, options).value(), options);
    auto served = simulator->start(listen);
    if (!served) {
        throw CommandFailure(served.error() == drivers::errc::invalid_uri ? exit_usage
                                                                           : exit_runtime_failure,
                             "cannot serve " + kind + " on " + listen.to_string() + ": " +
                                 served.error().message());
    }
    parts_->modbus.push_back(std::move(simulator));
    return served->to_string();
}

void SimulatedBench::stop() {
    for (auto& simulator : parts_->modbus) {
        simulator->stop();
    }
}

} // namespace callab::app
