#pragma once
// The run manager of the API tests, built in a file of its own: lab has two enums named
// Conformity (conformity.hpp for runs, certificate_content.hpp for certificates), so the run
// engine's headers and the server's cannot meet in one translation unit.

#include <callab/lab/job_store.hpp>
#include <callab/lab/standard_store.hpp>
#include <callab/lab/user_store.hpp>

#include <memory>

namespace callab::lab {
class RunManager;
} // namespace callab::lab

namespace callab::test_support {

/// A RunManager on a bench without instruments (every reading typed in), for a device under
/// test with the range 32…42.5 °C.
std::shared_ptr<lab::RunManager> typed_run_manager(lab::JobStore& jobs, lab::UserStore& users,
                                                   lab::StandardStore& standards);

/// Blocks until no run measures.
void wait_for_runs(lab::RunManager& runs);

} // namespace callab::test_support
