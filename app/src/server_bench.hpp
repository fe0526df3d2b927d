#pragma once
// The bench `callab serve` runs jobs on: the in-process simulators of `--simulated-bench` (a
// blackbody with an IR thermometer pointed at it), or none. Declared without the run engine's
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

/// The server's run manager. With `simulated_bench` it starts the simulators on loopback
/// ports and opens their drivers (fluke-4180 over SCPI, ir-thermometer over Modbus TCP),
/// which live as long as the manager; `reading_interval` paces the readings so that a live
/// view sees them arrive. Without, starting a job is refused (no bench).
std::shared_ptr<lab::RunManager> make_run_manager(lab::JobStore& jobs, lab::UserStore& users,
                                                  lab::StandardStore& standards,
                                                  bool simulated_bench,
                                                  std::chrono::milliseconds reading_interval);

} // namespace callab::app
