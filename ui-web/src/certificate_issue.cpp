// POST /api/jobs/{id}/issue: the whole content from the records (the results recomputed from
// the stored readings, the environment each run start read, the job, its instrument, the
// standards, the people), then lab::CertificateService::issue, which holds the rules
// (signatory, four eyes, approved, once only).
#include "api_error.hpp"
#include "certificate_json.hpp"
#include "certificate_routes.hpp"
#include "json_body.hpp"

#include <callab/lab/calendar_date.hpp>
#include <callab/lab/certificate_assembler.hpp>
#include <callab/lab/recorded_run.hpp>

#include <chrono>

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

/// Dates, environment and results of `job` from the records: its stored readings and what its
/// runs read when they started (lab::recorded_certificate_facts).
lab::Outcome<lab::CertificateFacts> facts_of(ApiServices& services, const lab::Job& job) {
    if (!job.spec.procedure) {
        return lab::reject(lab::errc::invalid_field,
                           "procedure: job " + job.id.to_string() + " names none");
    }
    const auto procedure = services.standards.find_procedure(*job.spec.procedure);
    if (!procedure) {
        return lab::reject(lab::errc::invalid_field,
                           "procedure: " + job.spec.procedure->to_string() + " does not exist");
    }
    return lab::recorded_certificate_facts(services.jobs.store(), job, *procedure, result_decimals,
                                           lab::date_of(std::chrono::system_clock::now()));
}

/// The optional `{"amendment_reason": {"zh", "en"}}` of a job that corrects an issued one;
/// without it the reason given when the correction was opened.
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
        services.enterprises == nullptr) {
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
        if (content.amendment_reason.zh.empty() && content.amendment_reason.en.empty()) {
            content.amendment_reason = {job->spec.amendment_reason_zh,
                                        job->spec.amendment_reason_en};
        }
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
