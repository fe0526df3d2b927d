#include "api_error.hpp"

#include <cctype>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

std::string_view errc_name(lab::errc code) {
    switch (code) {
    case lab::errc::not_found:
        return "not_found";
    case lab::errc::invalid_field:
        return "invalid_field";
    case lab::errc::conflict:
        return "conflict";
    case lab::errc::not_enough_readings:
        return "not_enough_readings";
    case lab::errc::device_fault:
        return "device_fault";
    case lab::errc::not_permitted:
        return "forbidden";
    case lab::errc::invalid_transition:
        return "invalid_transition";
    case lab::errc::standard_not_usable:
        return "standard_not_usable";
    case lab::errc::render_failed:
        return "render_failed";
    case lab::errc::schema_violation:
        return "schema_violation";
    case lab::errc::signing_failed:
        return "signing_failed";
    case lab::errc::delivery_failed:
        return "delivery_failed";
    }
    return "rejected";
}

// "username: 'x' is taken" -> "username"; only a plain identifier counts as a field.
std::string field_of(const std::string& message) {
    const auto colon = message.find(": ");
    if (colon == std::string::npos || colon == 0) {
        return {};
    }
    for (const char c : message.substr(0, colon)) {
        if (!(std::islower(static_cast<unsigned char>(c)) || c == '_')) {
            return {};
        }
    }
    return message.substr(0, colon);
}

} // namespace

http::status status_for(lab::errc code) {
    switch (code) {
    case lab::errc::not_found:
        return http::status::not_found;
    case lab::errc::conflict:
    case lab::errc::invalid_transition:
    case lab::errc::standard_not_usable:
        return http::status::conflict;
    case lab::errc::not_permitted:
        return http::status::forbidden;
    default:
        return http::status::unprocessable_entity;
    }
}

Response api_error(const Request& request, http::status status, std::string_view code,
                   std::string message, std::string_view field) {
    nlohmann::json body{{"error", code}, {"message", std::move(message)}};
    if (!field.empty()) {
        body["field"] = field;
    }
    return json_response(request, status, body);
}

Response rejection_response(const Request& request, const lab::Rejection& rejection) {
    return api_error(request, status_for(rejection.code), errc_name(rejection.code),
                     rejection.message, field_of(rejection.message));
}

Response unauthenticated(const Request& request) {
    return api_error(request, http::status::unauthorized, "unauthenticated",
                     "sign in first: POST /api/session with username and password");
}

Response forbidden(const Request& request, std::string what) {
    return api_error(request, http::status::forbidden, "forbidden", std::move(what));
}

} // namespace callab::web
