#include "user_routes.hpp"

#include "api_error.hpp"
#include "json_body.hpp"
#include "json_field_names.hpp"
#include "list_query.hpp"

#include <callab/lab/password_hash.hpp>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

constexpr std::size_t min_password = 8;

BodyProblem invalid(const std::string& field, const std::string& why) {
    return {http::status::unprocessable_entity, "invalid_field", field + ": " + why, field};
}

BodyResult<lab::Role> role_field(const nlohmann::json& body) {
    auto text = string_field(body, "role");
    if (!text) {
        return text.error();
    }
    const auto role = lab::parse_enum(*text, lab::role_names);
    if (!role) {
        return invalid("role", "'" + *text +
                                   "' is not one of technician, reviewer, signatory, manager, "
                                   "admin, enterprise_user");
    }
    return *role;
}

BodyResult<std::optional<lab::EnterpriseId>> enterprise_field(const nlohmann::json& body) {
    if (!body.contains("enterprise_id") || body["enterprise_id"].is_null()) {
        return std::optional<lab::EnterpriseId>{};
    }
    auto id = id_field(body, "enterprise_id");
    if (!id) {
        return id.error();
    }
    return std::optional<lab::EnterpriseId>{lab::EnterpriseId{*id}};
}

Response no_user(const Request& request, lab::UserId id) {
    return api_error(request, http::status::not_found, "not_found",
                     "user " + id.to_string() + " does not exist");
}

} // namespace

nlohmann::json UserRoutes::account(const lab::User& user) {
    auto out = user_to_json(user);
    out["email"] = user.data.email;
    out["disabled"] = user.disabled;
    out["authorisations"] = services_.users.authorisations_of(user.id);
    return out;
}

Response UserRoutes::list(const Request& request) {
    auto query = parse_list_query(request, {{"id", "username", "role"}, {"role", "disabled"}});
    if (!query) {
        return problem_response(request, query.error());
    }
    std::vector<nlohmann::json> items;
    for (const auto& u : services_.users.users()) {
        items.push_back(account(u));
    }
    return json_response(request, http::status::ok, page_of(std::move(items), *query));
}

Response UserRoutes::add(const Request& request, const SignedIn& who) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto username = string_field(*body, "username");
    auto role = role_field(*body);
    auto enterprise = enterprise_field(*body);
    auto display_name = optional_string_field(*body, "display_name");
    auto email = optional_string_field(*body, "email");
    auto password = string_field(*body, "password");
    if (const auto problem =
            first_problem(username, role, enterprise, display_name, email, password)) {
        return problem_response(request, *problem);
    }
    const auto disabled = body->find("disabled");
    if (disabled != body->end() && !disabled->is_boolean()) {
        return problem_response(request, invalid("disabled", "must be true or false"));
    }
    if (password->size() < min_password) {
        return problem_response(request, invalid("password", "must be at least 8 characters"));
    }
    const lab::NewUser wanted{*username, *role, *enterprise, *display_name, *email};
    if (auto valid = lab::validate_user(wanted); !valid) {
        return rejection_response(
            request, with_json_field(valid.error(), {{"enterprise", "enterprise_id"}}));
    }
    auto added =
        services_.users.add_user(wanted, lab::hash_password(*password), who.user.data.username);
    if (added && disabled != body->end() && disabled->get<bool>()) {
        added = services_.users.set_disabled(added->id, true, who.user.data.username);
    }
    return added ? json_response(request, http::status::created, account(*added))
                 : rejection_response(request, added.error());
}

Response UserRoutes::user(const Request& request, lab::UserId id) {
    const auto found = services_.users.find_user(id);
    return found ? json_response(request, http::status::ok, account(*found)) : no_user(request, id);
}

Response UserRoutes::change(const Request& request, const SignedIn& who, lab::UserId id) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    const auto found = services_.users.find_user(id);
    if (!found) {
        return no_user(request, id);
    }
    const bool self = id == who.user.id;
    const auto disabled = body->find("disabled");
    if (disabled != body->end() && !disabled->is_boolean()) {
        return problem_response(request, invalid("disabled", "must be true or false"));
    }
    if (body->contains("role") || body->contains("enterprise_id")) {
        auto role =
            body->contains("role") ? role_field(*body) : BodyResult<lab::Role>(found->data.role);
        auto enterprise = enterprise_field(*body);
        if (const auto problem = first_problem(role, enterprise)) {
            return problem_response(request, *problem);
        }
        if (self && *role != found->data.role) {
            return api_error(request, http::status::conflict, "conflict",
                             "role: administrators do not change their own role", "role");
        }
        auto changed = services_.users.set_role(id, *role, *enterprise, who.user.data.username);
        if (!changed) {
            return rejection_response(
                request, with_json_field(changed.error(), {{"enterprise", "enterprise_id"}}));
        }
    }
    if (disabled != body->end()) {
        if (self && disabled->get<bool>()) {
            return api_error(request, http::status::conflict, "conflict",
                             "disabled: administrators do not disable themselves", "disabled");
        }
        auto changed =
            services_.users.set_disabled(id, disabled->get<bool>(), who.user.data.username);
        if (!changed) {
            return rejection_response(request, changed.error());
        }
    }
    return user(request, id);
}

Response UserRoutes::authorise(const Request& request, const SignedIn& who, lab::UserId id) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto code = string_field(*body, "procedure_code");
    if (!code) {
        return problem_response(request, code.error());
    }
    const auto found = services_.users.find_user(id);
    if (!found) {
        return no_user(request, id);
    }
    if (found->data.role != lab::Role::technician) {
        return api_error(request, http::status::unprocessable_entity, "invalid_field",
                         "procedure_code: only technicians are authorised for procedures",
                         "procedure_code");
    }
    if (!services_.standards.latest_procedure(*code)) {
        return api_error(request, http::status::not_found, "not_found",
                         "procedure_code: no procedure '" + *code + "' is stored",
                         "procedure_code");
    }
    services_.users.authorise(id, *code, who.user.data.username);
    return user(request, id);
}

Response UserRoutes::handle(const Request& request, std::string_view path, const SignedIn& who) {
    const auto segments = path_segments(path, base());
    if (segments.size() == 1 && segments[0] == "me") {
        return read_only(request, path, [&] { return user(request, who.user.id); });
    }
    if (who.user.data.role != lab::Role::admin) {
        return forbidden(request, "only administrators manage users");
    }
    return dispatch_resource(
        request, path, base(),
        {"user", [&] { return list(request); }, [&] { return add(request, who); },
         [&](std::int64_t raw, std::span<const std::string_view> rest) {
             const lab::UserId id{raw};
             if (rest.size() == 1 && rest[0] == "authorisations") {
                 return request.method() == http::verb::post
                            ? authorise(request, who, id)
                            : method_not_allowed(request, path, "POST");
             }
             if (!rest.empty()) {
                 return no_such_resource(request, path);
             }
             if (request.method() == http::verb::patch) {
                 return change(request, who, id);
             }
             return is_read(request) ? user(request, id)
                                     : method_not_allowed(request, path, "GET, HEAD, PATCH");
         }});
}

} // namespace callab::web
