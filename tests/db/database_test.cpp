#include "support/temporary_directory.hpp"

#include <callab/db/database.hpp>

#include <gtest/gtest.h>

namespace callab::db {
namespace {

TEST(Database, OpensSqliteAndAppliesTheSchema) {
    test_support::TemporaryDirectory dir;
    const auto database = Database::open("sqlite:" + (dir.path() / "a.db").string());
    EXPECT_EQ(database->backend(), Backend::sqlite);
    EXPECT_EQ(database->backend_name(), "sqlite");
    EXPECT_GE(database->schema_version(), 1);
}

TEST(Database, ReopeningDoesNotReapplyMigrations) {
    test_support::TemporaryDirectory dir;
    const auto uri = "sqlite:" + (dir.path() / "a.db").string();
    const int version = Database::open(uri)->schema_version();
    EXPECT_EQ(Database::open(uri)->schema_version(), version);
}

TEST(Database, RejectsAnUnknownScheme) {
    try {
        Database::open("mysql://localhost/lab");
        FAIL() << "expected DatabaseError";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("expected sqlite:PATH"), std::string::npos);
    }
}

TEST(Database, NamesTheUriWhenTheFileCannotBeOpened) {
    try {
        Database::open("sqlite:/nonexistent-directory/sub/callab.db");
        FAIL() << "expected DatabaseError";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent-directory/sub/callab.db"),
                  std::string::npos)
            << e.what();
    }
}

} // namespace
} // namespace callab::db
