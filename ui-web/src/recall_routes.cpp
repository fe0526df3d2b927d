#include "recall_routes.hpp"

#include "api_error.hpp"
#include "json_body.hpp"

#include <callab/lab/recall_notice.hpp>

#include <charconv>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

/// The value of `name` in the request's query string, if present (no percent-decoding:
/// these parameters are digits and dates).
std::optional<std::string_view> query_parameter(const Request& request, std::string_view name) {
    const std::string_view target = request.target();
    const auto mark = target.find('?');
    if (mark == std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view query = target.substr(mark + 1);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        const auto eq = pair.find('=');
        if (pair.substr(0, eq) == name) {
            return eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
        }
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    }
    return std::nullopt;
}

Response invalid(const Request& request, const char* field, const std::string& why) {
    return api_error(request, http::status::unprocessable_entity, "invalid_field",
                     std::string(field) + ": " + why, field);
}

std::optional<lab::Date> day_parameter(const Request& request) {
    const auto text = query_parameter(request, "date");
    if (!text) {
        return lab::date_of(std::chrono::system_clock::now());
    }
    return lab::parse_date(*text);
}

nlohmann::json schedule_to_json(const lab::RecallSchedule& s, lab::Date today) {
    return {{"schedule_id", s.id.value()},
            {"item", lab::enum_name(s.item, lab::recall_item_names)},
            {"item_id", s.item_id},
            {"kind", lab::enum_name(s.kind, lab::recall_kind_names)},
            {"due_on", lab::format_date(s.due_on)},
            {"days_left", (std::chrono::sys_days{s.due_on} - std::chrono::sys_days{today}).count()},
            {"interval_days", s.interval_days},
            {"lead_days", s.lead_days},
            {"responsible_id",
             s.responsible ? nlohmann::json(s.responsible->value()) : nlohmann::json(nullptr)}};
}

} // namespace

Response RecallRoutes::handle(const Request& request, std::string_view target,
                              const SignedIn& who) {
    const auto segments = path_segments(target, base());
    const bool notices_wanted = segments.size() == 1 && segments[0] == "notices";
    if (!segments.empty() && !notices_wanted) {
        return no_such_resource(request, target);
    }
    if (!is_read(request)) {
        return method_not_allowed(request, target, "GET, HEAD");
    }
    if (who.user.data.role == lab::Role::enterprise_user) {
        return forbidden(request, "enterprise users cannot read the lab's recall records");
    }
    if (services_.recalls == nullptr || services_.notices == nullptr) {
        return api_error(request, http::status::service_unavailable, "unavailable",
                         "this server keeps no recall records");
    }
    return notices_wanted ? notices(request) : due_list(request);
}

Response RecallRoutes::due_list(const Request& request) {
    const auto today = day_parameter(request);
    if (!today) {
        return invalid(request, "date", "not a date (YYYY-MM-DD)");
    }
    int within = 30;
    if (const auto text = query_parameter(request, "within_days")) {
        const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), within);
        if (ec != std::errc{} || end != text->data() + text->size() || within < 0 ||
            within > 3660) {
            return invalid(request, "within_days", "must be an integer in 0-3660");
        }
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : services_.recalls->due_list(*today, within)) {
        items.push_back(schedule_to_json(s, *today));
    }
    const auto total = items.size();
    return json_response(request, http::status::ok,
                         {{"items", std::move(items)},
                          {"total", total},
                          {"date", lab::format_date(*today)},
                          {"within_days", within}});
}

Response RecallRoutes::notices(const Request& request) {
    const auto day = day_parameter(request);
    if (!day) {
        return invalid(request, "date", "not a date (YYYY-MM-DD)");
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& n : services_.notices->notices_of(*day)) {
        auto item = schedule_to_json(n.schedule, n.notice_day);
        item["id"] = n.id.value();
        item["notice_day"] = lab::format_date(n.notice_day);
        item["recipient"] = n.recipient;
        item["mailed_at"] = n.mailed_at ? nlohmann::json(format_utc(*n.mailed_at)) : nullptr;
        items.push_back(std::move(item));
    }
    const auto total = items.size();
    return json_response(
        request, http::status::ok,
        {{"items", std::move(items)}, {"total", total}, {"date", lab::format_date(*day)}});
}

} // namespace callab::web
