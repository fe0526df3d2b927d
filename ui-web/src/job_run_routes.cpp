// The writes of JobRoutes: the run on the bench (lab::RunManager) and the review chain
// (lab::JobWorkflow).
#include "api_error.hpp"
#include "job_json.hpp"
#include "job_routes.hpp"
#include "json_body.hpp"
#include "run_json.hpp"

#include <callab/drivers/reading.hpp>
#include <callab/lab/job_workflow.hpp>

#include <spdlog/spdlog.h>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

/// The request's JSON object, or an empty one when the request has no body.
BodyResult<nlohmann::json> optional_body(const Request& request) {
    if (request.body().empty()) {
        return BodyResult<nlohmann::json>(boost::system::in_place_value, nlohmann::json::object());
    }
    return parse_json_object(request);
}

/// The optional `"environment": {"temperature", "humidity"}` of a start: the room as the
/// technician read it (degC and percent), for a bench without an environment sensor.
BodyResult<std::vector<drivers::Reading>> typed_environment_of(const nlohmann::json& body) {
    std::vector<drivers::Reading> readings;
    const auto environment = body.find("environment");
    if (environment == body.end() || environment->is_null()) {
        return readings;
    }
    const auto now = std::chrono::system_clock::now();
    for (const auto& [quantity, unit] :
         {std::pair<std::string, std::string>{"temperature", "degC"}, {"humidity", "percent"}}) {
        const auto value =
            environment->is_object() ? environment->find(quantity) : environment->end();
        if (!environment->is_object() || value == environment->end() || !value->is_number()) {
            return BodyProblem{http::status::unprocessable_entity, "invalid_field",
                               "environment: needs " + quantity + " as a number (" + unit +
                                   ") in an object {\"temperature\", \"humidity\"}",
                               "environment"};
        }
        readings.push_back({quantity, value->get<double>(), unit, now, "manual"});
    }
    return readings;
}

nlohmann::json reading_to_json(const lab::ReadingRecord& r) {
    return {{"id", r.id.value()},
            {"value", r.value},
            {"unit", r.unit},
            {"source", r.source},
            {"taken_at", iso8601(r.taken_at)},
            {"recorded_by", r.recorded_by},
            {"test_point", r.test_point}};
}

Response manual_reading(lab::RunManager& runs, const Request& request, const SignedIn& who,
                        lab::JobId id) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    const auto value = body->find("value");
    if (value == body->end() || value->is_null()) {
        return api_error(request, http::status::unprocessable_entity, "missing_field",
                         "value: is required", "value");
    }
    if (!value->is_number()) {
        return api_error(request, http::status::unprocessable_entity, "invalid_field",
                         "value: must be a number, got " + std::string(value->type_name()),
                         "value");
    }
    auto unit = string_field(*body, "unit");
    if (!unit) {
        return problem_response(request, unit.error());
    }
    auto role_name = optional_string_field(*body, "role");
    if (!role_name) {
        return problem_response(request, role_name.error());
    }
    if (!role_name->empty() && *role_name != "indication" && *role_name != "reference") {
        return api_error(request, http::status::unprocessable_entity, "invalid_field",
                         "role: '" + *role_name + "' is neither indication nor reference", "role");
    }
    const auto role =
        *role_name == "reference" ? lab::ReadingRole::reference : lab::ReadingRole::indication;
    auto stored = runs.enter_manual(id, role, value->get<double>(), *unit, who.user);
    if (!stored) {
        return rejection_response(request, stored.error());
    }
    return json_response(request, http::status::created, reading_to_json(*stored));
}

} // namespace

Response JobRoutes::run_action(const Request& request, const SignedIn& who, lab::JobId id,
                               std::string_view name) {
    if (who.user.data.role != lab::Role::technician && who.user.data.role != lab::Role::manager) {
        return forbidden(request, "only the job's technician or a manager operates a run");
    }
    if (services_.runs == nullptr) {
        return api_error(request, http::status::service_unavailable, "no_bench",
                         "this server runs no jobs");
    }
    auto& runs = *services_.runs;
    if (name == "readings") {
        return manual_reading(runs, request, who, id);
    }
    if (name == "abort") {
        auto cancelled = runs.abort(id, who.user);
        if (!cancelled) {
            return rejection_response(request, cancelled.error());
        }
        return json_response(request, http::status::ok,
                             job_report_to_json(services_.jobs.make_report(*cancelled)));
    }
    lab::Outcome<lab::RunSnapshot> done = lab::reject(lab::errc::invalid_field, "action: unknown");
    if (name == "start") {
        auto body = optional_body(request);
        if (!body) {
            return problem_response(request, body.error());
        }
        const auto manual = body->find("manual_indication");
        if (manual != body->end() && !manual->is_boolean() && !manual->is_null()) {
            return api_error(request, http::status::unprocessable_entity, "invalid_field",
                             "manual_indication: must be true or false", "manual_indication");
        }
        auto environment = typed_environment_of(*body);
        if (!environment) {
            return problem_response(request, environment.error());
        }
        done = runs.start(id, who.user,
                          manual != body->end() && manual->is_boolean() && manual->get<bool>(),
                          std::move(*environment));
    } else if (name == "pause") {
        done = runs.pause(id, who.user);
    } else {
        done = runs.resume(id, who.user);
    }
    if (!done) {
        return rejection_response(request, done.error());
    }
    return json_response(request, http::status::ok, run_snapshot_to_json(*done));
}

Response JobRoutes::review_action(const Request& request, const SignedIn& who, lab::JobId id,
                                  std::string_view name) {
    const auto role = who.user.data.role;
    if (name == "approve" && role != lab::Role::signatory) {
        return forbidden(request, "only a signatory approves");
    }
    if (role != lab::Role::reviewer && role != lab::Role::signatory && role != lab::Role::manager) {
        return forbidden(request, "only a reviewer, signatory or manager reviews or returns");
    }
    lab::JobStatus to = lab::JobStatus::reviewed;
    if (name == "return") {
        auto body = parse_json_object(request);
        if (!body) {
            return problem_response(request, body.error());
        }
        auto reason = string_field(*body, "reason");
        if (!reason) {
            return problem_response(request, reason.error());
        }
        if (reason->find_first_not_of(" \t\r\n") == std::string::npos) {
            return api_error(request, http::status::unprocessable_entity, "invalid_field",
                             "reason: must say what is to be reworked", "reason");
        }
        lab::JobWorkflow workflow(services_.jobs.store(), services_.users, services_.standards);
        auto returned = workflow.return_for_rework(id, *reason, who.user);
        if (!returned) {
            return rejection_response(request, returned.error());
        }
        spdlog::info("job {} returned by {}: {}", id.to_string(), who.user.data.username, *reason);
        return json_response(request, http::status::ok,
                             job_report_to_json(services_.jobs.make_report(std::move(*returned))));
    }
    if (name == "approve") {
        to = lab::JobStatus::approved;
    }
    lab::JobWorkflow workflow(services_.jobs.store(), services_.users, services_.standards);
    auto moved = workflow.advance(id, to, who.user);
    if (!moved) {
        return rejection_response(request, moved.error());
    }
    return json_response(request, http::status::ok,
                         job_report_to_json(services_.jobs.make_report(std::move(*moved))));
}

} // namespace callab::web
