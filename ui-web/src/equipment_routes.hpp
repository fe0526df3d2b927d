#pragma once

#include "json_body.hpp"
#include "resource_routes.hpp"

namespace callab::web {

/// `/api/equipment`: the lab's shared equipment offered for booking, its settings (approval,
/// service buffer, bookable hours), usage hours and iCalendar feed.
class EquipmentRoutes final : public ResourceRoutes {
public:
    explicit EquipmentRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/equipment"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    /// GET /api/equipment: every role; paged in memory (the lab has tens of items).
    Response list(const Request& request);
    /// POST /api/equipment (manager, admin) → 201.
    Response add_equipment(const Request& request, const SignedIn& who);
    /// PATCH /api/equipment/{id} (manager, admin): the fields given replace the stored ones.
    Response edit_equipment(const Request& request, const SignedIn& who, lab::EquipmentId id);
    /// GET /api/equipment/{id}, with its usage hours and whether it is blocked today.
    Response equipment(const Request& request, lab::EquipmentId id);
    /// GET /api/equipment/{id}/calendar.ics: its slot-holding bookings as iCalendar.
    Response calendar(const Request& request, const SignedIn& who, lab::EquipmentId id);

    /// The JSON of one equipment with `blocked` and `blocked_reason` for today.
    nlohmann::json describe(const lab::Equipment& equipment);

    ApiServices& services_;
};

nlohmann::json equipment_to_json(const lab::Equipment& equipment);

/// Applies the members of `body` that the Equipment schema writes to `equipment`; a wrong
/// type or value is a 422 naming the member.
BodyResult<lab::NewEquipment> equipment_from_json(const nlohmann::json& body,
                                                  lab::NewEquipment equipment);

} // namespace callab::web
