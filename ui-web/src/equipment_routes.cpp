#include "equipment_routes.hpp"

#include "api_error.hpp"
#include "booking_routes.hpp"
#include "icalendar.hpp"
#include "json_body.hpp"
#include "list_query.hpp"

#include <callab/lab/calendar_date.hpp>
#include <callab/lab/standard_usability.hpp>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

bool may_manage(const SignedIn& who) {
    return who.user.data.role == lab::Role::manager || who.user.data.role == lab::Role::admin;
}

Response no_such_equipment(const Request& request, lab::EquipmentId id) {
    return api_error(request, http::status::not_found, "not_found",
                     "equipment " + id.to_string() + " does not exist");
}

} // namespace

nlohmann::json EquipmentRoutes::describe(const lab::Equipment& equipment) {
    auto out = equipment_to_json(equipment);
    out["blocked"] = false;
    out["blocked_reason"] = "";
    if (!equipment.data.standard) {
        return out;
    }
    const auto standard = services_.standards.find_standard(*equipment.data.standard);
    if (!standard) {
        return out;
    }
    const auto usable =
        lab::check_standard_usable(*standard, services_.standards.latest_certificate(standard->id),
                                   lab::date_of(std::chrono::system_clock::now()), std::nullopt);
    if (!usable) {
        out["blocked"] = true;
        out["blocked_reason"] = usable.error().message;
    }
    return out;
}

Response EquipmentRoutes::list(const Request& request) {
    auto query = parse_list_query(
        request, {{"id", "name"}, {"standard_id", "approval_required", "blocked"}});
    if (!query) {
        return problem_response(request, query.error());
    }
    std::vector<nlohmann::json> items;
    for (const auto& equipment : services_.bookings.list_equipment()) {
        items.push_back(describe(equipment));
    }
    return json_response(request, http::status::ok, page_of(std::move(items), *query));
}

Response EquipmentRoutes::add_equipment(const Request& request, const SignedIn& who) {
    if (!may_manage(who)) {
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
    auto equipment = equipment_from_json(*body, lab::NewEquipment{*name, std::nullopt, false, 0});
    if (!equipment) {
        return problem_response(request, equipment.error());
    }
    const auto added = services_.bookings.add_equipment(*equipment, who.user.data.username);
    return json_response(request, http::status::created, describe(added));
}

Response EquipmentRoutes::edit_equipment(const Request& request, const SignedIn& who,
                                         lab::EquipmentId id) {
    if (!may_manage(who)) {
        return forbidden(request, "only managers and administrators change equipment");
    }
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    const auto found = services_.bookings.find_equipment(id);
    if (!found) {
        return no_such_equipment(request, id);
    }
    auto changed = equipment_from_json(*body, found->data);
    if (!changed) {
        return problem_response(request, changed.error());
    }
    auto stored = services_.bookings.update_equipment(id, *changed, who.user.data.username);
    if (!stored) {
        return rejection_response(request, stored.error());
    }
    return json_response(request, http::status::ok, describe(*stored));
}

Response EquipmentRoutes::equipment(const Request& request, lab::EquipmentId id) {
    const auto found = services_.bookings.find_equipment(id);
    if (!found) {
        return no_such_equipment(request, id);
    }
    auto out = describe(*found);
    const auto now = std::chrono::system_clock::now();
    out["usage_hours"] = services_.bookings.usage_hours(id, lab::TimePoint{}, now);
    out["usage_hours_30_days"] =
        services_.bookings.usage_hours(id, now - std::chrono::days(30), now);
    return json_response(request, http::status::ok, out);
}

Response EquipmentRoutes::calendar(const Request& request, const SignedIn& who,
                                   lab::EquipmentId id) {
    const auto found = services_.bookings.find_equipment(id);
    if (!found) {
        return no_such_equipment(request, id);
    }
    const auto now = std::chrono::system_clock::now();
    std::vector<CalendarEvent> events;
    for (const auto& booking : services_.bookings.bookings_of(id, now - std::chrono::days(90),
                                                              now + std::chrono::days(366))) {
        if (lab::booking_holds_slot(booking.status) ||
            booking.status == lab::BookingStatus::returned) {
            events.push_back(booking_event(booking, found->data.name, who.user));
        }
    }
    return make_response(request, http::status::ok, "text/calendar; charset=utf-8",
                         icalendar(found->data.name, events, now));
}

Response EquipmentRoutes::handle(const Request& request, std::string_view path,
                                 const SignedIn& who) {
    return dispatch_resource(
        request, path, base(),
        {"equipment", [&] { return list(request); }, [&] { return add_equipment(request, who); },
         [&](std::int64_t id, std::span<const std::string_view> rest) {
             const lab::EquipmentId equipment_id{id};
             if (rest.size() == 1 && rest[0] == "calendar.ics") {
                 return read_only(request, path,
                                  [&] { return calendar(request, who, equipment_id); });
             }
             if (!rest.empty()) {
                 return no_such_resource(request, path);
             }
             if (request.method() == http::verb::patch) {
                 return edit_equipment(request, who, equipment_id);
             }
             if (!is_read(request)) {
                 return method_not_allowed(request, path, "GET, HEAD, PATCH");
             }
             return equipment(request, equipment_id);
         }});
}

} // namespace callab::web
