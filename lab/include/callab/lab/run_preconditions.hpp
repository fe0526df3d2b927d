#pragma once

#include <callab/drivers/meter.hpp>
#include <callab/lab/job.hpp>
#include <callab/lab/procedure.hpp>
#include <callab/lab/standard_store.hpp>
#include <callab/lab/standard_usability.hpp>
#include <callab/lab/user_store.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace callab::lab {

/// The records a run checks itself against before it starts and each time it resumes.
struct RunRecords {
    StandardStore& standards;
    UserStore& users;
};

/// What the checks found and the run goes on with.
struct RunConditions {
    /// u of the reference standard (the first standard of the run): its current
    /// certificate's U/k, in the procedure's unit.
    double reference_standard_u = 0.0;
    std::string reference_certificate; ///< that certificate's number
    /// What the environment sensor read for each of the procedure's environment limits.
    std::vector<drivers::Reading> environment;
};

/// The technician of `job` is a technician authorised for the procedure's code
/// (errc::not_permitted naming them and the code).
Outcome<void> check_technician(UserStore& users, const Job& job, const Procedure& procedure);

/// Each standard is usable on `day` (check_standard_usable, naming the standard and the
/// cause); the first, the reference, has a certificate whose U and k are read
/// (certificate_standard_uncertainty). Returns the reference's u and certificate number.
Outcome<RunConditions> check_standards(StandardStore& standards, std::span<const StandardId> used,
                                       const std::optional<UsageOverride>& override_by,
                                       const Procedure& procedure, Date day);

/// Reads the environment sensor (read_all) and checks each of the procedure's limits:
/// errc::device_fault naming the sensor when it cannot be read, errc::invalid_field naming
/// the quantity when it is missing, in another unit or outside the limit. A procedure
/// without limits needs no sensor. Without a sensor the `typed` readings (the technician's)
/// are checked the same way; with neither, errc::invalid_field.
Outcome<std::vector<drivers::Reading>>
check_environment(const Procedure& procedure, drivers::Meter* sensor,
                  std::span<const drivers::Reading> typed = {});

} // namespace callab::lab
