#pragma once
// The --db option every records command takes, and opening what it names.

#include <callab/db/database.hpp>

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace callab::app {

inline constexpr const char* default_database = "sqlite:./var/callab.db";

/// Adds `--db URI` (sqlite:PATH or postgresql://USER@HOST:PORT/DB; default
/// sqlite:./var/callab.db).
void add_database_option(CLI::App& command, std::string& uri);

/// Opens the database, creating the directory of a SQLite file, and applies pending
/// migrations unless `migrate` is false. A malformed URI ends the command with exit status 2.
std::unique_ptr<db::Database> open_database(const std::string& uri, bool migrate = true);

/// True when standard output is a terminal (progress is shown only then).
bool progress_on_terminal();

} // namespace callab::app
