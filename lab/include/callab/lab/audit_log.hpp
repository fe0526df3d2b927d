#pragma once

#include <callab/lab/audit_entry.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace callab::lab {

/// Which audit entries to read: those of one record (`entity`, and `entity_id` within it),
/// one actor, a period [from, to); a page of them, newest first.
struct AuditFilter {
    std::optional<std::string> entity;
    std::optional<std::string> entity_id;
    std::optional<std::string> actor;
    std::optional<std::chrono::system_clock::time_point> from;
    std::optional<std::chrono::system_clock::time_point> to;
    std::int64_t offset = 0;
    std::int64_t limit = 50;
};

/// One page of the audit trail and how many entries the filter keeps in all.
struct AuditPage {
    std::vector<AuditEntry> items;
    std::int64_t total = 0;
};

/// Read access to the audit trail. Stores append to it in the same transaction as each
/// change they make.
class AuditLog {
public:
    virtual ~AuditLog() = default;
    /// Every entry in stored order (by sequence).
    virtual std::vector<AuditEntry> entries() = 0;
    /// A page of the entries the filter keeps, newest first, cut and counted by the store.
    virtual AuditPage find_entries(const AuditFilter& filter) = 0;
};

} // namespace callab::lab
