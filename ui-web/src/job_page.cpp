#include "job_page.hpp"

#include "job_json.hpp"

#include <cmath>
#include <cstdio>

namespace callab::web {
namespace {

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string render_result(const lab::JobReport& report) {
    if (!report.summary) {
        return "<p class=\"pending\">Waiting for readings (" +
               std::to_string(report.readings.size()) + " so far).</p>\n";
    }
    const auto& s = *report.summary;
    const auto unit = escape_html(report.job.spec.unit);
    const std::string nu = std::isfinite(s.effective_degrees_of_freedom)
                               ? fixed(s.effective_degrees_of_freedom, 1)
                               : "&infin;";
    return "<dl class=\"result\">"
           "<dt>Mean</dt><dd data-field=\"mean\">" +
           fixed(s.mean, 4) + " " + unit +
           "</dd>"
           "<dt>Standard uncertainty u</dt><dd data-field=\"u\">" +
           fixed(s.standard_uncertainty, 4) + " " + unit +
           "</dd>"
           "<dt>Effective degrees of freedom</dt><dd>" +
           nu +
           "</dd>"
           "<dt>Coverage factor k (p = " +
           fixed(s.coverage_probability * 100, 0) + " %)</dt><dd data-field=\"k\">" +
           fixed(s.coverage_factor, 2) +
           "</dd>"
           "<dt>Expanded uncertainty U</dt><dd data-field=\"U\">" +
           fixed(s.expanded_uncertainty, 4) + " " + unit + "</dd></dl>\n";
}

std::string render_readings(const lab::JobReport& report) {
    std::string rows;
    for (const auto& r : report.readings) {
        rows += "<tr><td>" + r.id.to_string() + "</td><td>" + fixed(r.value, 2) + " " +
                escape_html(r.unit) + "</td><td>" + escape_html(iso8601(r.taken_at)) + "</td><td>" +
                escape_html(r.source) + "</td></tr>\n";
    }
    return "<table><thead><tr><th>#</th><th>Reading</th><th>Taken at (UTC)</th>"
           "<th>Source</th></tr></thead><tbody>\n" +
           rows + "</tbody></table>\n";
}

} // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string render_jobs_page(const std::vector<lab::JobReport>& reports, std::string_view version) {
    std::string body;
    for (const auto& report : reports) {
        const auto& job = report.job;
        body += "<section class=\"job\" id=\"job-" + job.id.to_string() + "\"><h2>Job " +
                job.id.to_string() + ": " + escape_html(job.spec.title) + "</h2>\n<p>" +
                escape_html(job.spec.instrument) + " &middot; resolution " +
                fixed(job.spec.resolution, 3) + " " + escape_html(job.spec.unit) +
                " &middot; <a href=\"/api/jobs/" + job.id.to_string() + "\">JSON</a></p>\n" +
                render_result(report) + render_readings(report) + "</section>\n";
    }
    if (reports.empty()) {
        body = "<p>No calibration jobs yet.</p>\n";
    }
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">"
           "<title>callab</title><style>"
           "body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}"
           "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem}"
           "dl.result{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}"
           "dd{margin:0;font-variant-numeric:tabular-nums}"
           "</style></head><body>\n<h1>callab &mdash; calibration jobs</h1>\n" +
           body + "<footer>callab " + escape_html(version) + "</footer>\n</body></html>\n";
}

} // namespace callab::web
