// callab sim KIND --listen URI: serves a simulated instrument until SIGINT or SIGTERM.
#include "command_failure.hpp"
#include "commands.hpp"
#include "simulated_bench.hpp"

#include <csignal>
#include <iostream>
#include <memory>

namespace callab::app {
namespace {

struct SimOptions {
    std::string kind;
    std::string listen;
    std::string fault = "none";
    std::vector<std::string> also;
    drivers::SimulatorOptions simulator;
};

void block_termination_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    // Before any server thread starts, so that only sigwait() sees them.
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

void wait_for_termination() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    int received = 0;
    sigwait(&signals, &received);
}

drivers::ConnectionUri parse_listen(const std::string& text) {
    auto parsed = drivers::parse_connection_uri(text, true);
    if (!parsed) {
        throw CommandFailure(exit_usage, "--listen " + text + ": " + parsed.error);
    }
    return parsed.uri;
}

void run_sim(SimOptions& options) {
    const auto fault = drivers::fault_from_string(options.fault);
    if (!fault) {
        throw CommandFailure(exit_usage, "--fault " + options.fault + ": unknown fault");
    }
    options.simulator.fault = *fault;
    SimulatedBench bench;
    block_termination_signals();
    const auto served = bench.add(options.kind, parse_listen(options.listen), options.simulator);
    std::cout << "simulating " << options.kind << " on " << served << '\n';
    // --with KIND=URI: further instruments in the same process, coupled to the first.
    for (const auto& spec : options.also) {
        const auto eq = spec.find('=');
        if (eq == std::string::npos) {
            throw CommandFailure(exit_usage, "--with " + spec + ": expected KIND=URI");
        }
        const auto kind = spec.substr(0, eq);
        auto coupled = options.simulator;
        coupled.target.reset();
        coupled.fault = drivers::Fault::none;
        const auto uri = bench.add(kind, parse_listen(spec.substr(eq + 1)), coupled);
        std::cout << "simulating " << kind << " on " << uri << '\n';
    }
    std::cout << std::flush;
    wait_for_termination();
    bench.stop();
}

} // namespace

void add_sim_command(CLI::App& app) {
    auto options = std::make_shared<SimOptions>();
    auto* command = app.add_subcommand(
        "sim", "Serve a simulated instrument over Modbus TCP/RTU or SCPI on TCP or a pty");
    command->add_option("kind", options->kind, "Instrument kind")
        ->required()
        ->check(CLI::IsMember(SimulatedBench::kinds()));
    command
        ->add_option("--listen", options->listen,
                     "URI to serve on: modbus-tcp://127.0.0.1:1502, modbus-rtu:pty?baud=9600, "
                     "scpi-tcp://127.0.0.1:5025, scpi-serial:pty (add &link=PATH for a symlink)")
        ->required();
    command->add_option("--unit", options->simulator.unit, "Modbus unit id answered")
        ->check(CLI::Range(1, 247))
        ->capture_default_str();
    command->add_option("--target", options->simulator.target,
                        "The stimulus: °C looked at, V applied (the kind's default if not given)");
    command->add_option("--error", options->simulator.error, "The instrument's indication error")
        ->capture_default_str();
    command->add_option("--noise", options->simulator.noise, "Standard deviation of indications")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command->add_option("--seed", options->simulator.seed, "Seed of the noise and the faults")
        ->capture_default_str();
    command
        ->add_option("--fault", options->fault,
                     "Fault to inject: none, timeout, crc, disconnect, garbage, exception")
        ->capture_default_str();
    command->add_option("--fault-rate", options->simulator.fault_rate, "Share of replies hit, 0-1")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    command
        ->add_option("--time-constant", options->simulator.time_constant,
                     "Seconds a simulated blackbody takes to settle by 63 %")
        ->check(CLI::Range(0.01, 3600.0))
        ->capture_default_str();
    command->add_option("--with", options->also,
                        "KIND=URI: also serve a coupled instrument (an IR thermometer looking at "
                        "this blackbody, a power analyser measuring this power source)");
    command->callback([options] { run_sim(*options); });
}

} // namespace callab::app
