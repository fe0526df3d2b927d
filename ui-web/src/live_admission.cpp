#include "live_admission.hpp"

#include "api_error.hpp"
#include "live_feed.hpp"
#include "resource_routes.hpp"

#include <algorithm>
#include <cctype>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

std::string lowercase(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

// The value of `name` in the target's query string, if present.
std::optional<std::string_view> query_value(std::string_view target, std::string_view name) {
    const auto question = target.find('?');
    if (question == std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const auto equals = pair.find('=');
        if (pair.substr(0, equals) == name) {
            return equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
        }
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    }
    return std::nullopt;
}

} // namespace

bool same_origin(std::string_view origin, std::string_view host, bool secure) {
    const std::string scheme = secure ? "https://" : "http://";
    return !host.empty() && lowercase(origin) == scheme + lowercase(host);
}

std::variant<LiveAdmission, Response> admit_live(const Request& request,
                                                 const std::optional<SignedIn>& who,
                                                 ApiServices& services, bool secure) {
    if (!who) {
        return unauthenticated(request);
    }
    // Browsers always send Origin on a WebSocket handshake; a page of another site must not
    // ride on the user's cookie. Clients that are not browsers send none.
    const auto origin = request[http::field::origin];
    if (!origin.empty() && !same_origin(origin, request[http::field::host], secure)) {
        return api_error(request, http::status::forbidden, "origin_not_allowed",
                         "origin " + std::string(origin) + " is not this server");
    }
    const auto text = query_value(request.target(), "job");
    const auto id = text ? parse_id(*text) : std::nullopt;
    if (!id) {
        return api_error(request, http::status::bad_request, "invalid_field",
                         "job: give the job to follow as ?job=ID (a positive integer)", "job");
    }
    const lab::JobId job{*id};
    const auto found = services.jobs.store().find_job(job);
    const bool visible = found && (who->user.data.role != lab::Role::enterprise_user ||
                                   found->spec.enterprise == who->user.data.enterprise);
    if (!visible) {
        return api_error(request, http::status::not_found, "not_found",
                         "job " + job.to_string() + " does not exist");
    }
    if (services.runs == nullptr) {
        return api_error(request, http::status::service_unavailable, "unavailable",
                         "this server runs no jobs");
    }
    return LiveAdmission{job, current_state_message(*services.runs, job)};
}

} // namespace callab::web
