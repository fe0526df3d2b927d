// callab serve: the JSON API with sign-in and the browser app on the lab's records.
// Stateless apart from the login rate limit: several processes may share one PostgreSQL.
#include "command_failure.hpp"
#include "commands.hpp"
#include "daily_recall.hpp"
#include "database_option.hpp"
#include "lab_services.hpp"
#include "laboratory_config.hpp"
#include "server_bench.hpp"
#include "server_config.hpp"
#include "signing_config.hpp"
#include "smtp_notice_sender.hpp"

#include <callab/lab/builtin_procedures.hpp>
#include <callab/web/server.hpp>

#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>

namespace callab::app {
namespace {

struct ServeOptions {
    std::string db = default_database;
    ServerConfig server;
    int session_minutes = 8 * 60;
    std::size_t body_limit = 1024 * 1024;
    bool simulated_bench = false;
    int reading_interval_ms = 200;
    std::string verify_url; ///< empty: http://HOST:PORT/verify/
};

void run_serve(ServeOptions& options, const CLI::App& command) {
    apply_config_file(command, options.server);
    auto database = open_database(options.db);
    web::Server server({options.server.host, options.server.port, options.body_limit,
                        std::chrono::seconds(30), database->backend_name()});
    if (options.server.tls_cert.empty() != options.server.tls_key.empty()) {
        throw CommandFailure(exit_usage, "--tls-cert and --tls-key go together");
    }
    if (!options.server.tls_cert.empty()) {
        if (auto refused = server.use_tls(options.server.tls_cert, options.server.tls_key)) {
            throw CommandFailure(exit_runtime_failure, *refused);
        }
    }
    auto port = server.listen();
    if (!port) {
        throw CommandFailure(exit_runtime_failure, "cannot listen on " + options.server.host + ":" +
                                                       std::to_string(options.server.port) + ": " +
                                                       port.error().message());
    }
    const auto interval = std::chrono::milliseconds(options.reading_interval_ms);
    LabSettings settings;
    settings.session_lifetime = std::chrono::minutes(options.session_minutes);
    if (!options.server.config_file.empty()) {
        settings.issuing.signing_key = signing_key_from_file(options.server.config_file);
    }
    settings.issuing.verification_base_url =
        options.verify_url.empty()
            ? "http://" + options.server.host + ":" + std::to_string(*port) + "/verify/"
            : options.verify_url;
    settings.laboratory = laboratory_identity(options.server.config_file);
    LabServices lab_services(
        *database,
        [&](lab::JobStore& jobs, lab::UserStore& users, lab::StandardStore& standards) {
            return make_run_manager(jobs, users, standards, options.simulated_bench, interval);
        },
        settings);
    if (options.simulated_bench) {
        lab::seed_builtin_procedures(lab_services.standards(), "callab-serve");
    }
    auto services = lab_services.api();
    std::optional<mail::SmtpSettings> smtp;
    if (!options.server.config_file.empty()) {
        smtp = smtp_settings_from_file(options.server.config_file);
    }
    spdlog::info("recall notices daily at 00:00 UTC{}",
                 smtp ? ", mailed through " + smtp->host + ":" + std::to_string(smtp->port)
                      : ", not mailed (no [smtp] section)");
    DailyRecall daily_recall(*database, smtp);
    const auto expired = lab_services.sessions().delete_expired(std::chrono::system_clock::now());
    spdlog::info("removed {} expired sessions", expired);
    std::cout << "callab serve: listening on " << (server.secure() ? "https" : "http") << "://"
              << options.server.host << ":" << *port << "/ (database " << database->backend_name()
              << ")\n"
              << std::flush;
    server.stop_on_signals();
    server.run(services, options.server.threads);
    spdlog::info("stopped");
}

} // namespace

void add_serve_command(CLI::App& app) {
    auto options = std::make_shared<ServeOptions>();
    auto* command =
        app.add_subcommand("serve", "Serve the JSON API (with sign-in) and the browser app on "
                                    "the lab's records");
    add_database_option(*command, options->db);
    command->add_option("--host", options->server.host, "Address to listen on")
        ->capture_default_str();
    command->add_option("--port", options->server.port, "TCP port (0 picks a free one)")
        ->capture_default_str();
    command->add_option("--threads", options->server.threads, "Server threads")
        ->check(CLI::Range(1U, 64U))
        ->capture_default_str();
    command->add_option("--config", options->server.config_file, "TOML file with [server] settings")
        ->check(CLI::ExistingFile);
    command->add_option("--session-minutes", options->session_minutes, "Session lifetime")
        ->check(CLI::Range(1, 7 * 24 * 60))
        ->capture_default_str();
    command->add_option("--body-limit", options->body_limit, "Largest request body in bytes")
        ->check(CLI::Range(std::size_t{1024}, std::size_t{64} * 1024 * 1024))
        ->capture_default_str();
    command->add_option("--tls-cert", options->server.tls_cert,
                        "PEM certificate chain: serve HTTPS and WSS only (with --tls-key)");
    command->add_option("--tls-key", options->server.tls_key, "PEM private key of --tls-cert");
    command->add_flag("--simulated-bench", options->simulated_bench,
                      "Run jobs on in-process simulators: a blackbody with an IR thermometer "
                      "pointed at it and an environment sensor (stores the built-in procedures)");
    command
        ->add_option("--reading-interval-ms", options->reading_interval_ms,
                     "Pause between readings on the bench")
        ->check(CLI::Range(0, 60000))
        ->capture_default_str();
    command->add_option("--verify-url", options->verify_url,
                        "Where certificates' QR codes point, NUMBER appended (default "
                        "http://HOST:PORT/verify/)");
    command->callback([options, command] { run_serve(*options, *command); });
}

} // namespace callab::app
