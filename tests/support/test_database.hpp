#pragma once
// Store tests are written once and run on both backends by one program, `db_tests`: on
// SQLite (a fresh file per test), or, with CALLAB_TEST_BACKEND=postgresql in its environment
// (the `db_postgresql_tests` test), on a private PostgreSQL server (a fresh database per test).

#include "support/postgresql_server.hpp"
#include "support/temporary_directory.hpp"

#include <callab/db/database.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <string_view>

namespace callab::test_support {

inline db::Backend test_backend() {
    const char* chosen = std::getenv("CALLAB_TEST_BACKEND");
    return chosen != nullptr && std::string_view(chosen) == "postgresql" ? db::Backend::postgresql
                                                                         : db::Backend::sqlite;
}

/// A URI of an empty database on `backend`; SQLite files go under `dir`.
inline std::string fresh_database_uri(db::Backend backend, const TemporaryDirectory& dir) {
    if (backend == db::Backend::postgresql) {
        return PostgresqlServer::instance().create_database();
    }
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
