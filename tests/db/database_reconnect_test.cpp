// A PostgreSQL server that restarts under a running program: the pooled connections it
// dropped are opened again, an operation while it is down fails with DatabaseError, and
// nothing written before the restart is lost or written twice.
#include "support/postgresql_server.hpp"

#include <callab/db/database.hpp>
#include <callab/db/sql_user_store.hpp>

#include <gtest/gtest.h>

namespace callab::test_support {
namespace {

constexpr std::size_t pool_size = 3;

lab::NewUser technician(const std::string& name) {
    return {name, lab::Role::technician, std::nullopt, name};
}

TEST(DatabaseReconnect, EveryPooledConnectionWorksAgainAfterTheServerRestarts) {
    auto& server = PostgresqlServer::instance();
    auto database = db::Database::open(server.create_database(), pool_size);
    db::SqlUserStore users(*database);
    ASSERT_TRUE(users.add_user(technician("before"), "hash", "admin"));
    // Touch every connection of the pool, so each holds a socket the restart closes.
    for (std::size_t i = 0; i < 2 * pool_size; ++i) {
        EXPECT_TRUE(users.find_user_by_name("before"));
    }

    server.stop();
    server.start();

    // Without reconnecting, each pooled connection would fail its next statement.
    for (std::size_t i = 0; i < 2 * pool_size; ++i) {
        EXPECT_TRUE(users.find_user_by_name("before")) << "attempt " << i;
    }
    ASSERT_TRUE(users.add_user(technician("after"), "hash", "admin"));
    EXPECT_TRUE(users.find_user_by_name("after"));
}

TEST(DatabaseReconnect, AnOperationWhileTheServerIsDownFailsCleanlyAndTheNextOneWorks) {
    auto& server = PostgresqlServer::instance();
    auto database = db::Database::open(server.create_database(), pool_size);
    db::SqlUserStore users(*database);
    ASSERT_TRUE(users.add_user(technician("first"), "hash", "admin"));

    server.stop();
    EXPECT_THROW((void)users.add_user(technician("while-down"), "hash", "admin"),
                 db::DatabaseError);
    EXPECT_THROW((void)users.find_user_by_name("first"), db::DatabaseError);
    server.start();

    ASSERT_TRUE(users.add_user(technician("second"), "hash", "admin"));
    EXPECT_TRUE(users.find_user_by_name("first"));
    EXPECT_TRUE(users.find_user_by_name("second"));
    EXPECT_FALSE(users.find_user_by_name("while-down"));
}

} // namespace
} // namespace callab::test_support
