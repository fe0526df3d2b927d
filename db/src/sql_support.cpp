#include "sql_support.hpp"

#include <callab/lab/audit_entry.hpp>

#include <soci/postgresql/soci-postgresql.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <sys/socket.h>

namespace callab::db {
namespace {

// True when the connection of an idle session is still open. An idle connection has
// nothing to read: the server's close (recv gives 0) or bytes it sent on its own (the
// "terminating connection" of a restart, just before closing) mean the server has dropped
// it. libpq keeps reporting CONNECTION_OK until a statement fails, hence the look at the
// socket itself.
// Called for sessions of a PostgreSQL pool only, so the backend is SOCI's PostgreSQL one
// (static_cast: SOCI does not export the type's RTTI for dynamic_cast).
bool postgresql_connected(soci::session& sql) {
    auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
    if (backend == nullptr || backend->conn_ == nullptr ||
        PQstatus(backend->conn_) != CONNECTION_OK) {
        return false;
    }
    const int socket = PQsocket(backend->conn_);
    if (socket < 0) {
        return false;
    }
    char byte = 0;
    const auto peeked = ::recv(socket, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

} // namespace

LeasedSession::LeasedSession(Database::Pool& pool)
    : pool_(pool), position_(pool.connections.lease()), session_(&pool.connections.at(position_)) {
    if (pool_.backend != Backend::postgresql || postgresql_connected(*session_)) {
        return;
    }
    try {
        // Throws while the server is still away; the next lease tries again.
        session_->reconnect();
        *session_ << "SET client_min_messages TO WARNING";
    } catch (...) {
        pool_.connections.give_back(position_);
        throw;
    }
}

LeasedSession::~LeasedSession() {
    pool_.connections.give_back(position_);
}

WriteTransaction::WriteTransaction(soci::session& sql, Backend backend) : sql_(sql) {
    if (backend == Backend::sqlite) {
        sql_ << "BEGIN IMMEDIATE";
    } else {
        sql_ << "BEGIN";
        sql_ << "LOCK TABLE audit_entry IN SHARE ROW EXCLUSIVE MODE";
    }
}

WriteTransaction::~WriteTransaction() {
    if (!done_) {
        try {
            sql_ << "ROLLBACK";
        } catch (const soci::soci_error&) { // NOLINT(bugprone-empty-catch): the connection
            // is gone; the server discards the open transaction with it.
        }
    }
}

void WriteTransaction::commit() {
    sql_ << "COMMIT";
    done_ = true;
}

void append_audit(soci::session& sql, std::string_view actor, std::string_view entity,
                  std::string_view entity_id, std::string_view action, std::string_view before,
                  std::string_view after) {
    lab::AuditEntry entry;
    long long last = 0;
    std::string previous;
    soci::indicator found = soci::i_null;
    sql << "SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1",
        soci::into(last, found), soci::into(previous);
    entry.sequence = sql.got_data() ? last + 1 : 1;
    entry.previous_hash = sql.got_data() ? previous : lab::genesis_hash;
    // Stored with microsecond precision, so hashed with it.
    const long long at = to_microseconds(std::chrono::system_clock::now());
    entry.at = from_microseconds(at);
    entry.actor = actor;
    entry.entity = entity;
    entry.entity_id = entity_id;
    entry.action = action;
    entry.before = before;
    entry.after = after;
    entry.hash = lab::audit_entry_hash(entry);
    const long long sequence = entry.sequence;
    sql << "INSERT INTO audit_entry (sequence, at_us, actor, entity, entity_id, action, "
           "before_text, after_text, previous_hash, hash) VALUES (:s, :at, :actor, :entity, "
           ":eid, :action, :before, :after, :prev, :hash)",
        soci::use(sequence), soci::use(at), soci::use(entry.actor), soci::use(entry.entity),
        soci::use(entry.entity_id), soci::use(entry.action), soci::use(entry.before),
        soci::use(entry.after), soci::use(entry.previous_hash), soci::use(entry.hash);
}

long long column_int64(const soci::row& row, const std::string& column) {
    switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
        return row.get<int>(column);
    case soci::dt_unsigned_long_long:
        return static_cast<long long>(row.get<unsigned long long>(column));
    case soci::dt_double:
        return static_cast<long long>(row.get<double>(column));
    case soci::dt_string: // SQLite reports computed columns without a declared type as text
        return std::stoll(row.get<std::string>(column));
    default:
        return row.get<long long>(column);
    }
}

std::optional<long long> column_optional_int64(const soci::row& row, const std::string& column) {
    if (row.get_indicator(column) == soci::i_null) {
        return std::nullopt;
    }
    return column_int64(row, column);
}

std::string column_text(const soci::row& row, const std::string& column) {
    if (row.get_indicator(column) == soci::i_null) {
        return {};
    }
    return row.get<std::string>(column);
}

double column_double(const soci::row& row, const std::string& column) {
    switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
        return row.get<int>(column);
    case soci::dt_long_long:
        return static_cast<double>(row.get<long long>(column));
    case soci::dt_string:
        return std::stod(row.get<std::string>(column));
    default:
        return row.get<double>(column);
    }
}

} // namespace callab::db

namespace callab::db {

std::string exact_number(double value) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%.17g", value);
    return text.data();
}

std::string audit_fields(std::initializer_list<std::pair<std::string_view, std::string>> fields) {
    std::string text;
    for (const auto& [name, value] : fields) {
        text += name;
        text += '=';
        text += value;
        text += '\n';
    }
    return text;
}

} // namespace callab::db
