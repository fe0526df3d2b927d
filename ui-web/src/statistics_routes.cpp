#include "statistics_routes.hpp"

#include "api_error.hpp"
#include "list_query.hpp"

namespace callab::web {
namespace http = boost::beast::http;
namespace {

double money(long long cents) {
    return static_cast<double>(cents) / 100.0;
}

nlohmann::json services_json(const lab::ServiceFigures& f) {
    return {{"requests_received", f.requests_received},
            {"requests_handled", f.requests_handled},
            {"visits", f.visits},
            {"trainings", f.trainings},
            {"training_attendees", f.training_attendees},
            {"consultations", f.consultations},
            {"attendees", f.attendees},
            {"problems_solved", f.problems_solved}};
}

bool in_region(const std::string& region, const std::string& wanted) {
    return region == wanted || (region.size() > wanted.size() && region.starts_with(wanted) &&
                                region[wanted.size()] == '/');
}

} // namespace

nlohmann::json statistics_to_json(const lab::Statistics& s) {
    auto kinds = nlohmann::json::object();
    for (const auto& [kind, n] : s.jobs_by_kind) {
        kinds[kind] = n;
    }
    auto requests = nlohmann::json::array();
    for (const auto& k : s.requests_by_kind) {
        requests.push_back({{"kind", k.kind}, {"received", k.received}, {"handled", k.handled}});
    }
    auto regions = nlohmann::json::array();
    for (const auto& r : s.by_region) {
        regions.push_back({{"region", r.region},
                           {"enterprises_served", r.enterprises_served},
                           {"jobs", r.jobs},
                           {"free_jobs", r.free_jobs},
                           {"fees_waived", money(r.fees_waived_cents)},
                           {"services", services_json(r.services)}});
    }
    auto months = nlohmann::json::array();
    for (const auto& m : s.by_month) {
        months.push_back({{"period", m.period},
                          {"jobs", m.jobs},
                          {"free_jobs", m.free_jobs},
                          {"fees_waived", money(m.fees_waived_cents)},
                          {"services", services_json(m.services)}});
    }
    return {{"from", lab::format_date(s.from)},
            {"to", lab::format_date(s.to)},
            {"enterprises_served", s.enterprises_served},
            {"jobs", s.jobs},
            {"jobs_issued", s.jobs_issued},
            {"free_jobs", s.free_jobs},
            {"fees_waived", money(s.fees_waived_cents)},
            {"fees_charged", money(s.fees_charged_cents)},
            {"bookings", s.bookings},
            {"booked_hours", s.booked_hours},
            {"standards_in_service", s.standards_in_service},
            {"jobs_by_kind", kinds},
            {"services", services_json(s.services)},
            {"requests_by_kind", requests},
            {"by_region", regions},
            {"by_month", months}};
}

Response StatisticsRoutes::handle(const Request& request, std::string_view path,
                                  const SignedIn& who) {
    if (services_.statistics == nullptr) {
        return api_error(request, http::status::service_unavailable, "unavailable",
                         "this server keeps no statistics");
    }
    if (path != base()) {
        return api_error(request, http::status::not_found, "not_found",
                         "no such resource: " + std::string(path));
    }
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
        return method_not_allowed(request, path, "GET, HEAD");
    }
    if (!lab::is_lab_staff(who.user)) {
        return forbidden(request, "the statistics are for lab staff");
    }
    auto query = parse_list_query(request, {{}, {}, {"from", "to", "region"}});
    if (!query) {
        return problem_response(request, query.error());
    }
    // Without `from` the period starts on 1 January of this year; without `to` it ends today.
    const auto today = lab::date_of(std::chrono::system_clock::now());
    std::optional<lab::Date> days[2] = {today.year() / std::chrono::January / 1, today};
    const char* names[2] = {"from", "to"};
    for (int i = 0; i < 2; ++i) {
        const auto it = query->other.find(names[i]);
        if (it == query->other.end()) {
            continue;
        }
        days[i] = lab::parse_date(it->second);
        if (!days[i]) {
            return api_error(request, http::status::bad_request, "invalid_parameter",
                             std::string(names[i]) + ": '" + it->second +
                                 "' is not a YYYY-MM-DD date",
                             names[i]);
        }
    }
    if (*days[1] < *days[0]) {
        return api_error(request, http::status::bad_request, "invalid_parameter",
                         "to: the period ends before it starts", "to");
    }
    if (std::chrono::sys_days{*days[1]} - std::chrono::sys_days{*days[0]} >
        std::chrono::days{3660}) {
        return api_error(request, http::status::bad_request, "invalid_parameter",
                         "to: a period is at most ten years", "to");
    }
    auto statistics = services_.statistics->statistics(*days[0], *days[1]);
    if (const auto it = query->other.find("region"); it != query->other.end()) {
        std::erase_if(statistics.by_region, [&](const lab::RegionFigures& r) {
            return !in_region(r.region, it->second);
        });
    }
    return json_response(request, http::status::ok, statistics_to_json(statistics));
}

} // namespace callab::web
