// SqlJobStore: returns of jobs for rework, with their reasons (migration 11).
#include "sql_support.hpp"

#include <callab/db/sql_job_store.hpp>

#include <soci/soci.h>

namespace callab::db {

bool SqlJobStore::return_job(lab::JobId id, lab::JobStatus from, const std::string& reason,
                             const lab::User& by) {
    return with_session(database_, "cannot return job", [&](soci::session& sql) {
        const long long key = id.value();
        const std::string from_text(lab::enum_name(from, lab::job_status_names));
        const std::string to_text(lab::enum_name(lab::JobStatus::returned, lab::job_status_names));
        const long long at = to_microseconds(std::chrono::system_clock::now());
        WriteTransaction tx(sql, database_.backend());
        soci::statement update = (sql.prepare << "UPDATE job SET status = :to "
                                                 "WHERE id = :id AND status = :from",
                                  soci::use(to_text), soci::use(key), soci::use(from_text));
        update.execute(true);
        if (update.get_affected_rows() != 1) {
            return false;
        }
        sql << "INSERT INTO job_return (job_id, reason, returned_by, returned_at_us) "
               "VALUES (:job, :reason, :by, :at)",
            soci::use(key), soci::use(reason), soci::use(by.data.username), soci::use(at);
        append_audit(sql, by.data.username, "job", id.to_string(), "status",
                     "status=" + from_text + "\n",
                     "status=" + to_text + "\nreason=" + reason + "\n");
        tx.commit();
        return true;
    });
}

std::vector<lab::JobReturn> SqlJobStore::returns_of(lab::JobId id) {
    return with_session(database_, "cannot read job returns", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT reason, returned_by, returned_at_us FROM job_return "
                            "WHERE job_id = :job ORDER BY id",
             soci::use(key));
        std::vector<lab::JobReturn> returns;
        for (const auto& row : rows) {
            returns.push_back({column_text(row, "reason"), column_text(row, "returned_by"),
                               from_microseconds(column_int64(row, "returned_at_us"))});
        }
        return returns;
    });
}

} // namespace callab::db
