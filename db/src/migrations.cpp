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
    int version = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT MAX(version) FROM schema_version", soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
}

void apply_migrations(soci::session& sql, Backend backend) {
    sql << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
           "description TEXT NOT NULL)";
    const int current = current_schema_version(sql);
    for (const auto& step : migrations) {
        if (step.version <= current) {
            continue;
        }
        soci::transaction tx(sql);
        execute_script(sql, for_backend(step.sql, backend));
        const std::string description(step.description);
        sql << "INSERT INTO schema_version (version, description) VALUES (:v, :d)",
            soci::use(step.version), soci::use(description);
        tx.commit();
    }
}

} // namespace callab::db
