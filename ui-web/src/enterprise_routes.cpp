#include "enterprise_routes.hpp"

#include "api_error.hpp"
#include "list_query.hpp"
#include "record_json.hpp"

#include <algorithm>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

bool contains_text(const std::string& text, const std::string& part) {
    const auto lower = [](std::string s) {
        std::ranges::transform(s, s.begin(), [](unsigned char c) {
            return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        });
        return s;
    };
    return lower(text).find(lower(part)) != std::string::npos;
}

Response no_enterprise(const Request& request, std::string_view id) {
    return api_error(request, http::status::not_found, "not_found",
                     "enterprise " + std::string(id) + " does not exist");
}

} // namespace

bool registers_records(const lab::User& user) {
    const auto role = user.data.role;
    return role == lab::Role::technician || role == lab::Role::manager || role == lab::Role::admin;
}

Response EnterpriseRoutes::list(const Request& request, const SignedIn& who) {
    auto query = parse_list_query(request, {{"id", "name", "region"}, {"region", "size"}, {"q"}});
    if (!query) {
        return problem_response(request, query.error());
    }
    const auto own = who.user.data.enterprise;
    const bool restricted = who.user.data.role == lab::Role::enterprise_user;
    const auto search = query->other.contains("q") ? query->other.at("q") : std::string();
    std::vector<nlohmann::json> items;
    for (const auto& e : store_.list_enterprises()) {
        if (restricted && (!own || e.id != *own)) {
            continue;
        }
        if (!search.empty() && !contains_text(e.data.name, search) &&
            !contains_text(e.data.credit_code, search)) {
            continue;
        }
        items.push_back(enterprise_to_json(e));
    }
    return json_response(request, http::status::ok, page_of(std::move(items), *query));
}

Response EnterpriseRoutes::add(const Request& request, const SignedIn& who) {
    if (!registers_records(who.user)) {
        return forbidden(request, "only technicians, managers and administrators register "
                                  "enterprises");
    }
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto wanted = enterprise_from_json(*body);
    if (!wanted) {
        return problem_response(request, wanted.error());
    }
    if (auto valid = lab::validate_enterprise(*wanted); !valid) {
        return rejection_response(request, valid.error());
    }
    const std::vector<lab::NewEnterprise> batch{*wanted};
    auto added = store_.add_enterprises(batch, who.user.data.username);
    if (!added) {
        // The store numbers the batch ("enterprise 1: credit_code: …"); one is sent here.
        auto rejection = added.error();
        const std::string prefix = "enterprise 1: ";
        if (rejection.message.starts_with(prefix)) {
            rejection.message.erase(0, prefix.size());
        }
        return rejection_response(request, rejection);
    }
    return json_response(request, http::status::created, enterprise_to_json(added->front()));
}

Response EnterpriseRoutes::enterprise(const Request& request, const SignedIn& who,
                                      lab::EnterpriseId id) {
    if (who.user.data.role == lab::Role::enterprise_user && who.user.data.enterprise != id) {
        return no_enterprise(request, id.to_string());
    }
    const auto found = store_.find_enterprise(id);
    if (!found) {
        return no_enterprise(request, id.to_string());
    }
    return json_response(request, http::status::ok, enterprise_to_json(*found));
}

Response EnterpriseRoutes::handle(const Request& request, std::string_view path,
                                  const SignedIn& who) {
    return dispatch_resource(
        request, path, base(),
        {"enterprise", [&] { return list(request, who); }, [&] { return add(request, who); },
         [&](std::int64_t id, std::span<const std::string_view> rest) {
             if (!rest.empty()) {
                 return no_such_resource(request, path);
             }
             return read_only(request, path,
                              [&] { return enterprise(request, who, lab::EnterpriseId{id}); });
         }});
}

} // namespace callab::web
