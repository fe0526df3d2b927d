// SqlJobStore: what each run of a job checked and found when it started or resumed, the
// environment it read among it (migration 12). Only ever inserted, each with its audit entry.
#include "sql_support.hpp"

#include <callab/db/sql_job_store.hpp>

#include <soci/soci.h>

#include <map>

namespace callab::db {

void SqlJobStore::record_run_start(const lab::RunStart& start) {
    with_session(database_, "cannot store run start", [&](soci::session& sql) {
        const long long job = start.job.value();
        const long long at = to_microseconds(start.at);
        WriteTransaction tx(sql, database_.backend());
        long long id = 0;
        sql << "INSERT INTO run_start (job_id, started_at_us, recorded_by, reference_standard_u, "
               "reference_certificate, resolution) "
               "VALUES (:job, :at, :by, :u, :certificate, :resolution) RETURNING id",
            soci::use(job), soci::use(at), soci::use(start.recorded_by),
            soci::use(start.reference_standard_u), soci::use(start.reference_certificate),
            soci::use(start.resolution), soci::into(id);
        std::string environment;
        for (const auto& reading : start.environment) {
            environment += (environment.empty() ? "" : "; ") + reading.quantity + " " +
                           exact_number(reading.value) + " " + reading.unit;
            const long long read_at = to_microseconds(reading.timestamp);
            sql << "INSERT INTO run_environment (run_start_id, quantity, value, unit, device, "
                   "read_at_us) VALUES (:start, :quantity, :value, :unit, :device, :at)",
                soci::use(id), soci::use(reading.quantity), soci::use(reading.value),
                soci::use(reading.unit), soci::use(reading.device), soci::use(read_at);
        }
        append_audit(
            sql, start.recorded_by, "run_start", std::to_string(id), "create", "",
            audit_fields({{"job", start.job.to_string()},
                          {"started_at_us", std::to_string(at)},
                          {"reference_standard_u", exact_number(start.reference_standard_u)},
                          {"reference_certificate", start.reference_certificate},
                          {"resolution", exact_number(start.resolution)},
                          {"environment", environment}}));
        tx.commit();
    });
}

std::vector<lab::RunStart> SqlJobStore::run_starts_of(lab::JobId job) {
    return with_session(database_, "cannot read run starts", [&](soci::session& sql) {
        const long long key = job.value();
        std::vector<lab::RunStart> starts;
        std::map<long long, std::size_t> index_of;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT id, started_at_us, recorded_by, reference_standard_u, "
                            "reference_certificate, resolution FROM run_start "
                            "WHERE job_id = :job ORDER BY id",
             soci::use(key));
        for (const auto& row : rows) {
            index_of[column_int64(row, "id")] = starts.size();
            starts.push_back({job,
                              from_microseconds(column_int64(row, "started_at_us")),
                              column_text(row, "recorded_by"),
                              column_double(row, "reference_standard_u"),
                              column_text(row, "reference_certificate"),
                              column_double(row, "resolution"),
                              {}});
        }
        soci::rowset<soci::row> readings =
            (sql.prepare << "SELECT e.run_start_id, e.quantity, e.value, e.unit, e.device, "
                            "e.read_at_us FROM run_environment e "
                            "JOIN run_start s ON s.id = e.run_start_id "
                            "WHERE s.job_id = :job ORDER BY e.id",
             soci::use(key));
        for (const auto& row : readings) {
            const auto found = index_of.find(column_int64(row, "run_start_id"));
            if (found == index_of.end()) {
                continue;
            }
            starts[found->second].environment.push_back(
                {column_text(row, "quantity"), column_double(row, "value"),
                 column_text(row, "unit"), from_microseconds(column_int64(row, "read_at_us")),
                 column_text(row, "device")});
        }
        return starts;
    });
}

} // namespace callab::db
