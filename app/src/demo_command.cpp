// callab demo: the whole path in one process — a simulated IR thermometer on Modbus TCP,
// read through its driver, readings stored in SQLite, results computed with GUM and
// served over HTTP.
#include "command_failure.hpp"
#include "commands.hpp"
#include "server_config.hpp"

#include <callab/db/database.hpp>
#include <callab/db/sql_certificate_store.hpp>
#include <callab/db/sql_job_store.hpp>
#include <callab/drivers/modbus_meter.hpp>
#include <callab/drivers/modbus_simulator.hpp>
#include <callab/drivers/shipped_profiles.hpp>
#include <callab/lab/job_service.hpp>
#include <callab/lab/reading_collector.hpp>
#include <callab/web/server.hpp>

#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <system_error>

namespace callab::app {
namespace {

struct DemoOptions {
    ServerConfig server;
    std::size_t readings = 10;
    double target_temperature = 37.0;
};

std::filesystem::path prepare_data_directory(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        throw CommandFailure(exit_runtime_failure,
                             "data directory " + dir.string() + ": " + ec.message());
    }
    if (!std::filesystem::is_directory(dir)) {
        throw CommandFailure(exit_runtime_failure,
                             "data directory " + dir.string() + ": not a directory");
    }
    return dir / "callab.db";
}

lab::JobId take_demo_readings(lab::JobStore& store, const DemoOptions& options) {
    const auto profile = drivers::find_shipped_profile("ir-thermometer").value();
    drivers::SimulatorOptions simulated;
    simulated.target = options.target_temperature;
    simulated.error = 0.12;
    simulated.noise = 0.05;
    simulated.seed = 2026;
    drivers::ModbusSimulator simulator(
        profile, drivers::make_modbus_physics(profile.kind, simulated).value(), simulated);
    auto device = simulator.start({"modbus-tcp", "127.0.0.1", 0, {}, {}});
    if (!device) {
        throw CommandFailure(exit_runtime_failure, "cannot start the simulated IR thermometer: " +
                                                       device.error().message());
    }
    drivers::ModbusMeter thermometer(profile, *device, {});
    spdlog::info("simulated IR thermometer at {}", device->to_string());

    const auto job =
        store.create_job({"IR forehead thermometer against a blackbody at 37 °C",
                          "Simulated IR forehead thermometer", "object_temperature", "degC", 0.1});
    lab::ReadingCollector collector(store, "demo");
    auto taken =
        collector.collect(job.id, thermometer, options.readings, std::chrono::milliseconds(100));
    if (!taken) {
        throw CommandFailure(exit_runtime_failure, taken.error().message());
    }
    spdlog::info("job {}: stored {} readings", job.id.value(), *taken);
    return job.id;
}

void run_demo(DemoOptions& options, const CLI::App& command) {
    apply_config_file(command, options.server);
    web::Server server({options.server.host, options.server.port, 1024 * 1024,
                        std::chrono::seconds(30), "sqlite"});
    // Bind first: a port in use is reported before anything is written.
    auto port = server.listen();
    if (!port) {
        throw CommandFailure(exit_runtime_failure, "cannot listen on " + options.server.host + ":" +
                                                       std::to_string(options.server.port) + ": " +
                                                       port.error().message());
    }
    const auto db_file = prepare_data_directory(options.server.data);
    auto database = db::Database::open("sqlite:" + db_file.string());
    db::SqlJobStore store(*database);
    const auto job = take_demo_readings(store, options);

    lab::JobService jobs(store);
    std::cout << "callab demo: serving http://" << options.server.host << ":" << *port << "/ (job "
              << job.value() << ", database " << db_file.string() << ")\n"
              << "Open that address in a browser; the demo pages need no login. "
                 "Stop with Ctrl-C.\n"
              << std::flush;
    server.stop_on_signals();
    db::SqlCertificateStore issued(*database);
    lab::CertificateService certificates(issued, store, {});
    server.run(jobs, options.server.threads, &certificates);
    spdlog::info("stopped");
}

} // namespace

void add_demo_command(CLI::App& app) {
    auto options = std::make_shared<DemoOptions>();
    auto* command = app.add_subcommand(
        "demo", "Serve the lab with a simulated IR thermometer on an embedded SQLite database");
    add_server_options(*command, options->server);
    command->add_option("--readings", options->readings, "Readings to take for the demo job")
        ->check(CLI::Range(std::size_t{2}, std::size_t{1000}))
        ->capture_default_str();
    command
        ->add_option("--target", options->target_temperature,
                     "Temperature of the simulated blackbody, °C")
        ->check(CLI::Range(-50.0, 1000.0))
        ->capture_default_str();
    command->callback([options, command] { run_demo(*options, *command); });
}

} // namespace callab::app
