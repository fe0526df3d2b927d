#include "serve_api_bench.hpp"

#include <callab/lab/run_manager.hpp>

namespace callab::test_support {

std::shared_ptr<lab::RunManager> typed_run_manager(lab::JobStore& jobs, lab::UserStore& users,
                                                   lab::StandardStore& standards) {
    lab::RunSettings typed;
    typed.range_low = 32.0;
    typed.range_high = 42.5;
    return std::make_shared<lab::RunManager>(jobs, users, standards, lab::Bench{}, typed);
}

void wait_for_runs(lab::RunManager& runs) {
    runs.wait_idle();
}

} // namespace callab::test_support
