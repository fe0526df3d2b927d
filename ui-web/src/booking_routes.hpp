#pragma once

#include "resource_routes.hpp"

namespace callab::web {

/// `/api/bookings`: role checks here, the booking rules (no overlap, no past slots,
/// approval) in lab::BookingService.
class BookingRoutes final : public ResourceRoutes {
public:
    explicit BookingRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/bookings"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    /// POST /api/bookings → 201, or 409 with `conflicting_booking`.
    Response book(const Request& request, const SignedIn& who);
    /// GET /api/bookings/{id}; enterprise users see only bookings made by or for them.
    Response booking(const Request& request, const SignedIn& who, lab::BookingId id);

    ApiServices& services_;
};

nlohmann::json booking_to_json(const lab::Booking& booking);

} // namespace callab::web
