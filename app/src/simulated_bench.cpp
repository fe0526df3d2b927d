#include "simulated_bench.hpp"

#include "command_failure.hpp"

#include <callab/drivers/errc.hpp>
#include <callab/drivers/modbus_simulator.hpp>
#include <callab/drivers/scpi_simulator.hpp>
#include <callab/drivers/shipped_profiles.hpp>

#include <algorithm>
#include <functional>
#include <map>

namespace callab::app {
namespace {

// Modbus simulator kinds and the shipped profile each serves.
const std::map<std::string, std::string> modbus_kinds{{"ir-thermometer", "ir-thermometer"},
                                                      {"pyrometer", "calex-pyrousb"},
                                                      {"energy-meter", "eastron-sdm"},
                                                      {"env-sensor", "env-sensor"}};

const std::vector<std::string> scpi_kinds{"blackbody", "power-analyser", "power-source"};

} // namespace

struct SimulatedBench::Parts {
    std::vector<std::unique_ptr<drivers::ModbusSimulator>> modbus;
    std::vector<std::unique_ptr<drivers::ScpiSimulator>> scpi;
    // Shared physics: the first blackbody and power output added; later instruments couple
    // to them (an IR thermometer looks at the blackbody, an analyser measures the source).
    std::shared_ptr<drivers::BlackbodyPhysics> blackbody;
    std::shared_ptr<drivers::PowerOutput> power;

    std::string add_scpi(const std::string& kind, const drivers::ConnectionUri& listen,
                         const drivers::SimulatorOptions& options);
};

SimulatedBench::SimulatedBench() : parts_(std::make_unique<Parts>()) {}

SimulatedBench::~SimulatedBench() {
    stop();
}

std::vector<std::string> SimulatedBench::kinds() {
    std::vector<std::string> names;
    names.reserve(modbus_kinds.size() + scpi_kinds.size());
    for (const auto& [kind, profile] : modbus_kinds) {
        names.push_back(kind);
    }
    names.insert(names.end(), scpi_kinds.begin(), scpi_kinds.end());
    return names;
}

std::string SimulatedBench::add(const std::string& kind, const drivers::ConnectionUri& listen,
                                const drivers::SimulatorOptions& options) {
    if (std::find(scpi_kinds.begin(), scpi_kinds.end(), kind) != scpi_kinds.end()) {
        return parts_->add_scpi(kind, listen, options);
    }
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
    std::function<double()> stimulus;
    if (kind == "ir-thermometer" && parts_->blackbody && !options.target) {
        stimulus = [blackbody = parts_->blackbody] { return blackbody->radiance_temperature(); };
    }
    auto simulator = std::make_unique<drivers::ModbusSimulator>(
        profile, drivers::make_modbus_physics(profile.kind, options, stimulus).value(), options);
    auto served = simulator->start(listen);
    if (!served) {
        throw CommandFailure(
            served.error() == drivers::errc::invalid_uri ? exit_usage : exit_runtime_failure,
            "cannot serve " + kind + " on " + listen.to_string() + ": " + served.error().message());
    }
    parts_->modbus.push_back(std::move(simulator));
    return served->to_string();
}

std::string SimulatedBench::Parts::add_scpi(const std::string& kind,
                                            const drivers::ConnectionUri& listen,
                                            const drivers::SimulatorOptions& options) {
    if (listen.scheme != "scpi-tcp" && !(listen.scheme == "scpi-serial" && listen.path == "pty")) {
        throw CommandFailure(exit_usage, "--listen " + listen.to_string() + ": the " + kind +
                                             " simulator serves scpi-tcp://HOST:PORT or "
                                             "scpi-serial:pty");
    }
    std::unique_ptr<drivers::ScpiResponder> responder;
    if (kind == "blackbody") {
        if (!blackbody) {
            drivers::BlackbodyPhysics::Parameters parameters;
            parameters.start_temperature = options.target.value_or(23.0);
            parameters.time_constant = options.time_constant;
            blackbody = std::make_shared<drivers::BlackbodyPhysics>(parameters);
            blackbody->set_set_point(parameters.start_temperature);
        }
        responder = drivers::make_blackbody_responder(blackbody, options);
    } else {
        if (!power) {
            power = std::make_shared<drivers::PowerOutput>();
            if (kind == "power-analyser") {
                // Measuring on its own: a 230 V, 5 A, 50 Hz load at power factor 0.9.
                power->change([&](drivers::PowerOutput::State& s) {
                    s = {options.target.value_or(230.0), 5.0, 25.84193, 50.0, true};
                });
            }
        }
        responder = kind == "power-source" ? drivers::make_power_source_responder(power)
                                           : drivers::make_power_analyser_responder(power, options);
    }
    auto simulator = std::make_unique<drivers::ScpiSimulator>(std::move(responder), options);
    auto served = simulator->start(listen);
    if (!served) {
        throw CommandFailure(exit_runtime_failure, "cannot serve " + kind + " on " +
                                                       listen.to_string() + ": " +
                                                       served.error().message());
    }
    scpi.push_back(std::move(simulator));
    return served->to_string();
}

void SimulatedBench::stop() {
    for (auto& simulator : parts_->modbus) {
        simulator->stop();
    }
    for (auto& simulator : parts_->scpi) {
        simulator->stop();
    }
}

} // namespace callab::app
