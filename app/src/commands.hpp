#pragma once

#include <CLI/CLI.hpp>

namespace callab::app {

// Each adds one subcommand to the application; its callback runs the command and reports
// failure by throwing CommandFailure.
void add_demo_command(CLI::App& app);
void add_sim_command(CLI::App& app);
void add_migrate_command(CLI::App& app);
void add_user_command(CLI::App& app);
void add_audit_command(CLI::App& app);
void add_run_command(CLI::App& app);
void add_import_command(CLI::App& app); // import and export
void add_report_command(CLI::App& app);
void add_backup_command(CLI::App& app); // backup and restore
void add_cert_command(CLI::App& app);
void add_cert_records_commands(CLI::App& cert); // cert issue, amend, revoke, verify
void add_uncertainty_command(CLI::App& app);
void add_device_command(CLI::App& app);
void add_serve_command(CLI::App& app);
void add_recall_command(CLI::App& app); // recall add, list, notify, notices, mail-log

} // namespace callab::app
