#include "database_private.hpp"

#include <callab/db/database.hpp>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace callab::db {
namespace {

constexpr std::string_view sqlite_prefix = "sqlite:";
constexpr std::string_view postgresql_prefix = "postgresql:";

void configure_sqlite(soci::session& sql) {
    // WAL lets readers work while a reading is written; FULL sync makes every committed
    // reading survive a power cut, which the records need more than speed.
    sql << "PRAGMA journal_mode=WAL";
    sql << "PRAGMA synchronous=FULL";
    sql << "PRAGMA foreign_keys=ON";
    sql << "PRAGMA busy_timeout=5000";
}

} // namespace

Database::Database(std::unique_ptr<Pool> pool) : pool_(std::move(pool)) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::open(const std::string& uri, std::size_t pool_size) {
    auto database = open_unmigrated(uri, pool_size);
    database->migrate();
    return database;
}

std::string Database::postgresql_parameters(const std::string& uri) {
    std::string_view rest = uri;
    if (!rest.starts_with(postgresql_prefix)) {
        throw DatabaseError("database '" + uri + "': expected postgresql://USER@HOST:PORT/DB");
    }
    rest.remove_prefix(postgresql_prefix.size());
    if (!rest.starts_with("//")) {
        return std::string(rest);
    }
    rest.remove_prefix(2);
    std::string parameters;
    const auto add = [&parameters](std::string_view key, std::string_view value) {
        if (!value.empty()) {
            parameters += std::string(key) + "='" + std::string(value) + "' ";
        }
    };
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
        const auto credentials = rest.substr(0, at);
        const auto colon = credentials.find(':');
        add("user", credentials.substr(0, colon));
        if (colon != std::string_view::npos) {
            add("password", credentials.substr(colon + 1));
        }
        rest.remove_prefix(at + 1);
    }
    const auto slash = rest.find('/');
    const auto host_port = rest.substr(0, slash);
    const auto colon = host_port.rfind(':');
    add("host", host_port.substr(0, colon));
    if (colon != std::string_view::npos) {
        const auto port = host_port.substr(colon + 1);
        if (port.empty() || port.find_first_not_of("0123456789") != std::string_view::npos) {
            throw DatabaseError("database '" + uri + "': port '" + std::string(port) +
                                "' is not a number");
        }
        add("port", port);
    }
    if (slash != std::string_view::npos) {
        add("dbname", rest.substr(slash + 1));
    }
    return parameters;
}

int Database::latest_schema_version() {
    return db::latest_schema_version();
}

int Database::migrate(int target_version) {
    try {
        soci::session sql(pool_->connections);
        apply_migrations(sql, pool_->backend, target_version);
        return current_schema_version(sql);
    } catch (const soci::soci_error& e) {
        throw DatabaseError("cannot migrate the database: " + e.get_error_message());
    }
}

std::unique_ptr<Database> Database::open_unmigrated(const std::string& uri, std::size_t pool_size) {
    const std::string_view text = uri;
    Backend backend{};
    if (text.starts_with(sqlite_prefix) && text.size() > sqlite_prefix.size()) {
        backend = Backend::sqlite;
    } else if (text.starts_with(postgresql_prefix)) {
        backend = Backend::postgresql;
    } else {
        throw DatabaseError("database '" + uri +
                            "': expected sqlite:PATH or postgresql://USER@HOST:PORT/DB");
    }
    auto pool = std::make_unique<Pool>(backend, pool_size);
    if (backend == Backend::postgresql) {
        pool->parameters = postgresql_parameters(uri);
    }
    try {
        for (std::size_t i = 0; i < pool_size; ++i) {
            soci::session& sql = pool->connections.at(i);
            if (backend == Backend::sqlite) {
                const std::string path(text.substr(sqlite_prefix.size()));
                sql.open(soci::sqlite3, "db=\"" + path + "\" timeout=5");
                configure_sqlite(sql);
            } else {
                sql.open(soci::postgresql, pool->parameters);
                sql << "SET client_min_messages TO WARNING";
            }
        }
    } catch (const soci::soci_error& e) {
        throw DatabaseError("database '" + uri + "': " + e.get_error_message());
    }
    return std::unique_ptr<Database>(new Database(std::move(pool)));
}

Backend Database::backend() const {
    return pool_->backend;
}

std::string Database::backend_name() const {
    return pool_->backend == Backend::sqlite ? "sqlite" : "postgresql";
}

int Database::schema_version() const {
    soci::session sql(pool_->connections);
    return current_schema_version(sql);
}

} // namespace callab::db
