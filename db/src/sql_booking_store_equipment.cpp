// The equipment half of SqlBookingStore: what can be booked, and when.
#include "sql_support.hpp"

#include <callab/db/sql_booking_store.hpp>

namespace callab::db {
namespace {

constexpr const char* equipment_columns =
    "id, name, standard_id, approval_required, service_buffer_minutes, bookable_days, "
    "bookable_from_minute, bookable_to_minute, utc_offset_minutes";

lab::Equipment equipment_from(const soci::row& row) {
    lab::Equipment e{lab::EquipmentId{column_int64(row, "id")}, {}};
    e.data.name = column_text(row, "name");
    if (const auto standard = column_optional_int64(row, "standard_id")) {
        e.data.standard = lab::StandardId{*standard};
    }
    e.data.approval_required = column_int64(row, "approval_required") != 0;
    e.data.service_buffer_minutes = static_cast<int>(column_int64(row, "service_buffer_minutes"));
    e.data.hours.weekdays = static_cast<unsigned>(column_int64(row, "bookable_days"));
    e.data.hours.from_minute = static_cast<int>(column_int64(row, "bookable_from_minute"));
    e.data.hours.to_minute = static_cast<int>(column_int64(row, "bookable_to_minute"));
    e.data.hours.utc_offset_minutes = static_cast<int>(column_int64(row, "utc_offset_minutes"));
    return e;
}

std::string audit_of(const lab::NewEquipment& equipment) {
    return audit_fields(
        {{"name", equipment.name},
         {"standard", equipment.standard ? equipment.standard->to_string() : std::string()},
         {"approval_required", equipment.approval_required ? "yes" : "no"},
         {"service_buffer_minutes", std::to_string(equipment.service_buffer_minutes)},
         {"bookable_hours", lab::describe(equipment.hours)}});
}

} // namespace

lab::Equipment SqlBookingStore::add_equipment(const lab::NewEquipment& equipment,
                                              std::string_view actor) {
    return with_session(database_, "cannot add equipment", [&](soci::session& sql) {
        WriteTransaction tx(sql, database_.backend());
        auto standard = OptionalKey::of(equipment.standard);
        const int approval = equipment.approval_required ? 1 : 0;
        const int days = static_cast<int>(equipment.hours.weekdays);
        long long id = 0;
        sql << "INSERT INTO equipment (name, standard_id, approval_required, "
               "service_buffer_minutes, bookable_days, bookable_from_minute, bookable_to_minute, "
               "utc_offset_minutes) VALUES (:n, :s, :a, :b, :d, :f, :t, :o) RETURNING id",
            soci::use(equipment.name), soci::use(standard.value, standard.indicator),
            soci::use(approval), soci::use(equipment.service_buffer_minutes), soci::use(days),
            soci::use(equipment.hours.from_minute), soci::use(equipment.hours.to_minute),
            soci::use(equipment.hours.utc_offset_minutes), soci::into(id);
        append_audit(sql, actor, "equipment", std::to_string(id), "create", "",
                     audit_of(equipment));
        tx.commit();
        return lab::Equipment{lab::EquipmentId{id}, equipment};
    });
}

std::optional<lab::Equipment> SqlBookingStore::find_equipment(lab::EquipmentId id) {
    return with_session(database_, "cannot read equipment", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << equipment_columns << " FROM equipment WHERE id = :id",
             soci::use(key));
        for (const auto& row : rows) {
            return std::optional<lab::Equipment>{equipment_from(row)};
        }
        return std::optional<lab::Equipment>{};
    });
}

lab::Outcome<lab::Equipment> SqlBookingStore::update_equipment(lab::EquipmentId id,
                                                               const lab::NewEquipment& equipment,
                                                               std::string_view actor) {
    const auto before = find_equipment(id);
    if (!before) {
        return lab::reject(lab::errc::not_found,
                           "equipment: " + id.to_string() + " does not exist");
    }
    return with_session(database_, "cannot change equipment", [&](soci::session& sql) {
        WriteTransaction tx(sql, database_.backend());
        auto standard = OptionalKey::of(equipment.standard);
        const int approval = equipment.approval_required ? 1 : 0;
        const int days = static_cast<int>(equipment.hours.weekdays);
        const long long key = id.value();
        sql << "UPDATE equipment SET name = :n, standard_id = :s, approval_required = :a, "
               "service_buffer_minutes = :b, bookable_days = :d, bookable_from_minute = :f, "
               "bookable_to_minute = :t, utc_offset_minutes = :o WHERE id = :id",
            soci::use(equipment.name), soci::use(standard.value, standard.indicator),
            soci::use(approval), soci::use(equipment.service_buffer_minutes), soci::use(days),
            soci::use(equipment.hours.from_minute), soci::use(equipment.hours.to_minute),
            soci::use(equipment.hours.utc_offset_minutes), soci::use(key);
        append_audit(sql, actor, "equipment", id.to_string(), "update", audit_of(before->data),
                     audit_of(equipment));
        tx.commit();
        return lab::Outcome<lab::Equipment>{lab::Equipment{id, equipment}};
    });
}

std::vector<lab::Equipment> SqlBookingStore::list_equipment() {
    return with_session(database_, "cannot list equipment", [&](soci::session& sql) {
        soci::rowset<soci::row> rows = sql.prepare << "SELECT " << equipment_columns
                                                   << " FROM equipment ORDER BY id";
        std::vector<lab::Equipment> out;
        for (const auto& row : rows) {
            out.push_back(equipment_from(row));
        }
        return out;
    });
}

} // namespace callab::db
