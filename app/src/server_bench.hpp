#pragma once
// The bench `callab serve` runs jobs on: the in-process simulators of `--simulated-bench` (a
// blackbody with an IR thermometer pointed at it, a power source feeding a power analyser, the
// room's environment sensor), or none. Declared without the run engine's
// headers: lab has two enums named Conformity (runs, certificates), and serve_command.cpp
// includes the certificate side through the server.

#include <callab/lab/job_store.hpp>
#include <callab/lab/standard_store.hpp>
#include <callab/lab/user_store.hpp>

#include <chrono>
#include <memory>

namespace callab::lab {
class RunManager;
} // namespace callab::lab

namespace callab::app {

/// What the simulated power analyser adds to the voltage it measures, in V: its indication
/// error, which the results of a power-analyser job show.
inline constexpr double power_analyser_voltage_error = 0.04;

/// The certificate statement of the simulated bench's power source (the reference of
/// power-analyser jobs): one U for each quantity it is the reference of.
inline constexpr const char* power_source_uncertainty =
    "U = 0.046 V (k = 2); U = 0.001 A (k = 2); U = 0.3 W (k = 2)";

/// The server's run manager. With `simulated_bench` it starts the simulators on loopback
/// ports and opens their drivers (fluke-4180, power-source and wt300 over SCPI,
/// ir-thermometer and env-sensor over Modbus TCP), which live as long as the manager, as two
/// stations: IR and radiation thermometers at the blackbody, power analysers at the power
/// source; `reading_interval` paces the readings so that a live view sees them arrive.
/// Without, starting a job is refused (no bench).
std::shared_ptr<lab::RunManager> make_run_manager(lab::JobStore& jobs, lab::UserStore& users,
                                                  lab::StandardStore& standards,
                                                  bool simulated_bench,
                                                  std::chrono::milliseconds reading_interval);

} // namespace callab::app
