#include "verification_routes.hpp"

#include "job_page.hpp"

#include <callab/lab/calendar_date.hpp>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

constexpr std::string_view page_prefix = "/verify/";
constexpr std::string_view api_prefix = "/api/verify/";

std::string status_line(const lab::Verification& v) {
    switch (v.status) {
    case lab::CertificateStatus::valid:
        return "有效 / Valid";
    case lab::CertificateStatus::superseded:
        return "已被替代 / Superseded by " + v.superseded_by.value_or("");
    case lab::CertificateStatus::revoked:
        return "已撤销 / Revoked: " + v.revocation_reason;
    }
    return "";
}

std::string render_page(const lab::Verification& v) {
    std::string rows;
    const auto row = [&](std::string_view label, const std::string& value) {
        rows += "<tr><th>" + std::string(label) + "</th><td>" + escape_html(value) + "</td></tr>\n";
    };
    row("证书编号 / Certificate No.", v.number);
    row("状态 / Status", status_line(v));
    if (v.replaces_number) {
        row("替代 / Replaces", *v.replaces_number);
    }
    row("器具 / Instrument", v.instrument);
    row("发布日期 / Issue date", lab::format_date(v.issue_date));
    row("PDF SHA-256", v.pdf_sha256);
    row("DCC SHA-256", v.dcc_sha256);
    return "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>证书验证 / "
           "Certificate verification " +
           escape_html(v.number) +
           "</title></head><body>\n<h1>证书验证 / Certificate verification</h1>\n<p class=\"" +
           std::string(lab::enum_name(v.status, lab::certificate_status_names)) + "\">" +
           escape_html(status_line(v)) + "</p>\n<table>\n" + rows + "</table>\n</body></html>\n";
}

} // namespace

nlohmann::json verification_to_json(const lab::Verification& v) {
    nlohmann::json out{
        {"number", v.number},
        {"status", std::string(lab::enum_name(v.status, lab::certificate_status_names))},
        {"instrument", v.instrument},
        {"issue_date", lab::format_date(v.issue_date)},
        {"pdf_sha256", v.pdf_sha256},
        {"dcc_sha256", v.dcc_sha256},
        {"superseded_by", nullptr},
        {"replaces", nullptr},
        {"revocation_reason", nullptr}};
    if (v.superseded_by) {
        out["superseded_by"] = *v.superseded_by;
    }
    if (v.replaces_number) {
        out["replaces"] = *v.replaces_number;
    }
    if (v.status == lab::CertificateStatus::revoked) {
        out["revocation_reason"] = v.revocation_reason;
    }
    return out;
}

std::optional<Response> route_verification(lab::CertificateService* certificates,
                                           const Request& request, std::string_view target) {
    const bool api = target.starts_with(api_prefix);
    if (!api && !target.starts_with(page_prefix)) {
        return std::nullopt;
    }
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
        return read_only_response(request, target);
    }
    const std::string number(target.substr(api ? api_prefix.size() : page_prefix.size()));
    if (certificates == nullptr) {
        return error_response(request, http::status::service_unavailable, "unavailable",
                              "certificate verification is not configured on this server");
    }
    const auto found = certificates->verify(number);
    if (!found) {
        if (api) {
            return error_response(request, http::status::not_found, "not_found",
                                  found.error().message);
        }
        return make_response(request, http::status::not_found, "text/html; charset=utf-8",
                             "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
                             "<title>证书验证 / Certificate verification</title></head><body>\n"
                             "<h1>未找到 / Not found</h1>\n<p>" +
                                 escape_html(found.error().message) + "</p>\n</body></html>\n");
    }
    if (api) {
        return json_response(request, http::status::ok, verification_to_json(*found));
    }
    return make_response(request, http::status::ok, "text/html; charset=utf-8",
                         render_page(*found));
}

} // namespace callab::web
