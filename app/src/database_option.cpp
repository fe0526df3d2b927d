#include "database_option.hpp"

#include "command_failure.hpp"

#include <filesystem>
#include <unistd.h>

namespace callab::app {

void add_database_option(CLI::App& command, std::string& uri) {
    uri = default_database;
    command.add_option("--db", uri, "Database: sqlite:PATH or postgresql://USER@HOST:PORT/DB")
        ->capture_default_str();
}

std::unique_ptr<db::Database> open_database(const std::string& uri, bool migrate) {
    if (uri.starts_with("sqlite:")) {
        const std::filesystem::path file = uri.substr(7);
        if (file.empty()) {
            throw CommandFailure(exit_usage, "--db: sqlite: needs a file path");
        }
        std::error_code ec;
        if (file.has_parent_path()) {
            std::filesystem::create_directories(file.parent_path(), ec);
        }
    } else if (!uri.starts_with("postgresql:")) {
        throw CommandFailure(exit_usage, "--db: '" + uri +
                                             "' is neither sqlite:PATH nor "
                                             "postgresql://USER@HOST:PORT/DB");
    }
    return migrate ? db::Database::open(uri) : db::Database::open_unmigrated(uri);
}

bool progress_on_terminal() {
    return ::isatty(STDOUT_FILENO) == 1;
}

} // namespace callab::app
