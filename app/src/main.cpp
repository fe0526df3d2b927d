#include "command_failure.hpp"
#include "commands.hpp"
#include "logging.hpp"
#include "service_commands.hpp"

#include <callab/db/database.hpp>
#include <callab/version.hpp>

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    using namespace callab::app;

    CLI::App app{"callab — calibration laboratory management", "callab"};
    app.set_version_flag("--version", std::string("callab ") + callab::version);
    app.require_subcommand(1);
    std::string log_level = "info";
    add_log_level_option(app, log_level);
    app.parse_complete_callback([&log_level] { configure_logging(log_level); });

    add_demo_command(app);
    add_sim_command(app);
    add_migrate_command(app);
    add_user_command(app);
    add_audit_command(app);
    add_run_command(app);
    add_import_command(app);
    add_report_command(app);
    add_backup_command(app);
    add_cert_command(app);
    add_uncertainty_command(app);
    add_device_command(app);
    add_serve_command(app);
    add_request_command(app);
    add_activity_command(app);
    add_recall_command(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) { // --help and --version
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        const auto unparsed = app.remaining();
        if (app.get_subcommands().empty() && !unparsed.empty() &&
            !unparsed.front().starts_with("-")) {
            std::cerr << "callab: unknown command '" << unparsed.front()
                      << "' (see callab --help)\n";
            return exit_usage;
        }
        std::cerr << "callab: " << e.what() << " (see callab --help)\n";
        return exit_usage;
    } catch (const CommandFailure& e) {
        std::cerr << "callab: " << e.what() << '\n';
        return e.exit_status();
    } catch (const callab::db::DatabaseError& e) {
        std::cerr << "callab: " << e.what() << '\n';
        return exit_runtime_failure;
    }
    return 0;
}
