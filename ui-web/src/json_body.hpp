#pragma once

#include "responses.hpp"

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace callab::web {

/// Why a request body was refused: 400 for a body that is not a JSON object, 422 for a
/// field that is missing or has the wrong type or form (`field` names it).
struct BodyProblem {
    boost::beast::http::status status = boost::beast::http::status::unprocessable_entity;
    std::string code;
    std::string message;
    std::string field;
};

template <typename T> using BodyResult = boost::system::result<T, BodyProblem>;

[[noreturn]] void throw_exception_from_error(const BodyProblem& problem,
                                             const boost::source_location&);

Response problem_response(const Request& request, const BodyProblem& problem);

/// The body as a JSON object; 415 unless the Content-Type is application/json.
BodyResult<nlohmann::json> parse_json_object(const Request& request);

/// A required string member.
BodyResult<std::string> string_field(const nlohmann::json& body, const std::string& name);

/// A string member that may be absent (then empty).
BodyResult<std::string> optional_string_field(const nlohmann::json& body, const std::string& name);

/// A required positive integer member (an id).
BodyResult<std::int64_t> id_field(const nlohmann::json& body, const std::string& name);

/// A required UTC time written "YYYY-MM-DDTHH:MM:SSZ".
BodyResult<std::chrono::system_clock::time_point> time_field(const nlohmann::json& body,
                                                             const std::string& name);

/// A time point as "YYYY-MM-DDTHH:MM:SSZ" (whole seconds, UTC).
std::string format_utc(std::chrono::system_clock::time_point t);

/// The problem of the first of `results` that failed, if any (fields are checked in order).
template <typename... Results> std::optional<BodyProblem> first_problem(const Results&... results) {
    std::optional<BodyProblem> found;
    ((found || results ? void() : void(found = results.error())), ...);
    return found;
}

} // namespace callab::web
