#include "router.hpp"

#include "api_error.hpp"
#include "job_json.hpp"
#include "job_page.hpp"
#include "resource_routes.hpp"
#include "signed_api.hpp"
#include "verification_routes.hpp"

#include <callab/lab/errc.hpp>
#include <callab/version.hpp>

#include <spdlog/spdlog.h>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

constexpr std::string_view api_prefix = "/api/";
constexpr std::string_view jobs_page = "/jobs.html";

// The path as it may go into a log line: no query string (it may carry values a user typed),
// control bytes replaced, at most 200 characters.
std::string loggable_path(std::string_view target) {
    target = target.substr(0, target.find('?'));
    std::string path(target.substr(0, 200));
    for (char& c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            c = '?';
        }
    }
    return target.size() > 200 ? path + "..." : path;
}

// A refused sign-in, session or permission: logged for whoever watches for attacks.
bool is_refusal(unsigned status) {
    return status == 401 || status == 403 || status == 429;
}

} // namespace

Router::Router(lab::JobService& jobs, std::string database, std::span<const EmbeddedFile> app_files)
    : jobs_(jobs), database_(std::move(database)), app_files_(app_files) {}

Router::Router(ApiServices& services, std::string database, std::span<const EmbeddedFile> app_files)
    : jobs_(services.jobs), database_(std::move(database)), app_files_(app_files),
      api_(std::make_unique<SignedApi>(services)), certificates_(services.certificates),
      services_(&services), live_(std::make_shared<LiveHub>(live_queue_limit)) {}

Router::~Router() = default;

Response Router::handle(const Request& request, const std::string& peer) const {
    try {
        auto response = route(request, peer);
        if (is_refusal(response.result_int())) {
            spdlog::warn("refused {} {} -> {} from {}", std::string(request.method_string()),
                         loggable_path(request.target()), response.result_int(),
                         peer.empty() ? "-" : peer);
        }
        return response;
    } catch (const std::exception& e) {
        spdlog::error("{} {}: {}", std::string(request.method_string()),
                      loggable_path(request.target()), e.what());
        return error_response(request, http::status::internal_server_error, "internal",
                              "the server could not complete the request; it has been logged");
    }
}

std::variant<LiveAdmission, Response> Router::admit_live(const Request& request,
                                                         bool secure) const {
    try {
        if (!api_) {
            return error_response(request, http::status::not_found, "not_found",
                                  "this server has no live runs");
        }
        auto decision = web::admit_live(request, api_->signed_in(request), *services_, secure);
        if (const auto* refusal = std::get_if<Response>(&decision);
            refusal != nullptr && is_refusal(refusal->result_int())) {
            spdlog::warn("refused live {} -> {}", loggable_path(request.target()),
                         refusal->result_int());
        }
        return decision;
    } catch (const std::exception& e) {
        spdlog::error("live {}: {}", loggable_path(request.target()), e.what());
        return error_response(request, http::status::internal_server_error, "internal",
                              "the server could not complete the request; it has been logged");
    }
}

Response Router::route(const Request& request, const std::string& peer) const {
    std::string_view target = request.target();
    target = target.substr(0, target.find('?'));
    if (auto verified = route_verification(certificates_, request, target)) {
        return std::move(*verified);
    }
    if (target.starts_with(api_prefix) || target == "/api") {
        return route_api(request, target, peer);
    }
    if (target == jobs_page) {
        if (!is_read(request)) {
            return read_only_response(request, target);
        }
        if (api_ && !api_->may_read_jobs(request)) {
            return make_response(request, http::status::unauthorized, "text/plain; charset=utf-8",
                                 "Sign in to the app first; the job list is for lab staff.\n");
        }
        return make_response(request, http::status::ok, "text/html; charset=utf-8",
                             render_jobs_page(jobs_.reports(), callab::version));
    }
    return app_files_.serve(request);
}

Response Router::route_api(const Request& request, std::string_view target,
                           const std::string& peer) const {
    if (api_ && target == "/api/live") {
        if (!api_->signed_in(request)) {
            return unauthenticated(request);
        }
        if (!is_read(request)) {
            return method_not_allowed(request, target, "GET");
        }
        auto upgrade = error_response(request, http::status::upgrade_required, "upgrade_required",
                                      "/api/live is a WebSocket: connect with Upgrade: websocket");
        upgrade.set(http::field::upgrade, "websocket");
        return upgrade;
    }
    if (api_) {
        if (auto answered = api_->route(request, target, peer)) {
            return std::move(*answered);
        }
    }
    constexpr std::string_view jobs_prefix = "/api/jobs/";
    const bool known =
        target == "/api/health" || target == "/api/jobs" || target.starts_with(jobs_prefix);
    if (!known) {
        return error_response(request, http::status::not_found, "not_found",
                              "no such resource: " + std::string(target));
    }
    if (!is_read(request)) {
        return read_only_response(request, target);
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
    const auto id = parse_id(id_text);
    if (!id) {
        return error_response(request, http::status::not_found, "not_found",
                              "job id '" + std::string(id_text) + "' is not a positive integer");
    }
    auto report = jobs_.report(lab::JobId{*id});
    if (!report) {
        return error_response(request, http::status::not_found, "not_found",
                              "job " + std::to_string(*id) + " does not exist");
    }
    return json_response(request, http::status::ok, job_report_to_json(*report));
}

} // namespace callab::web
