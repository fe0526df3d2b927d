#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace callab::lab {

/// One change in the audit trail: who changed what when, with the record before and after.
/// Entries form a hash chain: `hash` = SHA-256 over `previous_hash` and every other field,
/// so editing, deleting or reordering an entry breaks the chain at that entry.
struct AuditEntry {
    std::int64_t sequence = 0; ///< 1, 2, 3, … without gaps
    std::chrono::system_clock::time_point at;
    std::string actor;
    std::string entity;        ///< e.g. "enterprise", "job", "booking"
    std::string entity_id;     ///< the record's id
    std::string action;        ///< e.g. "create", "status", "certificate"
    std::string before;        ///< the record before the change ("" for a creation)
    std::string after;         ///< the record after it
    std::string previous_hash; ///< hex; 64 zeros for the first entry
    std::string hash;          ///< hex
};

/// The previous hash of the first entry.
inline const std::string genesis_hash(64, '0');

/// SHA-256 (hex) of the entry's fields and its previous hash, each length-prefixed so that
/// no two different entries hash the same text.
std::string audit_entry_hash(const AuditEntry& entry);

/// The first entry that breaks the chain and why.
struct AuditBreak {
    std::int64_t sequence = 0;
    std::string reason;
};

/// Checks entries in stored order: sequence numbers 1, 2, … without gaps, each previous
/// hash equal to the hash before it, each hash matching the entry's content.
std::optional<AuditBreak> verify_audit_chain(std::span<const AuditEntry> entries);

} // namespace callab::lab
