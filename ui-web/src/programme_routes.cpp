#include "programme_routes.hpp"

#include "api_error.hpp"
#include "json_body.hpp"
#include "json_field_names.hpp"
#include "list_query.hpp"

namespace callab::web {
namespace http = boost::beast::http;
namespace {

BodyProblem invalid(const std::string& field, const std::string& why) {
    return {http::status::unprocessable_entity, "invalid_field", field + ": " + why, field};
}

BodyResult<lab::Date> date_field(const nlohmann::json& body, const std::string& name) {
    auto text = string_field(body, name);
    if (!text) {
        return text.error();
    }
    const auto day = lab::parse_date(*text);
    if (!day) {
        return invalid(name, "'" + *text + "' is not a YYYY-MM-DD date");
    }
    return *day;
}

BodyResult<std::vector<std::string>> strings_field(const nlohmann::json& body,
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

} // namespace

nlohmann::json ProgrammeRoutes::with_tally(const lab::Programme& p) {
    auto sizes = nlohmann::json::array();
    for (const auto size : p.data.eligible_sizes) {
        sizes.push_back(lab::enum_name(size, lab::size_class_names));
    }
    const auto waived = services_.programmes->fees_waived_cents(p.id);
    return {{"id", p.id.value()},
            {"name", p.data.name},
            {"starts_on", lab::format_date(p.data.starts_on)},
            {"ends_on", lab::format_date(p.data.ends_on)},
            {"eligible_sizes", sizes},
            {"eligible_regions", p.data.eligible_regions},
            {"budget_cents", p.data.budget_cents},
            {"fees_waived_cents", waived},
            {"budget_left_cents", p.data.budget_cents - waived}};
}

Response ProgrammeRoutes::list(const Request& request) {
    auto query = parse_list_query(request, {{"id", "name", "starts_on", "ends_on"}, {}});
    if (!query) {
        return problem_response(request, query.error());
    }
    std::vector<nlohmann::json> items;
    for (const auto& p : services_.programmes->programmes()) {
        items.push_back(with_tally(p));
    }
    return json_response(request, http::status::ok, page_of(std::move(items), *query));
}

Response ProgrammeRoutes::add(const Request& request, const SignedIn& who) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto name = string_field(*body, "name");
    auto starts = date_field(*body, "starts_on");
    auto ends = date_field(*body, "ends_on");
    auto sizes = strings_field(*body, "eligible_sizes");
    auto regions = strings_field(*body, "eligible_regions");
    if (const auto problem = first_problem(name, starts, ends, sizes, regions)) {
        return problem_response(request, *problem);
    }
    const auto budget = body->find("budget_cents");
    if (budget == body->end() || !budget->is_number_integer()) {
        return problem_response(request, invalid("budget_cents", "must be an integer (cents)"));
    }
    lab::NewProgramme wanted{*name, *starts, *ends, {}, *regions, budget->get<long long>()};
    for (const auto& size : *sizes) {
        const auto parsed = lab::parse_enum(size, lab::size_class_names);
        if (!parsed) {
            return problem_response(
                request, invalid("eligible_sizes", "'" + size +
                                                       "' is not one of micro, small, medium, "
                                                       "large"));
        }
        wanted.eligible_sizes.push_back(*parsed);
    }
    auto added = services_.programmes->add_programme(wanted, who.user.data.username);
    return added ? json_response(request, http::status::created, with_tally(*added))
                 : rejection_response(request,
                                      with_json_field(added.error(), {{"budget", "budget_cents"}}));
}

Response ProgrammeRoutes::handle(const Request& request, std::string_view path,
                                 const SignedIn& who) {
    if (services_.programmes == nullptr) {
        return api_error(request, http::status::service_unavailable, "unavailable",
                         "this server keeps no programmes");
    }
    if (who.user.data.role == lab::Role::enterprise_user) {
        return forbidden(request, "the lab's programmes are for lab staff");
    }
    return dispatch_resource(
        request, path, base(),
        {"programme", [&] { return list(request); },
         [&] {
             return is_manager_or_admin(who.user)
                        ? add(request, who)
                        : forbidden(request, "only managers and administrators add programmes");
         },
         [&](std::int64_t id, std::span<const std::string_view> rest) {
             if (!rest.empty()) {
                 return no_such_resource(request, path);
             }
             return read_only(request, path, [&] {
                 const auto found = services_.programmes->find_programme(lab::ProgrammeId{id});
                 return found ? json_response(request, http::status::ok, with_tally(*found))
                              : api_error(request, http::status::not_found, "not_found",
                                          "programme " + std::to_string(id) + " does not exist");
             });
         }});
}

} // namespace callab::web
