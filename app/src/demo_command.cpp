// callab demo: the lab as `callab serve --simulated-bench` serves it, on an embedded SQLite
// database in a data directory, seeded on its first start with users of every role, the
// lab's standards, customers, shared equipment and certificates issued from real runs on a
// simulated bench.
#include "command_failure.hpp"
#include "commands.hpp"
#include "database_option.hpp"
#include "demo_bench.hpp"
#include "demo_certificates.hpp"
#include "demo_records.hpp"
#include "lab_services.hpp"
#include "server_config.hpp"
#include "signing_config.hpp"

#include <callab/lab/run_manager.hpp>
#include <callab/web/server.hpp>

#include <spdlog/spdlog.h>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <system_error>

namespace callab::app {
namespace {

struct DemoOptions {
    ServerConfig server;
    std::string password; ///< empty: random ones
    int reading_interval_ms = 200;
    int seed_interval_ms = 5;
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

// The key DCCs are signed with: the config file's, or else one made in the data directory on
// the first start (self-signed: a demo lab has no CA-issued certificate).
lab::DccSigningKey demo_signing_key(const DemoOptions& options) {
    if (!options.server.config_file.empty()) {
        if (auto configured = signing_key_from_file(options.server.config_file)) {
            return *configured;
        }
    }
    const lab::DccSigningKey key{options.server.data / "dcc-signing-key.pem",
                                 options.server.data / "dcc-signing-cert.pem"};
    if (std::filesystem::exists(key.private_key_pem) &&
        std::filesystem::exists(key.certificate_pem)) {
        return key;
    }
    if (auto made = lab::create_signing_key(key, "Demo City Institute of Metrology"); !made) {
        throw CommandFailure(exit_runtime_failure, "DCC signing key: " + made.error().message());
    }
    spdlog::info("made a DCC signing key and self-signed certificate in {}",
                 options.server.data.string());
    return key;
}

void print_users(const DemoRecords& records) {
    std::cout << "callab demo: demo users (passwords are shown only now):\n";
    for (const auto& [user, password] : records.users) {
        std::cout << "  " << std::left << std::setw(16)
                  << lab::enum_name(user.data.role, lab::role_names) << std::setw(18)
                  << user.data.username << password << '\n';
    }
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
    const auto address = "http://" + options.server.host + ":" + std::to_string(*port) + "/";
    const auto db_file = prepare_data_directory(options.server.data);
    auto database = open_database("sqlite:" + db_file.string());
    const auto records = seed_demo_records(
        *database, options.password.empty() ? std::nullopt : std::optional(options.password));

    DemoBench bench;
    LabSettings settings;
    settings.issuing.verification_base_url = address + "verify/";
    settings.issuing.signing_key = demo_signing_key(options);
    settings.laboratory = demo_laboratory(); // also what certificates issued over HTTP state
    auto stations = bench.stations(records.blackbody, records.power_source,
                                   std::chrono::milliseconds(options.reading_interval_ms));
    LabServices lab_services(
        *database,
        [&](lab::JobStore& jobs, lab::UserStore& users, lab::StandardStore& standards) {
            return std::make_shared<lab::RunManager>(jobs, users, standards, stations);
        },
        settings);
    if (records.seeded) {
        print_users(records);
        const auto numbers = issue_demo_certificates(
            lab_services, bench, records, std::chrono::milliseconds(options.seed_interval_ms));
        std::cout << "callab demo: issued";
        for (const auto& number : numbers) {
            std::cout << ' ' << number;
        }
        std::cout << " (verify at " << address << "verify/NUMBER)\n";
    } else {
        std::cout << "callab demo: serving the records of an earlier start; sign in with the "
                     "passwords shown then\n";
    }
    std::cout << "callab demo: serving " << address << " (database " << db_file.string()
              << "). Open it in a browser and sign in. Stop with Ctrl-C.\n"
              << std::flush;
    auto services = lab_services.api();
    server.stop_on_signals();
    server.run(services, options.server.threads);
    spdlog::info("stopped");
}

} // namespace

void add_demo_command(CLI::App& app) {
    auto options = std::make_shared<DemoOptions>();
    auto* command = app.add_subcommand(
        "demo", "Serve the lab with sign-in on an embedded SQLite database, seeded with demo "
                "users, records and certificates, and jobs run on a simulated bench");
    add_server_options(*command, options->server);
    command->add_option("--demo-password", options->password,
                        "Password of every demo user made on the first start (random when "
                        "absent)");
    command
        ->add_option("--reading-interval-ms", options->reading_interval_ms,
                     "Pause between readings of jobs started in the app")
        ->check(CLI::Range(0, 60000))
        ->capture_default_str();
    command->callback([options, command] { run_demo(*options, *command); });
}

} // namespace callab::app
