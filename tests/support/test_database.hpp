#pragma once
// Store tests are written once and run on both backends: the `db_tests` program on SQLite
// (a fresh file per test), `db_postgresql_tests` (built with CALLAB_TEST_POSTGRESQL) on a
// private PostgreSQL server (a fresh database per test).

#include "support/temporary_directory.hpp"

#ifdef CALLAB_TEST_POSTGRESQL
#include "support/postgresql_server.hpp"
#endif

#include <callab/db/database.hpp>

#include <gtest/gtest.h>

#include <string>

namespace callab::test_support {

inline db::Backend test_backend() {
#ifdef CALLAB_TEST_POSTGRESQL
    return db::Backend::postgresql;
#else
    return db::Backend::sqlite;
#endif
}

/// A URI of an empty database on `backend`; SQLite files go under `dir`.
inline std::string fresh_database_uri([[maybe_unused]] db::Backend backend,
                                      const TemporaryDirectory& dir) {
#ifdef CALLAB_TEST_POSTGRESQL
    if (backend == db::Backend::postgresql) {
        return PostgresqlServer::instance().create_database();
    }
#endif
    static int counter = 0;
    return "sqlite:" + (dir.path() / ("callab-" + std::to_string(++counter) + ".db")).string();
}

inline std::string backend_test_name(const ::testing::TestParamInfo<db::Backend>& info) {
    return info.param == db::Backend::sqlite ? "sqlite" : "postgresql";
}

/// A fixture with a migrated, empty database on the suite's backend.
class StoreTest : public ::testing::TestWithParam<db::Backend> {
protected:
    TemporaryDirectory dir_;
    std::string uri_ = fresh_database_uri(GetParam(), dir_);
    std::unique_ptr<db::Database> database_ = db::Database::open(uri_);
};

} // namespace callab::test_support

#define CALLAB_STORE_TEST_SUITE(Suite)                                                             \
    INSTANTIATE_TEST_SUITE_P(Backend, Suite,                                                       \
                             ::testing::Values(::callab::test_support::test_backend()),            \
                             ::callab::test_support::backend_test_name)
