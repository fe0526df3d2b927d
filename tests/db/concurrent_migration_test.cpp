// Several processes started together against one empty database (two `callab serve` on a
// new PostgreSQL database, or a server and a `callab run` on a new SQLite file) each apply
// the pending migrations: every one of them must open the database, and each step is
// applied once.
#include "support/postgresql_server.hpp"
#include "support/temporary_directory.hpp"

#include <callab/db/database.hpp>

#include <gtest/gtest.h>

#include <latch>
#include <thread>
#include <vector>

namespace callab::test_support {
namespace {

constexpr int openers = 4;

// Opens `uri` from `openers` threads at once, each with its own connection; returns what
// each one failed with (empty when it opened a database at the latest version).
std::vector<std::string> open_together(const std::string& uri) {
    std::latch start(openers);
    std::vector<std::string> failures(openers);
    std::vector<std::thread> threads;
    for (int i = 0; i < openers; ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            try {
                auto database = db::Database::open(uri, 1);
                if (database->schema_version() != db::Database::latest_schema_version()) {
                    failures[i] = "schema version " + std::to_string(database->schema_version());
                }
            } catch (const db::DatabaseError& e) {
                failures[i] = e.what();
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    return failures;
}

TEST(ConcurrentMigration, OpenersOfAnEmptySqliteFileAllSucceed) {
    TemporaryDirectory dir;
    const auto failures = open_together("sqlite:" + (dir.path() / "callab.db").string());
    for (int i = 0; i < openers; ++i) {
        EXPECT_EQ(failures[i], "") << "opener " << i;
    }
}

TEST(ConcurrentMigration, OpenersOfAnEmptyPostgresqlDatabaseAllSucceed) {
    const auto failures = open_together(PostgresqlServer::instance().create_database());
    for (int i = 0; i < openers; ++i) {
        EXPECT_EQ(failures[i], "") << "opener " << i;
    }
}

} // namespace
} // namespace callab::test_support
