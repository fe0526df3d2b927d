#include "sql_support.hpp"

#include <callab/db/sql_job_store.hpp>

#include <soci/soci.h>

#include <cstdio>

namespace callab::db {
namespace {

constexpr const char* job_columns =
    "id, title, instrument, quantity, unit, resolution, created_at_us, enterprise_id, "
    "instrument_id, procedure_id, technician_id, programme_id, fee_cents, environment, "
    "corrects_job_id, status, reviewer_id, approver_id, amendment_reason_zh, amendment_reason_en";
constexpr const char* reading_columns = "id, job_id, value, unit, source, taken_at_us, "
                                        "recorded_by, test_point, phase";

template <typename Id> std::optional<Id> optional_id(const soci::row& row, const char* column) {
    const auto value = column_optional_int64(row, column);
    return value ? std::optional<Id>{Id{*value}} : std::nullopt;
}

lab::Job job_from(const soci::row& row) {
    lab::Job job;
    job.id = lab::JobId{column_int64(row, "id")};
    job.spec.title = column_text(row, "title");
    job.spec.instrument = column_text(row, "instrument");
    job.spec.quantity = column_text(row, "quantity");
    job.spec.unit = column_text(row, "unit");
    job.spec.resolution = column_double(row, "resolution");
    job.created_at = from_microseconds(column_int64(row, "created_at_us"));
    job.spec.enterprise = optional_id<lab::EnterpriseId>(row, "enterprise_id");
    job.spec.instrument_id = optional_id<lab::InstrumentId>(row, "instrument_id");
    job.spec.procedure = optional_id<lab::ProcedureId>(row, "procedure_id");
    job.spec.technician = optional_id<lab::UserId>(row, "technician_id");
    job.spec.programme = optional_id<lab::ProgrammeId>(row, "programme_id");
    job.spec.fee_cents = column_int64(row, "fee_cents");
    job.spec.environment = column_text(row, "environment");
    job.spec.corrects = optional_id<lab::JobId>(row, "corrects_job_id");
    job.spec.amendment_reason_zh = column_text(row, "amendment_reason_zh");
    job.spec.amendment_reason_en = column_text(row, "amendment_reason_en");
    job.status = lab::parse_enum(column_text(row, "status"), lab::job_status_names)
                     .value_or(lab::JobStatus::draft);
    job.reviewer = optional_id<lab::UserId>(row, "reviewer_id");
    job.approver = optional_id<lab::UserId>(row, "approver_id");
    return job;
}

lab::ReadingRecord reading_from(const soci::row& row) {
    lab::ReadingRecord r;
    r.id = lab::ReadingId{column_int64(row, "id")};
    r.job = lab::JobId{column_int64(row, "job_id")};
    r.value = column_double(row, "value");
    r.unit = column_text(row, "unit");
    r.source = column_text(row, "source");
    r.taken_at = from_microseconds(column_int64(row, "taken_at_us"));
    r.recorded_by = column_text(row, "recorded_by");
    r.test_point = static_cast<int>(column_int64(row, "test_point"));
    r.phase = lab::parse_enum(column_text(row, "phase"), lab::reading_phase_names)
                  .value_or(lab::ReadingPhase::as_left);
    return r;
}

std::string describe(const lab::Job& job) {
    return audit_fields(
               {{"title", job.spec.title},
                {"instrument", job.spec.instrument},
                {"quantity", job.spec.quantity},
                {"unit", job.spec.unit},
                {"resolution", std::to_string(job.spec.resolution)},
                {"fee_cents", std::to_string(job.spec.fee_cents)},
                {"environment", job.spec.environment},
                {"status", std::string(lab::enum_name(job.status, lab::job_status_names))}}) +
           (job.spec.corrects
                ? audit_fields({{"corrects", job.spec.corrects->to_string()},
                                {"amendment_reason_zh", job.spec.amendment_reason_zh},
                                {"amendment_reason_en", job.spec.amendment_reason_en}})
                : std::string());
}

} // namespace

lab::Job SqlJobStore::create_job(const lab::NewJob& spec) {
    return with_session(database_, "cannot create job", [&](soci::session& sql) {
        lab::Job job{lab::JobId{}, spec, std::chrono::system_clock::now()};
        job.created_at = from_microseconds(to_microseconds(job.created_at));
        long long id = 0;
        const long long created = to_microseconds(job.created_at);
        auto enterprise = OptionalKey::of(spec.enterprise);
        auto instrument = OptionalKey::of(spec.instrument_id);
        auto procedure = OptionalKey::of(spec.procedure);
        auto technician = OptionalKey::of(spec.technician);
        auto programme = OptionalKey::of(spec.programme);
        auto corrects = OptionalKey::of(spec.corrects);
        WriteTransaction tx(sql, database_.backend());
        sql << "INSERT INTO job (title, instrument, quantity, unit, resolution, created_at_us, "
               "enterprise_id, instrument_id, procedure_id, technician_id, programme_id, "
               "fee_cents, environment, corrects_job_id, amendment_reason_zh, "
               "amendment_reason_en, status) "
               "VALUES (:title, :instrument, :quantity, :unit, :resolution, :created, :ent, "
               ":ins, :proc, :tech, :prog, :fee, :env, :corr, :reason_zh, :reason_en, 'draft') "
               "RETURNING id",
            soci::use(spec.title), soci::use(spec.instrument), soci::use(spec.quantity),
            soci::use(spec.unit), soci::use(spec.resolution), soci::use(created),
            soci::use(enterprise.value, enterprise.indicator),
            soci::use(instrument.value, instrument.indicator),
            soci::use(procedure.value, procedure.indicator),
            soci::use(technician.value, technician.indicator),
            soci::use(programme.value, programme.indicator), soci::use(spec.fee_cents),
            soci::use(spec.environment), soci::use(corrects.value, corrects.indicator),
            soci::use(spec.amendment_reason_zh), soci::use(spec.amendment_reason_en),
            soci::into(id);
        job.id = lab::JobId{id};
        append_audit(sql, spec.technician ? "user:" + spec.technician->to_string() : "system",
                     "job", job.id.to_string(), "create", "", describe(job));
        tx.commit();
        return job;
    });
}

std::optional<lab::Job> SqlJobStore::find_job(lab::JobId id) {
    return with_session(database_, "cannot read job", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << job_columns << " FROM job WHERE id = :id", soci::use(key));
        for (const auto& row : rows) {
            return std::optional<lab::Job>{job_from(row)};
        }
        return std::optional<lab::Job>{};
    });
}

std::vector<lab::Job> SqlJobStore::list_jobs() {
    return with_session(database_, "cannot list jobs", [&](soci::session& sql) {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << job_columns << " FROM job ORDER BY id DESC");
        std::vector<lab::Job> jobs;
        for (const auto& row : rows) {
            jobs.push_back(job_from(row));
        }
        return jobs;
    });
}

lab::JobPage SqlJobStore::find_jobs(const lab::JobFilter& filter, long long offset,
                                    long long limit) {
    return with_session(database_, "cannot list jobs", [&](soci::session& sql) {
        // Absent filters are bound as values no row has, so one statement serves every mix.
        const std::string status =
            filter.status ? std::string(lab::enum_name(*filter.status, lab::job_status_names)) : "";
        const long long technician = filter.technician ? filter.technician->value() : 0;
        const long long enterprise = filter.enterprise ? filter.enterprise->value() : 0;
        const int any_status = filter.status ? 0 : 1;
        const int any_technician = filter.technician ? 0 : 1;
        const int any_enterprise = filter.enterprise ? 0 : 1;
        constexpr const char* where =
            " FROM job WHERE (:any_s = 1 OR status = :status) AND (:any_t = 1 OR technician_id = "
            ":tech) AND (:any_e = 1 OR enterprise_id = :ent)";
        lab::JobPage page;
        sql << "SELECT COUNT(*)" << where, soci::use(any_status), soci::use(status),
            soci::use(any_technician), soci::use(technician), soci::use(any_enterprise),
            soci::use(enterprise), soci::into(page.total);
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << job_columns << where
                         << " ORDER BY id DESC LIMIT :limit OFFSET :offset",
             soci::use(any_status), soci::use(status), soci::use(any_technician),
             soci::use(technician), soci::use(any_enterprise), soci::use(enterprise),
             soci::use(limit), soci::use(offset));
        for (const auto& row : rows) {
            page.jobs.push_back(job_from(row));
        }
        return page;
    });
}

namespace {

lab::ReadingRecord insert_reading(soci::session& sql, const lab::ReadingRecord& reading) {
    lab::ReadingRecord stored = reading;
    long long id = 0;
    const long long job = reading.job.value();
    const long long taken = to_microseconds(reading.taken_at);
    const std::string phase(lab::enum_name(reading.phase, lab::reading_phase_names));
    sql << "INSERT INTO reading (job_id, value, unit, source, taken_at_us, recorded_by, "
           "test_point, phase) VALUES (:job, :value, :unit, :source, :taken, :who, :point, "
           ":phase) RETURNING id",
        soci::use(job), soci::use(reading.value), soci::use(reading.unit),
        soci::use(reading.source), soci::use(taken), soci::use(reading.recorded_by),
        soci::use(reading.test_point), soci::use(phase), soci::into(id);
    stored.id = lab::ReadingId{id};
    append_audit(sql, reading.recorded_by, "reading", stored.id.to_string(), "append", "",
                 audit_fields({{"job", reading.job.to_string()},
                               {"value", exact_number(reading.value)},
                               {"unit", reading.unit},
                               {"source", reading.source},
                               {"taken_at_us", std::to_string(taken)},
                               {"test_point", std::to_string(reading.test_point)},
                               {"phase", phase}}));
    return stored;
}

} // namespace

// Concurrent appends share one transaction (group commit): the leader of a batch inserts
// each reading under its own savepoint, so a reading that fails (an unknown job) fails only
// its caller, and commits once; every caller returns after that commit is durable.
lab::ReadingRecord SqlJobStore::append_reading(const lab::ReadingRecord& reading) {
    using Appends = GroupCommit<soci::session>;
    lab::ReadingRecord stored;
    const auto executor = [this](std::span<Appends::Entry* const> batch) {
        with_session(database_, "cannot store reading", [&](soci::session& sql) {
            WriteTransaction tx(sql, database_.backend());
            for (Appends::Entry* entry : batch) {
                sql << "SAVEPOINT reading_append";
                try {
                    entry->work(sql);
                    sql << "RELEASE SAVEPOINT reading_append";
                } catch (const soci::soci_error& e) {
                    sql << "ROLLBACK TO SAVEPOINT reading_append";
                    sql << "RELEASE SAVEPOINT reading_append";
                    entry->error = std::make_exception_ptr(
                        DatabaseError("cannot store reading: " + e.get_error_message()));
                }
            }
            tx.commit();
        });
    };
    database_.pool().reading_appends.submit(
        [&](soci::session& sql) { stored = insert_reading(sql, reading); }, executor);
    return stored;
}

std::vector<lab::ReadingRecord>
SqlJobStore::append_readings(std::span<const lab::ReadingRecord> readings) {
    return with_session(database_, "cannot store readings", [&](soci::session& sql) {
        WriteTransaction tx(sql, database_.backend());
        std::vector<lab::ReadingRecord> stored;
        stored.reserve(readings.size());
        for (const auto& reading : readings) {
            stored.push_back(insert_reading(sql, reading));
        }
        tx.commit();
        return stored;
    });
}

std::vector<lab::ReadingRecord> SqlJobStore::readings_of(lab::JobId job) {
    return with_session(database_, "cannot read readings", [&](soci::session& sql) {
        const long long key = job.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << reading_columns
                         << " FROM reading WHERE job_id = :job ORDER BY id",
             soci::use(key));
        std::vector<lab::ReadingRecord> readings;
        for (const auto& row : rows) {
            readings.push_back(reading_from(row));
        }
        return readings;
    });
}

bool SqlJobStore::change_status(lab::JobId id, lab::JobStatus from, lab::JobStatus to,
                                const lab::User& by) {
    return with_session(database_, "cannot change job status", [&](soci::session& sql) {
        const long long key = id.value();
        const std::string from_text(lab::enum_name(from, lab::job_status_names));
        const std::string to_text(lab::enum_name(to, lab::job_status_names));
        const long long user = by.id.value();
        WriteTransaction tx(sql, database_.backend());
        soci::statement update =
            (sql.prepare
                 << "UPDATE job SET status = :to, "
                    "reviewer_id = CASE WHEN :to2 = 'reviewed' THEN :u1 ELSE reviewer_id END, "
                    "approver_id = CASE WHEN :to3 = 'approved' THEN :u2 ELSE approver_id END "
                    "WHERE id = :id AND status = :from",
             soci::use(to_text), soci::use(to_text), soci::use(user), soci::use(to_text),
             soci::use(user), soci::use(key), soci::use(from_text));
        update.execute(true);
        if (update.get_affected_rows() != 1) {
            return false;
        }
        append_audit(sql, by.data.username, "job", id.to_string(), "status",
                     "status=" + from_text + "\n", "status=" + to_text + "\n");
        tx.commit();
        return true;
    });
}

void SqlJobStore::record_standard_use(const lab::StandardUse& use) {
    with_session(database_, "cannot record standard use", [&](soci::session& sql) {
        const long long job = use.job.value();
        const long long standard = use.standard.value();
        long long manager = use.override_by ? use.override_by->manager.value() : 0;
        soci::indicator manager_ind = use.override_by ? soci::i_ok : soci::i_null;
        std::string reason = use.override_by ? use.override_by->reason : "";
        soci::indicator reason_ind = use.override_by ? soci::i_ok : soci::i_null;
        WriteTransaction tx(sql, database_.backend());
        sql << "INSERT INTO job_standard (job_id, test_point, standard_id, override_by, "
               "override_reason) VALUES (:job, :point, :standard, :manager, :reason)",
            soci::use(job), soci::use(use.test_point), soci::use(standard),
            soci::use(manager, manager_ind), soci::use(reason, reason_ind);
        append_audit(sql, use.override_by ? "user:" + std::to_string(manager) : "system", "job",
                     use.job.to_string(), "standard", "",
                     audit_fields({{"test_point", std::to_string(use.test_point)},
                                   {"standard", use.standard.to_string()},
                                   {"override_reason", reason}}));
        tx.commit();
    });
}

std::vector<lab::StandardUse> SqlJobStore::standards_used(lab::JobId job) {
    return with_session(database_, "cannot read standards used", [&](soci::session& sql) {
        const long long key = job.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT j.test_point, j.standard_id, j.override_by, "
                            "j.override_reason, u.role FROM job_standard j "
                            "LEFT JOIN app_user u ON u.id = j.override_by "
                            "WHERE j.job_id = :job ORDER BY j.id",
             soci::use(key));
        std::vector<lab::StandardUse> uses;
        for (const auto& row : rows) {
            lab::StandardUse use{job, static_cast<int>(column_int64(row, "test_point")),
                                 lab::StandardId{column_int64(row, "standard_id")}, std::nullopt};
            if (const auto manager = column_optional_int64(row, "override_by")) {
                use.override_by =
                    lab::UsageOverride{lab::UserId{*manager},
                                       lab::parse_enum(column_text(row, "role"), lab::role_names)
                                           .value_or(lab::Role::manager),
                                       column_text(row, "override_reason")};
            }
            uses.push_back(use);
        }
        return uses;
    });
}

} // namespace callab::db
