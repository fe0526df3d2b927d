#include <callab/lab/audit_entry.hpp>

#include <gtest/gtest.h>

#include <vector>

namespace callab::lab {
namespace {

std::vector<AuditEntry> chain(int n) {
    std::vector<AuditEntry> entries;
    std::string previous = genesis_hash;
    for (int i = 1; i <= n; ++i) {
        AuditEntry e;
        e.sequence = i;
        e.at = std::chrono::system_clock::time_point{std::chrono::seconds{1'700'000'000 + i}};
        e.actor = "alice";
        e.entity = "job";
        e.entity_id = std::to_string(i);
        e.action = "create";
        e.after = "title=t" + std::to_string(i) + "\n";
        e.previous_hash = previous;
        e.hash = audit_entry_hash(e);
        previous = e.hash;
        entries.push_back(e);
    }
    return entries;
}

TEST(AuditEntry, HashIsSha256HexOfTheFields) {
    const auto entries = chain(1);
    EXPECT_EQ(entries[0].hash.size(), 64U);
    EXPECT_EQ(entries[0].hash.find_first_not_of("0123456789abcdef"), std::string::npos);
    auto moved = entries[0];
    moved.actor = "alic";
    moved.entity = "ejob"; // same characters, different fields: length prefixes tell them apart
    EXPECT_NE(audit_entry_hash(moved), entries[0].hash);
}

TEST(AuditEntry, AnIntactChainVerifies) {
    const auto entries = chain(5);
    EXPECT_FALSE(verify_audit_chain(entries));
    EXPECT_FALSE(verify_audit_chain({}));
}

TEST(AuditEntry, AnEditedEntryIsNamed) {
    auto entries = chain(5);
    entries[2].after = "title=forged\n";
    const auto broken = verify_audit_chain(entries);
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->sequence, 3);
}

TEST(AuditEntry, AnEditedAndRehashedEntryBreaksTheNextLink) {
    auto entries = chain(5);
    entries[2].after = "title=forged\n";
    entries[2].hash = audit_entry_hash(entries[2]);
    const auto broken = verify_audit_chain(entries);
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->sequence, 4);
}

TEST(AuditEntry, ADeletedEntryIsNamed) {
    auto entries = chain(5);
    entries.erase(entries.begin() + 1);
    const auto broken = verify_audit_chain(entries);
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->sequence, 3);
}

TEST(AuditEntry, ReorderedEntriesAreNamed) {
    auto entries = chain(5);
    std::swap(entries[1], entries[2]);
    const auto broken = verify_audit_chain(entries);
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->sequence, 3);
}

} // namespace
} // namespace callab::lab
