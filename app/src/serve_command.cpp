// callab serve: the JSON API with sign-in and the browser app on the lab's records.
// Stateless apart from the login rate limit: several processes may share one PostgreSQL.
#include "command_failure.hpp"
#include "commands.hpp"
#include "database_option.hpp"
#include "server_config.hpp"

#include <callab/db/sql_audit_log.hpp>
#include <callab/db/sql_booking_store.hpp>
#include <callab/db/sql_enterprise_store.hpp>
#include <callab/db/sql_job_store.hpp>
#include <callab/db/sql_session_store.hpp>
#include <callab/db/sql_standard_store.hpp>
#include <callab/db/sql_user_store.hpp>
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
};

void run_serve(ServeOptions& options, const CLI::App& command) {
    apply_config_file(command, options.server);
    auto database = open_database(options.db);
    web::Server server({options.server.host, options.server.port, options.body_limit,
                        std::chrono::seconds(30), database->backend_name()});
    auto port = server.listen();
    if (!port) {
        throw CommandFailure(exit_runtime_failure, "cannot listen on " + options.server.host + ":" +
                                                       std::to_string(options.server.port) + ": " +
                                                       port.error().message());
    }
    db::SqlJobStore job_store(*database);
    db::SqlUserStore users(*database);
    db::SqlSessionStore sessions(*database);
    db::SqlBookingStore bookings(*database);
    db::SqlStandardStore standards(*database);
    lab::JobService jobs(job_store);
    web::ApiServices services{jobs, users, sessions, bookings, standards};
    db::SqlEnterpriseStore enterprises(*database);
    services.enterprises = &enterprises;
    db::SqlAuditLog audit(*database);
    services.audit = &audit;
    services.session_lifetime = std::chrono::minutes(options.session_minutes);
    const auto expired = sessions.delete_expired(std::chrono::system_clock::now());
    spdlog::info("removed {} expired sessions", expired);
    std::cout << "callab serve: listening on http://" << options.server.host << ":" << *port
              << "/ (database " << database->backend_name() << ")\n"
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
    command->callback([options, command] { run_serve(*options, *command); });
}

} // namespace callab::app
