// The schema, as numbered steps applied in order. A step is never edited once released:
// a change to the schema is a new step. `{{id}}` stands for the backend's auto-increment
// primary key.
#include "database_private.hpp"

#include <soci/soci.h>

#include <array>
#include <string>
#include <string_view>

namespace callab::db {
namespace {

struct Migration {
    int version;
    std::string_view description;
    std::string_view sql;
    std::string_view postgresql_only = {}; ///< run after `sql` on PostgreSQL only
};

constexpr std::array migrations{
    Migration{1, "jobs and readings", R"sql(
CREATE TABLE job (
    id {{id}},
    title TEXT NOT NULL,
    instrument TEXT NOT NULL,
    quantity TEXT NOT NULL,
    unit TEXT NOT NULL,
    resolution DOUBLE PRECISION NOT NULL CHECK (resolution >= 0),
    created_at_us BIGINT NOT NULL
);
CREATE TABLE reading (
    id {{id}},
    job_id BIGINT NOT NULL REFERENCES job(id),
    value DOUBLE PRECISION NOT NULL,
    unit TEXT NOT NULL,
    source TEXT NOT NULL,
    taken_at_us BIGINT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX reading_job ON reading(job_id, id);
)sql"},
    Migration{2, "users, enterprises, instruments, standards, procedures, job workflow, audit",
              R"sql(
CREATE TABLE enterprise (
    id {{id}},
    name TEXT NOT NULL,
    credit_code TEXT NOT NULL UNIQUE,
    region TEXT NOT NULL,
    industry TEXT NOT NULL,
    size_class TEXT NOT NULL CHECK (size_class IN ('micro', 'small', 'medium', 'large')),
    contacts TEXT NOT NULL
);
CREATE TABLE app_user (
    id {{id}},
    username TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('technician', 'reviewer', 'signatory', 'manager',
                                       'admin', 'enterprise_user')),
    enterprise_id BIGINT REFERENCES enterprise(id),
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    CHECK ((role = 'enterprise_user') = (enterprise_id IS NOT NULL))
);
CREATE TABLE user_authorisation (
    user_id BIGINT NOT NULL REFERENCES app_user(id),
    procedure_code TEXT NOT NULL,
    PRIMARY KEY (user_id, procedure_code)
);
CREATE TABLE instrument (
    id {{id}},
    kind TEXT NOT NULL,
    maker TEXT NOT NULL,
    model TEXT NOT NULL,
    serial TEXT NOT NULL,
    range_low DOUBLE PRECISION NOT NULL,
    range_high DOUBLE PRECISION NOT NULL,
    unit TEXT NOT NULL,
    resolution DOUBLE PRECISION NOT NULL CHECK (resolution > 0),
    owner_id BIGINT NOT NULL REFERENCES enterprise(id),
    regime TEXT NOT NULL CHECK (regime IN ('verification', 'calibration'))
);
CREATE INDEX instrument_owner ON instrument(owner_id);
CREATE TABLE reference_standard (
    id {{id}},
    name TEXT NOT NULL,
    maker TEXT NOT NULL,
    model TEXT NOT NULL,
    serial TEXT NOT NULL,
    parent_id BIGINT REFERENCES reference_standard(id),
    national_standard TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('in_service', 'suspended', 'retired'))
);
CREATE TABLE standard_certificate (
    id {{id}},
    standard_id BIGINT NOT NULL REFERENCES reference_standard(id),
    version INTEGER NOT NULL,
    number TEXT NOT NULL,
    issuer TEXT NOT NULL,
    calibrated_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    uncertainty TEXT NOT NULL,
    UNIQUE (standard_id, version)
);
CREATE INDEX standard_certificate_due ON standard_certificate(due_on);
CREATE TABLE intermediate_check (
    id {{id}},
    standard_id BIGINT NOT NULL REFERENCES reference_standard(id),
    checked_on TEXT NOT NULL,
    passed INTEGER NOT NULL,
    result TEXT NOT NULL,
    checked_by BIGINT NOT NULL REFERENCES app_user(id)
);
CREATE TABLE procedure_version (
    id {{id}},
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    method_reference TEXT NOT NULL,
    test_points TEXT NOT NULL,
    unit TEXT NOT NULL,
    readings_per_point INTEGER NOT NULL CHECK (readings_per_point >= 1),
    stabilisation_tolerance DOUBLE PRECISION NOT NULL,
    stabilisation_seconds INTEGER NOT NULL,
    uncertainty_inputs TEXT NOT NULL,
    maximum_permissible_error DOUBLE PRECISION NOT NULL,
    decision_rule TEXT NOT NULL CHECK (decision_rule IN ('simple_acceptance', 'guard_band',
                                                         'non_binary')),
    guard_band_factor DOUBLE PRECISION NOT NULL,
    certificate_kind TEXT NOT NULL CHECK (certificate_kind IN ('calibration', 'verification')),
    fee_cents BIGINT NOT NULL CHECK (fee_cents >= 0),
    UNIQUE (code, version)
);
CREATE TABLE programme (
    id {{id}},
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    eligible_sizes TEXT NOT NULL,
    eligible_regions TEXT NOT NULL,
    budget_cents BIGINT NOT NULL
);
ALTER TABLE job ADD COLUMN enterprise_id BIGINT REFERENCES enterprise(id);
ALTER TABLE job ADD COLUMN instrument_id BIGINT REFERENCES instrument(id);
ALTER TABLE job ADD COLUMN procedure_id BIGINT REFERENCES procedure_version(id);
ALTER TABLE job ADD COLUMN technician_id BIGINT REFERENCES app_user(id);
ALTER TABLE job ADD COLUMN programme_id BIGINT REFERENCES programme(id);
ALTER TABLE job ADD COLUMN fee_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE job ADD COLUMN environment TEXT NOT NULL DEFAULT '';
ALTER TABLE job ADD COLUMN corrects_job_id BIGINT REFERENCES job(id);
ALTER TABLE job ADD COLUMN status TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE job ADD COLUMN reviewer_id BIGINT REFERENCES app_user(id);
ALTER TABLE job ADD COLUMN approver_id BIGINT REFERENCES app_user(id);
ALTER TABLE reading ADD COLUMN test_point INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reading ADD COLUMN phase TEXT NOT NULL DEFAULT 'as_left';
CREATE TABLE job_standard (
    id {{id}},
    job_id BIGINT NOT NULL REFERENCES job(id),
    test_point INTEGER NOT NULL,
    standard_id BIGINT NOT NULL REFERENCES reference_standard(id),
    override_by BIGINT REFERENCES app_user(id),
    override_reason TEXT
);
CREATE INDEX job_standard_job ON job_standard(job_id);
CREATE TABLE audit_entry (
    sequence BIGINT PRIMARY KEY,
    at_us BIGINT NOT NULL,
    actor TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    before_text TEXT NOT NULL,
    after_text TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
)sql"},
    Migration{3, "shared equipment and bookings", R"sql(
CREATE TABLE equipment (
    id {{id}},
    name TEXT NOT NULL,
    standard_id BIGINT REFERENCES reference_standard(id),
    approval_required INTEGER NOT NULL,
    service_buffer_minutes INTEGER NOT NULL CHECK (service_buffer_minutes >= 0)
);
CREATE TABLE booking (
    id {{id}},
    equipment_id BIGINT NOT NULL REFERENCES equipment(id),
    requested_by BIGINT NOT NULL REFERENCES app_user(id),
    on_behalf_of BIGINT REFERENCES app_user(id),
    start_us BIGINT NOT NULL,
    end_us BIGINT NOT NULL,
    blocked_until_us BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'checked_out', 'returned',
                                           'cancelled', 'rejected', 'no_show')),
    purpose TEXT NOT NULL,
    job_id BIGINT REFERENCES job(id),
    checked_out_at_us BIGINT,
    returned_at_us BIGINT,
    condition_out TEXT NOT NULL,
    condition_in TEXT NOT NULL,
    CHECK (end_us > start_us AND blocked_until_us >= end_us)
);
CREATE INDEX booking_equipment_start ON booking(equipment_id, start_us);
)sql",
              R"sql(
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE booking ADD CONSTRAINT booking_no_overlap EXCLUDE USING gist (
    equipment_id WITH =, int8range(start_us, blocked_until_us) WITH &&)
    WHERE (status IN ('requested', 'approved', 'checked_out'));
)sql"},
    Migration{4, "recall schedules", R"sql(
CREATE TABLE recall_schedule (
    id {{id}},
    item_kind TEXT NOT NULL CHECK (item_kind IN ('instrument', 'standard', 'equipment')),
    item_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('calibration', 'intermediate_check', 'maintenance')),
    due_on TEXT NOT NULL,
    interval_days INTEGER NOT NULL CHECK (interval_days >= 1),
    lead_days INTEGER NOT NULL CHECK (lead_days >= 0)
);
CREATE INDEX recall_schedule_due ON recall_schedule(due_on);
)sql"},
    Migration{5, "issued certificates and standard usage", R"sql(
CREATE TABLE certificate (
    id {{id}},
    number TEXT NOT NULL UNIQUE,
    job_id BIGINT NOT NULL REFERENCES job(id),
    year INTEGER NOT NULL,
    sequence BIGINT NOT NULL CHECK (sequence >= 1),
    issue_date TEXT NOT NULL,
    instrument TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    pdf_base64 TEXT NOT NULL,
    dcc TEXT NOT NULL,
    pdf_sha256 TEXT NOT NULL,
    dcc_sha256 TEXT NOT NULL,
    replaces_number TEXT REFERENCES certificate(number),
    status TEXT NOT NULL CHECK (status IN ('valid', 'superseded', 'revoked')),
    superseded_by TEXT,
    revocation_reason TEXT,
    revoked_by TEXT,
    programme_id BIGINT REFERENCES programme(id),
    waived_cents BIGINT NOT NULL DEFAULT 0,
    UNIQUE (year, sequence)
);
CREATE INDEX certificate_job ON certificate(job_id);
CREATE INDEX certificate_pdf_sha256 ON certificate(pdf_sha256);
CREATE INDEX certificate_dcc_sha256 ON certificate(dcc_sha256);
CREATE TABLE standard_usage (
    id {{id}},
    standard_id BIGINT NOT NULL REFERENCES reference_standard(id),
    job_id BIGINT NOT NULL REFERENCES job(id),
    certificate_number TEXT NOT NULL REFERENCES certificate(number),
    used_on TEXT NOT NULL
);
CREATE INDEX standard_usage_standard ON standard_usage(standard_id);
)sql"},
    Migration{6, "web sessions", R"sql(
CREATE TABLE web_session (
    token_digest TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES app_user(id),
    csrf_token TEXT NOT NULL,
    expires_at_us BIGINT NOT NULL
);
CREATE INDEX web_session_expiry ON web_session(expires_at_us);
)sql"},
    Migration{7, "procedure environment limits and point conditions, equipment usage", R"sql(
ALTER TABLE procedure_version ADD COLUMN environment_limits TEXT NOT NULL DEFAULT '';
ALTER TABLE procedure_version ADD COLUMN point_conditions TEXT NOT NULL DEFAULT '';
CREATE TABLE equipment_usage (
    id {{id}},
    equipment_id BIGINT NOT NULL REFERENCES equipment(id),
    job_id BIGINT NOT NULL REFERENCES job(id),
    certificate_number TEXT NOT NULL,
    used_on TEXT NOT NULL
);
CREATE INDEX equipment_usage_equipment ON equipment_usage(equipment_id);
)sql"},
    Migration{8, "service requests and activities", R"sql(
CREATE TABLE service_request (
    id {{id}},
    enterprise_id BIGINT NOT NULL REFERENCES enterprise(id),
    kind TEXT NOT NULL CHECK (kind IN ('calibration', 'equipment_loan', 'technical_advice')),
    subject TEXT NOT NULL,
    details TEXT NOT NULL,
    equipment_id BIGINT REFERENCES equipment(id),
    submitted_by BIGINT NOT NULL REFERENCES app_user(id),
    submitted_at_us BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'question_asked', 'accepted', 'rejected',
                                           'completed')),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    rejection_reason TEXT NOT NULL,
    written_answer TEXT NOT NULL,
    handled_by BIGINT REFERENCES app_user(id),
    handled_at_us BIGINT
);
CREATE INDEX service_request_enterprise ON service_request(enterprise_id, id);
CREATE INDEX service_request_submitted ON service_request(submitted_at_us);
CREATE TABLE service_request_instrument (
    request_id BIGINT NOT NULL REFERENCES service_request(id),
    instrument_id BIGINT NOT NULL REFERENCES instrument(id),
    PRIMARY KEY (request_id, instrument_id)
);
CREATE TABLE service_request_outcome (
    request_id BIGINT NOT NULL REFERENCES service_request(id),
    job_id BIGINT REFERENCES job(id),
    booking_id BIGINT REFERENCES booking(id),
    CHECK ((job_id IS NULL) <> (booking_id IS NULL))
);
CREATE INDEX service_request_outcome_request ON service_request_outcome(request_id);
CREATE TABLE service_activity (
    id {{id}},
    kind TEXT NOT NULL CHECK (kind IN ('visit', 'training', 'consultation')),
    held_on TEXT NOT NULL,
    region TEXT NOT NULL,
    topic TEXT NOT NULL,
    attendee_count INTEGER NOT NULL CHECK (attendee_count >= 0),
    problems_solved INTEGER NOT NULL CHECK (problems_solved >= 0),
    recorded_by TEXT NOT NULL
);
CREATE INDEX service_activity_held_on ON service_activity(held_on);
CREATE TABLE service_activity_enterprise (
    activity_id BIGINT NOT NULL REFERENCES service_activity(id),
    enterprise_id BIGINT NOT NULL REFERENCES enterprise(id),
    PRIMARY KEY (activity_id, enterprise_id)
);
CREATE INDEX service_activity_enterprise_by ON service_activity_enterprise(enterprise_id);
CREATE TABLE service_activity_item (
    activity_id BIGINT NOT NULL REFERENCES service_activity(id),
    item_kind TEXT NOT NULL CHECK (item_kind IN ('attendee', 'problem')),
    item_position INTEGER NOT NULL,
    item_text TEXT NOT NULL,
    PRIMARY KEY (activity_id, item_kind, item_position)
);
)sql"},
    Migration{9, "recall notices, mail log, user e-mail", R"sql(
ALTER TABLE app_user ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE recall_schedule ADD COLUMN responsible_user_id BIGINT REFERENCES app_user(id);
CREATE TABLE recall_notice (
    id {{id}},
    schedule_id BIGINT NOT NULL REFERENCES recall_schedule(id),
    notice_day TEXT NOT NULL,
    recipient_id BIGINT REFERENCES app_user(id),
    created_at_us BIGINT NOT NULL,
    UNIQUE (schedule_id, notice_day)
);
CREATE INDEX recall_notice_day ON recall_notice(notice_day);
CREATE TABLE mail_log (
    id {{id}},
    recipient TEXT NOT NULL,
    attempted_at_us BIGINT NOT NULL,
    sent INTEGER NOT NULL CHECK (sent IN (0, 1)),
    reply TEXT NOT NULL
);
CREATE TABLE mail_log_notice (
    mail_id BIGINT NOT NULL REFERENCES mail_log(id),
    notice_id BIGINT NOT NULL REFERENCES recall_notice(id),
    PRIMARY KEY (mail_id, notice_id)
);
CREATE INDEX mail_log_notice_notice ON mail_log_notice(notice_id);
CREATE TABLE mail_claim (
    notice_id BIGINT PRIMARY KEY REFERENCES recall_notice(id),
    claimed_at_us BIGINT NOT NULL
);
)sql"},
    Migration{10, "bookable hours of equipment and the reasons of booking decisions", R"sql(
ALTER TABLE equipment ADD COLUMN bookable_days INTEGER NOT NULL DEFAULT 127
    CHECK (bookable_days BETWEEN 1 AND 127);
ALTER TABLE equipment ADD COLUMN bookable_from_minute INTEGER NOT NULL DEFAULT 0;
ALTER TABLE equipment ADD COLUMN bookable_to_minute INTEGER NOT NULL DEFAULT 1440;
ALTER TABLE equipment ADD COLUMN utc_offset_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE booking ADD COLUMN reason TEXT NOT NULL DEFAULT '';
CREATE INDEX booking_start ON booking(start_us);
)sql"},
    Migration{11, "reasons of jobs returned for rework", R"sql(
CREATE TABLE job_return (
    id {{id}},
    job_id BIGINT NOT NULL REFERENCES job(id),
    reason TEXT NOT NULL CHECK (reason <> ''),
    returned_by TEXT NOT NULL,
    returned_at_us BIGINT NOT NULL
);
CREATE INDEX job_return_job ON job_return(job_id);
)sql"},
    Migration{12, "run starts with the environment read, amendment reasons of corrections", R"sql(
CREATE TABLE run_start (
    id {{id}},
    job_id BIGINT NOT NULL REFERENCES job(id),
    started_at_us BIGINT NOT NULL,
    recorded_by TEXT NOT NULL,
    reference_standard_u DOUBLE PRECISION NOT NULL CHECK (reference_standard_u >= 0),
    reference_certificate TEXT NOT NULL,
    resolution DOUBLE PRECISION NOT NULL CHECK (resolution >= 0)
);
CREATE INDEX run_start_job ON run_start(job_id);
CREATE TABLE run_environment (
    id {{id}},
    run_start_id BIGINT NOT NULL REFERENCES run_start(id),
    quantity TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    unit TEXT NOT NULL,
    device TEXT NOT NULL,
    read_at_us BIGINT NOT NULL
);
CREATE INDEX run_environment_start ON run_environment(run_start_id);
ALTER TABLE job ADD COLUMN amendment_reason_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE job ADD COLUMN amendment_reason_en TEXT NOT NULL DEFAULT '';
)sql"},
    Migration{13, "indexes for the audit trail's filters", R"sql(
CREATE INDEX audit_entry_entity ON audit_entry(entity, entity_id, sequence);
CREATE INDEX audit_entry_actor ON audit_entry(actor, sequence);
)sql"},
    // The overlap check reads the latest holding booking before a slot; among returned and
    // cancelled ones that would be a walk back through the equipment's whole history.
    Migration{14, "an index of the bookings that hold their slot", R"sql(
CREATE INDEX booking_holding ON booking(equipment_id, start_us)
    WHERE status IN ('requested', 'approved', 'checked_out');
)sql"},
};

std::string for_backend(std::string_view sql, Backend backend) {
    const std::string_view id_column = backend == Backend::sqlite
                                           ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                           : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
    std::string text(sql);
    for (auto pos = text.find("{{id}}"); pos != std::string::npos; pos = text.find("{{id}}")) {
        text.replace(pos, 6, id_column);
    }
    return text;
}

// Runs each ';'-terminated statement on its own: neither backend's driver takes a batch.
void execute_script(soci::session& sql, const std::string& script) {
    std::size_t start = 0;
    while (true) {
        const auto end = script.find(';', start);
        if (end == std::string::npos) {
            break;
        }
        const auto statement = script.substr(start, end - start);
        if (statement.find_first_not_of(" \n\t") != std::string::npos) {
            sql << statement;
        }
        start = end + 1;
    }
}

} // namespace

int latest_schema_version() {
    return migrations.back().version;
}

int current_schema_version(soci::session& sql) {
    sql << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
           "description TEXT NOT NULL)";
    int version = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT MAX(version) FROM schema_version", soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
}

namespace {

// Holds PostgreSQL's session-level advisory lock for schema changes while it lives, so that
// servers started together against one database migrate one after the other.
class SchemaLock {
public:
    SchemaLock(soci::session& sql, Backend backend)
        : sql_(sql), held_(backend == Backend::postgresql) {
        if (held_) {
            sql_ << "SELECT pg_advisory_lock(" << schema_lock_key << ")";
        }
    }
    ~SchemaLock() {
        if (!held_) {
            return;
        }
        try {
            sql_ << "SELECT pg_advisory_unlock(" << schema_lock_key << ")";
        } catch (const soci::soci_error&) { // NOLINT(bugprone-empty-catch): the connection
            // is gone, and the server released the lock with it.
        }
    }
    SchemaLock(const SchemaLock&) = delete;
    SchemaLock& operator=(const SchemaLock&) = delete;

private:
    static constexpr long long schema_lock_key = 0x63616c6c6162; // "callab"
    soci::session& sql_;
    bool held_;
};

} // namespace

void apply_migrations(soci::session& sql, Backend backend, int target_version) {
    const SchemaLock lock(sql, backend);
    for (const auto& step : migrations) {
        if (step.version > target_version) {
            break;
        }
        // The version is read again inside each step's write transaction: another process
        // may have applied the step meanwhile (BEGIN IMMEDIATE waits for it on SQLite).
        sql << (backend == Backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
        try {
            if (step.version <= current_schema_version(sql)) {
                sql << "COMMIT";
                continue;
            }
            execute_script(sql, for_backend(step.sql, backend));
            if (backend == Backend::postgresql) {
                execute_script(sql, std::string(step.postgresql_only));
            }
            const std::string description(step.description);
            sql << "INSERT INTO schema_version (version, description) VALUES (:v, :d)",
                soci::use(step.version), soci::use(description);
            sql << "COMMIT";
        } catch (...) {
            try {
                sql << "ROLLBACK";
            } catch (const soci::soci_error&) { // NOLINT(bugprone-empty-catch): the first
                // failure is the one to report.
            }
            throw;
        }
    }
}

} // namespace callab::db
