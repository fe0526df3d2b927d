// callab sim KIND --listen URI: serves a simulated instrument until SIGINT or SIGTERM.
#include "command_failure.hpp"
#include "commands.hpp"

#include <callab/drivers/connection_uri.hpp>
#include <callab/drivers/ir_thermometer_simulator.hpp>

#include <csignal>
#include <iostream>
#include <memory>

namespace callab::app {
namespace {

struct SimOptions {
    std::string kind;
    std::string listen;
    drivers::IrThermometerSimulator::Physics physics;
};

void wait_for_termination() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    int received = 0;
    sigwait(&signals, &received);
}

void run_sim(const SimOptions& options) {
    auto parsed = drivers::parse_connection_uri(options.listen, true);
    if (!parsed) {
        throw CommandFailure(exit_usage, "--listen " + options.listen + ": " + parsed.error);
    }
    if (parsed.uri.scheme != "modbus-tcp") {
        throw CommandFailure(exit_usage, "--listen " + options.listen + ": the " + options.kind +
                                             " simulator serves modbus-tcp:// only");
    }
    // Block the signals before the server thread starts, so that only sigwait() sees them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    drivers::IrThermometerSimulator simulator(options.physics);
    auto port = simulator.start(parsed.uri);
    if (!port) {
        throw CommandFailure(exit_runtime_failure,
                             "cannot listen on " + options.listen + ": " + port.error().message());
    }
    parsed.uri.port = *port;
    std::cout << "simulating " << options.kind << " on " << parsed.uri.to_string() << '\n'
              << std::flush;
    wait_for_termination();
    simulator.stop();
}

} // namespace

void add_sim_command(CLI::App& app) {
    auto options = std::make_shared<SimOptions>();
    auto* command = app.add_subcommand("sim", "Serve a simulated instrument");
    command->add_option("kind", options->kind, "Instrument kind")
        ->required()
        ->check(CLI::IsMember({"ir-thermometer"}));
    command
        ->add_option("--listen", options->listen,
                     "URI to serve on, e.g. "
                     "modbus-tcp://127.0.0.1:1502")
        ->required();
    command
        ->add_option("--target", options->physics.target_temperature,
                     "Temperature of what the thermometer looks at, °C")
        ->capture_default_str();
    command
        ->add_option("--error", options->physics.indication_error,
                     "The thermometer's indication error, °C")
        ->capture_default_str();
    command
        ->add_option("--noise", options->physics.noise, "Standard deviation of each indication, °C")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command->add_option("--seed", options->physics.seed, "Seed of the noise")
        ->capture_default_str();
    command->callback([options] { run_sim(*options); });
}

} // namespace callab::app
