#pragma once
// The one-stop window's commands (request_command.cpp, activity_command.cpp), declared apart
// from commands.hpp so that adding them rebuilds only main.cpp.

#include <CLI/CLI.hpp>

namespace callab::app {

void add_request_command(CLI::App& app);
void add_activity_command(CLI::App& app);

} // namespace callab::app
