#pragma once

#include "authenticator.hpp"

namespace callab::web {

/// `/api/equipment` and `/api/bookings`. Each handler gets the signed-in user; role checks
/// are made here, the booking rules (no overlap, no past slots, approval) by lab::BookingService.
class BookingHandlers {
public:
    explicit BookingHandlers(ApiServices& services) : services_(services) {}

    /// POST /api/equipment (manager, admin) → 201.
    Response add_equipment(const Request& request, const SignedIn& who);
    /// GET /api/equipment/{id}.
    Response equipment(const Request& request, lab::EquipmentId id);
    /// POST /api/bookings → 201, or 409 with `conflicting_booking`.
    Response book(const Request& request, const SignedIn& who);
    /// GET /api/bookings/{id}; enterprise users see only bookings made by or for them.
    Response booking(const Request& request, const SignedIn& who, lab::BookingId id);

private:
    ApiServices& services_;
};

nlohmann::json equipment_to_json(const lab::Equipment& equipment);
nlohmann::json booking_to_json(const lab::Booking& booking);

} // namespace callab::web
