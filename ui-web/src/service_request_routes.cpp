#include "service_request_routes.hpp"

#include "api_error.hpp"
#include "json_body.hpp"
#include "json_field_names.hpp"
#include "list_query.hpp"
#include "signed_api.hpp"

#include <algorithm>
#include <array>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

/// The lab's names of a request's fields and the JSON members they come from.
constexpr std::array<JsonFieldName, 5> request_fields{{{"enterprise", "enterprise_id"},
                                                       {"instruments", "instrument_ids"},
                                                       {"equipment", "equipment_id"},
                                                       {"jobs", "job_ids"},
                                                       {"bookings", "booking_ids"}}};

nlohmann::json optional_id(const auto& id) {
    return id ? nlohmann::json(id->value()) : nlohmann::json(nullptr);
}

nlohmann::json ids(const auto& list) {
    auto out = nlohmann::json::array();
    for (const auto& id : list) {
        out.push_back(id.value());
    }
    return out;
}

// An optional array of positive integers.
BodyResult<std::vector<std::int64_t>> id_list_field(const nlohmann::json& body,
                                                    const std::string& name) {
    std::vector<std::int64_t> out;
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        return out;
    }
    const BodyProblem wrong{http::status::unprocessable_entity, "invalid_field",
                            name + ": must be an array of positive integers", name};
    if (!it->is_array()) {
        return wrong;
    }
    for (const auto& item : *it) {
        if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
            return wrong;
        }
        out.push_back(item.get<std::int64_t>());
    }
    return out;
}

BodyResult<std::optional<std::int64_t>> optional_id_field(const nlohmann::json& body,
                                                          const std::string& name) {
    if (!body.contains(name) || body[name].is_null()) {
        return std::optional<std::int64_t>{};
    }
    auto id = id_field(body, name);
    if (!id) {
        return id.error();
    }
    return std::optional<std::int64_t>{*id};
}

Response unavailable(const Request& request) {
    return api_error(request, http::status::service_unavailable, "unavailable",
                     "this server keeps no service requests");
}

} // namespace

nlohmann::json service_request_to_json(const lab::ServiceRequest& r) {
    return {{"id", r.id.value()},
            {"enterprise_id", r.data.enterprise.value()},
            {"kind", lab::enum_name(r.data.kind, lab::service_kind_names)},
            {"subject", r.data.subject},
            {"details", r.data.details},
            {"instrument_ids", ids(r.data.instruments)},
            {"equipment_id", optional_id(r.data.equipment)},
            {"submitted_by", r.submitted_by.value()},
            {"submitted_at", format_utc(r.submitted_at)},
            {"status", lab::enum_name(r.status, lab::service_request_status_names)},
            {"question", r.question},
            {"answer", r.answer},
            {"rejection_reason", r.rejection_reason},
            {"written_answer", r.written_answer},
            {"handled_by", optional_id(r.handled_by)},
            {"handled_at",
             r.handled_at ? nlohmann::json(format_utc(*r.handled_at)) : nlohmann::json(nullptr)},
            {"job_ids", ids(r.jobs)},
            {"booking_ids", ids(r.bookings)}};
}

Response ServiceRequestRoutes::handle(const Request& request, std::string_view path,
                                      const SignedIn& who) {
    if (services_.service_requests == nullptr) {
        return unavailable(request);
    }
    static constexpr std::string_view actions[] = {"accept", "reject", "ask", "answer", "convert"};
    return dispatch_resource(
        request, path, base(),
        {"service request", [&] { return list(request, who); },
         [&] { return submit(request, who); },
         [&](std::int64_t id, std::span<const std::string_view> rest) {
             const lab::ServiceRequestId request_id{id};
             if (rest.empty()) {
                 return read_only(request, path, [&] {
                     auto found = services_.service_requests->find(request_id, who.user);
                     return found ? json_response(request, http::status::ok,
                                                  service_request_to_json(*found))
                                  : rejection_response(request, found.error());
                 });
             }
             if (rest.size() == 1 &&
                 std::find(std::begin(actions), std::end(actions), rest[0]) != std::end(actions)) {
                 return request.method() == http::verb::post
                            ? step(request, request_id, rest[0], who)
                            : method_not_allowed(request, path, "POST");
             }
             return no_such_resource(request, path);
         }});
}

Response ServiceRequestRoutes::list(const Request& request, const SignedIn& who) {
    auto query = parse_list_query(request, {{}, {}, {"status", "kind", "enterprise_id"}});
    if (!query) {
        return problem_response(request, query.error());
    }
    lab::ServiceRequestFilter filter;
    filter.page = static_cast<int>(query->page);
    filter.per_page = static_cast<int>(query->per_page);
    if (const auto it = query->other.find("status"); it != query->other.end()) {
        filter.status = lab::parse_enum(it->second, lab::service_request_status_names);
        if (!filter.status) {
            return api_error(request, http::status::bad_request, "invalid_parameter",
                             "status: '" + it->second +
                                 "' is not one of submitted, question_asked, accepted, "
                                 "rejected, completed",
                             "status");
        }
    }
    if (const auto it = query->other.find("kind"); it != query->other.end()) {
        filter.kind = lab::parse_enum(it->second, lab::service_kind_names);
        if (!filter.kind) {
            return api_error(request, http::status::bad_request, "invalid_parameter",
                             "kind: '" + it->second +
                                 "' is not one of calibration, equipment_loan, technical_advice",
                             "kind");
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
    const auto page = services_.service_requests->list(filter, who.user);
    auto items = nlohmann::json::array();
    for (const auto& r : page.items) {
        items.push_back(service_request_to_json(r));
    }
    return json_response(request, http::status::ok, list_body(items, page.total, *query));
}

Response ServiceRequestRoutes::submit(const Request& request, const SignedIn& who) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto kind_text = string_field(*body, "kind");
    if (!kind_text) {
        return problem_response(request, kind_text.error());
    }
    const auto kind = lab::parse_enum(*kind_text, lab::service_kind_names);
    if (!kind) {
        return api_error(request, http::status::unprocessable_entity, "invalid_field",
                         "kind: '" + *kind_text +
                             "' is not one of calibration, equipment_loan, technical_advice",
                         "kind");
    }
    auto subject = string_field(*body, "subject");
    auto details = optional_string_field(*body, "details");
    auto enterprise = optional_id_field(*body, "enterprise_id");
    auto instruments = id_list_field(*body, "instrument_ids");
    auto equipment = optional_id_field(*body, "equipment_id");
    if (const auto problem = first_problem(subject, details, enterprise, instruments, equipment)) {
        return problem_response(request, *problem);
    }
    if (!lab::is_lab_staff(who.user) && *enterprise &&
        lab::EnterpriseId{**enterprise} != who.user.data.enterprise) {
        return api_error(request, http::status::forbidden, "forbidden",
                         "enterprise_id: enterprise users ask only for their own enterprise",
                         "enterprise_id");
    }
    if (lab::is_lab_staff(who.user) && !*enterprise) {
        return api_error(request, http::status::unprocessable_entity, "missing_field",
                         "enterprise_id: staff name the enterprise they ask for", "enterprise_id");
    }
    lab::NewServiceRequest wanted{
        lab::EnterpriseId{enterprise->value_or(0)}, *kind, *subject, *details, {}, std::nullopt};
    for (const auto id : *instruments) {
        wanted.instruments.emplace_back(id);
    }
    if (*equipment) {
        wanted.equipment = lab::EquipmentId{**equipment};
    }
    auto submitted =
        services_.service_requests->submit(wanted, who.user, std::chrono::system_clock::now());
    return submitted
               ? json_response(request, http::status::created, service_request_to_json(*submitted))
               : rejection_response(request, with_json_field(submitted.error(), request_fields));
}

Response ServiceRequestRoutes::step(const Request& request, lab::ServiceRequestId id,
                                    std::string_view action, const SignedIn& who) {
    auto& service = *services_.service_requests;
    const auto now = std::chrono::system_clock::now();
    if (action == "accept") {
        auto accepted = service.accept(id, who.user, now);
        return accepted
                   ? json_response(request, http::status::ok, service_request_to_json(*accepted))
                   : rejection_response(request, accepted.error());
    }
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    lab::Outcome<lab::ServiceRequest> changed = lab::reject(lab::errc::invalid_field, "");
    if (action == "convert") {
        auto jobs = id_list_field(*body, "job_ids");
        auto bookings = id_list_field(*body, "booking_ids");
        auto written = optional_string_field(*body, "written_answer");
        if (const auto problem = first_problem(jobs, bookings, written)) {
            return problem_response(request, *problem);
        }
        lab::ServiceRequestService::Conversion conversion;
        for (const auto job : *jobs) {
            conversion.jobs.emplace_back(job);
        }
        for (const auto booking : *bookings) {
            conversion.bookings.emplace_back(booking);
        }
        conversion.written_answer = *written;
        changed = service.convert(id, who.user, conversion);
    } else {
        const std::string field = action == "reject" ? "reason"
                                  : action == "ask"  ? "question"
                                                     : "answer";
        auto text = string_field(*body, field);
        if (!text) {
            return problem_response(request, text.error());
        }
        changed = action == "reject" ? service.reject(id, who.user, *text, now)
                  : action == "ask"  ? service.ask(id, who.user, *text)
                                     : service.answer(id, who.user, *text);
    }
    return changed ? json_response(request, http::status::ok, service_request_to_json(*changed))
                   : rejection_response(request, with_json_field(changed.error(), request_fields));
}

} // namespace callab::web
