// callab serve: the JSON API with sign-in and the browser app on the lab's records.
// Stateless apart from the login rate limit: several processes may share one PostgreSQL.
#include "command_failure.hpp"
#include "commands.hpp"
#include "daily_recall.hpp"
#include "database_option.hpp"
#include "server_bench.hpp"
#include "server_config.hpp"
#include "smtp_notice_sender.hpp"

#include <callab/db/sql_audit_log.hpp>
#include <callab/db/sql_booking_store.hpp>
#include <callab/db/sql_enterprise_store.hpp>
#include <callab/db/sql_job_store.hpp>
#include <callab/db/sql_notice_store.hpp>
#include <callab/db/sql_programme_store.hpp>
#include <callab/db/sql_recall_store.hpp>
#include <callab/db/sql_service_activity_store.hpp>
#include <callab/db/sql_service_request_store.hpp>
#include <callab/db/sql_session_store.hpp>
#include <callab/db/sql_standard_store.hpp>
#include <callab/db/sql_statistics_store.hpp>
#include <callab/db/sql_user_store.hpp>
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
    db::SqlRecallStore recalls(*database);
    db::SqlNoticeStore notices(*database);
    if (options.simulated_bench) {
        lab::seed_builtin_procedures(standards, "callab-serve");
    }
    const auto runs = make_run_manager(job_store, users, standards, options.simulated_bench,
                                       std::chrono::milliseconds(options.reading_interval_ms));
    web::ApiServices services{jobs, users, sessions, bookings, standards};
    services.runs = runs.get();
    db::SqlAuditLog audit(*database);
    services.audit = &audit;
    services.session_lifetime = std::chrono::minutes(options.session_minutes);
    db::SqlServiceRequestStore service_request_store(*database);
    db::SqlEnterpriseStore enterprises(*database);
    services.enterprises = &enterprises;
    lab::ServiceRequestService service_requests(service_request_store, enterprises, job_store,
                                                bookings);
    db::SqlServiceActivityStore activities(*database);
    db::SqlStatisticsStore statistics(*database);
    services.service_requests = &service_requests;
    services.activities = &activities;
    services.statistics = &statistics;
    services.recalls = &recalls;
    services.notices = &notices;
    db::SqlProgrammeStore programmes(*database);
    services.programmes = &programmes;
    std::optional<mail::SmtpSettings> smtp;
    if (!options.server.config_file.empty()) {
        smtp = smtp_settings_from_file(options.server.config_file);
    }
    spdlog::info("recall notices daily at 00:00 UTC{}",
                 smtp ? ", mailed through " + smtp->host + ":" + std::to_string(smtp->port)
                      : ", not mailed (no [smtp] section)");
    DailyRecall daily_recall(*database, smtp);
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
    command->add_flag("--simulated-bench", options->simulated_bench,
                      "Run jobs on in-process simulators: a blackbody with an IR thermometer "
                      "pointed at it (stores the built-in procedures)");
    command
        ->add_option("--reading-interval-ms", options->reading_interval_ms,
                     "Pause between readings on the bench")
        ->check(CLI::Range(0, 60000))
        ->capture_default_str();
    command->callback([options, command] { run_serve(*options, *command); });
}

} // namespace callab::app
