#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/booking_store.hpp>

namespace callab::db {

/// lab::BookingStore on the lab's SQL database. No overlap of slot-holding bookings is
/// checked inside a serialised write transaction on both backends and, on PostgreSQL,
/// also enforced by the exclusion constraint `booking_no_overlap`.
class SqlBookingStore final : public lab::BookingStore {
public:
    explicit SqlBookingStore(Database& database) : database_(database) {}

    lab::Equipment add_equipment(const lab::NewEquipment& equipment,
                                 std::string_view actor) override;
    std::optional<lab::Equipment> find_equipment(lab::EquipmentId id) override;
    lab::Outcome<lab::Equipment> update_equipment(lab::EquipmentId id,
                                                  const lab::NewEquipment& equipment,
                                                  std::string_view actor) override;
    std::vector<lab::Equipment> list_equipment() override;
    lab::Outcome<lab::Booking> create_booking(const lab::BookingRequest& request,
                                              lab::BookingStatus status,
                                              std::string_view actor) override;
    std::optional<lab::Booking> find_booking(lab::BookingId id) override;
    bool change_booking_status(lab::BookingId id, lab::BookingStatus from, lab::BookingStatus to,
                               lab::TimePoint at, const std::string& note,
                               std::string_view actor) override;
    lab::BookingPage find_bookings(const lab::BookingFilter& filter, std::int64_t offset,
                                   std::int64_t limit) override;
    std::vector<lab::Booking> bookings_of(lab::EquipmentId equipment, lab::TimePoint from,
                                          lab::TimePoint to) override;
    double usage_hours(lab::EquipmentId equipment, lab::TimePoint from, lab::TimePoint to) override;

private:
    Database& database_;
};

} // namespace callab::db
