#pragma once
// What every SQL store shares: pooled sessions with SOCI errors turned into DatabaseError,
// serialised write transactions, typed column access and the audit trail append.

#include "database_private.hpp"
#include "row_conversions.hpp"

#include <callab/db/database.hpp>

#include <soci/soci.h>

#include <optional>
#include <string>
#include <string_view>

namespace callab::db {

/// A session leased from the pool for one operation and given back when it ends. A
/// PostgreSQL connection the server has dropped (a restart, a terminated backend) is opened
/// again before it is used, so a server outlives restarts of the database: the operation in
/// flight when the connection broke fails, the ones after it work again.
class LeasedSession {
public:
    explicit LeasedSession(Database::Pool& pool);
    ~LeasedSession();
    LeasedSession(const LeasedSession&) = delete;
    LeasedSession& operator=(const LeasedSession&) = delete;
    soci::session& get() { return *session_; }

private:
    Database::Pool& pool_;
    std::size_t position_;
    soci::session* session_;
};

/// Runs `work` on a pooled session and turns SOCI's failures into DatabaseError.
template <typename Work> auto with_session(Database& database, const char* what, Work&& work) {
    try {
        LeasedSession leased(database.pool());
        return work(leased.get());
    } catch (const soci::soci_error& e) {
        throw DatabaseError(std::string(what) + ": " + e.get_error_message());
    }
}

/// A write transaction that writers take one at a time: BEGIN IMMEDIATE on SQLite (across
/// processes, waiting up to the busy timeout), and on PostgreSQL a lock on the audit trail
/// that every writer takes first, so the hash chain stays linear and writers never deadlock.
/// Rolls back unless committed.
class WriteTransaction {
public:
    WriteTransaction(soci::session& sql, Backend backend);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    soci::session& sql_;
    bool done_ = false;
};

/// Appends one entry to the audit trail inside the caller's WriteTransaction.
void append_audit(soci::session& sql, std::string_view actor, std::string_view entity,
                  std::string_view entity_id, std::string_view action, std::string_view before,
                  std::string_view after);

/// Column access by name on a fetched row, whatever integer width the backend reports.
long long column_int64(const soci::row& row, const std::string& column);
std::optional<long long> column_optional_int64(const soci::row& row, const std::string& column);
std::string column_text(const soci::row& row, const std::string& column);
double column_double(const soci::row& row, const std::string& column);

/// An optional id as a bindable value and indicator.
struct OptionalKey {
    long long value = 0;
    soci::indicator indicator = soci::i_null;
    template <typename Id> static OptionalKey of(const std::optional<Id>& id) {
        return id ? OptionalKey{id->value(), soci::i_ok} : OptionalKey{};
    }
};

} // namespace callab::db
