#include "sql_support.hpp"

#include <callab/db/sql_audit_log.hpp>

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
        // Only the filters asked for are in the WHERE clause, so that each can use its index
        // (audit_entry_entity, audit_entry_actor) and an unfiltered count stays a table
        // count; every value is bound.
        const std::string entity = filter.entity.value_or("");
        const std::string entity_id = filter.entity_id.value_or("");
        const std::string actor = filter.actor.value_or("");
        const long long from = filter.from ? to_microseconds(*filter.from) : 0;
        const long long to = filter.to ? to_microseconds(*filter.to) : 0;
        std::string where;
        auto add = [&where](const char* condition) {
            where += where.empty() ? " WHERE " : " AND ";
            where += condition;
        };
        if (filter.entity) {
            add("entity = :entity");
        }
        if (filter.entity_id) {
            add("entity_id = :entity_id");
        }
        if (filter.actor) {
            add("actor = :actor");
        }
        if (filter.from) {
            add("at_us >= :from_us");
        }
        if (filter.to) {
            add("at_us < :to_us");
        }
        auto bind = [&](auto&& prepared) -> decltype(auto) {
            if (filter.entity) {
                prepared, soci::use(entity);
            }
            if (filter.entity_id) {
                prepared, soci::use(entity_id);
            }
            if (filter.actor) {
                prepared, soci::use(actor);
            }
            if (filter.from) {
                prepared, soci::use(from);
            }
            if (filter.to) {
                prepared, soci::use(to);
            }
            return prepared;
        };
        lab::AuditPage page;
        {
            long long total = 0;
            auto prepared = (sql.prepare << "SELECT COUNT(*) FROM audit_entry" << where);
            bind(prepared), soci::into(total);
            soci::statement count(prepared);
            count.execute(true);
            page.total = total;
        }
        const long long limit = filter.limit;
        const long long offset = filter.offset;
        auto prepared = (sql.prepare << "SELECT " << entry_columns << " FROM audit_entry" << where
                                     << " ORDER BY sequence DESC LIMIT :limit OFFSET :offset");
        bind(prepared), soci::use(limit), soci::use(offset);
        soci::rowset<soci::row> rows(prepared);
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
