#include "booking_routes.hpp"

#include "api_error.hpp"
#include "equipment_routes.hpp"
#include "json_body.hpp"
#include "list_query.hpp"

#include <callab/lab/booking_service.hpp>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

nlohmann::json optional_id(const auto& id) {
    return id ? nlohmann::json(id->value()) : nlohmann::json(nullptr);
}

bool may_see(const lab::Booking& booking, const lab::User& user) {
    if (user.data.role != lab::Role::enterprise_user) {
        return true;
    }
    return booking.request.requested_by == user.id || booking.request.on_behalf_of == user.id;
}

} // namespace

nlohmann::json booking_to_json(const lab::Booking& booking) {
    return {{"id", booking.id.value()},
            {"equipment_id", booking.request.equipment.value()},
            {"start", format_utc(booking.request.start)},
            {"end", format_utc(booking.request.end)},
            {"purpose", booking.request.purpose},
            {"requested_by", booking.request.requested_by.value()},
            {"on_behalf_of", optional_id(booking.request.on_behalf_of)},
            {"job_id", optional_id(booking.request.job)},
            {"status", lab::enum_name(booking.status, lab::booking_status_names)},
            {"blocked_until", format_utc(booking.blocked_until)}};
}

Response BookingRoutes::book(const Request& request, const SignedIn& who) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto equipment = id_field(*body, "equipment_id");
    if (!equipment) {
        return problem_response(request, equipment.error());
    }
    auto start = time_field(*body, "start");
    if (!start) {
        return problem_response(request, start.error());
    }
    auto end = time_field(*body, "end");
    if (!end) {
        return problem_response(request, end.error());
    }
    auto purpose = optional_string_field(*body, "purpose");
    if (!purpose) {
        return problem_response(request, purpose.error());
    }
    lab::BookingRequest wanted{lab::EquipmentId{*equipment},
                               who.user.id,
                               std::nullopt,
                               *start,
                               *end,
                               *purpose,
                               std::nullopt};
    for (const auto& [name, target] : {std::pair{"on_behalf_of", 0}, std::pair{"job_id", 1}}) {
        if (!body->contains(name) || (*body)[name].is_null()) {
            continue;
        }
        auto id = id_field(*body, name);
        if (!id) {
            return problem_response(request, id.error());
        }
        if (target == 0) {
            wanted.on_behalf_of = lab::UserId{*id};
        } else {
            wanted.job = lab::JobId{*id};
        }
    }
    lab::BookingService service(services_.bookings, services_.standards);
    auto booked = service.book(wanted, who.user, std::chrono::system_clock::now());
    if (booked) {
        return json_response(request, http::status::created, booking_to_json(*booked));
    }
    auto response = rejection_response(request, booked.error());
    if (booked.error().code == lab::errc::conflict) {
        const auto item = services_.bookings.find_equipment(wanted.equipment);
        const auto buffer = std::chrono::minutes(item ? item->data.service_buffer_minutes : 0);
        for (const auto& other : services_.bookings.bookings_of(
                 wanted.equipment, wanted.start - buffer, wanted.end + buffer)) {
            if (lab::booking_holds_slot(other.status)) {
                auto error = nlohmann::json::parse(response.body());
                error["conflicting_booking"] =
                    may_see(other, who.user)
                        ? booking_to_json(other)
                        : nlohmann::json{{"id", other.id.value()},
                                         {"start", format_utc(other.request.start)},
                                         {"end", format_utc(other.request.end)}};
                response.body() = error.dump();
                response.prepare_payload();
                break;
            }
        }
    }
    return response;
}

Response BookingRoutes::booking(const Request& request, const SignedIn& who, lab::BookingId id) {
    const auto found = services_.bookings.find_booking(id);
    if (!found || !may_see(*found, who.user)) {
        return api_error(request, http::status::not_found, "not_found",
                         "booking " + id.to_string() + " does not exist");
    }
    return json_response(request, http::status::ok, booking_to_json(*found));
}

Response BookingRoutes::handle(const Request& request, std::string_view path, const SignedIn& who) {
    const auto segments = path_segments(path, base());
    if (segments.empty()) {
        return request.method() == http::verb::post ? book(request, who)
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
                         "booking id '" + std::string(segments[0]) + "' is not a positive integer");
    }
    return booking(request, who, lab::BookingId{*id});
}

} // namespace callab::web
