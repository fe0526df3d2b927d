#include <callab/lab/booking_service.hpp>
#include <callab/lab/standard_usability.hpp>

namespace callab::lab {
namespace {

bool may_manage(const User& user) {
    return user.data.role == Role::manager || user.data.role == Role::admin;
}

bool is_staff(const User& user) {
    return user.data.role != Role::enterprise_user;
}

bool is_party(const Booking& booking, const User& user) {
    return booking.request.requested_by == user.id || booking.request.on_behalf_of == user.id;
}

} // namespace

bool BookingService::may_see(const Booking& booking, const User& by) {
    return is_staff(by) || is_party(booking, by);
}

Outcome<Booking> BookingService::book(const BookingRequest& request, const User& by,
                                      TimePoint now) {
    if (!(request.start < request.end)) {
        return lab::reject(errc::invalid_field, "end: must be after start");
    }
    if (request.start < now) {
        return lab::reject(errc::invalid_field, "start: a booking cannot start in the past");
    }
    if (request.on_behalf_of && *request.on_behalf_of != by.id && !may_manage(by) &&
        by.data.role == Role::enterprise_user) {
        return lab::reject(errc::not_permitted,
                           "on_behalf_of: enterprise users book for themselves");
    }
    const auto equipment = bookings_.find_equipment(request.equipment);
    if (!equipment) {
        return lab::reject(errc::not_found,
                           "equipment: " + request.equipment.to_string() + " does not exist");
    }
    if (auto within = check_within_hours(equipment->data.hours, request.start, request.end);
        !within) {
        return within.error();
    }
    if (equipment->data.standard) {
        const auto standard = standards_.find_standard(*equipment->data.standard);
        if (standard) {
            const auto latest = standards_.latest_certificate(standard->id);
            std::optional<UsageOverride> override_by;
            if (!request.override_reason.empty()) {
                override_by = UsageOverride{by.id, by.data.role, request.override_reason};
            }
            // The standard has to be usable on the last day of the booking.
            auto usable = check_standard_usable(*standard, latest,
                                                date_of(request.end - std::chrono::microseconds(1)),
                                                override_by);
            if (!usable) {
                return usable.error();
            }
        }
    }
    const auto status =
        equipment->data.approval_required ? BookingStatus::requested : BookingStatus::approved;
    BookingRequest booked = request;
    booked.requested_by = by.id; // the booker is who asks, whoever it is for
    return bookings_.create_booking(booked, status, by.data.username);
}

BookingService::SeriesResult BookingService::book_series(const BookingRequest& first,
                                                         std::chrono::hours every, int count,
                                                         const User& by, TimePoint now) {
    SeriesResult result;
    for (int i = 0; i < count; ++i) {
        BookingRequest occurrence = first;
        occurrence.start += every * i;
        occurrence.end += every * i;
        auto booked = book(occurrence, by, now);
        if (booked) {
            result.booked.push_back(*booked);
        } else {
            result.skipped.push_back({occurrence, booked.error()});
        }
    }
    return result;
}

Outcome<Booking> BookingService::move(BookingId id, BookingStatus to, const User& by, TimePoint at,
                                      const std::string& note) {
    const auto booking = bookings_.find_booking(id);
    if (!booking) {
        return lab::reject(errc::not_found, "booking: " + id.to_string() + " does not exist");
    }
    if (!booking_transition_allowed(booking->status, to)) {
        return lab::reject(errc::invalid_transition,
                           "booking " + id.to_string() + " is " +
                               std::string(enum_name(booking->status, booking_status_names)) +
                               " and cannot become " +
                               std::string(enum_name(to, booking_status_names)));
    }
    if (!bookings_.change_booking_status(id, booking->status, to, at, note, by.data.username)) {
        return lab::reject(errc::conflict, "booking " + id.to_string() + " was changed meanwhile");
    }
    return *bookings_.find_booking(id);
}

Outcome<Booking> BookingService::approve(BookingId id, const User& by) {
    if (!may_manage(by)) {
        return lab::reject(errc::not_permitted, "only a manager approves bookings");
    }
    return move(id, BookingStatus::approved, by, std::chrono::system_clock::now(), "");
}

Outcome<Booking> BookingService::reject(BookingId id, const User& by, const std::string& reason) {
    if (!may_manage(by)) {
        return lab::reject(errc::not_permitted, "only a manager rejects bookings");
    }
    if (reason.empty()) {
        return lab::reject(errc::invalid_field, "reason: a rejection needs a reason");
    }
    return move(id, BookingStatus::rejected, by, std::chrono::system_clock::now(), reason);
}

Outcome<Booking> BookingService::cancel(BookingId id, const User& by, const std::string& reason) {
    const auto booking = bookings_.find_booking(id);
    if (booking && !may_manage(by) && !is_party(*booking, by)) {
        return lab::reject(errc::not_permitted, "only the booker or a manager cancels a booking");
    }
    return move(id, BookingStatus::cancelled, by, std::chrono::system_clock::now(), reason);
}

Outcome<Booking> BookingService::no_show(BookingId id, const User& by, TimePoint now) {
    if (!is_staff(by)) {
        return lab::reject(errc::not_permitted, "only lab staff mark a booking as a no-show");
    }
    const auto booking = bookings_.find_booking(id);
    if (booking && booking->status == BookingStatus::approved &&
        now < booking->request.start + no_show_grace) {
        return lab::reject(errc::invalid_transition,
                           "booking " + id.to_string() +
                               " may be marked a no-show only 30 minutes after its start");
    }
    return move(id, BookingStatus::no_show, by, now, "not collected");
}

Outcome<Booking> BookingService::check_out(BookingId id, const User& by, TimePoint at,
                                           const std::string& condition) {
    const auto booking = bookings_.find_booking(id);
    if (booking && !is_staff(by) && !is_party(*booking, by)) {
        return lab::reject(errc::not_permitted, "only the booker or lab staff check out");
    }
    return move(id, BookingStatus::checked_out, by, at, condition);
}

Outcome<Booking> BookingService::check_in(BookingId id, const User& by, TimePoint at,
                                          const std::string& condition) {
    const auto booking = bookings_.find_booking(id);
    if (booking && !is_staff(by) && !is_party(*booking, by)) {
        return lab::reject(errc::not_permitted, "only the booker or lab staff return equipment");
    }
    return move(id, BookingStatus::returned, by, at, condition);
}

} // namespace callab::lab
