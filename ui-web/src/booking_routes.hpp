#pragma once

#include "icalendar.hpp"
#include "resource_routes.hpp"

namespace callab::web {

/// `/api/bookings`: role checks here, the booking rules (no overlap, no past slots, bookable
/// hours, approval, no-show grace) in lab::BookingService.
class BookingRoutes final : public ResourceRoutes {
public:
    explicit BookingRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/bookings"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    /// POST /api/bookings → 201, or 409 with `conflicting_booking`; with `repeat` a series:
    /// 201 with the occurrences `booked` and those `skipped` with why.
    Response book(const Request& request, const SignedIn& who);
    Response book_series(const Request& request, const SignedIn& who,
                         const lab::BookingRequest& first, const nlohmann::json& repeat);
    /// GET /api/bookings: paged in SQL; enterprise users see only bookings made by or for them.
    Response list(const Request& request, const SignedIn& who);
    /// GET /api/bookings/{id}; enterprise users see only bookings made by or for them.
    Response booking(const Request& request, const SignedIn& who, lab::BookingId id);
    /// POST /api/bookings/{id}/approve|reject|check-out|return|cancel|no-show.
    Response act(const Request& request, const SignedIn& who, lab::BookingId id,
                 std::string_view action);
    /// The booking that holds the slot `wanted` asked for, as JSON (null if none is found).
    nlohmann::json conflicting(const lab::BookingRequest& wanted, const lab::User& user);

    ApiServices& services_;
};

/// `/api/users/me/calendar.ics`: the signed-in user's bookings (made by or for them).
class MyCalendarRoutes final : public ResourceRoutes {
public:
    explicit MyCalendarRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/users/me/calendar.ics"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    ApiServices& services_;
};

nlohmann::json booking_to_json(const lab::Booking& booking);

/// Another party's booking as an enterprise user sees it in `?busy=true`: when the equipment
/// is taken, without the purpose or the people.
nlohmann::json busy_block_json(const lab::Booking& booking);

/// A booking as a calendar event; bookings `viewer` may not see show only that the slot is
/// taken.
CalendarEvent booking_event(const lab::Booking& booking, const std::string& equipment_name,
                            const lab::User& viewer);

} // namespace callab::web
