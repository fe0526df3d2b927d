#pragma once

#include <callab/lab/audit_entry.hpp>

#include <vector>

namespace callab::lab {

/// Read access to the audit trail. Stores append to it in the same transaction as each
/// change they make.
class AuditLog {
public:
    virtual ~AuditLog() = default;
    /// Every entry in stored order (by sequence).
    virtual std::vector<AuditEntry> entries() = 0;
};

} // namespace callab::lab
