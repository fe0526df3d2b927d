// Consistent online backups: SQLite's backup API page by page, pg_dump/pg_restore for
// PostgreSQL.
#include "database_private.hpp"

#include <callab/db/database.hpp>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <sys/wait.h>
#include <unistd.h>
#include <vector>

// SOCI's sqlite3 backend header declares SQLite's C API inside this namespace.
using namespace sqlite_api; // NOLINT(google-build-using-namespace)

namespace callab::db {
namespace {

sqlite3* native_handle(soci::session& sql) {
    return static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
}

// Copies every page of `from` into `to`, 256 pages a step, reporting progress.
void copy_pages(sqlite3* to, sqlite3* from, const std::string& what,
                const Database::Progress& progress) {
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (backup == nullptr) {
        throw DatabaseError(what + ": " + sqlite3_errmsg(to));
    }
    int rc = SQLITE_OK;
    while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        rc = sqlite3_backup_step(backup, 256);
        if (progress) {
            const int total = sqlite3_backup_pagecount(backup);
            progress(total - sqlite3_backup_remaining(backup), total);
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep(50);
        }
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        throw DatabaseError(what + ": " + sqlite3_errstr(rc));
    }
}

void run_program(const std::vector<std::string>& argv, const std::string& what) {
    const pid_t pid = ::fork();
    if (pid == -1) {
        throw DatabaseError(what + ": cannot start " + argv[0]);
    }
    if (pid == 0) {
        std::vector<char*> args;
        for (const auto& a : argv) {
            args.push_back(const_cast<char*>(a.c_str()));
        }
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw DatabaseError(what + ": " + argv[0] + " failed (exit status " +
                            std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
    }
}

} // namespace

void Database::backup(const std::filesystem::path& file, const Progress& progress) {
    const std::string what = "backup to " + file.string();
    if (pool_->backend == Backend::postgresql) {
        run_program({"pg_dump", "--format=custom", "--file=" + file.string(),
                     "--dbname=" + pool_->parameters},
                    what);
        if (progress) {
            progress(1, 1);
        }
        return;
    }
    sqlite3* out = nullptr;
    if (sqlite3_open(file.c_str(), &out) != SQLITE_OK) {
        const std::string cause = out != nullptr ? sqlite3_errmsg(out) : "out of memory";
        sqlite3_close(out);
        throw DatabaseError(what + ": " + cause);
    }
    try {
        soci::session sql(pool_->connections);
        copy_pages(out, native_handle(sql), what, progress);
    } catch (...) {
        sqlite3_close(out);
        throw;
    }
    sqlite3_close(out);
}

void Database::restore(const std::string& uri, const std::filesystem::path& file,
                       const Progress& progress) {
    const std::string what = "restore from " + file.string();
    if (!std::filesystem::is_regular_file(file)) {
        throw DatabaseError(what + ": no such file");
    }
    auto database = open_unmigrated(uri, 1);
    if (database->backend() == Backend::postgresql) {
        run_program({"pg_restore", "--clean", "--if-exists", "--no-owner",
                     "--dbname=" + postgresql_parameters(uri), file.string()},
                    what);
        if (progress) {
            progress(1, 1);
        }
    } else {
        sqlite3* in = nullptr;
        if (sqlite3_open_v2(file.c_str(), &in, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            sqlite3_close(in);
            throw DatabaseError(what + ": cannot be opened");
        }
        try {
            soci::session sql(database->pool().connections);
            copy_pages(native_handle(sql), in, what, progress);
        } catch (...) {
            sqlite3_close(in);
            throw;
        }
        sqlite3_close(in);
    }
    database.reset();
    open(uri, 1);
}

} // namespace callab::db
