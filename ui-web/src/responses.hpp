#pragma once

#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace callab::web {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;

/// The Content-Security-Policy of every response: scripts, styles, images, fonts and fetches
/// only from this origin. Styles also inline, because Element Plus positions popups and
/// ECharts draws tooltips with style attributes; no script is ever inline or evaluated.
inline constexpr std::string_view content_security_policy =
    "default-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Sets the headers every response carries: Server, X-Content-Type-Options,
/// Content-Security-Policy, Referrer-Policy.
void set_common_headers(Response& response);

/// A response with the common headers, `Cache-Control: no-store` and the body.
Response make_response(const Request& request, boost::beast::http::status status,
                       std::string_view content_type, std::string body);

Response json_response(const Request& request, boost::beast::http::status status,
                       const nlohmann::json& body);

/// The API's error form: `{"error": code, "message": text}`.
Response error_response(const Request& request, boost::beast::http::status status,
                        std::string_view code, std::string message);

/// 405 with `Allow: GET, HEAD`, for a write on a read-only resource.
Response read_only_response(const Request& request, std::string_view target);

} // namespace callab::web
