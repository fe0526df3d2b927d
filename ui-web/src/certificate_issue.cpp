// POST /api/jobs/{id}/issue: the facts of the job's finished run on this server (results and
// the environment read), the rest of the content from the records, then
// lab::CertificateService::issue, which holds the rules (signatory, four eyes, approved,
// once only).
#include "api_error.hpp"
#include "certificate_json.hpp"
#include "certificate_routes.hpp"
#include "json_body.hpp"

#include <callab/lab/certificate_assembler.hpp>
#include <callab/lab/run_certificate.hpp>
#include <callab/lab/run_manager.hpp>

#include <algorithm>
#include <map>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

/// Digits after the decimal point of the results table: enough for U to two significant
/// digits at the typical 0.1 … 1 of the lab's units.
constexpr int result_decimals = 2;

Response already_issued(const Request& request, lab::JobId job, const std::string& number) {
    return json_response(request, http::status::conflict,
                         {{"error", "invalid_transition"},
                          {"message", "job " + job.to_string() + ": already issued as " + number},
                          {"number", number}});
}

/// The run's results, one per test point (the last computed), in test point order.
std::vector<lab::PointResult> results_by_point(const lab::RunSnapshot& run) {
    std::map<int, lab::PointResult> by_point;
    for (const auto& result : run.results) {
        by_point[result.test_point] = result;
    }
    std::vector<lab::PointResult> results;
    for (auto& [point, result] : by_point) {
        results.push_back(std::move(result));
    }
    return results;
}

/// Dates, environment and results of `job` from its finished run and its stored readings.
lab::Outcome<lab::CertificateFacts> facts_of(ApiServices& services, const lab::Job& job) {
    const auto run = services.runs->snapshot(job.id);
    if (!run || run->state != lab::RunState::finished) {
        return lab::reject(lab::errc::invalid_field,
                           "run: job " + job.id.to_string() +
                               " has no finished run on this server; issue it where it was "
                               "measured");
    }
    if (!job.spec.procedure) {
        return lab::reject(lab::errc::invalid_field,
                           "procedure: job " + job.id.to_string() + " names none");
    }
    const auto procedure = services.standards.find_procedure(*job.spec.procedure);
    if (!procedure) {
        return lab::reject(lab::errc::invalid_field,
                           "procedure: " + job.spec.procedure->to_string() + " does not exist");
    }
    lab::CertificateFacts facts;
    const auto results = results_by_point(*run);
    auto group = lab::result_group_of(*procedure, results, result_decimals);
    if (!group) {
        return group.error();
    }
    facts.results = {std::move(*group)};
    auto environment = lab::certificate_environment_of(run->environment);
    if (!environment) {
        return environment.error();
    }
    facts.environment = std::move(*environment);
    const auto readings = services.jobs.store().readings_of(job.id);
    const auto [first, last] =
        std::minmax_element(readings.begin(), readings.end(),
                            [](const auto& a, const auto& b) { return a.taken_at < b.taken_at; });
    const auto today = lab::date_of(std::chrono::system_clock::now());
    facts.receipt_date = lab::date_of(job.created_at);
    facts.performance_begin = first != readings.end() ? lab::date_of(first->taken_at) : today;
    facts.performance_end = last != readings.end() ? lab::date_of(last->taken_at) : today;
    facts.issue_date = today;
    return facts;
}

/// The optional `{"amendment_reason": {"zh", "en"}}` of a job that corrects an issued one.
BodyResult<lab::BilingualText> amendment_reason_of(const Request& request) {
    if (request.body().empty()) {
        return lab::BilingualText{};
    }
    auto body = parse_json_object(request);
    if (!body) {
        return body.error();
    }
    const auto reason = body->find("amendment_reason");
    if (reason == body->end() || reason->is_null()) {
        return lab::BilingualText{};
    }
    if (!reason->is_object()) {
        return BodyProblem{http::status::unprocessable_entity, "invalid_field",
                           "amendment_reason: must be an object {\"zh\", \"en\"}",
                           "amendment_reason"};
    }
    auto zh = string_field(*reason, "zh");
    auto en = string_field(*reason, "en");
    if (!zh || !en) {
        return BodyProblem{http::status::unprocessable_entity, "missing_field",
                           "amendment_reason: needs both \"zh\" and \"en\"", "amendment_reason"};
    }
    return lab::BilingualText{std::move(*zh), std::move(*en)};
}

} // namespace

Response issue_certificate(ApiServices& services, const Request& request, const SignedIn& who,
                           lab::JobId id) {
    if (who.user.data.role != lab::Role::signatory) {
        return forbidden(request, "only an authorised signatory issues certificates");
    }
    if (services.certificates == nullptr || services.laboratory == nullptr ||
        services.enterprises == nullptr || services.runs == nullptr) {
        return api_error(request, http::status::service_unavailable, "unavailable",
                         "this server was started without a certificate service");
    }
    auto reason = amendment_reason_of(request);
    if (!reason) {
        return problem_response(request, reason.error());
    }
    const auto job = services.jobs.store().find_job(id);
    if (!job) {
        return api_error(request, http::status::not_found, "not_found",
                         "job " + id.to_string() + " does not exist");
    }
    if (job->status == lab::JobStatus::issued) {
        if (const auto issued = services.certificates->store().certificate_of_job(id)) {
            return already_issued(request, id, issued->number);
        }
    }
    lab::CertificateContent content;
    if (job->status == lab::JobStatus::approved) {
        auto facts = facts_of(services, *job);
        if (!facts) {
            return rejection_response(request, facts.error());
        }
        lab::CertificateAssembler assembler(services.jobs.store(), *services.enterprises,
                                            services.standards, services.users,
                                            *services.laboratory);
        auto assembled = assembler.assemble(id, std::move(*facts));
        if (!assembled) {
            // A record the certificate needs is missing: the job cannot be issued as it is.
            return api_error(request, http::status::unprocessable_entity, "incomplete_job",
                             assembled.error().message);
        }
        content = std::move(*assembled);
        content.amendment_reason = std::move(*reason);
    }
    // For a job that is not approved, issue() refuses (role, four eyes, status) before it
    // reads the content.
    auto issued = services.certificates->issue(id, std::move(content), who.user);
    if (!issued) {
        if (issued.error().code == lab::errc::invalid_transition) {
            if (const auto existing = services.certificates->store().certificate_of_job(id)) {
                return already_issued(request, id, existing->number);
            }
        }
        return rejection_response(request, issued.error());
    }
    auto body = certificate_to_json(
        *issued, services.jobs.store().find_job(id),
        job->spec.instrument_id ? services.enterprises->find_instrument(*job->spec.instrument_id)
                                : std::nullopt);
    return json_response(request, http::status::created, body);
}

} // namespace callab::web
