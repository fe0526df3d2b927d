#pragma once
// The records `callab demo` starts with on an empty database: one user of each role, the
// built-in procedures, reference standards with certificates in date under a traceability
// parent, enterprises with instruments, and shared equipment open for booking.

#include <callab/db/database.hpp>
#include <callab/lab/instrument.hpp>
#include <callab/lab/reference_standard.hpp>
#include <callab/lab/user.hpp>

#include <optional>
#include <string>
#include <vector>

namespace callab::app {

/// A demo user and the password it signs in with (known only on the start that made it).
struct DemoUser {
    lab::User user;
    std::string password;
};

struct DemoRecords {
    bool seeded = false;          ///< made on this start (false: found from an earlier one)
    std::vector<DemoUser> users;  ///< in role order; empty when found
    lab::StandardId blackbody;    ///< the reference standard of the bench's thermometry
    lab::StandardId power_source; ///< the reference standard of the bench's power station
    /// The customers' IR forehead thermometers the demo calibrates (each names its owner).
    std::vector<lab::Instrument> thermometers;
    /// A customer's power analyser the demo calibrates (on the seeding start only).
    std::optional<lab::Instrument> power_analyser;
};

/// The username of the demo user of `role` (demo.technician, …, demo.enterprise).
std::string demo_username(lab::Role role);

/// Seeds the demo's records unless an earlier start did (its admin user exists); otherwise finds
/// the standards the bench uses. Passwords are random (printable, 16 characters) unless `password`
/// is given. Throws CommandFailure when a record cannot be stored.
DemoRecords seed_demo_records(db::Database& database, const std::optional<std::string>& password);

} // namespace callab::app
