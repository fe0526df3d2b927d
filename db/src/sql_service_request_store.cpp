#include "sql_support.hpp"

#include <callab/db/sql_service_request_store.hpp>

namespace callab::db {
namespace {

constexpr const char* request_columns =
    "id, enterprise_id, kind, subject, details, equipment_id, submitted_by, submitted_at_us, "
    "status, question, answer, rejection_reason, written_answer, handled_by, handled_at_us";

std::string status_text(lab::ServiceRequestStatus status) {
    return std::string(lab::enum_name(status, lab::service_request_status_names));
}

std::string id_list(const auto& ids) {
    std::string out;
    for (const auto& id : ids) {
        out += (out.empty() ? "" : ",") + id.to_string();
    }
    return out;
}

lab::ServiceRequest request_from(const soci::row& row) {
    lab::ServiceRequest r;
    r.id = lab::ServiceRequestId{column_int64(row, "id")};
    r.data.enterprise = lab::EnterpriseId{column_int64(row, "enterprise_id")};
    r.data.kind = lab::parse_enum(column_text(row, "kind"), lab::service_kind_names)
                      .value_or(lab::ServiceKind::technical_advice);
    r.data.subject = column_text(row, "subject");
    r.data.details = column_text(row, "details");
    if (const auto equipment = column_optional_int64(row, "equipment_id")) {
        r.data.equipment = lab::EquipmentId{*equipment};
    }
    r.submitted_by = lab::UserId{column_int64(row, "submitted_by")};
    r.submitted_at = from_microseconds(column_int64(row, "submitted_at_us"));
    r.status = lab::parse_enum(column_text(row, "status"), lab::service_request_status_names)
                   .value_or(lab::ServiceRequestStatus::rejected);
    r.question = column_text(row, "question");
    r.answer = column_text(row, "answer");
    r.rejection_reason = column_text(row, "rejection_reason");
    r.written_answer = column_text(row, "written_answer");
    if (const auto by = column_optional_int64(row, "handled_by")) {
        r.handled_by = lab::UserId{*by};
    }
    if (const auto at = column_optional_int64(row, "handled_at_us")) {
        r.handled_at = from_microseconds(*at);
    }
    return r;
}

// The listed instruments and the jobs or bookings of a request read from its main row.
void load_lists(soci::session& sql, lab::ServiceRequest& r) {
    const long long key = r.id.value();
    soci::rowset<soci::row> instruments =
        (sql.prepare << "SELECT instrument_id FROM service_request_instrument WHERE "
                        "request_id = :r ORDER BY instrument_id",
         soci::use(key));
    for (const auto& row : instruments) {
        r.data.instruments.emplace_back(column_int64(row, "instrument_id"));
    }
    soci::rowset<soci::row> outcomes =
        (sql.prepare << "SELECT job_id, booking_id FROM service_request_outcome WHERE "
                        "request_id = :r ORDER BY job_id, booking_id",
         soci::use(key));
    for (const auto& row : outcomes) {
        if (const auto job = column_optional_int64(row, "job_id")) {
            r.jobs.emplace_back(*job);
        }
        if (const auto booking = column_optional_int64(row, "booking_id")) {
            r.bookings.emplace_back(*booking);
        }
    }
}

std::optional<lab::ServiceRequest> read_request(soci::session& sql, long long key) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << request_columns << " FROM service_request WHERE id = :id",
         soci::use(key));
    for (const auto& row : rows) {
        auto request = request_from(row);
        load_lists(sql, request);
        return std::optional<lab::ServiceRequest>{std::move(request)};
    }
    return std::nullopt;
}

bool exists(soci::session& sql, const char* table, long long key) {
    long long found = 0;
    sql << "SELECT COUNT(*) FROM " << table << " WHERE id = :id", soci::use(key), soci::into(found);
    return found > 0;
}

std::string where_clause(const lab::ServiceRequestFilter& filter) {
    // Only integers and names from the enum tables are written into the text.
    std::string where = " WHERE 1 = 1";
    if (filter.enterprise) {
        where += " AND enterprise_id = " + filter.enterprise->to_string();
    }
    if (filter.status) {
        where += " AND status = '" + status_text(*filter.status) + "'";
    }
    if (filter.kind) {
        where += " AND kind = '" +
                 std::string(lab::enum_name(*filter.kind, lab::service_kind_names)) + "'";
    }
    return where;
}

} // namespace

lab::Outcome<lab::ServiceRequest>
SqlServiceRequestStore::add_request(const lab::NewServiceRequest& request, lab::UserId by,
                                    std::chrono::system_clock::time_point at,
                                    std::string_view actor) {
    using Result = lab::Outcome<lab::ServiceRequest>;
    return with_session(database_, "cannot add service request", [&](soci::session& sql) -> Result {
        WriteTransaction tx(sql, database_.backend());
        if (!exists(sql, "enterprise", request.enterprise.value())) {
            return lab::reject(lab::errc::not_found,
                               "enterprise: " + request.enterprise.to_string() + " does not exist");
        }
        for (const auto id : request.instruments) {
            if (!exists(sql, "instrument", id.value())) {
                return lab::reject(lab::errc::not_found,
                                   "instruments: " + id.to_string() + " does not exist");
            }
        }
        if (request.equipment && !exists(sql, "equipment", request.equipment->value())) {
            return lab::reject(lab::errc::not_found,
                               "equipment: " + request.equipment->to_string() + " does not exist");
        }
        const long long enterprise = request.enterprise.value();
        const std::string kind(lab::enum_name(request.kind, lab::service_kind_names));
        auto equipment = OptionalKey::of(request.equipment);
        const long long submitter = by.value();
        const long long when = to_microseconds(at);
        long long id = 0;
        sql << "INSERT INTO service_request (enterprise_id, kind, subject, "
               "details, equipment_id, submitted_by, submitted_at_us, status, "
               "question, answer, rejection_reason, written_answer) VALUES "
               "(:e, :k, :s, :d, :q, :by, :at, 'submitted', '', '', '', '') "
               "RETURNING id",
            soci::use(enterprise), soci::use(kind), soci::use(request.subject),
            soci::use(request.details), soci::use(equipment.value, equipment.indicator),
            soci::use(submitter), soci::use(when), soci::into(id);
        for (const auto instrument : request.instruments) {
            const long long instrument_id = instrument.value();
            sql << "INSERT INTO service_request_instrument (request_id, "
                   "instrument_id) VALUES (:r, :i)",
                soci::use(id), soci::use(instrument_id);
        }
        append_audit(sql, actor, "service_request", std::to_string(id), "create", "",
                     audit_fields({{"enterprise", request.enterprise.to_string()},
                                   {"kind", kind},
                                   {"subject", request.subject},
                                   {"details", request.details},
                                   {"instruments", id_list(request.instruments)},
                                   {"equipment", request.equipment ? request.equipment->to_string()
                                                                   : std::string()},
                                   {"status", "submitted"}}));
        tx.commit();
        return *read_request(sql, id);
    });
}

std::optional<lab::ServiceRequest> SqlServiceRequestStore::find_request(lab::ServiceRequestId id) {
    return with_session(database_, "cannot read service request",
                        [&](soci::session& sql) { return read_request(sql, id.value()); });
}

lab::ServiceRequestPage
SqlServiceRequestStore::list_requests(const lab::ServiceRequestFilter& filter) {
    return with_session(database_, "cannot list service requests", [&](soci::session& sql) {
        lab::ServiceRequestPage page;
        const auto where = where_clause(filter);
        sql << "SELECT COUNT(*) FROM service_request" << where, soci::into(page.total);
        const long long limit = filter.per_page;
        const long long offset = static_cast<long long>(filter.page - 1) * filter.per_page;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << request_columns << " FROM service_request" << where
                         << " ORDER BY id DESC LIMIT :limit OFFSET :offset",
             soci::use(limit), soci::use(offset));
        for (const auto& row : rows) {
            page.items.push_back(request_from(row));
        }
        for (auto& request : page.items) {
            load_lists(sql, request);
        }
        return page;
    });
}

bool SqlServiceRequestStore::update_request(const lab::ServiceRequest& changed,
                                            lab::ServiceRequestStatus from,
                                            std::string_view actor) {
    return with_session(database_, "cannot change service request", [&](soci::session& sql) {
        WriteTransaction tx(sql, database_.backend());
        const long long key = changed.id.value();
        const auto before = read_request(sql, key);
        const std::string from_text = status_text(from);
        const std::string to_text = status_text(changed.status);
        auto handler = OptionalKey::of(changed.handled_by);
        long long handled_at = 0;
        soci::indicator handled_ind = soci::i_null;
        if (changed.handled_at) {
            handled_at = to_microseconds(*changed.handled_at);
            handled_ind = soci::i_ok;
        }
        soci::statement update =
            (sql.prepare << "UPDATE service_request SET status = :to, question = :q, answer = :a, "
                            "rejection_reason = :r, written_answer = :w, handled_by = :hb, "
                            "handled_at_us = :ha WHERE id = :id AND status = :from",
             soci::use(to_text), soci::use(changed.question), soci::use(changed.answer),
             soci::use(changed.rejection_reason), soci::use(changed.written_answer),
             soci::use(handler.value, handler.indicator), soci::use(handled_at, handled_ind),
             soci::use(key), soci::use(from_text));
        update.execute(true);
        if (update.get_affected_rows() != 1 || !before) {
            return false;
        }
        // What the request became is recorded once, when it is converted.
        const bool first_outcome = before->jobs.empty() && before->bookings.empty();
        for (const auto job : first_outcome ? changed.jobs : std::vector<lab::JobId>{}) {
            const long long job_id = job.value();
            sql << "INSERT INTO service_request_outcome (request_id, job_id) VALUES (:r, :j)",
                soci::use(key), soci::use(job_id);
        }
        for (const auto booking :
             first_outcome ? changed.bookings : std::vector<lab::BookingId>{}) {
            const long long booking_id = booking.value();
            sql << "INSERT INTO service_request_outcome (request_id, booking_id) VALUES (:r, :b)",
                soci::use(key), soci::use(booking_id);
        }
        append_audit(
            sql, actor, "service_request", changed.id.to_string(), "status",
            audit_fields({{"status", from_text},
                          {"question", before->question},
                          {"answer", before->answer}}),
            audit_fields({{"status", to_text},
                          {"question", changed.question},
                          {"answer", changed.answer},
                          {"rejection_reason", changed.rejection_reason},
                          {"written_answer", changed.written_answer},
                          {"handled_by",
                           changed.handled_by ? changed.handled_by->to_string() : std::string()},
                          {"jobs", id_list(changed.jobs)},
                          {"bookings", id_list(changed.bookings)}}));
        tx.commit();
        return true;
    });
}

} // namespace callab::db
