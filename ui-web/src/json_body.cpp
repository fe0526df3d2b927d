#include "json_body.hpp"

#include "api_error.hpp"

#include <cstdio>
#include <stdexcept>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

BodyProblem missing(const std::string& name) {
    return {http::status::unprocessable_entity, "missing_field", name + ": is required", name};
}

BodyProblem wrong_type(const std::string& name, std::string_view expected,
                       const nlohmann::json& value) {
    return {http::status::unprocessable_entity, "invalid_field",
            name + ": must be " + std::string(expected) + ", got " + value.type_name(), name};
}

} // namespace

void throw_exception_from_error(const BodyProblem& problem, const boost::source_location&) {
    throw std::runtime_error(problem.message);
}

Response problem_response(const Request& request, const BodyProblem& problem) {
    return api_error(request, problem.status, problem.code, problem.message, problem.field);
}

BodyResult<nlohmann::json> parse_json_object(const Request& request) {
    const auto type = request[http::field::content_type];
    if (!type.starts_with("application/json")) {
        return BodyProblem{http::status::unsupported_media_type,
                           "unsupported_media_type",
                           "the body must be JSON (Content-Type: application/json)",
                           {}};
    }
    auto body = nlohmann::json::parse(request.body(), nullptr, false);
    if (body.is_discarded()) {
        return BodyProblem{
            http::status::bad_request, "malformed_json", "the body is not well-formed JSON", {}};
    }
    if (!body.is_object()) {
        return BodyProblem{http::status::bad_request,
                           "malformed_json",
                           std::string("the body must be a JSON object, got ") + body.type_name(),
                           {}};
    }
    return BodyResult<nlohmann::json>(boost::system::in_place_value, std::move(body));
}

BodyResult<std::string> string_field(const nlohmann::json& body, const std::string& name) {
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        return missing(name);
    }
    if (!it->is_string()) {
        return wrong_type(name, "a string", *it);
    }
    return it->get<std::string>();
}

BodyResult<std::string> optional_string_field(const nlohmann::json& body, const std::string& name) {
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        return std::string();
    }
    return string_field(body, name);
}

BodyResult<std::int64_t> id_field(const nlohmann::json& body, const std::string& name) {
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        return missing(name);
    }
    if (!it->is_number_integer() || it->get<std::int64_t>() <= 0) {
        return wrong_type(name, "a positive integer", *it);
    }
    return it->get<std::int64_t>();
}

BodyResult<std::chrono::system_clock::time_point> time_field(const nlohmann::json& body,
                                                             const std::string& name) {
    auto text = string_field(body, name);
    if (!text) {
        return text.error();
    }
    const auto refused = [&] {
        return BodyProblem{http::status::unprocessable_entity, "invalid_field",
                           name + ": '" + *text + "' is not a UTC time YYYY-MM-DDTHH:MM:SSZ", name};
    };
    // Exactly the documented form: sscanf alone would also take blanks, signs and single
    // digits ("2031-1-6T9:0:0Z"), so a time would not read back as it was written.
    constexpr std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
    if (text->size() != shape.size()) {
        return refused();
    }
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const char c = (*text)[i];
        if (shape[i] == 'd' ? (c < '0' || c > '9') : c != shape[i]) {
            return refused();
        }
    }
    const auto number = [&](std::size_t at, std::size_t digits) {
        int value = 0;
        for (std::size_t i = at; i < at + digits; ++i) {
            value = value * 10 + ((*text)[i] - '0');
        }
        return value;
    };
    const int h = number(11, 2), mi = number(14, 2), s = number(17, 2);
    const std::chrono::year_month_day date{std::chrono::year{number(0, 4)},
                                           std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                           std::chrono::day{static_cast<unsigned>(number(8, 2))}};
    if (!date.ok() || h > 23 || mi > 59 || s > 59) {
        return refused();
    }
    // The clock counts nanoseconds in 64 bits, which ends in 2262: a later year would wrap
    // around to another time instead of being refused.
    if (date.year() < std::chrono::year{1900} || date.year() > std::chrono::year{2199}) {
        return BodyProblem{http::status::unprocessable_entity, "invalid_field",
                           name + ": '" + *text + "' is outside the years 1900 to 2199", name};
    }
    return std::chrono::sys_days{date} + std::chrono::hours{h} + std::chrono::minutes{mi} +
           std::chrono::seconds{s};
}

std::string format_utc(std::chrono::system_clock::time_point t) {
    const auto seconds = std::chrono::floor<std::chrono::seconds>(t);
    const auto day = std::chrono::floor<std::chrono::days>(seconds);
    const std::chrono::year_month_day date{day};
    const std::chrono::hh_mm_ss time{seconds - day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(date.year()),
                  unsigned(date.month()), unsigned(date.day()), int(time.hours().count()),
                  int(time.minutes().count()), int(time.seconds().count()));
    return text;
}

} // namespace callab::web
