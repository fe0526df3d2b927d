#include "sql_support.hpp"

#include <callab/db/sql_audit_log.hpp>

namespace callab::db {

std::vector<lab::AuditEntry> SqlAuditLog::entries() {
    return with_session(database_, "cannot read the audit trail", [&](soci::session& sql) {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT sequence, at_us, actor, entity, entity_id, action, "
                            "before_text, after_text, previous_hash, hash FROM audit_entry "
                            "ORDER BY sequence");
        std::vector<lab::AuditEntry> out;
        for (const auto& row : rows) {
            lab::AuditEntry e;
            e.sequence = column_int64(row, "sequence");
            e.at = from_microseconds(column_int64(row, "at_us"));
            e.actor = column_text(row, "actor");
            e.entity = column_text(row, "entity");
            e.entity_id = column_text(row, "entity_id");
            e.action = column_text(row, "action");
            e.before = column_text(row, "before_text");
            e.after = column_text(row, "after_text");
            e.previous_hash = column_text(row, "previous_hash");
            e.hash = column_text(row, "hash");
            out.push_back(std::move(e));
        }
        return out;
    });
}

} // namespace callab::db
