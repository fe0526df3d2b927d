#pragma once

#include "resource_routes.hpp"

namespace callab::web {

/// `/api/equipment`: the lab's shared equipment offered for booking.
class EquipmentRoutes final : public ResourceRoutes {
public:
    explicit EquipmentRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/equipment"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    /// POST /api/equipment (manager, admin) → 201.
    Response add_equipment(const Request& request, const SignedIn& who);
    /// GET /api/equipment/{id}.
    Response equipment(const Request& request, lab::EquipmentId id);

    ApiServices& services_;
};

nlohmann::json equipment_to_json(const lab::Equipment& equipment);

} // namespace callab::web
