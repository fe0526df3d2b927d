#include "responses.hpp"

namespace callab::web {
namespace http = boost::beast::http;

void set_common_headers(Response& response) {
    response.set(http::field::server, "callab");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Content-Security-Policy", content_security_policy);
    response.set("Referrer-Policy", "same-origin");
}

Response make_response(const Request& request, http::status status, std::string_view content_type,
                       std::string body) {
    Response response{status, request.version()};
    set_common_headers(response);
    response.set(http::field::content_type, content_type);
    response.set(http::field::cache_control, "no-store");
    response.keep_alive(request.keep_alive());
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

Response json_response(const Request& request, http::status status, const nlohmann::json& body) {
    // Request targets may carry any bytes: never let invalid UTF-8 turn an answer into a 500.
    return make_response(request, status, "application/json",
                         body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response error_response(const Request& request, http::status status, std::string_view code,
                        std::string message) {
    return json_response(request, status, {{"error", code}, {"message", std::move(message)}});
}

Response read_only_response(const Request& request, std::string_view target) {
    auto response = error_response(request, http::status::method_not_allowed, "method_not_allowed",
                                   std::string(request.method_string()) + " is not allowed on " +
                                       std::string(target));
    response.set(http::field::allow, "GET, HEAD");
    return response;
}

} // namespace callab::web
