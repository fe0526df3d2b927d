#include "sql_support.hpp"

#include <callab/db/sql_audit_log.hpp>

#include <limits>

namespace callab::db {
namespace {

constexpr const char* entry_columns = "sequence, at_us, actor, entity, entity_id, action, "
                                      "before_text, after_text, previous_hash, hash";

lab::AuditEntry entry_from(const soci::row& row) {
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
    return e;
}

} // namespace

lab::AuditPage SqlAuditLog::find_entries(const lab::AuditFilter& filter) {
    return with_session(database_, "cannot read the audit trail", [&](soci::session& sql) {
        // Absent filters are bound as "any", so one statement serves every mix.
        const int any_entity = filter.entity ? 0 : 1;
        const int any_id = filter.entity_id ? 0 : 1;
        const int any_actor = filter.actor ? 0 : 1;
        const std::string entity = filter.entity.value_or("");
        const std::string entity_id = filter.entity_id.value_or("");
        const std::string actor = filter.actor.value_or("");
        const long long from =
            filter.from ? to_microseconds(*filter.from) : std::numeric_limits<long long>::min();
        const long long to =
            filter.to ? to_microseconds(*filter.to) : std::numeric_limits<long long>::max();
        constexpr const char* where =
            " FROM audit_entry WHERE (:any_e = 1 OR entity = :entity) AND (:any_i = 1 OR "
            "entity_id = :entity_id) AND (:any_a = 1 OR actor = :actor) AND at_us >= :from_us "
            "AND at_us < :to_us";
        lab::AuditPage page;
        long long total = 0;
        sql << "SELECT COUNT(*)" << where, soci::use(any_entity), soci::use(entity),
            soci::use(any_id), soci::use(entity_id), soci::use(any_actor), soci::use(actor),
            soci::use(from), soci::use(to), soci::into(total);
        page.total = total;
        const long long limit = filter.limit;
        const long long offset = filter.offset;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << entry_columns << where
                         << " ORDER BY sequence DESC LIMIT :limit OFFSET :offset",
             soci::use(any_entity), soci::use(entity), soci::use(any_id), soci::use(entity_id),
             soci::use(any_actor), soci::use(actor), soci::use(from), soci::use(to),
             soci::use(limit), soci::use(offset));
        for (const auto& row : rows) {
            page.items.push_back(entry_from(row));
        }
        return page;
    });
}

std::vector<lab::AuditEntry> SqlAuditLog::entries() {
    return with_session(database_, "cannot read the audit trail", [&](soci::session& sql) {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT sequence, at_us, actor, entity, entity_id, action, "
                            "before_text, after_text, previous_hash, hash FROM audit_entry "
                            "ORDER BY sequence");
        std::vector<lab::AuditEntry> out;
        for (const auto& row : rows) {
            out.push_back(entry_from(row));
        }
        return out;
    });
}

} // namespace callab::db
