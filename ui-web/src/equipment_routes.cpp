#include "equipment_routes.hpp"

#include "api_error.hpp"
#include "json_body.hpp"

namespace callab::web {
namespace http = boost::beast::http;
namespace {

nlohmann::json optional_id(const auto& id) {
    return id ? nlohmann::json(id->value()) : nlohmann::json(nullptr);
}

} // namespace

nlohmann::json equipment_to_json(const lab::Equipment& equipment) {
    return {{"id", equipment.id.value()},
            {"name", equipment.data.name},
            {"standard_id", optional_id(equipment.data.standard)},
            {"approval_required", equipment.data.approval_required},
            {"service_buffer_minutes", equipment.data.service_buffer_minutes}};
}

Response EquipmentRoutes::add_equipment(const Request& request, const SignedIn& who) {
    const auto role = who.user.data.role;
    if (role != lab::Role::manager && role != lab::Role::admin) {
        return forbidden(request, "only managers and administrators add equipment");
    }
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto name = string_field(*body, "name");
    if (!name) {
        return problem_response(request, name.error());
    }
    lab::NewEquipment equipment{*name, std::nullopt, false, 0};
    if (body->contains("standard_id") && !(*body)["standard_id"].is_null()) {
        auto standard = id_field(*body, "standard_id");
        if (!standard) {
            return problem_response(request, standard.error());
        }
        equipment.standard = lab::StandardId{*standard};
    }
    if (const auto it = body->find("approval_required"); it != body->end()) {
        if (!it->is_boolean()) {
            return api_error(request, http::status::unprocessable_entity, "invalid_field",
                             "approval_required: must be a boolean", "approval_required");
        }
        equipment.approval_required = it->get<bool>();
    }
    if (const auto it = body->find("service_buffer_minutes"); it != body->end()) {
        if (!it->is_number_integer() || it->get<int>() < 0) {
            return api_error(request, http::status::unprocessable_entity, "invalid_field",
                             "service_buffer_minutes: must be a non-negative integer",
                             "service_buffer_minutes");
        }
        equipment.service_buffer_minutes = it->get<int>();
    }
    const auto added = services_.bookings.add_equipment(equipment, who.user.data.username);
    return json_response(request, http::status::created, equipment_to_json(added));
}

Response EquipmentRoutes::equipment(const Request& request, lab::EquipmentId id) {
    const auto found = services_.bookings.find_equipment(id);
    if (!found) {
        return api_error(request, http::status::not_found, "not_found",
                         "equipment " + id.to_string() + " does not exist");
    }
    return json_response(request, http::status::ok, equipment_to_json(*found));
}

Response EquipmentRoutes::handle(const Request& request, std::string_view path,
                                 const SignedIn& who) {
    const auto segments = path_segments(path, base());
    if (segments.empty()) {
        return request.method() == http::verb::post ? add_equipment(request, who)
                                                    : method_not_allowed(request, path, "POST");
    }
    if (segments.size() != 1) {
        return api_error(request, http::status::not_found, "not_found",
                         "no such resource: " + std::string(path));
    }
    if (!is_read(request)) {
        return method_not_allowed(request, path, "GET, HEAD");
    }
    const auto id = parse_id(segments[0]);
    if (!id) {
        return api_error(request, http::status::not_found, "not_found",
                         "equipment id '" + std::string(segments[0]) +
                             "' is not a positive integer");
    }
    return equipment(request, lab::EquipmentId{*id});
}

} // namespace callab::web
