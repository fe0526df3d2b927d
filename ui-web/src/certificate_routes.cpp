#include "certificate_routes.hpp"

#include "api_error.hpp"
#include "certificate_json.hpp"
#include "job_json.hpp"
#include "list_query.hpp"

#include <callab/lab/job_service.hpp>
#include <callab/lab/job_workflow.hpp>

#include <array>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

bool is_enterprise_user(const SignedIn& who) {
    return who.user.data.role == lab::Role::enterprise_user;
}

Response no_such_certificate(const Request& request, std::string_view number) {
    return api_error(request, http::status::not_found, "not_found",
                     "certificate " + std::string(number) + " does not exist");
}

Response unavailable(const Request& request) {
    return api_error(request, http::status::service_unavailable, "unavailable",
                     "this server was started without a certificate service");
}

/// The filter of a list query; a bad value is a 400 naming the parameter.
BodyResult<lab::CertificateFilter> filter_of(const ListQuery& query) {
    lab::CertificateFilter filter;
    if (const auto status = query.filters.find("status"); status != query.filters.end()) {
        filter.status = lab::parse_enum(status->second, lab::certificate_status_names);
        if (!filter.status) {
            return BodyProblem{
                http::status::bad_request, "invalid_parameter",
                "status: '" + status->second + "' is not valid, superseded or revoked", "status"};
        }
    }
    for (const auto& name : {std::string("job_id"), std::string("enterprise_id")}) {
        const auto given = query.filters.find(name);
        if (given == query.filters.end()) {
            continue;
        }
        const auto id = parse_id(given->second);
        if (!id) {
            return BodyProblem{http::status::bad_request, "invalid_parameter",
                               name + ": '" + given->second + "' is not an id", name};
        }
        if (name == "job_id") {
            filter.job = lab::JobId{*id};
        } else {
            filter.enterprise = lab::EnterpriseId{*id};
        }
    }
    return filter;
}

} // namespace

nlohmann::json CertificateRoutes::to_json(const lab::IssuedCertificate& certificate,
                                          const std::optional<lab::Job>& job) {
    std::optional<lab::Instrument> instrument;
    if (job && job->spec.instrument_id && services_.enterprises != nullptr) {
        instrument = services_.enterprises->find_instrument(*job->spec.instrument_id);
    }
    return certificate_to_json(certificate, job, instrument);
}

std::optional<CertificateRoutes::Visible> CertificateRoutes::visible(const SignedIn& who,
                                                                     std::string_view number) {
    auto found = services_.certificates->store().find_certificate(number);
    if (!found) {
        return std::nullopt;
    }
    auto job = services_.jobs.store().find_job(found->job);
    if (is_enterprise_user(who) &&
        (!job || !who.user.data.enterprise || job->spec.enterprise != who.user.data.enterprise)) {
        return std::nullopt;
    }
    return Visible{std::move(*found), std::move(job)};
}

Response CertificateRoutes::list(const Request& request, const SignedIn& who) {
    auto query =
        parse_list_query(request, {{"issued_at", "number"}, {"status", "job_id", "enterprise_id"}});
    if (!query) {
        return problem_response(request, query.error());
    }
    auto filter = filter_of(*query);
    if (!filter) {
        return problem_response(request, filter.error());
    }
    if (is_enterprise_user(who)) {
        if (!who.user.data.enterprise ||
            (filter->enterprise && filter->enterprise != who.user.data.enterprise)) {
            return json_response(request, http::status::ok,
                                 list_body(nlohmann::json::array(), 0, *query));
        }
        filter->enterprise = who.user.data.enterprise;
    }
    // Newest first unless a sort is asked for.
    const bool by_number = query->sort == "number";
    const bool descending = query->sort.empty() || query->descending;
    auto page = services_.certificates->store().find_certificates(
        *filter, by_number ? lab::CertificateOrder::number : lab::CertificateOrder::issued_at,
        descending, query->offset(), query->per_page);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& certificate : page.certificates) {
        items.push_back(to_json(certificate, services_.jobs.store().find_job(certificate.job)));
    }
    return json_response(request, http::status::ok, list_body(items, page.total, *query));
}

Response CertificateRoutes::one(const Request& request, const SignedIn& who,
                                std::string_view number) {
    auto found = visible(who, number);
    if (!found) {
        return no_such_certificate(request, number);
    }
    return json_response(request, http::status::ok, to_json(found->certificate, found->job));
}

Response CertificateRoutes::document(const Request& request, const SignedIn& who,
                                     std::string_view number, std::string_view kind) {
    auto found = visible(who, number);
    if (!found) {
        return no_such_certificate(request, number);
    }
    const bool pdf = kind == "pdf";
    auto response = make_response(request, http::status::ok,
                                  pdf ? "application/pdf" : "application/xml; charset=utf-8",
                                  pdf ? found->certificate.pdf : found->certificate.dcc);
    // The PDF is shown in a frame of the app's certificate page, so this one answer may be
    // framed by the app's own origin.
    if (pdf) {
        response.set("Content-Security-Policy", "frame-ancestors 'self'");
    }
    response.set(http::field::content_disposition, std::string(pdf ? "inline" : "attachment") +
                                                       "; filename=\"" + found->certificate.number +
                                                       "." + std::string(kind) + "\"");
    return response;
}

Response CertificateRoutes::revoke(const Request& request, const SignedIn& who,
                                   std::string_view number) {
    const auto role = who.user.data.role;
    if (role != lab::Role::signatory && role != lab::Role::manager) {
        return forbidden(request, "only a signatory or a manager revokes a certificate");
    }
    if (!visible(who, number)) {
        return no_such_certificate(request, number);
    }
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto reason = string_field(*body, "reason");
    if (!reason) {
        return problem_response(request, reason.error());
    }
    auto revoked = services_.certificates->revoke(std::string(number), *reason, who.user);
    if (!revoked) {
        return rejection_response(request, revoked.error());
    }
    return json_response(request, http::status::ok,
                         to_json(*revoked, services_.jobs.store().find_job(revoked->job)));
}

Response CertificateRoutes::correct(const Request& request, const SignedIn& who,
                                    std::string_view number) {
    if (who.user.data.role != lab::Role::technician) {
        return forbidden(request, "only a technician opens a job that corrects a certificate");
    }
    auto found = visible(who, number);
    if (!found) {
        return no_such_certificate(request, number);
    }
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    std::array<std::string, 2> reasons;
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        const std::string name = i == 0 ? "reason_zh" : "reason_en";
        auto reason = string_field(*body, name);
        if (!reason) {
            return problem_response(request, reason.error());
        }
        if (reason->find_first_not_of(" \t\r\n") == std::string::npos) {
            return api_error(request, http::status::unprocessable_entity, "invalid_field",
                             name + ": the amendment reason is blank", name);
        }
        reasons[i] = std::move(*reason);
    }
    const auto& certificate = found->certificate;
    if (certificate.status != lab::CertificateStatus::valid) {
        const std::string why = certificate.status == lab::CertificateStatus::superseded
                                    ? "is superseded by " +
                                          certificate.superseded_by.value_or("another") +
                                          "; correct that one"
                                    : "is revoked (" + certificate.revocation_reason + ")";
        return api_error(request, http::status::conflict, "invalid_transition",
                         "certificate " + certificate.number + " " + why);
    }
    // One correction at a time: a second would find the certificate superseded at issue.
    for (const auto& job : services_.jobs.store().list_jobs()) {
        if (job.spec.corrects == certificate.job && job.status != lab::JobStatus::cancelled) {
            return json_response(request, http::status::conflict,
                                 {{"error", "conflict"},
                                  {"message", "certificate " + certificate.number + ": job " +
                                                  job.id.to_string() + " corrects it already"},
                                  {"job_id", job.id.value()}});
        }
    }
    lab::JobWorkflow workflow(services_.jobs.store(), services_.users, services_.standards);
    auto opened =
        workflow.correct(certificate.job, who.user, std::move(reasons[0]), std::move(reasons[1]));
    if (!opened) {
        return rejection_response(request, opened.error());
    }
    return json_response(request, http::status::created,
                         job_report_to_json(services_.jobs.make_report(std::move(*opened))));
}

Response CertificateRoutes::handle(const Request& request, std::string_view path,
                                   const SignedIn& who) {
    if (services_.certificates == nullptr) {
        return unavailable(request);
    }
    const auto segments = path_segments(path, base());
    if (segments.empty()) {
        return is_read(request) ? list(request, who)
                                : method_not_allowed(request, path, "GET, HEAD");
    }
    const std::string_view name = segments[0];
    if (name.empty()) {
        return no_such_certificate(request, name);
    }
    if (segments.size() == 1) {
        if (!is_read(request)) {
            return method_not_allowed(request, path, "GET, HEAD");
        }
        for (const std::string_view kind : {"pdf", "xml"}) {
            const std::string suffix = "." + std::string(kind);
            if (name.size() > suffix.size() && name.ends_with(suffix)) {
                return document(request, who, name.substr(0, name.size() - suffix.size()), kind);
            }
        }
        return one(request, who, name);
    }
    if (segments.size() == 2 && segments[1] == "revoke") {
        return request.method() == http::verb::post ? revoke(request, who, name)
                                                    : method_not_allowed(request, path, "POST");
    }
    if (segments.size() == 2 && segments[1] == "correct") {
        return request.method() == http::verb::post ? correct(request, who, name)
                                                    : method_not_allowed(request, path, "POST");
    }
    return api_error(request, http::status::not_found, "not_found",
                     "no such resource: " + std::string(path));
}

} // namespace callab::web
