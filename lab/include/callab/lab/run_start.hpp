#pragma once

#include <callab/drivers/reading.hpp>
#include <callab/lab/strong_id.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace callab::lab {

/// What a run checked and found each time it started or resumed, stored with the job so that
/// its certificate can be issued from the records alone (by any server, after any restart).
/// Run starts are only ever appended, never changed.
struct RunStart {
    JobId job;
    std::chrono::system_clock::time_point at;
    std::string recorded_by; ///< the username the run stores readings under
    /// u of the reference standard (its certificate's U/k, in the procedure's unit) that the
    /// run computed its points with, and that certificate's number.
    double reference_standard_u = 0.0;
    std::string reference_certificate;
    double resolution = 0.0; ///< of the device under test, as the run computed with it
    /// What the environment sensor read (quantity, value, unit, time, device URI).
    std::vector<drivers::Reading> environment;
};

} // namespace callab::lab
