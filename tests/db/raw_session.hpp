#pragma once
// A direct SOCI session on a test database, for tests that must go around the stores (to
// write rows as an old schema version did, or to tamper with the audit trail).

#include <callab/db/database.hpp>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <memory>
#include <string>

namespace callab::test_support {

inline std::unique_ptr<soci::session> raw_session(const std::string& uri) {
    if (uri.starts_with("sqlite:")) {
        return std::make_unique<soci::session>(soci::sqlite3, "db=\"" + uri.substr(7) + "\"");
    }
    return std::make_unique<soci::session>(soci::postgresql,
                                           db::Database::postgresql_parameters(uri));
}

} // namespace callab::test_support
