#include "procedure_columns.hpp"
#include "sql_support.hpp"

#include <callab/db/sql_standard_store.hpp>

namespace callab::db {
namespace {

constexpr const char* standard_columns =
    "id, name, maker, model, serial, parent_id, national_standard, status";
constexpr const char* certificate_columns =
    "id, standard_id, version, number, issuer, calibrated_on, due_on, uncertainty";
constexpr const char* procedure_columns =
    "id, code, version, kind, method_reference, test_points, unit, readings_per_point, "
    "stabilisation_tolerance, stabilisation_seconds, uncertainty_inputs, "
    "maximum_permissible_error, decision_rule, guard_band_factor, certificate_kind, fee_cents, "
    "environment_limits, point_conditions";

lab::ReferenceStandard standard_from(const soci::row& row) {
    lab::ReferenceStandard s;
    s.id = lab::StandardId{column_int64(row, "id")};
    s.data.name = column_text(row, "name");
    s.data.maker = column_text(row, "maker");
    s.data.model = column_text(row, "model");
    s.data.serial = column_text(row, "serial");
    if (const auto parent = column_optional_int64(row, "parent_id")) {
        s.data.traceability_parent = lab::StandardId{*parent};
    }
    s.data.national_standard = column_text(row, "national_standard");
    s.status = lab::parse_enum(column_text(row, "status"), lab::standard_status_names)
                   .value_or(lab::StandardStatus::suspended);
    return s;
}

lab::Date stored_date(const soci::row& row, const char* column) {
    // Dates are written only by this store, always as valid "YYYY-MM-DD".
    return lab::parse_date(column_text(row, column)).value_or(lab::Date{});
}

lab::StandardCertificate certificate_from(const soci::row& row) {
    lab::StandardCertificate c;
    c.id = lab::CertificateId{column_int64(row, "id")};
    c.standard = lab::StandardId{column_int64(row, "standard_id")};
    c.version = static_cast<int>(column_int64(row, "version"));
    c.number = column_text(row, "number");
    c.issuer = column_text(row, "issuer");
    c.calibrated_on = stored_date(row, "calibrated_on");
    c.due_on = stored_date(row, "due_on");
    c.uncertainty = column_text(row, "uncertainty");
    return c;
}

lab::Procedure procedure_from(const soci::row& row) {
    lab::Procedure p;
    p.id = lab::ProcedureId{column_int64(row, "id")};
    p.version = static_cast<int>(column_int64(row, "version"));
    auto& d = p.data;
    d.code = column_text(row, "code");
    d.kind = lab::parse_enum(column_text(row, "kind"), lab::instrument_kind_names)
                 .value_or(lab::InstrumentKind::other);
    d.method_reference = column_text(row, "method_reference");
    d.test_points = test_points_from(column_text(row, "test_points"));
    d.unit = column_text(row, "unit");
    d.readings_per_point = static_cast<int>(column_int64(row, "readings_per_point"));
    d.stabilisation_tolerance = column_double(row, "stabilisation_tolerance");
    d.stabilisation_seconds = static_cast<int>(column_int64(row, "stabilisation_seconds"));
    d.uncertainty_inputs = uncertainty_inputs_from(column_text(row, "uncertainty_inputs"));
    d.maximum_permissible_error = column_double(row, "maximum_permissible_error");
    d.decision_rule = lab::parse_enum(column_text(row, "decision_rule"), lab::decision_rule_names)
                          .value_or(lab::DecisionRule::simple_acceptance);
    d.guard_band_factor = column_double(row, "guard_band_factor");
    d.certificate =
        lab::parse_enum(column_text(row, "certificate_kind"), lab::certificate_kind_names)
            .value_or(lab::CertificateKind::calibration);
    d.fee_cents = column_int64(row, "fee_cents");
    d.environment_limits = environment_limits_from(column_text(row, "environment_limits"));
    d.point_conditions = point_conditions_from(column_text(row, "point_conditions"));
    return p;
}

template <typename T, typename Convert>
std::vector<T> all_rows(soci::rowset<soci::row>& rows, Convert convert) {
    std::vector<T> out;
    for (const auto& row : rows) {
        out.push_back(convert(row));
    }
    return out;
}

bool standard_exists(soci::session& sql, long long id) {
    int n = 0;
    sql << "SELECT COUNT(*) FROM reference_standard WHERE id = :id", soci::use(id), soci::into(n);
    return n > 0;
}

} // namespace

lab::Outcome<lab::ReferenceStandard>
SqlStandardStore::add_standard(const lab::NewReferenceStandard& standard, std::string_view actor) {
    if (standard.name.empty()) {
        return lab::reject(lab::errc::invalid_field, "name: empty");
    }
    using Result = lab::Outcome<lab::ReferenceStandard>;
    return with_session(database_, "cannot add standard", [&](soci::session& sql) -> Result {
        WriteTransaction tx(sql, database_.backend());
        auto parent = OptionalKey::of(standard.traceability_parent);
        if (standard.traceability_parent && !standard_exists(sql, parent.value)) {
            return lab::reject(lab::errc::not_found, "traceability_parent: standard " +
                                                         std::to_string(parent.value) +
                                                         " does not exist");
        }
        long long id = 0;
        sql << "INSERT INTO reference_standard (name, maker, model, serial, parent_id, "
               "national_standard, status) VALUES (:n, :mk, :md, :s, :p, :ns, 'in_service') "
               "RETURNING id",
            soci::use(standard.name), soci::use(standard.maker), soci::use(standard.model),
            soci::use(standard.serial), soci::use(parent.value, parent.indicator),
            soci::use(standard.national_standard), soci::into(id);
        append_audit(sql, actor, "reference_standard", std::to_string(id), "create", "",
                     audit_fields({{"name", standard.name},
                                   {"serial", standard.serial},
                                   {"parent", standard.traceability_parent
                                                  ? standard.traceability_parent->to_string()
                                                  : std::string()},
                                   {"national_standard", standard.national_standard},
                                   {"status", "in_service"}}));
        tx.commit();
        return lab::ReferenceStandard{lab::StandardId{id}, standard,
                                      lab::StandardStatus::in_service};
    });
}

std::optional<lab::ReferenceStandard> SqlStandardStore::find_standard(lab::StandardId id) {
    return with_session(database_, "cannot read standard", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows = (sql.prepare << "SELECT " << standard_columns
                                                    << " FROM reference_standard WHERE id = :id",
                                        soci::use(key));
        for (const auto& row : rows) {
            return std::optional<lab::ReferenceStandard>{standard_from(row)};
        }
        return std::optional<lab::ReferenceStandard>{};
    });
}

std::vector<lab::ReferenceStandard> SqlStandardStore::standards() {
    return with_session(database_, "cannot read standards", [&](soci::session& sql) {
        soci::rowset<soci::row> rows = (sql.prepare << "SELECT " << standard_columns
                                                    << " FROM reference_standard ORDER BY id");
        return all_rows<lab::ReferenceStandard>(rows, standard_from);
    });
}

lab::Outcome<void> SqlStandardStore::set_status(lab::StandardId id, lab::StandardStatus status,
                                                const std::string& reason, std::string_view actor) {
    if (reason.find_first_not_of(" \t") == std::string::npos) {
        return lab::reject(lab::errc::invalid_field, "reason: a status change needs a reason");
    }
    return with_session(
        database_, "cannot change standard status", [&](soci::session& sql) -> lab::Outcome<void> {
            WriteTransaction tx(sql, database_.backend());
            const long long key = id.value();
            std::string before;
            soci::indicator found = soci::i_null;
            sql << "SELECT status FROM reference_standard WHERE id = :id", soci::use(key),
                soci::into(before, found);
            if (!sql.got_data()) {
                return lab::reject(lab::errc::not_found,
                                   "standard: " + id.to_string() + " does not exist");
            }
            if (before == "retired") {
                return lab::reject(lab::errc::invalid_transition,
                                   "standard " + id.to_string() + " is retired");
            }
            const std::string after(lab::enum_name(status, lab::standard_status_names));
            sql << "UPDATE reference_standard SET status = :s WHERE id = :id", soci::use(after),
                soci::use(key);
            append_audit(sql, actor, "reference_standard", id.to_string(), "status",
                         "status=" + before + "\n",
                         audit_fields({{"status", after}, {"reason", reason}}));
            tx.commit();
            return {};
        });
}

lab::Outcome<lab::StandardCertificate>
SqlStandardStore::add_certificate(const lab::StandardCertificate& certificate,
                                  std::string_view actor) {
    if (!(certificate.calibrated_on < certificate.due_on)) {
        return lab::reject(lab::errc::invalid_field, "due_on: must be after calibrated_on");
    }
    if (certificate.number.empty()) {
        return lab::reject(lab::errc::invalid_field, "number: empty");
    }
    using Result = lab::Outcome<lab::StandardCertificate>;
    return with_session(database_, "cannot add certificate", [&](soci::session& sql) -> Result {
        WriteTransaction tx(sql, database_.backend());
        const long long standard = certificate.standard.value();
        if (!standard_exists(sql, standard)) {
            return lab::reject(lab::errc::not_found,
                               "standard: " + certificate.standard.to_string() + " does not exist");
        }
        int last = 0;
        soci::indicator ind = soci::i_null;
        sql << "SELECT MAX(version) FROM standard_certificate WHERE standard_id = :s",
            soci::use(standard), soci::into(last, ind);
        lab::StandardCertificate stored = certificate;
        stored.version = (ind == soci::i_ok ? last : 0) + 1;
        const std::string calibrated = lab::format_date(certificate.calibrated_on);
        const std::string due = lab::format_date(certificate.due_on);
        long long id = 0;
        sql << "INSERT INTO standard_certificate (standard_id, version, number, issuer, "
               "calibrated_on, due_on, uncertainty) VALUES (:s, :v, :n, :i, :c, :d, :u) "
               "RETURNING id",
            soci::use(standard), soci::use(stored.version), soci::use(certificate.number),
            soci::use(certificate.issuer), soci::use(calibrated), soci::use(due),
            soci::use(certificate.uncertainty), soci::into(id);
        stored.id = lab::CertificateId{id};
        append_audit(sql, actor, "reference_standard", certificate.standard.to_string(),
                     "certificate", "",
                     audit_fields({{"version", std::to_string(stored.version)},
                                   {"number", certificate.number},
                                   {"issuer", certificate.issuer},
                                   {"calibrated_on", calibrated},
                                   {"due_on", due},
                                   {"uncertainty", certificate.uncertainty}}));
        tx.commit();
        return stored;
    });
}

std::optional<lab::StandardCertificate> SqlStandardStore::latest_certificate(lab::StandardId id) {
    return with_session(database_, "cannot read certificate", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << certificate_columns
                         << " FROM standard_certificate WHERE standard_id = :s "
                            "ORDER BY version DESC LIMIT 1",
             soci::use(key));
        for (const auto& row : rows) {
            return std::optional<lab::StandardCertificate>{certificate_from(row)};
        }
        return std::optional<lab::StandardCertificate>{};
    });
}

std::vector<lab::StandardCertificate> SqlStandardStore::certificates_of(lab::StandardId id) {
    return with_session(database_, "cannot read certificates", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << certificate_columns
                         << " FROM standard_certificate WHERE standard_id = :s ORDER BY version",
             soci::use(key));
        return all_rows<lab::StandardCertificate>(rows, certificate_from);
    });
}

void SqlStandardStore::add_intermediate_check(const lab::IntermediateCheck& check,
                                              std::string_view actor) {
    with_session(database_, "cannot add intermediate check", [&](soci::session& sql) {
        WriteTransaction tx(sql, database_.backend());
        const long long standard = check.standard.value();
        const long long by = check.checked_by.value();
        const int passed = check.passed ? 1 : 0;
        const std::string on = lab::format_date(check.checked_on);
        sql << "INSERT INTO intermediate_check (standard_id, checked_on, passed, result, "
               "checked_by) VALUES (:s, :on, :p, :r, :by)",
            soci::use(standard), soci::use(on), soci::use(passed), soci::use(check.result),
            soci::use(by);
        append_audit(sql, actor, "reference_standard", check.standard.to_string(),
                     "intermediate_check", "",
                     audit_fields({{"checked_on", on},
                                   {"passed", check.passed ? "yes" : "no"},
                                   {"result", check.result},
                                   {"checked_by", check.checked_by.to_string()}}));
        tx.commit();
    });
}

std::vector<lab::IntermediateCheck> SqlStandardStore::intermediate_checks_of(lab::StandardId id) {
    return with_session(database_, "cannot read intermediate checks", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT standard_id, checked_on, passed, result, checked_by FROM "
                            "intermediate_check WHERE standard_id = :s ORDER BY id",
             soci::use(key));
        return all_rows<lab::IntermediateCheck>(rows, [](const soci::row& row) {
            return lab::IntermediateCheck{
                lab::StandardId{column_int64(row, "standard_id")}, stored_date(row, "checked_on"),
                column_int64(row, "passed") != 0, column_text(row, "result"),
                lab::UserId{column_int64(row, "checked_by")}};
        });
    });
}

lab::Outcome<lab::Procedure>
SqlStandardStore::add_procedure_version(const lab::NewProcedure& procedure,
                                        std::string_view actor) {
    if (auto valid = lab::validate_procedure(procedure); !valid) {
        return valid.error();
    }
    using Result = lab::Outcome<lab::Procedure>;
    return with_session(database_, "cannot add procedure", [&](soci::session& sql) -> Result {
        WriteTransaction tx(sql, database_.backend());
        int last = 0;
        soci::indicator ind = soci::i_null;
        sql << "SELECT MAX(version) FROM procedure_version WHERE code = :c",
            soci::use(procedure.code), soci::into(last, ind);
        lab::Procedure stored{lab::ProcedureId{}, (ind == soci::i_ok ? last : 0) + 1, procedure};
        const std::string kind(lab::enum_name(procedure.kind, lab::instrument_kind_names));
        const std::string points = test_points_text(procedure.test_points);
        const std::string inputs = uncertainty_inputs_text(procedure.uncertainty_inputs);
        const std::string rule(lab::enum_name(procedure.decision_rule, lab::decision_rule_names));
        const std::string certificate(
            lab::enum_name(procedure.certificate, lab::certificate_kind_names));
        const std::string limits = environment_limits_text(procedure.environment_limits);
        const std::string conditions = point_conditions_text(procedure.point_conditions);
        long long id = 0;
        sql << "INSERT INTO procedure_version (code, version, kind, method_reference, "
               "test_points, unit, readings_per_point, stabilisation_tolerance, "
               "stabilisation_seconds, uncertainty_inputs, maximum_permissible_error, "
               "decision_rule, guard_band_factor, certificate_kind, fee_cents, "
               "environment_limits, point_conditions) VALUES (:c, :v, :k, :m, :tp, :u, :rpp, "
               ":st, :ss, :ui, :mpe, :dr, :gb, :ck, :fee, :el, :pc) RETURNING id",
            soci::use(procedure.code), soci::use(stored.version), soci::use(kind),
            soci::use(procedure.method_reference), soci::use(points), soci::use(procedure.unit),
            soci::use(procedure.readings_per_point), soci::use(procedure.stabilisation_tolerance),
            soci::use(procedure.stabilisation_seconds), soci::use(inputs),
            soci::use(procedure.maximum_permissible_error), soci::use(rule),
            soci::use(procedure.guard_band_factor), soci::use(certificate),
            soci::use(procedure.fee_cents), soci::use(limits), soci::use(conditions),
            soci::into(id);
        stored.id = lab::ProcedureId{id};
        append_audit(sql, actor, "procedure", stored.id.to_string(), "create", "",
                     audit_fields({{"code", procedure.code},
                                   {"version", std::to_string(stored.version)},
                                   {"method_reference", procedure.method_reference},
                                   {"test_points", points},
                                   {"uncertainty_inputs", inputs},
                                   {"environment_limits", limits},
                                   {"point_conditions", conditions},
                                   {"decision_rule", rule}}));
        tx.commit();
        return stored;
    });
}

std::optional<lab::Procedure> SqlStandardStore::find_procedure(lab::ProcedureId id) {
    return with_session(database_, "cannot read procedure", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows = (sql.prepare << "SELECT " << procedure_columns
                                                    << " FROM procedure_version WHERE id = :id",
                                        soci::use(key));
        for (const auto& row : rows) {
            return std::optional<lab::Procedure>{procedure_from(row)};
        }
        return std::optional<lab::Procedure>{};
    });
}

std::optional<lab::Procedure> SqlStandardStore::latest_procedure(const std::string& code) {
    return with_session(database_, "cannot read procedure", [&](soci::session& sql) {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << procedure_columns
                         << " FROM procedure_version WHERE code = :c ORDER BY version DESC "
                            "LIMIT 1",
             soci::use(code));
        for (const auto& row : rows) {
            return std::optional<lab::Procedure>{procedure_from(row)};
        }
        return std::optional<lab::Procedure>{};
    });
}

std::vector<lab::Procedure> SqlStandardStore::procedures() {
    return with_session(database_, "cannot read procedures", [&](soci::session& sql) {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << procedure_columns
                         << " FROM procedure_version ORDER BY code, version");
        return all_rows<lab::Procedure>(rows, procedure_from);
    });
}

} // namespace callab::db
