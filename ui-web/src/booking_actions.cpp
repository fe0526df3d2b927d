// The listing, the status changes and the calendar feeds of BookingRoutes.
#include "api_error.hpp"
#include "booking_routes.hpp"
#include "json_body.hpp"
#include "list_query.hpp"

#include <callab/lab/booking_service.hpp>

#include <map>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

BodyProblem invalid(const std::string& field, const std::string& what) {
    return {http::status::unprocessable_entity, "invalid_field", field + ": " + what, field};
}

BodyResult<std::optional<lab::TimePoint>> time_parameter(const ListQuery& query,
                                                         const std::string& name) {
    const auto it = query.other.find(name);
    if (it == query.other.end()) {
        return std::optional<lab::TimePoint>{};
    }
    auto parsed = time_field(nlohmann::json{{name, it->second}}, name);
    if (!parsed) {
        return parsed.error();
    }
    return std::optional<lab::TimePoint>{*parsed};
}

/// The note a status change carries: `reason` for decisions, `condition` for handovers.
BodyResult<std::string> note_of(const Request& request, std::string_view member) {
    if (request.body().empty()) {
        return std::string();
    }
    auto body = parse_json_object(request);
    if (!body) {
        return body.error();
    }
    return optional_string_field(*body, std::string(member));
}

} // namespace

CalendarEvent booking_event(const lab::Booking& booking, const std::string& equipment_name,
                            const lab::User& viewer) {
    CalendarEvent event;
    event.uid = "booking-" + booking.id.to_string() + "@callab";
    event.start = booking.request.start;
    event.end = booking.request.end;
    event.status = booking.status == lab::BookingStatus::requested ? "TENTATIVE" : "CONFIRMED";
    if (!lab::BookingService::may_see(booking, viewer)) {
        event.summary = equipment_name + " (booked)";
        return event;
    }
    event.summary = equipment_name + ": " + booking.request.purpose;
    event.description = "Booking " + booking.id.to_string() + ", " +
                        std::string(lab::enum_name(booking.status, lab::booking_status_names));
    return event;
}

Response BookingRoutes::list(const Request& request, const SignedIn& who) {
    auto query = parse_list_query(
        request, {{}, {"equipment_id", "user_id", "status"}, {"from", "to", "busy"}});
    if (!query) {
        return problem_response(request, query.error());
    }
    const auto busy_parameter = query->other.find("busy");
    const bool busy = busy_parameter != query->other.end() && busy_parameter->second == "true";
    if (busy_parameter != query->other.end() && !busy && busy_parameter->second != "false") {
        return problem_response(request, invalid("busy", "must be true or false"));
    }
    lab::BookingFilter filter;
    for (const auto& [name, value] : query->filters) {
        if (name == "status") {
            const auto status = lab::parse_enum(value, lab::booking_status_names);
            if (!status) {
                return problem_response(request, invalid("status", "unknown booking status"));
            }
            filter.status = *status;
            continue;
        }
        const auto id = parse_id(value);
        if (!id) {
            return problem_response(request, invalid(name, "must be a positive integer"));
        }
        if (name == "equipment_id") {
            filter.equipment = lab::EquipmentId{*id};
        } else {
            filter.user = lab::UserId{*id};
        }
    }
    if (who.user.data.role == lab::Role::enterprise_user && !busy) {
        if (filter.user && *filter.user != who.user.id) {
            return json_response(request, http::status::ok,
                                 list_body(nlohmann::json::array(), 0, *query));
        }
        filter.user = who.user.id;
    }
    auto from = time_parameter(*query, "from");
    auto to = time_parameter(*query, "to");
    if (!from || !to) {
        return problem_response(request, !from ? from.error() : to.error());
    }
    filter.from = *from;
    filter.to = *to;
    const auto page = services_.bookings.find_bookings(filter, query->offset(), query->per_page);
    auto items = nlohmann::json::array();
    for (const auto& booking : page.items) {
        items.push_back(lab::BookingService::may_see(booking, who.user) ? booking_to_json(booking)
                                                                        : busy_block_json(booking));
    }
    return json_response(request, http::status::ok,
                         list_body(std::move(items), page.total, *query));
}

Response BookingRoutes::act(const Request& request, const SignedIn& who, lab::BookingId id,
                            std::string_view action) {
    enum class Action { approve, reject, check_out, give_back, cancel, no_show };
    static const std::map<std::string_view, Action> actions{
        {"approve", Action::approve},  {"reject", Action::reject}, {"check-out", Action::check_out},
        {"return", Action::give_back}, {"cancel", Action::cancel}, {"no-show", Action::no_show}};
    const auto it = actions.find(action);
    if (it == actions.end()) {
        return api_error(request, http::status::not_found, "not_found",
                         "no such booking action: " + std::string(action));
    }
    const auto found = services_.bookings.find_booking(id);
    if (!found || !lab::BookingService::may_see(*found, who.user)) {
        return api_error(request, http::status::not_found, "not_found",
                         "booking " + id.to_string() + " does not exist");
    }
    const bool handover = it->second == Action::check_out || it->second == Action::give_back;
    auto note = note_of(request, handover ? "condition" : "reason");
    if (!note) {
        return problem_response(request, note.error());
    }
    lab::BookingService service(services_.bookings, services_.standards);
    const auto now = std::chrono::system_clock::now();
    lab::Outcome<lab::Booking> done = lab::reject(lab::errc::not_found, "booking action");
    switch (it->second) {
    case Action::approve:
        done = service.approve(id, who.user);
        break;
    case Action::reject:
        done = service.reject(id, who.user, *note);
        break;
    case Action::check_out:
        done = service.check_out(id, who.user, now, *note);
        break;
    case Action::give_back:
        done = service.check_in(id, who.user, now, *note);
        break;
    case Action::cancel:
        done = service.cancel(id, who.user, *note);
        break;
    case Action::no_show:
        done = service.no_show(id, who.user, now);
        break;
    }
    if (!done) {
        if (done.error().code == lab::errc::not_permitted) {
            return forbidden(request, done.error().message);
        }
        return rejection_response(request, done.error());
    }
    return json_response(request, http::status::ok, booking_to_json(*done));
}

Response MyCalendarRoutes::handle(const Request& request, std::string_view path,
                                  const SignedIn& who) {
    if (!path_segments(path, base()).empty()) {
        return api_error(request, http::status::not_found, "not_found",
                         "no such resource: " + std::string(path));
    }
    if (!is_read(request)) {
        return method_not_allowed(request, path, "GET, HEAD");
    }
    const auto now = std::chrono::system_clock::now();
    lab::BookingFilter filter;
    filter.user = who.user.id;
    filter.from = now - std::chrono::days(90);
    filter.to = now + std::chrono::days(366);
    std::vector<CalendarEvent> events;
    std::map<std::int64_t, std::string> names;
    for (const auto& booking : services_.bookings.find_bookings(filter, 0, 1000).items) {
        if (!lab::booking_holds_slot(booking.status) &&
            booking.status != lab::BookingStatus::returned) {
            continue;
        }
        auto& name = names[booking.request.equipment.value()];
        if (name.empty()) {
            const auto equipment = services_.bookings.find_equipment(booking.request.equipment);
            name = equipment ? equipment->data.name
                             : "equipment " + booking.request.equipment.to_string();
        }
        events.push_back(booking_event(booking, name, who.user));
    }
    return make_response(request, http::status::ok, "text/calendar; charset=utf-8",
                         icalendar("callab: " + who.user.data.username, events, now));
}

} // namespace callab::web
