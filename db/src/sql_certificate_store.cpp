#include "sql_support.hpp"

#include <callab/db/sql_certificate_store.hpp>
#include <callab/lab/certificate_number.hpp>

namespace callab::db {
namespace {

const std::string certificate_columns =
    "SELECT number, job_id, year, sequence, issue_date, instrument, issued_by, pdf_base64, dcc, "
    "pdf_sha256, dcc_sha256, replaces_number, status, superseded_by, revocation_reason, "
    "revoked_by FROM certificate ";

std::optional<std::string> optional_text(const soci::row& row, const std::string& column) {
    if (row.get_indicator(column) == soci::i_null) {
        return std::nullopt;
    }
    return column_text(row, column);
}

lab::IssuedCertificate certificate_of(const soci::row& row) {
    lab::IssuedCertificate c;
    c.number = column_text(row, "number");
    c.job = lab::JobId{column_int64(row, "job_id")};
    c.year = static_cast<int>(column_int64(row, "year"));
    c.sequence = column_int64(row, "sequence");
    c.issue_date = lab::parse_date(column_text(row, "issue_date")).value_or(lab::Date{});
    c.instrument = column_text(row, "instrument");
    c.issued_by = column_text(row, "issued_by");
    auto pdf = lab::decode_base64(column_text(row, "pdf_base64"));
    if (!pdf) {
        throw DatabaseError("certificate " + c.number + ": stored PDF is not valid base64");
    }
    c.pdf = std::move(*pdf);
    c.dcc = column_text(row, "dcc");
    c.pdf_sha256 = column_text(row, "pdf_sha256");
    c.dcc_sha256 = column_text(row, "dcc_sha256");
    c.replaces_number = optional_text(row, "replaces_number");
    c.status = lab::parse_enum(column_text(row, "status"), lab::certificate_status_names)
                   .value_or(lab::CertificateStatus::valid);
    c.superseded_by = optional_text(row, "superseded_by");
    c.revocation_reason = column_text(row, "revocation_reason");
    c.revoked_by = column_text(row, "revoked_by");
    return c;
}

} // namespace

lab::Outcome<lab::IssuedCertificate>
SqlCertificateStore::issue(const lab::IssueRequest& request,
                           const lab::CertificateFreezer& freeze) {
    using Result = lab::Outcome<lab::IssuedCertificate>;
    return with_session(database_, "cannot issue certificate", [&](soci::session& sql) -> Result {
        WriteTransaction tx(sql, database_.backend());
        const long long job = request.job.value();
        soci::statement update =
            (sql.prepare << "UPDATE job SET status = 'issued' WHERE id = :id AND "
                            "status = 'approved'",
             soci::use(job));
        update.execute(true);
        if (update.get_affected_rows() != 1) {
            return lab::reject(lab::errc::invalid_transition,
                               "job " + request.job.to_string() +
                                   ": not approved or already issued, cannot issue");
        }
        if (request.replaces) {
            std::string status;
            soci::indicator ind = soci::i_null;
            sql << "SELECT status FROM certificate WHERE number = :n", soci::use(*request.replaces),
                soci::into(status, ind);
            if (ind != soci::i_ok || status != "valid") {
                return lab::reject(
                    lab::errc::invalid_transition,
                    "replaces_number: certificate " + *request.replaces +
                        (ind == soci::i_ok ? " is " + status + ", not valid" : " does not exist"));
            }
        }
        const int year = static_cast<int>(request.issue_date.year());
        long long last = 0;
        soci::indicator last_ind = soci::i_null;
        sql << "SELECT MAX(sequence) FROM certificate WHERE year = :y", soci::use(year),
            soci::into(last, last_ind);
        const long long sequence = last_ind == soci::i_ok ? last + 1 : 1;
        auto number = lab::format_certificate_number(request.number_pattern, year, sequence);
        if (!number) {
            return number.error();
        }
        auto frozen = freeze(*number);
        if (!frozen) {
            return frozen.error();
        }
        lab::IssuedCertificate c;
        c.number = *number;
        c.job = request.job;
        c.year = year;
        c.sequence = sequence;
        c.issue_date = request.issue_date;
        c.instrument = frozen->instrument;
        c.issued_by = request.by;
        c.pdf = std::move(frozen->pdf);
        c.dcc = std::move(frozen->dcc);
        c.pdf_sha256 = frozen->pdf_sha256;
        c.dcc_sha256 = frozen->dcc_sha256;
        c.replaces_number = request.replaces;
        const std::string day = lab::format_date(request.issue_date);
        const std::string pdf_base64 = lab::encode_base64(c.pdf);
        const std::string replaces = request.replaces.value_or("");
        soci::indicator replaces_ind = request.replaces ? soci::i_ok : soci::i_null;
        OptionalKey programme = OptionalKey::of(request.programme);
        const long long waived = request.programme ? request.waived_cents : 0;
        sql << "INSERT INTO certificate (number, job_id, year, sequence, issue_date, instrument, "
               "issued_by, pdf_base64, dcc, pdf_sha256, dcc_sha256, replaces_number, status, "
               "programme_id, waived_cents) VALUES (:n, :j, :y, :s, :d, :i, :b, :p, :x, :ph, "
               ":xh, :r, 'valid', :pr, :w)",
            soci::use(c.number), soci::use(job), soci::use(year), soci::use(sequence),
            soci::use(day), soci::use(c.instrument), soci::use(c.issued_by), soci::use(pdf_base64),
            soci::use(c.dcc), soci::use(c.pdf_sha256), soci::use(c.dcc_sha256),
            soci::use(replaces, replaces_ind), soci::use(programme.value, programme.indicator),
            soci::use(waived);
        if (request.replaces) {
            sql << "UPDATE certificate SET status = 'superseded', superseded_by = :n WHERE "
                   "number = :r",
                soci::use(c.number), soci::use(replaces);
            append_audit(sql, request.by, "certificate", replaces, "supersede", "status=valid\n",
                         audit_fields({{"status", "superseded"}, {"superseded_by", c.number}}));
        }
        for (const auto& standard : request.standards) {
            const long long key = standard.value();
            sql << "INSERT INTO standard_usage (standard_id, job_id, certificate_number, "
                   "used_on) VALUES (:s, :j, :n, :d)",
                soci::use(key), soci::use(job), soci::use(c.number), soci::use(day);
        }
        sql << "INSERT INTO equipment_usage (equipment_id, job_id, certificate_number, used_on) "
               "SELECT id, :j, :n, :d FROM equipment WHERE standard_id IN (SELECT standard_id "
               "FROM standard_usage WHERE certificate_number = :n2) OR id IN (SELECT "
               "equipment_id FROM booking WHERE job_id = :j2 AND status IN ('checked_out', "
               "'returned')) ORDER BY id",
            soci::use(job), soci::use(c.number), soci::use(day), soci::use(c.number),
            soci::use(job);
        append_audit(sql, request.by, "job", request.job.to_string(), "status", "status=approved\n",
                     "status=issued\n");
        append_audit(sql, request.by, "certificate", c.number, "issue", "",
                     audit_fields({{"job", request.job.to_string()},
                                   {"issue_date", day},
                                   {"pdf_sha256", c.pdf_sha256},
                                   {"dcc_sha256", c.dcc_sha256},
                                   {"replaces", replaces},
                                   {"waived_cents", std::to_string(waived)}}));
        tx.commit();
        return c;
    });
}

std::optional<lab::IssuedCertificate> SqlCertificateStore::find_where(const std::string& condition,
                                                                      const std::string& value) {
    return with_session(database_, "cannot read certificate",
                        [&](soci::session& sql) -> std::optional<lab::IssuedCertificate> {
                            soci::rowset<soci::row> rows =
                                (sql.prepare << certificate_columns + condition, soci::use(value));
                            for (const auto& row : rows) {
                                return certificate_of(row);
                            }
                            return std::nullopt;
                        });
}

std::optional<lab::IssuedCertificate>
SqlCertificateStore::find_certificate(std::string_view number) {
    return find_where("WHERE number = :v", std::string(number));
}

std::optional<lab::IssuedCertificate> SqlCertificateStore::find_by_sha256(std::string_view sha256) {
    const std::string value(sha256);
    if (auto c = find_where("WHERE pdf_sha256 = :v", value)) {
        return c;
    }
    return find_where("WHERE dcc_sha256 = :v", value);
}

lab::CertificatePage SqlCertificateStore::find_certificates(const lab::CertificateFilter& filter,
                                                            lab::CertificateOrder order,
                                                            bool descending, long long offset,
                                                            long long limit) {
    return with_session(database_, "cannot list certificates", [&](soci::session& sql) {
        // Absent filters are bound as values no row has, so one statement serves every mix.
        const std::string status =
            filter.status
                ? std::string(lab::enum_name(*filter.status, lab::certificate_status_names))
                : "";
        const long long job = filter.job ? filter.job->value() : 0;
        const long long enterprise = filter.enterprise ? filter.enterprise->value() : 0;
        const int any_status = filter.status ? 0 : 1;
        const int any_job = filter.job ? 0 : 1;
        const int any_enterprise = filter.enterprise ? 0 : 1;
        constexpr const char* where =
            " FROM certificate c JOIN job j ON j.id = c.job_id WHERE (:any_s = 1 OR c.status = "
            ":status) AND (:any_j = 1 OR c.job_id = :job) AND (:any_e = 1 OR j.enterprise_id = "
            ":ent)";
        const char* direction = descending ? " DESC" : " ASC";
        const std::string order_by = order == lab::CertificateOrder::number
                                         ? std::string(" ORDER BY c.number") + direction
                                         : std::string(" ORDER BY c.issue_date") + direction +
                                               ", c.year" + direction + ", c.sequence" + direction;
        lab::CertificatePage page;
        sql << "SELECT COUNT(*)" << where, soci::use(any_status), soci::use(status),
            soci::use(any_job), soci::use(job), soci::use(any_enterprise), soci::use(enterprise),
            soci::into(page.total);
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT c.number AS number, c.job_id AS job_id, c.year AS year, "
                            "c.sequence AS sequence, c.issue_date AS issue_date, c.instrument AS "
                            "instrument, c.issued_by AS issued_by, '' AS pdf_base64, '' AS dcc, "
                            "c.pdf_sha256 AS pdf_sha256, c.dcc_sha256 AS dcc_sha256, "
                            "c.replaces_number AS replaces_number, c.status AS status, "
                            "c.superseded_by AS superseded_by, c.revocation_reason AS "
                            "revocation_reason, c.revoked_by AS revoked_by"
                         << where << order_by << " LIMIT :limit OFFSET :offset",
             soci::use(any_status), soci::use(status), soci::use(any_job), soci::use(job),
             soci::use(any_enterprise), soci::use(enterprise), soci::use(limit), soci::use(offset));
        for (const auto& row : rows) {
            page.certificates.push_back(certificate_of(row));
        }
        return page;
    });
}

std::optional<lab::IssuedCertificate> SqlCertificateStore::certificate_of_job(lab::JobId job) {
    return find_where("WHERE job_id = CAST(:v AS BIGINT) ORDER BY id DESC", job.to_string());
}

lab::Outcome<lab::IssuedCertificate>
SqlCertificateStore::revoke(std::string_view number, std::string_view reason, std::string_view by) {
    using Result = lab::Outcome<lab::IssuedCertificate>;
    const std::string key(number);
    const bool changed =
        with_session(database_, "cannot revoke certificate", [&](soci::session& sql) {
            const std::string why(reason);
            const std::string who(by);
            WriteTransaction tx(sql, database_.backend());
            soci::statement update =
                (sql.prepare << "UPDATE certificate SET status = 'revoked', "
                                "revocation_reason = :r, revoked_by = :b WHERE number = :n AND "
                                "status = 'valid'",
                 soci::use(why), soci::use(who), soci::use(key));
            update.execute(true);
            if (update.get_affected_rows() != 1) {
                return false;
            }
            append_audit(sql, by, "certificate", key, "revoke", "status=valid\n",
                         audit_fields({{"status", "revoked"}, {"reason", why}}));
            tx.commit();
            return true;
        });
    auto found = find_certificate(number);
    if (!found) {
        return lab::reject(lab::errc::not_found, "certificate " + key + ": not found");
    }
    if (!changed) {
        return lab::reject(
            lab::errc::invalid_transition,
            "certificate " + key + ": is " +
                std::string(lab::enum_name(found->status, lab::certificate_status_names)) +
                ", only a valid certificate can be revoked");
    }
    return Result{std::move(*found)};
}

long long SqlCertificateStore::issued_waived_cents(lab::ProgrammeId programme) {
    return with_session(database_, "cannot read waived fees", [&](soci::session& sql) {
        const long long key = programme.value();
        long long total = 0;
        soci::indicator ind = soci::i_null;
        sql << "SELECT SUM(waived_cents) FROM certificate WHERE programme_id = :p", soci::use(key),
            soci::into(total, ind);
        return ind == soci::i_ok ? total : 0LL;
    });
}

std::vector<lab::StandardUsage> SqlCertificateStore::usage_of(lab::StandardId standard) {
    return with_session(database_, "cannot read standard usage", [&](soci::session& sql) {
        const long long key = standard.value();
        std::vector<lab::StandardUsage> out;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT job_id, certificate_number, used_on FROM standard_usage "
                            "WHERE standard_id = :s ORDER BY id",
             soci::use(key));
        for (const auto& row : rows) {
            out.push_back({standard, lab::JobId{column_int64(row, "job_id")},
                           column_text(row, "certificate_number"),
                           lab::parse_date(column_text(row, "used_on")).value_or(lab::Date{})});
        }
        return out;
    });
}

std::vector<lab::EquipmentUsage>
SqlCertificateStore::equipment_usage_of(lab::EquipmentId equipment) {
    return with_session(database_, "cannot read equipment usage", [&](soci::session& sql) {
        const long long key = equipment.value();
        std::vector<lab::EquipmentUsage> out;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT job_id, certificate_number, used_on FROM equipment_usage "
                            "WHERE equipment_id = :e ORDER BY id",
             soci::use(key));
        for (const auto& row : rows) {
            out.push_back({equipment, lab::JobId{column_int64(row, "job_id")},
                           column_text(row, "certificate_number"),
                           lab::parse_date(column_text(row, "used_on")).value_or(lab::Date{})});
        }
        return out;
    });
}

} // namespace callab::db
