#include "sql_support.hpp"

#include <callab/db/sql_booking_store.hpp>

#include <soci/postgresql/soci-postgresql.h>

#include <algorithm>
#include <limits>

namespace callab::db {
namespace {

constexpr const char* booking_columns =
    "id, equipment_id, requested_by, on_behalf_of, start_us, end_us, blocked_until_us, status, "
    "purpose, job_id, checked_out_at_us, returned_at_us, condition_out, condition_in, reason";
constexpr const char* holding_statuses = "('requested', 'approved', 'checked_out')";

lab::Booking booking_from(const soci::row& row) {
    lab::Booking b;
    b.id = lab::BookingId{column_int64(row, "id")};
    auto& r = b.request;
    r.equipment = lab::EquipmentId{column_int64(row, "equipment_id")};
    r.requested_by = lab::UserId{column_int64(row, "requested_by")};
    if (const auto who = column_optional_int64(row, "on_behalf_of")) {
        r.on_behalf_of = lab::UserId{*who};
    }
    r.start = from_microseconds(column_int64(row, "start_us"));
    r.end = from_microseconds(column_int64(row, "end_us"));
    r.purpose = column_text(row, "purpose");
    if (const auto job = column_optional_int64(row, "job_id")) {
        r.job = lab::JobId{*job};
    }
    b.blocked_until = from_microseconds(column_int64(row, "blocked_until_us"));
    b.status = lab::parse_enum(column_text(row, "status"), lab::booking_status_names)
                   .value_or(lab::BookingStatus::cancelled);
    if (const auto at = column_optional_int64(row, "checked_out_at_us")) {
        b.checked_out_at = from_microseconds(*at);
    }
    if (const auto at = column_optional_int64(row, "returned_at_us")) {
        b.returned_at = from_microseconds(*at);
    }
    b.condition_out = column_text(row, "condition_out");
    b.condition_in = column_text(row, "condition_in");
    b.reason = column_text(row, "reason");
    return b;
}

// The slot-holding booking of `equipment` that overlaps [start, blocked_until), if any (the
// lowest id when several do). Holding bookings of one equipment never overlap each other, so
// of those starting before `start` only the latest can reach into the slot: the check reads
// that one row and the rows starting inside the slot, whatever the equipment's history.
std::optional<long long> holder_of(soci::session& sql, long long equipment, long long start,
                                   long long blocked_until) {
    long long id = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT MIN(id) FROM ("
           "SELECT id FROM booking WHERE equipment_id = :e AND status IN "
        << holding_statuses
        << " AND start_us >= :s AND start_us < :b"
           " UNION ALL "
           "SELECT id FROM (SELECT id, blocked_until_us FROM booking WHERE equipment_id = :e2 "
           "AND status IN "
        << holding_statuses
        << " AND start_us < :s2 ORDER BY start_us DESC LIMIT 1) latest"
           " WHERE blocked_until_us > :s3) candidates",
        soci::use(equipment), soci::use(start), soci::use(blocked_until), soci::use(equipment),
        soci::use(start), soci::use(start), soci::into(id, ind);
    return ind == soci::i_ok ? std::optional<long long>{id} : std::nullopt;
}

lab::Rejection slot_taken(long long equipment, long long holder) {
    return lab::reject(lab::errc::conflict, "equipment " + std::to_string(equipment) +
                                                ": the slot is held by booking " +
                                                std::to_string(holder));
}

double overlap_hours(long long start_us, long long end_us, long long from_us, long long to_us) {
    const long long begin = std::max(start_us, from_us);
    const long long end = std::min(end_us, to_us);
    return end > begin ? static_cast<double>(end - begin) / 3.6e9 : 0.0;
}

} // namespace

lab::Outcome<lab::Booking> SqlBookingStore::create_booking(const lab::BookingRequest& request,
                                                           lab::BookingStatus status,
                                                           std::string_view actor) {
    if (!(request.start < request.end)) {
        return lab::reject(lab::errc::invalid_field, "end: must be after start");
    }
    const auto equipment = find_equipment(request.equipment);
    if (!equipment) {
        return lab::reject(lab::errc::not_found,
                           "equipment: " + request.equipment.to_string() + " does not exist");
    }
    const long long equipment_id = request.equipment.value();
    const long long start = to_microseconds(request.start);
    const long long end = to_microseconds(request.end);
    const long long blocked =
        end + static_cast<long long>(equipment->data.service_buffer_minutes) * 60'000'000LL;
    using Result = lab::Outcome<lab::Booking>;
    try {
        return with_session(database_, "cannot book", [&](soci::session& sql) -> Result {
            WriteTransaction tx(sql, database_.backend());
            if (const auto holder = holder_of(sql, equipment_id, start, blocked)) {
                return slot_taken(equipment_id, *holder);
            }
            const long long by = request.requested_by.value();
            auto behalf = OptionalKey::of(request.on_behalf_of);
            auto job = OptionalKey::of(request.job);
            const std::string status_text(lab::enum_name(status, lab::booking_status_names));
            long long id = 0;
            sql << "INSERT INTO booking (equipment_id, requested_by, on_behalf_of, start_us, "
                   "end_us, blocked_until_us, status, purpose, job_id, condition_out, "
                   "condition_in, reason) VALUES (:e, :by, :behalf, :s, :end, :blocked, :status, "
                   ":purpose, :job, '', '', :reason) RETURNING id",
                soci::use(equipment_id), soci::use(by), soci::use(behalf.value, behalf.indicator),
                soci::use(start), soci::use(end), soci::use(blocked), soci::use(status_text),
                soci::use(request.purpose), soci::use(job.value, job.indicator),
                soci::use(request.override_reason), soci::into(id);
            append_audit(sql, actor, "booking", std::to_string(id), "create", "",
                         audit_fields({{"equipment", request.equipment.to_string()},
                                       {"requested_by", request.requested_by.to_string()},
                                       {"on_behalf_of", request.on_behalf_of
                                                            ? request.on_behalf_of->to_string()
                                                            : std::string()},
                                       {"start_us", std::to_string(start)},
                                       {"end_us", std::to_string(end)},
                                       {"status", status_text},
                                       {"purpose", request.purpose},
                                       {"override_reason", request.override_reason}}));
            tx.commit();
            lab::Booking booking;
            booking.id = lab::BookingId{id};
            booking.request = request;
            booking.status = status;
            booking.blocked_until = from_microseconds(blocked);
            booking.reason = request.override_reason;
            return booking;
        });
    } catch (const DatabaseError& e) {
        // The exclusion constraint (PostgreSQL) caught an overlap the check did not see.
        if (std::string(e.what()).find("booking_no_overlap") == std::string::npos) {
            throw;
        }
        return with_session(database_, "cannot book", [&](soci::session& sql) -> Result {
            const auto holder = holder_of(sql, equipment_id, start, blocked);
            return slot_taken(equipment_id, holder.value_or(0));
        });
    }
}

std::optional<lab::Booking> SqlBookingStore::find_booking(lab::BookingId id) {
    return with_session(database_, "cannot read booking", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << booking_columns << " FROM booking WHERE id = :id",
             soci::use(key));
        for (const auto& row : rows) {
            return std::optional<lab::Booking>{booking_from(row)};
        }
        return std::optional<lab::Booking>{};
    });
}

bool SqlBookingStore::change_booking_status(lab::BookingId id, lab::BookingStatus from,
                                            lab::BookingStatus to, lab::TimePoint at,
                                            const std::string& note, std::string_view actor) {
    return with_session(database_, "cannot change booking", [&](soci::session& sql) {
        WriteTransaction tx(sql, database_.backend());
        const long long key = id.value();
        const long long when = to_microseconds(at);
        const std::string from_text(lab::enum_name(from, lab::booking_status_names));
        const std::string to_text(lab::enum_name(to, lab::booking_status_names));
        const char* set_time = to == lab::BookingStatus::checked_out
                                   ? ", checked_out_at_us = :at, condition_out = :note"
                                   : ", returned_at_us = :at, condition_in = :note";
        const bool records_handover =
            to == lab::BookingStatus::checked_out || to == lab::BookingStatus::returned;
        soci::statement update =
            records_handover
                ? (sql.prepare << "UPDATE booking SET status = :to" << set_time
                               << " WHERE id = :id AND status = :from",
                   soci::use(to_text), soci::use(when), soci::use(note), soci::use(key),
                   soci::use(from_text))
                : (sql.prepare << "UPDATE booking SET status = :to, reason = :note "
                                  "WHERE id = :id AND status = :from",
                   soci::use(to_text), soci::use(note), soci::use(key), soci::use(from_text));
        update.execute(true);
        if (update.get_affected_rows() != 1) {
            return false;
        }
        append_audit(
            sql, actor, "booking", id.to_string(), "status", "status=" + from_text + "\n",
            audit_fields({{"status", to_text}, {"at_us", std::to_string(when)}, {"note", note}}));
        tx.commit();
        return true;
    });
}

lab::BookingPage SqlBookingStore::find_bookings(const lab::BookingFilter& filter,
                                                std::int64_t offset, std::int64_t limit) {
    return with_session(database_, "cannot list bookings", [&](soci::session& sql) {
        // Unset filters bind values that match every row; each value is bound per use.
        const long long equipment = filter.equipment ? filter.equipment->value() : 0;
        const long long user = filter.user ? filter.user->value() : 0;
        const std::string status =
            filter.status ? std::string(lab::enum_name(*filter.status, lab::booking_status_names))
                          : std::string();
        const long long from_us =
            filter.from ? to_microseconds(*filter.from) : std::numeric_limits<long long>::min();
        const long long to_us =
            filter.to ? to_microseconds(*filter.to) : std::numeric_limits<long long>::max();
        const std::string where =
            " FROM booking WHERE (:e1 = 0 OR equipment_id = :e2) AND (:u1 = 0 OR requested_by "
            "= :u2 OR on_behalf_of = :u3) AND (:s1 = '' OR status = :s2) AND end_us > :from AND "
            "start_us < :to";
        long long total = 0;
        sql << "SELECT COUNT(*)" << where, soci::use(equipment), soci::use(equipment),
            soci::use(user), soci::use(user), soci::use(user), soci::use(status), soci::use(status),
            soci::use(from_us), soci::use(to_us), soci::into(total);
        const long long lim = limit;
        const long long off = offset;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << booking_columns << where
                         << " ORDER BY start_us, id LIMIT :lim OFFSET :off",
             soci::use(equipment), soci::use(equipment), soci::use(user), soci::use(user),
             soci::use(user), soci::use(status), soci::use(status), soci::use(from_us),
             soci::use(to_us), soci::use(lim), soci::use(off));
        lab::BookingPage page;
        page.total = total;
        for (const auto& row : rows) {
            page.items.push_back(booking_from(row));
        }
        return page;
    });
}

std::vector<lab::Booking> SqlBookingStore::bookings_of(lab::EquipmentId equipment,
                                                       lab::TimePoint from, lab::TimePoint to) {
    return with_session(database_, "cannot list bookings", [&](soci::session& sql) {
        const long long key = equipment.value();
        const long long from_us = to_microseconds(from);
        const long long to_us = to_microseconds(to);
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << booking_columns
                         << " FROM booking WHERE equipment_id = :e AND start_us < :to AND "
                            "blocked_until_us > :from ORDER BY start_us, id",
             soci::use(key), soci::use(to_us), soci::use(from_us));
        std::vector<lab::Booking> out;
        for (const auto& row : rows) {
            out.push_back(booking_from(row));
        }
        return out;
    });
}

double SqlBookingStore::usage_hours(lab::EquipmentId equipment, lab::TimePoint from,
                                    lab::TimePoint to) {
    return with_session(database_, "cannot compute usage", [&](soci::session& sql) {
        const long long key = equipment.value();
        const long long from_us = to_microseconds(from);
        const long long to_us = to_microseconds(to);
        double hours = 0.0;
        soci::rowset<soci::row> lent =
            (sql.prepare << "SELECT checked_out_at_us, returned_at_us FROM booking WHERE "
                            "equipment_id = :e AND checked_out_at_us IS NOT NULL AND "
                            "returned_at_us IS NOT NULL AND checked_out_at_us < :to AND "
                            "returned_at_us > :from",
             soci::use(key), soci::use(to_us), soci::use(from_us));
        for (const auto& row : lent) {
            hours += overlap_hours(column_int64(row, "checked_out_at_us"),
                                   column_int64(row, "returned_at_us"), from_us, to_us);
        }
        // Jobs that used the equipment's standard: from the job's start to its last reading.
        soci::rowset<soci::row> used =
            (sql.prepare << "SELECT j.created_at_us AS started, MAX(r.taken_at_us) AS ended "
                            "FROM equipment e JOIN job_standard s ON s.standard_id = "
                            "e.standard_id JOIN job j ON j.id = s.job_id JOIN reading r ON "
                            "r.job_id = j.id WHERE e.id = :e GROUP BY j.id, j.created_at_us",
             soci::use(key));
        for (const auto& row : used) {
            hours += overlap_hours(column_int64(row, "started"), column_int64(row, "ended"),
                                   from_us, to_us);
        }
        return hours;
    });
}

} // namespace callab::db
