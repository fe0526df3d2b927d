// The audit trail's hash chain, tampered with the way someone with database access could:
// an edited, a deleted and a reordered row.
#include "raw_session.hpp"
#include "records_fixture.hpp"

#include <callab/lab/audit_entry.hpp>

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

CALLAB_STORE_TEST_SUITE(SqlAuditLogTest);

} // namespace
} // namespace callab::test_support
