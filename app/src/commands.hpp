#pragma once

#include <CLI/CLI.hpp>

namespace callab::app {

// Each adds one subcommand to the application; its callback runs the command and reports
// failure by throwing CommandFailure.
void add_demo_command(CLI::App& app);
void add_sim_command(CLI::App& app);
void add_device_command(CLI::App& app);

} // namespace callab::app
