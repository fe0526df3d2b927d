#include "router.hpp"

#include "job_json.hpp"
#include "job_page.hpp"

#include <callab/lab/errc.hpp>
#include <callab/version.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <charconv>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

Response make_response(const Request& request, http::status status, std::string content_type,
                       std::string body) {
    Response response{status, request.version()};
    response.set(http::field::server, "callab");
    response.set(http::field::content_type, content_type);
    response.set(http::field::cache_control, "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Content-Security-Policy",
                 "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
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

// "/api/jobs/42" -> 42; anything but a positive decimal integer is not an id.
std::optional<lab::JobId> parse_job_id(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value <= 0) {
        return std::nullopt;
    }
    return lab::JobId{value};
}

} // namespace

Router::Router(lab::JobService& jobs, std::string database)
    : jobs_(jobs), database_(std::move(database)) {}

Response Router::handle(const Request& request) const {
    try {
        return route(request);
    } catch (const std::exception& e) {
        spdlog::error("{} {}: {}", std::string(request.method_string()),
                      std::string(request.target()), e.what());
        return error_response(request, http::status::internal_server_error, "internal",
                              "the server could not complete the request; it has been logged");
    }
}

Response Router::route(const Request& request) const {
    std::string_view target = request.target();
    target = target.substr(0, target.find('?'));
    const bool is_read =
        request.method() == http::verb::get || request.method() == http::verb::head;

    constexpr std::string_view jobs_prefix = "/api/jobs/";
    const bool known = target == "/" || target == "/api/health" || target == "/api/jobs" ||
                       target.starts_with(jobs_prefix);
    if (!known) {
        return error_response(request, http::status::not_found, "not_found",
                              "no such resource: " + std::string(target));
    }
    if (!is_read) {
        auto response = error_response(
            request, http::status::method_not_allowed, "method_not_allowed",
            std::string(request.method_string()) + " is not allowed on " + std::string(target));
        response.set(http::field::allow, "GET, HEAD");
        return response;
    }

    if (target == "/") {
        return make_response(request, http::status::ok, "text/html; charset=utf-8",
                             render_jobs_page(jobs_.reports(), callab::version));
    }
    if (target == "/api/health") {
        return json_response(
            request, http::status::ok,
            {{"status", "ok"}, {"version", callab::version}, {"database", database_}});
    }
    if (target == "/api/jobs") {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& report : jobs_.reports()) {
            items.push_back(job_report_to_json(report));
        }
        const auto total = items.size();
        return json_response(request, http::status::ok, {{"items", items}, {"total", total}});
    }
    const auto id_text = target.substr(jobs_prefix.size());
    const auto id = parse_job_id(id_text);
    if (!id) {
        return error_response(request, http::status::not_found, "not_found",
                              "job id '" + std::string(id_text) + "' is not a positive integer");
    }
    auto report = jobs_.report(*id);
    if (!report) {
        return error_response(request, http::status::not_found, "not_found",
                              "job " + id->to_string() + " does not exist");
    }
    return json_response(request, http::status::ok, job_report_to_json(*report));
}

} // namespace callab::web
