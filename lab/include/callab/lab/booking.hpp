#pragma once

#include <callab/lab/bookable_hours.hpp>
#include <callab/lab/enum_names.hpp>
#include <callab/lab/strong_id.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
    BookableHours hours = {};       ///< when it may be booked
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
    /// A manager's reason for booking equipment whose standard is overdue or suspended
    /// (empty: no override).
    std::string override_reason = {};
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
    /// The reason given with the booking's last decision: a manager's standards override at
    /// booking, or the note of a rejection, cancellation or no-show.
    std::string reason;
};

/// Which bookings a listing wants; unset fields do not filter.
struct BookingFilter {
    std::optional<EquipmentId> equipment;
    std::optional<UserId> user; ///< booked by or on behalf of this user
    std::optional<BookingStatus> status;
    std::optional<TimePoint> from; ///< bookings ending after this
    std::optional<TimePoint> to;   ///< bookings starting before this
};

/// One page of bookings and how many match the filter in all.
struct BookingPage {
    std::vector<Booking> items;
    std::int64_t total = 0;
};

} // namespace callab::lab
