#include "job_routes.hpp"

#include "api_error.hpp"
#include "certificate_routes.hpp"
#include "job_json.hpp"
#include "job_standard_plan.hpp"
#include "json_field_names.hpp"
#include "list_query.hpp"
#include "run_json.hpp"

#include <callab/lab/job_workflow.hpp>
#include <callab/lab/recorded_run.hpp>

#include <algorithm>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

bool is_enterprise_user(const SignedIn& who) {
    return who.user.data.role == lab::Role::enterprise_user;
}

Response no_such_job(const Request& request, lab::JobId id) {
    return api_error(request, http::status::not_found, "not_found",
                     "job " + id.to_string() + " does not exist");
}

BodyResult<double> number_field(const nlohmann::json& body, const std::string& name) {
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        return BodyProblem{http::status::unprocessable_entity, "missing_field",
                           name + ": is required", name};
    }
    if (!it->is_number()) {
        return BodyProblem{http::status::unprocessable_entity, "invalid_field",
                           name + ": must be a number, got " + std::string(it->type_name()), name};
    }
    return it->get<double>();
}

template <typename Id>
BodyResult<std::optional<Id>> optional_id_of(const nlohmann::json& body, const std::string& name) {
    if (!body.contains(name) || body[name].is_null()) {
        return std::optional<Id>{};
    }
    auto id = id_field(body, name);
    if (!id) {
        return id.error();
    }
    return std::optional<Id>{Id{*id}};
}

BodyResult<lab::NewJob> new_job_from(const nlohmann::json& body) {
    lab::NewJob job;
    for (auto [name, target] :
         {std::pair{"title", &job.title}, std::pair{"instrument", &job.instrument},
          std::pair{"quantity", &job.quantity}, std::pair{"unit", &job.unit}}) {
        auto text = string_field(body, name);
        if (!text) {
            return text.error();
        }
        *target = std::move(*text);
    }
    auto resolution = number_field(body, "resolution");
    if (!resolution) {
        return resolution.error();
    }
    job.resolution = *resolution;
    auto environment = optional_string_field(body, "environment");
    if (!environment) {
        return environment.error();
    }
    job.environment = std::move(*environment);
    auto enterprise = optional_id_of<lab::EnterpriseId>(body, "enterprise_id");
    auto instrument = optional_id_of<lab::InstrumentId>(body, "instrument_id");
    auto procedure = optional_id_of<lab::ProcedureId>(body, "procedure_id");
    auto programme = optional_id_of<lab::ProgrammeId>(body, "programme_id");
    if (!enterprise) {
        return enterprise.error();
    }
    if (!instrument) {
        return instrument.error();
    }
    if (!procedure) {
        return procedure.error();
    }
    if (!programme) {
        return programme.error();
    }
    job.enterprise = *enterprise;
    job.instrument_id = *instrument;
    job.procedure = *procedure;
    job.programme = *programme;
    if (body.contains("fee_cents") && !body["fee_cents"].is_null()) {
        if (!body["fee_cents"].is_number_integer() || body["fee_cents"].get<long long>() < 0) {
            return BodyProblem{http::status::unprocessable_entity, "invalid_field",
                               "fee_cents: must be a non-negative integer", "fee_cents"};
        }
        job.fee_cents = body["fee_cents"].get<long long>();
    }
    if (job.resolution <= 0) {
        return BodyProblem{http::status::unprocessable_entity, "invalid_field",
                           "resolution: must be positive", "resolution"};
    }
    return job;
}

} // namespace

std::optional<lab::Job> JobRoutes::visible_job(const SignedIn& who, lab::JobId id) {
    auto job = services_.jobs.store().find_job(id);
    if (!job) {
        return std::nullopt;
    }
    if (is_enterprise_user(who) && job->spec.enterprise != who.user.data.enterprise) {
        return std::nullopt;
    }
    return job;
}

Response JobRoutes::list(const Request& request, const SignedIn& who) {
    auto query = parse_list_query(request, {{}, {"status", "technician_id", "enterprise_id"}});
    if (!query) {
        return problem_response(request, query.error());
    }
    lab::JobFilter filter;
    if (const auto status = query->filters.find("status"); status != query->filters.end()) {
        filter.status = lab::parse_enum(status->second, lab::job_status_names);
        if (!filter.status) {
            return api_error(request, http::status::bad_request, "invalid_parameter",
                             "status: '" + status->second + "' is not a job status", "status");
        }
    }
    for (const auto& name : {std::string("technician_id"), std::string("enterprise_id")}) {
        const auto given = query->filters.find(name);
        if (given == query->filters.end()) {
            continue;
        }
        const auto id = parse_id(given->second);
        if (!id) {
            return api_error(request, http::status::bad_request, "invalid_parameter",
                             name + ": '" + given->second + "' is not an id", name);
        }
        if (name == "technician_id") {
            filter.technician = lab::UserId{*id};
        } else {
            filter.enterprise = lab::EnterpriseId{*id};
        }
    }
    if (is_enterprise_user(who)) {
        if (!who.user.data.enterprise ||
            (filter.enterprise && filter.enterprise != who.user.data.enterprise)) {
            return json_response(request, http::status::ok,
                                 list_body(nlohmann::json::array(), 0, *query));
        }
        filter.enterprise = who.user.data.enterprise;
    }
    auto page = services_.jobs.store().find_jobs(filter, query->offset(), query->per_page);
    nlohmann::json items = nlohmann::json::array();
    for (auto& job : page.jobs) {
        items.push_back(job_report_to_json(services_.jobs.make_report(std::move(job))));
    }
    return json_response(request, http::status::ok, list_body(items, page.total, *query));
}

Response JobRoutes::open(const Request& request, const SignedIn& who) {
    if (who.user.data.role != lab::Role::technician) {
        return forbidden(request, "only a technician opens jobs");
    }
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto spec = new_job_from(*body);
    if (!spec) {
        return problem_response(request, spec.error());
    }
    const auto today = lab::date_of(std::chrono::system_clock::now());
    const auto procedure =
        spec->procedure ? services_.standards.find_procedure(*spec->procedure) : std::nullopt;
    auto plan = planned_standards_of(*body, services_.standards, procedure, today);
    if (!plan) {
        return problem_response(request, plan.error());
    }
    lab::JobWorkflow workflow(services_.jobs.store(), services_.users, services_.standards);
    auto opened = workflow.open(std::move(*spec), who.user);
    if (!opened) {
        return rejection_response(request,
                                  with_json_field(opened.error(), {{"procedure", "procedure_id"}}));
    }
    for (const auto& planned : *plan) {
        if (auto used = workflow.use_standard(opened->id, planned.test_point, planned.standard,
                                              today, std::nullopt);
            !used) {
            return rejection_response(request, used.error());
        }
    }
    const auto id = opened->id;
    auto created = job_report_to_json(services_.jobs.make_report(std::move(*opened)));
    created["standards"] = standards_to_json(services_.jobs.store().standards_used(id));
    return json_response(request, http::status::created, created);
}

nlohmann::json JobRoutes::recorded_points(const lab::JobReport& report) {
    const auto& job = report.job;
    nlohmann::json points = nlohmann::json::array();
    if (!job.spec.procedure) {
        return points;
    }
    const auto procedure = services_.standards.find_procedure(*job.spec.procedure);
    if (!procedure) {
        return points;
    }
    // A job not measured to the end has no result at every point yet: the page shows none.
    if (auto results =
            lab::recorded_point_results(services_.jobs.store(), job, *procedure, report.readings)) {
        for (const auto& point : *results) {
            points.push_back(point_result_to_json(point));
        }
    }
    return points;
}

Response JobRoutes::job(const Request& request, const SignedIn& who, lab::JobId id) {
    auto found = visible_job(who, id);
    if (!found) {
        return no_such_job(request, id);
    }
    const auto snapshot = services_.runs ? services_.runs->snapshot(id) : std::nullopt;
    const auto report = services_.jobs.make_report(std::move(*found));
    auto body = job_report_to_json(report);
    body["standards"] = standards_to_json(services_.jobs.store().standards_used(id));
    body["run"] = snapshot ? run_snapshot_to_json(*snapshot) : nlohmann::json(nullptr);
    body["points"] = snapshot ? body["run"]["points"] : recorded_points(report);
    return json_response(request, http::status::ok, body);
}

Response JobRoutes::run_state(const Request& request, const SignedIn& who, lab::JobId id) {
    if (!visible_job(who, id)) {
        return no_such_job(request, id);
    }
    const auto snapshot = services_.runs ? services_.runs->snapshot(id) : std::nullopt;
    if (!snapshot) {
        return api_error(request, http::status::not_found, "not_found",
                         "job " + id.to_string() + " has no run on this server");
    }
    return json_response(request, http::status::ok, run_snapshot_to_json(*snapshot));
}

Response JobRoutes::action(const Request& request, const SignedIn& who, lab::JobId id,
                           std::string_view name) {
    if (is_enterprise_user(who)) {
        return forbidden(request, "enterprise users cannot change jobs");
    }
    if (!visible_job(who, id)) {
        return no_such_job(request, id);
    }
    if (name == "issue") {
        return issue_certificate(services_, request, who, id);
    }
    if (name == "review" || name == "return" || name == "approve") {
        return review_action(request, who, id, name);
    }
    return run_action(request, who, id, name);
}

Response JobRoutes::handle(const Request& request, std::string_view path, const SignedIn& who) {
    static constexpr std::string_view actions[] = {
        "start", "pause", "resume", "abort", "readings", "review", "return", "approve", "issue"};
    return dispatch_resource(
        request, path, base(),
        {"job", [&] { return list(request, who); }, [&] { return open(request, who); },
         [&](std::int64_t id, std::span<const std::string_view> rest) {
             const lab::JobId job_id{id};
             if (rest.empty()) {
                 return read_only(request, path, [&] { return job(request, who, job_id); });
             }
             if (rest.size() == 1 && rest[0] == "run") {
                 return read_only(request, path, [&] { return run_state(request, who, job_id); });
             }
             if (rest.size() == 1 &&
                 std::find(std::begin(actions), std::end(actions), rest[0]) != std::end(actions)) {
                 return request.method() == http::verb::post
                            ? action(request, who, job_id, rest[0])
                            : method_not_allowed(request, path, "POST");
             }
             return no_such_resource(request, path);
         }});
}

} // namespace callab::web
