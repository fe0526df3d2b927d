// The audit trail's hash chain, tampered with the way someone with database access could:
// an edited, a deleted and a reordered row; and its filtered, paged reading.
#include "raw_session.hpp"
#include "records_fixture.hpp"

#include <callab/lab/audit_entry.hpp>

#include <algorithm>

namespace callab::test_support {
namespace {

class SqlAuditLogTest : public RecordsTest {
protected:
    void SetUp() override {
        const auto e = add_enterprise();
        add_user("alice", lab::Role::technician);
        add_user("bob", lab::Role::reviewer);
        jobs_.create_job({"t", "i", "q", "degC", 0.1});
        ASSERT_GE(audit_.entries().size(), 4U);
        (void)e;
    }

    // Tampering goes around the stores on purpose, as an intruder would.
    void tamper(const std::string& statement) { *raw_session(uri_) << statement; }

    std::optional<lab::AuditBreak> verify() {
        const auto entries = audit_.entries();
        return lab::verify_audit_chain(entries);
    }
};

TEST_P(SqlAuditLogTest, EveryChangeIsChainedAndVerifies) {
    const auto entries = audit_.entries();
    EXPECT_EQ(entries[0].entity, "enterprise");
    EXPECT_EQ(entries[0].action, "create");
    EXPECT_EQ(entries[0].actor, "admin");
    EXPECT_EQ(entries[0].previous_hash, lab::genesis_hash);
    EXPECT_NE(entries[0].after.find("credit_code=91350100M000100Y43"), std::string::npos);
    EXPECT_EQ(entries[1].previous_hash, entries[0].hash);
    EXPECT_FALSE(verify());
}

TEST_P(SqlAuditLogTest, CatchesAnEditedRow) {
    tamper("UPDATE audit_entry SET actor = 'mallory' WHERE sequence = 2");
    const auto broken = verify();
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->sequence, 2);
    EXPECT_NE(broken->reason.find("edited"), std::string::npos);
}

TEST_P(SqlAuditLogTest, CatchesADeletedRow) {
    tamper("DELETE FROM audit_entry WHERE sequence = 2");
    const auto broken = verify();
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->sequence, 3);
    EXPECT_NE(broken->reason.find("missing"), std::string::npos);
}

TEST_P(SqlAuditLogTest, CatchesReorderedRows) {
    tamper("UPDATE audit_entry SET sequence = -1 WHERE sequence = 2");
    tamper("UPDATE audit_entry SET sequence = 2 WHERE sequence = 3");
    tamper("UPDATE audit_entry SET sequence = 3 WHERE sequence = -1");
    const auto broken = verify();
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->sequence, 2);
}

TEST_P(SqlAuditLogTest, FiltersCombineAndPageLatestFirst) {
    const auto all = audit_.entries();
    const auto count_of = [&](auto keep) { return std::count_if(all.begin(), all.end(), keep); };
    lab::AuditFilter users;
    users.entity = "user";
    const auto user_page = audit_.find_entries(users);
    EXPECT_EQ(user_page.total, count_of([](const auto& e) { return e.entity == "user"; }));
    ASSERT_GE(user_page.items.size(), 2U);
    EXPECT_GT(user_page.items[0].sequence, user_page.items[1].sequence);

    lab::AuditFilter one = users;
    one.entity_id = user_page.items.back().entity_id;
    one.actor = user_page.items.back().actor;
    const auto one_page = audit_.find_entries(one);
    ASSERT_EQ(one_page.total, 1);
    EXPECT_EQ(one_page.items[0].sequence, user_page.items.back().sequence);

    lab::AuditFilter window;
    window.from = all[1].at;
    window.to = all.back().at;
    window.offset = 1;
    window.limit = 1;
    const auto window_page = audit_.find_entries(window);
    EXPECT_EQ(window_page.total,
              count_of([&](const auto& e) { return e.at >= all[1].at && e.at < all.back().at; }));
    ASSERT_EQ(window_page.items.size(), window_page.total > 1 ? 1U : 0U);

    lab::AuditFilter nobody;
    nobody.actor = "nobody";
    EXPECT_EQ(audit_.find_entries(nobody).total, 0);
}

TEST_P(SqlAuditLogTest, EntityAndActorFiltersUseTheirIndexes) {
    if (uri_.rfind("sqlite:", 0) != 0) {
        GTEST_SKIP() << "the query plan is read from SQLite";
    }
    const auto plan = [&](const std::string& where) {
        auto session = raw_session(uri_);
        soci::rowset<soci::row> rows =
            (session->prepare << "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM audit_entry WHERE " +
                                     where);
        std::string text;
        for (const auto& row : rows) {
            text += row.get<std::string>(3) + "\n";
        }
        return text;
    };
    EXPECT_NE(plan("entity = 'user' AND entity_id = '1'").find("audit_entry_entity"),
              std::string::npos);
    EXPECT_NE(plan("actor = 'admin'").find("audit_entry_actor"), std::string::npos);
}

CALLAB_STORE_TEST_SUITE(SqlAuditLogTest);

} // namespace
} // namespace callab::test_support
