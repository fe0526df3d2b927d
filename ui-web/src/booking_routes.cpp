#include "booking_routes.hpp"

#include "api_error.hpp"
#include "json_body.hpp"
#include "json_field_names.hpp"
#include "list_query.hpp"

#include <callab/lab/booking_service.hpp>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

nlohmann::json optional_id(const auto& id) {
    return id ? nlohmann::json(id->value()) : nlohmann::json(nullptr);
}

nlohmann::json optional_time(const std::optional<lab::TimePoint>& t) {
    return t ? nlohmann::json(format_utc(*t)) : nlohmann::json(nullptr);
}

BodyProblem invalid(const std::string& field, const std::string& what) {
    return {http::status::unprocessable_entity, "invalid_field", field + ": " + what, field};
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
            {"blocked_until", format_utc(booking.blocked_until)},
            {"checked_out_at", optional_time(booking.checked_out_at)},
            {"returned_at", optional_time(booking.returned_at)},
            {"condition_out", booking.condition_out},
            {"condition_in", booking.condition_in},
            {"reason", booking.reason}};
}

nlohmann::json busy_block_json(const lab::Booking& booking) {
    return {{"id", booking.id.value()},
            {"equipment_id", booking.request.equipment.value()},
            {"start", format_utc(booking.request.start)},
            {"end", format_utc(booking.request.end)},
            {"status", lab::enum_name(booking.status, lab::booking_status_names)},
            {"blocked_until", format_utc(booking.blocked_until)},
            {"busy", true}};
}

nlohmann::json BookingRoutes::conflicting(const lab::BookingRequest& wanted,
                                          const lab::User& user) {
    const auto item = services_.bookings.find_equipment(wanted.equipment);
    const auto buffer = std::chrono::minutes(item ? item->data.service_buffer_minutes : 0);
    // The wanted booking holds [start, end + buffer); another one holds [start, blocked_until).
    // Looking from start - buffer would name a booking whose buffer merely touches the start.
    for (const auto& other :
         services_.bookings.bookings_of(wanted.equipment, wanted.start, wanted.end + buffer)) {
        if (lab::booking_holds_slot(other.status)) {
            return lab::BookingService::may_see(other, user)
                       ? booking_to_json(other)
                       : nlohmann::json{{"id", other.id.value()},
                                        {"start", format_utc(other.request.start)},
                                        {"end", format_utc(other.request.end)}};
        }
    }
    return nullptr;
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
    auto override_reason = optional_string_field(*body, "override_reason");
    if (!override_reason) {
        return problem_response(request, override_reason.error());
    }
    lab::BookingRequest wanted{lab::EquipmentId{*equipment},
                               who.user.id,
                               std::nullopt,
                               *start,
                               *end,
                               *purpose,
                               std::nullopt,
                               *override_reason};
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
    if (wanted.on_behalf_of && !services_.users.find_user(*wanted.on_behalf_of)) {
        return api_error(request, http::status::unprocessable_entity, "invalid_field",
                         "on_behalf_of: user " + wanted.on_behalf_of->to_string() +
                             " does not exist",
                         "on_behalf_of");
    }
    if (const auto repeat = body->find("repeat"); repeat != body->end() && !repeat->is_null()) {
        return book_series(request, who, wanted, *repeat);
    }
    lab::BookingService service(services_.bookings, services_.standards);
    auto booked = service.book(wanted, who.user, std::chrono::system_clock::now());
    if (booked) {
        return json_response(request, http::status::created, booking_to_json(*booked));
    }
    auto response = rejection_response(
        request, with_json_field(booked.error(), {{"equipment", "equipment_id"}}));
    if (booked.error().code == lab::errc::conflict) {
        auto error = nlohmann::json::parse(response.body());
        error["conflicting_booking"] = conflicting(wanted, who.user);
        response.body() = error.dump();
        response.prepare_payload();
    }
    return response;
}

Response BookingRoutes::book_series(const Request& request, const SignedIn& who,
                                    const lab::BookingRequest& first,
                                    const nlohmann::json& repeat) {
    if (!repeat.is_object()) {
        return problem_response(request, invalid("repeat", "must be an object {every, count}"));
    }
    const auto every = repeat.value("every", nlohmann::json());
    if (!every.is_string() || (every != "day" && every != "week")) {
        return problem_response(request, invalid("repeat.every", "must be \"day\" or \"week\""));
    }
    const auto count = repeat.value("count", nlohmann::json());
    if (!count.is_number_integer() || count.get<int>() < 1 || count.get<int>() > 52) {
        return problem_response(request,
                                invalid("repeat.count", "must be an integer from 1 to 52"));
    }
    const auto step = every == "day" ? std::chrono::hours(24) : std::chrono::hours(24 * 7);
    lab::BookingService service(services_.bookings, services_.standards);
    const auto series = service.book_series(first, step, count.get<int>(), who.user,
                                            std::chrono::system_clock::now());
    nlohmann::json out{{"booked", nlohmann::json::array()}, {"skipped", nlohmann::json::array()}};
    for (const auto& booking : series.booked) {
        out["booked"].push_back(booking_to_json(booking));
    }
    for (const auto& [occurrence, why] : series.skipped) {
        auto entry = nlohmann::json::parse(
            rejection_response(request, with_json_field(why, {{"equipment", "equipment_id"}}))
                .body());
        entry["start"] = format_utc(occurrence.start);
        entry["end"] = format_utc(occurrence.end);
        if (why.code == lab::errc::conflict) {
            entry["conflicting_booking"] = conflicting(occurrence, who.user);
        }
        out["skipped"].push_back(entry);
    }
    const auto status = series.booked.empty() ? http::status::conflict : http::status::created;
    return json_response(request, status, out);
}

Response BookingRoutes::booking(const Request& request, const SignedIn& who, lab::BookingId id) {
    const auto found = services_.bookings.find_booking(id);
    if (!found || !lab::BookingService::may_see(*found, who.user)) {
        return api_error(request, http::status::not_found, "not_found",
                         "booking " + id.to_string() + " does not exist");
    }
    return json_response(request, http::status::ok, booking_to_json(*found));
}

Response BookingRoutes::handle(const Request& request, std::string_view path, const SignedIn& who) {
    return dispatch_resource(
        request, path, base(),
        {"booking", [&] { return list(request, who); }, [&] { return book(request, who); },
         [&](std::int64_t id, std::span<const std::string_view> rest) {
             const lab::BookingId booking_id{id};
             if (rest.size() == 1) {
                 return request.method() == http::verb::post
                            ? act(request, who, booking_id, rest[0])
                            : method_not_allowed(request, path, "POST");
             }
             if (!rest.empty()) {
                 return no_such_resource(request, path);
             }
             return read_only(request, path, [&] { return booking(request, who, booking_id); });
         }});
}

} // namespace callab::web
