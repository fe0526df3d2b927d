#include "activity_routes.hpp"

#include "api_error.hpp"
#include "json_body.hpp"
#include "json_field_names.hpp"
#include "list_query.hpp"
#include "signed_api.hpp"

namespace callab::web {
namespace http = boost::beast::http;
namespace {

BodyProblem invalid(const std::string& name, const std::string& why) {
    return {http::status::unprocessable_entity, "invalid_field", name + ": " + why, name};
}

BodyResult<std::vector<std::string>> text_list_field(const nlohmann::json& body,
                                                     const std::string& name) {
    std::vector<std::string> out;
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        return out;
    }
    if (!it->is_array()) {
        return invalid(name, "must be an array of strings");
    }
    for (const auto& item : *it) {
        if (!item.is_string()) {
            return invalid(name, "must be an array of strings");
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

// An optional count; when absent, `fallback`.
BodyResult<int> count_field(const nlohmann::json& body, const std::string& name, int fallback) {
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        return fallback;
    }
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0 ||
        it->get<std::int64_t>() > 1'000'000) {
        return invalid(name, "must be an integer from 0 to 1000000");
    }
    return static_cast<int>(it->get<std::int64_t>());
}

BodyResult<lab::NewServiceActivity> activity_from(const nlohmann::json& body) {
    lab::NewServiceActivity a;
    auto kind = string_field(body, "kind");
    if (!kind) {
        return kind.error();
    }
    const auto parsed_kind = lab::parse_enum(*kind, lab::activity_kind_names);
    if (!parsed_kind) {
        return invalid("kind", "'" + *kind + "' is not one of visit, training, consultation");
    }
    a.kind = *parsed_kind;
    auto held_on = string_field(body, "held_on");
    if (!held_on) {
        return held_on.error();
    }
    const auto day = lab::parse_date(*held_on);
    if (!day) {
        return invalid("held_on", "'" + *held_on + "' is not a YYYY-MM-DD date");
    }
    a.held_on = *day;
    auto region = string_field(body, "region");
    auto topic = string_field(body, "topic");
    auto attendees = text_list_field(body, "attendees");
    auto problems = text_list_field(body, "problem_descriptions");
    if (const auto problem = first_problem(region, topic, attendees, problems)) {
        return *problem;
    }
    a.region = *region;
    a.topic = *topic;
    a.attendees = *attendees;
    a.problem_descriptions = *problems;
    auto attendee_count = count_field(body, "attendee_count", static_cast<int>(a.attendees.size()));
    if (!attendee_count) {
        return attendee_count.error();
    }
    a.attendee_count = *attendee_count;
    auto solved =
        count_field(body, "problems_solved", static_cast<int>(a.problem_descriptions.size()));
    if (!solved) {
        return solved.error();
    }
    a.problems_solved = *solved;
    const auto enterprises = body.find("enterprise_ids");
    if (enterprises == body.end() || !enterprises->is_array()) {
        return BodyProblem{http::status::unprocessable_entity,
                           enterprises == body.end() ? "missing_field" : "invalid_field",
                           "enterprise_ids: an array of enterprise ids is required",
                           "enterprise_ids"};
    }
    for (const auto& id : *enterprises) {
        if (!id.is_number_integer() || id.get<std::int64_t>() <= 0) {
            return invalid("enterprise_ids", "must be an array of positive integers");
        }
        a.enterprises.emplace_back(id.get<std::int64_t>());
    }
    return a;
}

} // namespace

nlohmann::json activity_to_json(const lab::ServiceActivity& activity) {
    const auto& a = activity.data;
    auto enterprises = nlohmann::json::array();
    for (const auto id : a.enterprises) {
        enterprises.push_back(id.value());
    }
    return {{"id", activity.id.value()},
            {"kind", lab::enum_name(a.kind, lab::activity_kind_names)},
            {"held_on", lab::format_date(a.held_on)},
            {"region", a.region},
            {"topic", a.topic},
            {"enterprise_ids", enterprises},
            {"attendee_count", a.attendee_count},
            {"attendees", a.attendees},
            {"problems_solved", a.problems_solved},
            {"problem_descriptions", a.problem_descriptions},
            {"recorded_by", activity.recorded_by}};
}

Response ActivityRoutes::handle(const Request& request, std::string_view path,
                                const SignedIn& who) {
    if (services_.activities == nullptr) {
        return api_error(request, http::status::service_unavailable, "unavailable",
                         "this server keeps no service activities");
    }
    if (!lab::is_lab_staff(who.user)) {
        return forbidden(request, "service activities are for lab staff");
    }
    return dispatch_resource(
        request, path, base(),
        {"activity", [&] { return list(request); }, [&] { return add(request, who); },
         [&](std::int64_t id, std::span<const std::string_view> rest) {
             if (!rest.empty()) {
                 return no_such_resource(request, path);
             }
             return read_only(request, path, [&] {
                 const auto found = services_.activities->find_activity(lab::ServiceActivityId{id});
                 return found ? json_response(request, http::status::ok, activity_to_json(*found))
                              : api_error(request, http::status::not_found, "not_found",
                                          "activity " + std::to_string(id) + " does not exist");
             });
         }});
}

Response ActivityRoutes::list(const Request& request) {
    auto query = parse_list_query(request, {{}, {}, {"from", "to", "kind", "enterprise_id"}});
    if (!query) {
        return problem_response(request, query.error());
    }
    lab::ServiceActivityFilter filter;
    filter.page = static_cast<int>(query->page);
    filter.per_page = static_cast<int>(query->per_page);
    for (const char* name : {"from", "to"}) {
        if (const auto it = query->other.find(name); it != query->other.end()) {
            const auto day = lab::parse_date(it->second);
            if (!day) {
                return api_error(
                    request, http::status::bad_request, "invalid_parameter",
                    std::string(name) + ": '" + it->second + "' is not a YYYY-MM-DD date", name);
            }
            (std::string_view(name) == "from" ? filter.from : filter.to) = *day;
        }
    }
    if (const auto it = query->other.find("kind"); it != query->other.end()) {
        filter.kind = lab::parse_enum(it->second, lab::activity_kind_names);
        if (!filter.kind) {
            return api_error(
                request, http::status::bad_request, "invalid_parameter",
                "kind: '" + it->second + "' is not one of visit, training, consultation", "kind");
        }
    }
    if (const auto it = query->other.find("enterprise_id"); it != query->other.end()) {
        const auto enterprise = parse_id(it->second);
        if (!enterprise) {
            return api_error(request, http::status::bad_request, "invalid_parameter",
                             "enterprise_id: must be a positive integer", "enterprise_id");
        }
        filter.enterprise = lab::EnterpriseId{*enterprise};
    }
    const auto page = services_.activities->list_activities(filter);
    auto items = nlohmann::json::array();
    for (const auto& activity : page.items) {
        items.push_back(activity_to_json(activity));
    }
    return json_response(request, http::status::ok, list_body(items, page.total, *query));
}

Response ActivityRoutes::add(const Request& request, const SignedIn& who) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto activity = activity_from(*body);
    if (!activity) {
        return problem_response(request, activity.error());
    }
    auto added = services_.activities->add_activity(*activity, who.user.data.username);
    return added
               ? json_response(request, http::status::created, activity_to_json(*added))
               : rejection_response(
                     request, with_json_field(added.error(), {{"enterprises", "enterprise_ids"}}));
}

} // namespace callab::web
