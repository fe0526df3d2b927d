#include "procedure_routes.hpp"

#include "api_error.hpp"
#include "json_field_names.hpp"
#include "list_query.hpp"

namespace callab::web {
namespace http = boost::beast::http;

Response ProcedureRoutes::list(const Request& request) {
    auto query = parse_list_query(
        request, {{"id", "code", "version", "kind"}, {"code", "kind"}, {"latest"}});
    if (!query) {
        return problem_response(request, query.error());
    }
    const auto latest = query->other.find("latest");
    if (latest != query->other.end() && latest->second != "true" && latest->second != "false") {
        return api_error(request, http::status::bad_request, "invalid_parameter",
                         "latest: must be true or false", "latest");
    }
    const bool only_latest = latest != query->other.end() && latest->second == "true";
    const auto all = store_.procedures(); // by code, then version
    std::vector<nlohmann::json> items;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const bool newest = i + 1 == all.size() || all[i + 1].data.code != all[i].data.code;
        if (!only_latest || newest) {
            items.push_back(procedure_to_json(all[i]));
        }
    }
    return json_response(request, http::status::ok, page_of(std::move(items), *query));
}

Response ProcedureRoutes::add_version(const Request& request, const SignedIn& who) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto wanted = procedure_from_json(*body);
    if (!wanted) {
        return problem_response(request, wanted.error());
    }
    if (auto valid = lab::validate_procedure(*wanted); !valid) {
        return rejection_response(request, with_json_field(valid.error(), {{"fee", "fee_cents"}}));
    }
    auto added = store_.add_procedure_version(*wanted, who.user.data.username);
    return added ? json_response(request, http::status::created, procedure_to_json(*added))
                 : rejection_response(request, added.error());
}

Response ProcedureRoutes::handle(const Request& request, std::string_view path,
                                 const SignedIn& who) {
    if (who.user.data.role == lab::Role::enterprise_user) {
        return forbidden(request, "the lab's procedures are for lab staff");
    }
    return dispatch_resource(
        request, path, base(),
        {"procedure", [&] { return list(request); },
         [&] {
             return is_manager_or_admin(who.user)
                        ? add_version(request, who)
                        : forbidden(request,
                                    "only managers and administrators add procedure versions");
         },
         [&](std::int64_t id, std::span<const std::string_view> rest) {
             if (!rest.empty()) {
                 return no_such_resource(request, path);
             }
             // A stored version is never edited: only GET and HEAD.
             return read_only(request, path, [&] {
                 const auto found = store_.find_procedure(lab::ProcedureId{id});
                 return found ? json_response(request, http::status::ok, procedure_to_json(*found))
                              : api_error(request, http::status::not_found, "not_found",
                                          "procedure " + std::to_string(id) + " does not exist");
             });
         }});
}

} // namespace callab::web
