#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace callab::db {

/// A failure of the storage itself (cannot open, disk full, server gone). It ends the
/// operation in progress; the request or command boundary reports it.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Backend { sqlite, postgresql };

/// The lab's database: a pool of connections to SQLite or PostgreSQL, with the schema
/// brought up to date when opened.
class Database {
public:
    /// Opens `sqlite:PATH` or `postgresql://USER@HOST:PORT/DB` (any libpq URI or key=value
    /// string after `postgresql:` works) with `pool_size` connections and applies pending
    /// migrations. Throws DatabaseError naming the URI and the cause.
    static std::unique_ptr<Database> open(const std::string& uri, std::size_t pool_size = 4);
    /// Opens without touching the schema (for `callab migrate` and migration tests).
    static std::unique_ptr<Database> open_unmigrated(const std::string& uri,
                                                     std::size_t pool_size = 1);
    /// libpq key=value parameters for a `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB` URI
    /// (a `postgresql:key=value ...` string passes through). Throws DatabaseError naming
    /// the URI when it is malformed.
    static std::string postgresql_parameters(const std::string& uri);
    /// The version the newest migration step brings the schema to.
    static int latest_schema_version();

    /// Applies the pending steps up to `target_version` (each in its own transaction) and
    /// returns the version reached.
    int migrate(int target_version);
    int migrate() { return migrate(latest_schema_version()); }

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Reports how far a backup or restore is: `done` of `total` steps.
    using Progress = std::function<void(int done, int total)>;

    /// A consistent copy of the live database in `file`: SQLite's online backup API, or
    /// `pg_dump --format=custom` for PostgreSQL. Throws DatabaseError naming the cause.
    void backup(const std::filesystem::path& file, const Progress& progress = {});
    /// Replaces the contents of the database at `uri` with a backup made by backup() and
    /// applies pending migrations (`pg_restore --clean` for PostgreSQL).
    static void restore(const std::string& uri, const std::filesystem::path& file,
                        const Progress& progress = {});

    Backend backend() const;
    std::string backend_name() const;
    int schema_version() const;

    struct Pool; ///< private: SOCI's connection pool, for the stores in db/
    Pool& pool() { return *pool_; }

private:
    explicit Database(std::unique_ptr<Pool> pool);
    std::unique_ptr<Pool> pool_;
};

} // namespace callab::db
