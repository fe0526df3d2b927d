#include "signed_api.hpp"

#include "api_error.hpp"
#include "openapi.hpp"

#include <charconv>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

Response not_allowed(const Request& request, std::string_view target, std::string_view allow) {
    auto response = api_error(request, http::status::method_not_allowed, "method_not_allowed",
                              std::string(request.method_string()) + " is not allowed on " +
                                  std::string(target));
    response.set(http::field::allow, allow);
    return response;
}

Response no_such(const Request& request, std::string_view what, std::string_view id) {
    return api_error(request, http::status::not_found, "not_found",
                     std::string(what) + " id '" + std::string(id) + "' is not a positive integer");
}

bool is_read(const Request& request) {
    return request.method() == http::verb::get || request.method() == http::verb::head;
}

bool is_signed_route(std::string_view target) {
    for (const std::string_view base : {"/api/equipment", "/api/bookings", "/api/jobs"}) {
        if (target == base || (target.starts_with(base) && target[base.size()] == '/')) {
            return true;
        }
    }
    return false;
}

} // namespace

std::optional<std::int64_t> parse_id(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value <= 0) {
        return std::nullopt;
    }
    return value;
}

bool SignedApi::may_read_jobs(const Request& request) {
    const auto who = auth_.signed_in(request);
    return who && who->user.data.role != lab::Role::enterprise_user;
}

std::optional<Response> SignedApi::route(const Request& request, std::string_view target,
                                         const std::string& peer) {
    if (target == "/api/session") {
        switch (request.method()) {
        case http::verb::post:
            return auth_.login(request, peer);
        case http::verb::get:
        case http::verb::head:
            return auth_.status(request);
        case http::verb::delete_:
            return auth_.logout(request);
        default:
            return not_allowed(request, target, "GET, HEAD, POST, DELETE");
        }
    }
    if (target == "/api/openapi.json") {
        return is_read(request) ? json_response(request, http::status::ok, openapi_document())
                                : not_allowed(request, target, "GET, HEAD");
    }
    if (!is_signed_route(target) && !RecallRoutes::handles(target)) {
        return std::nullopt;
    }
    const auto who = auth_.signed_in(request);
    if (!who) {
        return unauthenticated(request);
    }
    if (!is_read(request) && !Authenticator::csrf_ok(request, *who)) {
        return api_error(request, http::status::forbidden, "csrf_token_invalid",
                         "X-CSRF-Token is missing or does not match the session");
    }
    if (RecallRoutes::handles(target)) {
        return recall_.route(request, target, *who);
    }
    const auto post = request.method() == http::verb::post;
    if (target == "/api/equipment") {
        return post ? bookings_.add_equipment(request, *who) : not_allowed(request, target, "POST");
    }
    if (target == "/api/bookings") {
        return post ? bookings_.book(request, *who) : not_allowed(request, target, "POST");
    }
    constexpr std::string_view equipment_prefix = "/api/equipment/";
    constexpr std::string_view bookings_prefix = "/api/bookings/";
    if (target.starts_with(equipment_prefix) || target.starts_with(bookings_prefix)) {
        const bool is_equipment = target.starts_with(equipment_prefix);
        const auto id_text =
            target.substr(is_equipment ? equipment_prefix.size() : bookings_prefix.size());
        if (!is_read(request)) {
            return not_allowed(request, target, "GET, HEAD");
        }
        const auto id = parse_id(id_text);
        if (!id) {
            return no_such(request, is_equipment ? "equipment" : "booking", id_text);
        }
        return is_equipment ? bookings_.equipment(request, lab::EquipmentId{*id})
                            : bookings_.booking(request, *who, lab::BookingId{*id});
    }
    // The jobs: the router reads them; enterprise users are not shown the lab's work list.
    if (who->user.data.role == lab::Role::enterprise_user) {
        return forbidden(request, "enterprise users cannot list the lab's jobs");
    }
    return std::nullopt;
}

} // namespace callab::web
