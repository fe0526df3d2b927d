#pragma once

#include <callab/lab/booking_store.hpp>
#include <callab/lab/standard_store.hpp>
#include <callab/lab/user.hpp>

#include <vector>

namespace callab::lab {

/// The rules of booking shared equipment: no bookings in the past or with end before start,
/// only within the equipment's bookable hours, an overdue or suspended standard cannot be
/// booked (unless a manager overrides it with a reason), approval when the equipment asks for
/// it, only managers approve or reject, staff mark no-shows after the grace period, recurring
/// series skip the slots that conflict.
class BookingService {
public:
    /// How long after its start an approved booking that was not collected may be marked a
    /// no-show.
    static constexpr std::chrono::minutes no_show_grace{30};

    BookingService(BookingStore& bookings, StandardStore& standards)
        : bookings_(bookings), standards_(standards) {}

    /// Books as of `now`, recording `by` as the booker (the request's `on_behalf_of` names
    /// whom it is for; enterprise users book only for themselves).
    Outcome<Booking> book(const BookingRequest& request, const User& by, TimePoint now);

    struct Skipped {
        BookingRequest occurrence;
        Rejection why;
    };
    struct SeriesResult {
        std::vector<Booking> booked;
        std::vector<Skipped> skipped; ///< one per occurrence that was not booked, with why
    };
    /// Books `count` occurrences `every` apart starting with `first`, skipping conflicts.
    SeriesResult book_series(const BookingRequest& first, std::chrono::hours every, int count,
                             const User& by, TimePoint now);

    /// Whether `by` may see (and act on as booker) the booking: staff see every booking,
    /// enterprise users their own.
    static bool may_see(const Booking& booking, const User& by);

    Outcome<Booking> approve(BookingId id, const User& by);
    Outcome<Booking> reject(BookingId id, const User& by, const std::string& reason);
    Outcome<Booking> cancel(BookingId id, const User& by, const std::string& reason = {});
    /// Staff (not enterprise users) mark an approved booking not collected `no_show_grace`
    /// after its start; it frees the slot.
    Outcome<Booking> no_show(BookingId id, const User& by, TimePoint now);
    /// Check-out and return: by the booker, the person it is for, or staff.
    Outcome<Booking> check_out(BookingId id, const User& by, TimePoint at,
                               const std::string& condition);
    Outcome<Booking> check_in(BookingId id, const User& by, TimePoint at,
                              const std::string& condition);

private:
    Outcome<Booking> move(BookingId id, BookingStatus to, const User& by, TimePoint at,
                          const std::string& note);
    BookingStore& bookings_;
    StandardStore& standards_;
};

} // namespace callab::lab
