#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace callab::app {

/// Adds `--log-level` to the application (default "info").
void add_log_level_option(CLI::App& app, std::string& level);

/// Sends one line per event to stderr at `level`.
void configure_logging(const std::string& level);

} // namespace callab::app
