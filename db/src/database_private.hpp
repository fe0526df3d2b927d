#pragma once

#include "group_commit.hpp"

#include <callab/db/database.hpp>

#include <soci/connection-pool.h>
#include <soci/session.h>

#include <string>

namespace callab::db {

struct Database::Pool {
    Pool(Backend b, std::size_t size) : backend(b), connections(size) {}
    Backend backend;
    std::string parameters; ///< libpq parameters of a PostgreSQL database

    soci::connection_pool connections;
    /// Concurrent reading appends, gathered into one transaction per batch.
    GroupCommit<soci::session> reading_appends;
};

/// The schema steps and the runner that applies the pending ones (migrations.cpp).
int latest_schema_version();
int current_schema_version(soci::session& sql);
void apply_migrations(soci::session& sql, Backend backend, int target_version);

} // namespace callab::db
