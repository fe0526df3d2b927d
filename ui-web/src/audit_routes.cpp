#include "audit_routes.hpp"

#include "api_error.hpp"
#include "list_query.hpp"

#include <callab/lab/calendar_date.hpp>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

nlohmann::json entry_to_json(const lab::AuditEntry& e) {
    return {
        {"sequence", e.sequence}, {"at", format_utc(e.at)},   {"actor", e.actor},
        {"entity", e.entity},     {"entity_id", e.entity_id}, {"action", e.action},
        {"before", e.before},     {"after", e.after},         {"previous_hash", e.previous_hash},
        {"hash", e.hash}};
}

} // namespace

Response AuditRoutes::list(const Request& request) {
    auto query =
        parse_list_query(request, {{}, {}, {"entity", "entity_id", "actor", "from", "to"}});
    if (!query) {
        return problem_response(request, query.error());
    }
    lab::AuditFilter filter;
    filter.offset = query->offset();
    filter.limit = query->per_page;
    const auto text = [&](const char* name) -> std::optional<std::string> {
        const auto it = query->other.find(name);
        return it == query->other.end() ? std::nullopt : std::optional(it->second);
    };
    filter.entity = text("entity");
    filter.entity_id = text("entity_id");
    filter.actor = text("actor");
    if (filter.entity_id && !filter.entity) {
        return api_error(request, http::status::bad_request, "invalid_parameter",
                         "entity_id: a record is named by entity and entity_id together",
                         "entity_id");
    }
    // `from` and `to` are days (UTC), both included.
    for (const char* name : {"from", "to"}) {
        const auto value = text(name);
        if (!value) {
            continue;
        }
        const auto day = lab::parse_date(*value);
        if (!day) {
            return api_error(request, http::status::bad_request, "invalid_parameter",
                             std::string(name) + ": '" + *value + "' is not a YYYY-MM-DD date",
                             name);
        }
        const std::chrono::system_clock::time_point start{std::chrono::sys_days{*day}};
        if (std::string_view(name) == "from") {
            filter.from = start;
        } else {
            filter.to = start + std::chrono::days{1};
        }
    }
    if (filter.from && filter.to && *filter.to <= *filter.from) {
        return api_error(request, http::status::bad_request, "invalid_parameter",
                         "to: the period ends before it starts", "to");
    }
    const auto page = log_.find_entries(filter);
    auto items = nlohmann::json::array();
    for (const auto& e : page.items) {
        items.push_back(entry_to_json(e));
    }
    return json_response(request, http::status::ok, list_body(items, page.total, *query));
}

Response AuditRoutes::verify(const Request& request) {
    const auto entries = log_.entries();
    const auto broken = lab::verify_audit_chain(entries);
    nlohmann::json body{{"intact", !broken.has_value()},
                        {"entries", entries.size()},
                        {"last_hash", entries.empty() ? lab::genesis_hash : entries.back().hash}};
    if (broken) {
        body["broken_at"] = broken->sequence;
        body["reason"] = broken->reason;
    }
    return json_response(request, http::status::ok, body);
}

Response AuditRoutes::handle(const Request& request, std::string_view path, const SignedIn& who) {
    const auto segments = path_segments(path, base());
    const bool verify_wanted = segments.size() == 1 && segments[0] == "verify";
    if (!segments.empty() && !verify_wanted) {
        return no_such_resource(request, path);
    }
    if (!is_read(request)) {
        return method_not_allowed(request, path, "GET, HEAD");
    }
    if (!is_manager_or_admin(who.user)) {
        return forbidden(request, "only managers and administrators read the audit trail");
    }
    return verify_wanted ? verify(request) : list(request);
}

} // namespace callab::web
