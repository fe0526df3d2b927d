#include "records_fixture.hpp"

#include <callab/lab/password_hash.hpp>

namespace callab::test_support {
namespace {

using SqlUserStoreTest = RecordsTest;

TEST_P(SqlUserStoreTest, AddsAndFindsAUserWithAHashedPassword) {
    const auto hash = lab::hash_password("correct horse");
    const auto added =
        users_.add_user({"alice", lab::Role::technician, {}, "Alice"}, hash, "admin");
    ASSERT_TRUE(added) << added.error().message;
    const auto found = users_.find_user_by_name("alice");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, added->id);
    EXPECT_EQ(found->data.role, lab::Role::technician);
    EXPECT_TRUE(lab::verify_password(found->password_hash, "correct horse"));
    EXPECT_FALSE(lab::verify_password(found->password_hash, "wrong"));
    EXPECT_EQ(users_.find_user(added->id)->data.username, "alice");
}

TEST_P(SqlUserStoreTest, RefusesATakenUsername) {
    add_user("bob", lab::Role::reviewer);
    const auto again = users_.add_user({"bob", lab::Role::technician, {}, "B"}, "h", "admin");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, lab::errc::conflict);
    EXPECT_NE(again.error().message.find("username"), std::string::npos);
}

TEST_P(SqlUserStoreTest, TiesEnterpriseUsersToAnExistingEnterprise) {
    const auto missing = users_.add_user(
        {"ent", lab::Role::enterprise_user, lab::EnterpriseId{77}, "E"}, "h", "admin");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, lab::errc::not_found);
    const auto enterprise = add_enterprise();
    const auto user = add_user("ent", lab::Role::enterprise_user, enterprise.id);
    EXPECT_EQ(users_.find_user(user.id)->data.enterprise, enterprise.id);
    const auto untied = users_.add_user({"ent2", lab::Role::enterprise_user, {}, "E"}, "h", "a");
    ASSERT_FALSE(untied);
    EXPECT_NE(untied.error().message.find("enterprise"), std::string::npos);
}

TEST_P(SqlUserStoreTest, AuthorisesTechniciansPerProcedure) {
    const auto tech = add_user("tech", lab::Role::technician);
    EXPECT_FALSE(users_.is_authorised(tech.id, "IRT-FOREHEAD"));
    users_.authorise(tech.id, "IRT-FOREHEAD", "admin");
    users_.authorise(tech.id, "IRT-FOREHEAD", "admin");
    EXPECT_TRUE(users_.is_authorised(tech.id, "IRT-FOREHEAD"));
    EXPECT_FALSE(users_.is_authorised(tech.id, "POWER"));
}

TEST_P(SqlUserStoreTest, UnknownUserIsEmpty) {
    EXPECT_FALSE(users_.find_user(lab::UserId{404}));
    EXPECT_FALSE(users_.find_user_by_name("nobody"));
}

CALLAB_STORE_TEST_SUITE(SqlUserStoreTest);

} // namespace
} // namespace callab::test_support
