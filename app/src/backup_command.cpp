// callab backup --db URI --to FILE and callab restore --db URI --from FILE.
#include "command_failure.hpp"
#include "commands.hpp"
#include "database_option.hpp"
#include "terminal_progress.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

namespace callab::app {
namespace {

struct BackupOptions {
    std::string db;
    std::string file;
};

db::Database::Progress terminal_progress(const char* what) {
    if (!progress_on_terminal()) {
        return {};
    }
    auto line = std::make_shared<TerminalProgress>(what, true);
    return [line](int done, int total) {
        line->update(static_cast<std::size_t>(std::max(done, 0)),
                     static_cast<std::size_t>(std::max(total, 0)));
        if (done >= total) {
            line->finish();
        }
    };
}

} // namespace

void add_backup_command(CLI::App& app) {
    auto backup_options = std::make_shared<BackupOptions>();
    auto* backup = app.add_subcommand(
        "backup", "Consistent online backup (SQLite backup API, pg_dump for PostgreSQL)");
    add_database_option(*backup, backup_options->db);
    backup->add_option("--to", backup_options->file, "Backup file to write")->required();
    backup->callback([backup_options] {
        auto database = open_database(backup_options->db);
        database->backup(backup_options->file, terminal_progress("backup"));
        std::cout << "backup of " << backup_options->db << " written to " << backup_options->file
                  << "\n";
    });

    auto restore_options = std::make_shared<BackupOptions>();
    auto* restore = app.add_subcommand(
        "restore", "Replace the database's contents with a backup made by `callab backup`");
    add_database_option(*restore, restore_options->db);
    restore->add_option("--from", restore_options->file, "Backup file to read")->required();
    restore->callback([restore_options] {
        open_database(restore_options->db, false).reset();
        db::Database::restore(restore_options->db, restore_options->file,
                              terminal_progress("restore"));
        std::cout << "restored " << restore_options->db << " from " << restore_options->file
                  << "\n";
    });
}

} // namespace callab::app
