#pragma once

#include <callab/lab/enum_names.hpp>
#include <callab/lab/strong_id.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace callab::lab {

/// requested → approved → checked_out → returned; requested → rejected; requested or
/// approved → cancelled; approved → no_show. Only requested, approved and checked_out
/// bookings hold their slot.
enum class BookingStatus {
    requested,
    approved,
    checked_out,
    returned,
    cancelled,
    rejected,
    no_show
};

inline constexpr EnumNames<BookingStatus, 7> booking_status_names{
    {{BookingStatus::requested, "requested"},
     {BookingStatus::approved, "approved"},
     {BookingStatus::checked_out, "checked_out"},
     {BookingStatus::returned, "returned"},
     {BookingStatus::cancelled, "cancelled"},
     {BookingStatus::rejected, "rejected"},
     {BookingStatus::no_show, "no_show"}}};

bool booking_transition_allowed(BookingStatus from, BookingStatus to);
/// Whether a booking in this status holds its time slot.
bool booking_holds_slot(BookingStatus status);

/// Lab equipment offered for booking.
struct NewEquipment {
    std::string name;
    std::optional<StandardId> standard; ///< when the equipment is one of the lab's standards
    bool approval_required = false;
    int service_buffer_minutes = 0; ///< kept free after each booking for return and checks
};

struct Equipment {
    EquipmentId id;
    NewEquipment data;
};

using TimePoint = std::chrono::system_clock::time_point;

struct BookingRequest {
    EquipmentId equipment;
    UserId requested_by;
    std::optional<UserId> on_behalf_of; ///< the person (or enterprise user) it is for
    TimePoint start;
    TimePoint end;
    std::string purpose;
    std::optional<JobId> job; ///< the job the booking serves
};

struct Booking {
    BookingId id;
    BookingRequest request;
    BookingStatus status = BookingStatus::requested;
    /// end + the equipment's service buffer: the slot is held until then.
    TimePoint blocked_until;
    std::optional<TimePoint> checked_out_at;
    std::optional<TimePoint> returned_at;
    std::string condition_out; ///< condition notes at check-out
    std::string condition_in;  ///< condition notes at return
};

} // namespace callab::lab
