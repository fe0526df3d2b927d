#include "standard_routes.hpp"

#include "api_error.hpp"
#include "json_body.hpp"
#include "list_query.hpp"

#include <callab/lab/standard_usability.hpp>

#include <set>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

/// A chain longer than this is refused as broken (no lab's chain is that deep).
constexpr int max_chain = 32;

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

Response no_standard(const Request& request, lab::StandardId id) {
    return api_error(request, http::status::not_found, "not_found",
                     "standard " + id.to_string() + " does not exist");
}

nlohmann::json chain_link(const lab::ReferenceStandard& s) {
    return {{"id", s.id.value()},
            {"name", s.data.name},
            {"status", lab::enum_name(s.status, lab::standard_status_names)},
            {"national_standard", s.data.national_standard}};
}

nlohmann::json check_to_json(const lab::IntermediateCheck& check) {
    return {{"checked_on", lab::format_date(check.checked_on)},
            {"passed", check.passed},
            {"result", check.result},
            {"checked_by", check.checked_by.value()}};
}

} // namespace

nlohmann::json standard_certificate_to_json(const lab::StandardCertificate& c) {
    return {{"id", c.id.value()},
            {"standard_id", c.standard.value()},
            {"version", c.version},
            {"number", c.number},
            {"issuer", c.issuer},
            {"calibrated_on", lab::format_date(c.calibrated_on)},
            {"due_on", lab::format_date(c.due_on)},
            {"uncertainty", c.uncertainty}};
}

nlohmann::json StandardRoutes::summary(const lab::ReferenceStandard& s) {
    const auto latest = store_.latest_certificate(s.id);
    const auto today = lab::date_of(std::chrono::system_clock::now());
    const auto usable = lab::check_standard_usable(s, latest, today, std::nullopt);
    return {{"id", s.id.value()},
            {"name", s.data.name},
            {"maker", s.data.maker},
            {"model", s.data.model},
            {"serial", s.data.serial},
            {"traceability_parent_id", s.data.traceability_parent
                                           ? nlohmann::json(s.data.traceability_parent->value())
                                           : nlohmann::json(nullptr)},
            {"national_standard", s.data.national_standard},
            {"status", lab::enum_name(s.status, lab::standard_status_names)},
            {"due_on",
             latest ? nlohmann::json(lab::format_date(latest->due_on)) : nlohmann::json(nullptr)},
            {"usable", usable.has_value()},
            {"unusable_reason",
             usable ? nlohmann::json(nullptr) : nlohmann::json(usable.error().message)}};
}

Response StandardRoutes::list(const Request& request) {
    auto query = parse_list_query(request, {{"id", "name", "status", "due_on"}, {"status"}});
    if (!query) {
        return problem_response(request, query.error());
    }
    std::vector<nlohmann::json> items;
    for (const auto& s : store_.standards()) {
        items.push_back(summary(s));
    }
    return json_response(request, http::status::ok, page_of(std::move(items), *query));
}

Response StandardRoutes::add(const Request& request, const SignedIn& who) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto name = string_field(*body, "name");
    auto maker = optional_string_field(*body, "maker");
    auto model = optional_string_field(*body, "model");
    auto serial = optional_string_field(*body, "serial");
    auto national = optional_string_field(*body, "national_standard");
    if (const auto problem = first_problem(name, maker, model, serial, national)) {
        return problem_response(request, *problem);
    }
    if (name->empty()) {
        return problem_response(request, invalid("name", "must not be empty"));
    }
    lab::NewReferenceStandard wanted{*name, *maker, *model, *serial, std::nullopt, *national};
    if (body->contains("traceability_parent_id") && !(*body)["traceability_parent_id"].is_null()) {
        auto parent = id_field(*body, "traceability_parent_id");
        if (!parent) {
            return problem_response(request, parent.error());
        }
        wanted.traceability_parent = lab::StandardId{*parent};
        if (!store_.find_standard(*wanted.traceability_parent)) {
            return api_error(request, http::status::not_found, "not_found",
                             "traceability_parent_id: standard " + std::to_string(*parent) +
                                 " does not exist",
                             "traceability_parent_id");
        }
    } else if (wanted.national_standard.empty()) {
        return problem_response(
            request, invalid("national_standard",
                             "a standard without a traceability parent names the national "
                             "standard its chain ends at"));
    }
    auto added = store_.add_standard(wanted, who.user.data.username);
    if (!added) {
        return rejection_response(request, added.error());
    }
    return json_response(request, http::status::created, summary(*added));
}

Response StandardRoutes::standard(const Request& request, lab::StandardId id) {
    const auto found = store_.find_standard(id);
    if (!found) {
        return no_standard(request, id);
    }
    auto body = summary(*found);
    body["certificates"] = nlohmann::json::array();
    for (const auto& c : store_.certificates_of(id)) {
        body["certificates"].push_back(standard_certificate_to_json(c));
    }
    body["intermediate_checks"] = nlohmann::json::array();
    for (const auto& check : store_.intermediate_checks_of(id)) {
        body["intermediate_checks"].push_back(check_to_json(check));
    }
    // From this standard up to the top of the lab's chain; the top names the national
    // standard. A loop or a missing link ends the chain and is reported.
    auto chain = nlohmann::json::array({chain_link(*found)});
    std::set<std::int64_t> seen{id.value()};
    auto parent = found->data.traceability_parent;
    bool complete = true;
    while (parent) {
        const auto next = store_.find_standard(*parent);
        if (!next || !seen.insert(parent->value()).second || chain.size() >= max_chain) {
            complete = false;
            break;
        }
        chain.push_back(chain_link(*next));
        parent = next->data.traceability_parent;
    }
    body["traceability"] = chain;
    body["traceability_complete"] =
        complete && !chain.back()["national_standard"].get<std::string>().empty();
    return json_response(request, http::status::ok, body);
}

Response StandardRoutes::add_certificate(const Request& request, const SignedIn& who,
                                         lab::StandardId id) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto number = string_field(*body, "number");
    auto issuer = string_field(*body, "issuer");
    auto calibrated_on = date_field(*body, "calibrated_on");
    auto due_on = date_field(*body, "due_on");
    auto uncertainty = string_field(*body, "uncertainty");
    if (const auto problem = first_problem(number, issuer, calibrated_on, due_on, uncertainty)) {
        return problem_response(request, *problem);
    }
    if (!store_.find_standard(id)) {
        return no_standard(request, id);
    }
    lab::StandardCertificate wanted;
    wanted.standard = id;
    wanted.number = *number;
    wanted.issuer = *issuer;
    wanted.calibrated_on = *calibrated_on;
    wanted.due_on = *due_on;
    wanted.uncertainty = *uncertainty;
    auto added = store_.add_certificate(wanted, who.user.data.username);
    return added
               ? json_response(request, http::status::created, standard_certificate_to_json(*added))
               : rejection_response(request, added.error());
}

Response StandardRoutes::add_check(const Request& request, const SignedIn& who,
                                   lab::StandardId id) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto checked_on = date_field(*body, "checked_on");
    auto result = string_field(*body, "result");
    if (const auto problem = first_problem(checked_on, result)) {
        return problem_response(request, *problem);
    }
    const auto passed = body->find("passed");
    if (passed == body->end() || !passed->is_boolean()) {
        return problem_response(request, invalid("passed", "must be true or false"));
    }
    if (!store_.find_standard(id)) {
        return no_standard(request, id);
    }
    const lab::IntermediateCheck check{id, *checked_on, passed->get<bool>(), *result, who.user.id};
    store_.add_intermediate_check(check, who.user.data.username);
    return json_response(request, http::status::created, check_to_json(check));
}

Response StandardRoutes::change_status(const Request& request, const SignedIn& who,
                                       lab::StandardId id, std::string_view action) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto reason = string_field(*body, "reason");
    if (!reason) {
        return problem_response(request, reason.error());
    }
    if (reason->empty()) {
        return problem_response(request, invalid("reason", "a status change states its reason"));
    }
    const auto found = store_.find_standard(id);
    if (!found) {
        return no_standard(request, id);
    }
    using Status = lab::StandardStatus;
    const Status to = action == "suspend"  ? Status::suspended
                      : action == "retire" ? Status::retired
                                           : Status::in_service;
    const bool allowed = (to == Status::suspended && found->status == Status::in_service) ||
                         (to == Status::retired && found->status != Status::retired) ||
                         (to == Status::in_service && found->status == Status::suspended);
    if (!allowed) {
        return api_error(
            request, http::status::conflict, "invalid_transition",
            "standard " + id.to_string() + " is " +
                std::string(lab::enum_name(found->status, lab::standard_status_names)) +
                " and cannot " + std::string(action));
    }
    auto changed = store_.set_status(id, to, *reason, who.user.data.username);
    if (!changed) {
        return rejection_response(request, changed.error());
    }
    return json_response(request, http::status::ok, summary(*store_.find_standard(id)));
}

Response StandardRoutes::handle(const Request& request, std::string_view path,
                                const SignedIn& who) {
    if (who.user.data.role == lab::Role::enterprise_user) {
        return forbidden(request, "the lab's reference standards are for lab staff");
    }
    const bool manager = is_manager_or_admin(who.user);
    const auto managers_only = [&](const std::function<Response()>& change) {
        return manager ? change()
                       : forbidden(request, "only managers and administrators change standards");
    };
    return dispatch_resource(
        request, path, base(),
        {"standard", [&] { return list(request); },
         [&] { return managers_only([&] { return add(request, who); }); },
         [&](std::int64_t raw, std::span<const std::string_view> rest) {
             const lab::StandardId id{raw};
             if (rest.empty()) {
                 return read_only(request, path, [&] { return standard(request, id); });
             }
             if (rest.size() != 1) {
                 return no_such_resource(request, path);
             }
             const auto action = rest[0];
             if (action != "certificates" && action != "checks" && action != "suspend" &&
                 action != "retire" && action != "reinstate") {
                 return no_such_resource(request, path);
             }
             if (request.method() != http::verb::post) {
                 return method_not_allowed(request, path, "POST");
             }
             return managers_only([&] {
                 if (action == "certificates") {
                     return add_certificate(request, who, id);
                 }
                 return action == "checks" ? add_check(request, who, id)
                                           : change_status(request, who, id, action);
             });
         }});
}

} // namespace callab::web
