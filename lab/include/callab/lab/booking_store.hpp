#pragma once

#include <callab/lab/booking.hpp>
#include <callab/lab/rejection.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace callab::lab {

/// Equipment and bookings. The store enforces that no two slot-holding bookings of one
/// equipment overlap (including the service buffer), also under concurrent requests from
/// several processes. Mutations are audited under `actor`.
class BookingStore {
public:
    virtual ~BookingStore() = default;

    virtual Equipment add_equipment(const NewEquipment& equipment, std::string_view actor) = 0;
    virtual std::optional<Equipment> find_equipment(EquipmentId id) = 0;
    /// Replaces the equipment's settings (name, standard, approval, buffer, bookable hours);
    /// the audit trail keeps the old ones. errc::not_found for unknown equipment.
    virtual Outcome<Equipment> update_equipment(EquipmentId id, const NewEquipment& equipment,
                                                std::string_view actor) = 0;
    /// All equipment, by id.
    virtual std::vector<Equipment> list_equipment() = 0;

    /// Stores the booking in `status` unless it overlaps a slot-holding booking of the same
    /// equipment: then errc::conflict with a message naming the booking that holds the slot.
    /// errc::not_found for unknown equipment.
    virtual Outcome<Booking> create_booking(const BookingRequest& request, BookingStatus status,
                                            std::string_view actor) = 0;
    virtual std::optional<Booking> find_booking(BookingId id) = 0;
    /// Moves a booking from `from` to `to` if it is still in `from` (false otherwise),
    /// recording check-out/return time and the condition note for those steps, and the note
    /// as the booking's reason for the others (rejection, cancellation, no-show).
    virtual bool change_booking_status(BookingId id, BookingStatus from, BookingStatus to,
                                       TimePoint at, const std::string& note,
                                       std::string_view actor) = 0;
    /// The bookings matching `filter`, by start then id, `limit` from `offset`, and the total.
    virtual BookingPage find_bookings(const BookingFilter& filter, std::int64_t offset,
                                      std::int64_t limit) = 0;
    /// Bookings of one equipment overlapping [from, to), by start.
    virtual std::vector<Booking> bookings_of(EquipmentId equipment, TimePoint from,
                                             TimePoint to) = 0;
    /// Hours of use in [from, to): check-out to return of bookings, plus jobs' use of the
    /// equipment's standard (one entry per job, from its creation to its last reading).
    virtual double usage_hours(EquipmentId equipment, TimePoint from, TimePoint to) = 0;
};

} // namespace callab::lab
