#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/audit_log.hpp>

namespace callab::db {

/// The audit trail that the SQL stores append to, read back for verification.
class SqlAuditLog final : public lab::AuditLog {
public:
    explicit SqlAuditLog(Database& database) : database_(database) {}
    std::vector<lab::AuditEntry> entries() override;
    lab::AuditPage find_entries(const lab::AuditFilter& filter) override;

private:
    Database& database_;
};

} // namespace callab::db
