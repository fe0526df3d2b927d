// callab migrate --db URI [--to VERSION]: brings the schema up to date.
#include "command_failure.hpp"
#include "commands.hpp"
#include "database_option.hpp"

#include <iostream>
#include <memory>

namespace callab::app {
namespace {

struct MigrateOptions {
    std::string db;
    int to = 0;
};

void run_migrate(const MigrateOptions& options) {
    auto database = open_database(options.db, false);
    const int before = database->schema_version();
    const int target = options.to > 0 ? options.to : db::Database::latest_schema_version();
    if (target < before) {
        throw CommandFailure(exit_usage, "--to: the schema is at version " +
                                             std::to_string(before) +
                                             "; migrations only go forward");
    }
    const int after = database->migrate(target);
    std::cout << "schema version " << before << " -> " << after << " (latest "
              << db::Database::latest_schema_version() << ")\n";
}

} // namespace

void add_migrate_command(CLI::App& app) {
    auto options = std::make_shared<MigrateOptions>();
    auto* command = app.add_subcommand("migrate", "Apply pending schema migrations");
    add_database_option(*command, options->db);
    command->add_option("--to", options->to, "Stop at this schema version (default: latest)")
        ->check(CLI::Range(1, db::Database::latest_schema_version()));
    command->callback([options] { run_migrate(*options); });
}

} // namespace callab::app
