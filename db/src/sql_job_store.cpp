#include "database_private.hpp"
#include "row_conversions.hpp"

#include <callab/db/sql_job_store.hpp>

#include <soci/soci.h>

namespace callab::db {
namespace {

constexpr const char* job_columns = "id, title, instrument, quantity, unit, resolution, "
                                    "created_at_us";
constexpr const char* reading_columns = "id, job_id, value, unit, source, taken_at_us, "
                                        "recorded_by";

// Runs `work` on a pooled session and turns SOCI's failures into DatabaseError.
template <typename Work> auto with_session(Database& database, const char* what, Work&& work) {
    try {
        soci::session sql(database.pool().connections);
        return work(sql);
    } catch (const soci::soci_error& e) {
        throw DatabaseError(std::string(what) + ": " + e.get_error_message());
    }
}

} // namespace

lab::Job SqlJobStore::create_job(const lab::NewJob& spec) {
    return with_session(database_, "cannot create job", [&](soci::session& sql) {
        lab::Job job{lab::JobId{}, spec, std::chrono::system_clock::now()};
        long long id = 0;
        const long long created = to_microseconds(job.created_at);
        sql << "INSERT INTO job (title, instrument, quantity, unit, resolution, created_at_us) "
               "VALUES (:title, :instrument, :quantity, :unit, :resolution, :created) "
               "RETURNING id",
            soci::use(spec.title), soci::use(spec.instrument), soci::use(spec.quantity),
            soci::use(spec.unit), soci::use(spec.resolution), soci::use(created), soci::into(id);
        job.id = lab::JobId{id};
        return job;
    });
}

std::optional<lab::Job> SqlJobStore::find_job(lab::JobId id) {
    return with_session(database_, "cannot read job", [&](soci::session& sql) {
        lab::Job job;
        const long long key = id.value();
        sql << "SELECT " << job_columns << " FROM job WHERE id = :id", soci::use(key),
            soci::into(job);
        return sql.got_data() ? std::optional<lab::Job>{job} : std::nullopt;
    });
}

std::vector<lab::Job> SqlJobStore::list_jobs() {
    return with_session(database_, "cannot list jobs", [&](soci::session& sql) {
        soci::rowset<lab::Job> rows =
            (sql.prepare << "SELECT " << job_columns << " FROM job ORDER BY id DESC");
        return std::vector<lab::Job>(rows.begin(), rows.end());
    });
}

lab::ReadingRecord SqlJobStore::append_reading(const lab::ReadingRecord& reading) {
    return with_session(database_, "cannot store reading", [&](soci::session& sql) {
        lab::ReadingRecord stored = reading;
        long long id = 0;
        const long long job = reading.job.value();
        const long long taken = to_microseconds(reading.taken_at);
        sql << "INSERT INTO reading (job_id, value, unit, source, taken_at_us, recorded_by) "
               "VALUES (:job, :value, :unit, :source, :taken, :who) RETURNING id",
            soci::use(job), soci::use(reading.value), soci::use(reading.unit),
            soci::use(reading.source), soci::use(taken), soci::use(reading.recorded_by),
            soci::into(id);
        stored.id = lab::ReadingId{id};
        return stored;
    });
}

std::vector<lab::ReadingRecord> SqlJobStore::readings_of(lab::JobId job) {
    return with_session(database_, "cannot read readings", [&](soci::session& sql) {
        const long long key = job.value();
        soci::rowset<lab::ReadingRecord> rows =
            (sql.prepare << "SELECT " << reading_columns
                         << " FROM reading WHERE job_id = :job ORDER BY id",
             soci::use(key));
        return std::vector<lab::ReadingRecord>(rows.begin(), rows.end());
    });
}

} // namespace callab::db
