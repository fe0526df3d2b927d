// callab report stats --db URI --from DATE --to DATE [--format text|json|csv]
#include "command_failure.hpp"
#include "commands.hpp"
#include "database_option.hpp"

#include <callab/db/sql_statistics_store.hpp>
#include <callab/lab/csv_table.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace callab::app {
namespace {

struct ReportOptions {
    std::string db;
    std::string from;
    std::string to;
    std::string format = "text";
};

std::string money(long long cents) {
    char text[32];
    std::snprintf(text, sizeof text, "%lld.%02lld", cents / 100, cents % 100);
    return text;
}

std::string hours(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

std::string json_string(const std::string& value) {
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::vector<std::pair<const char*, long long>> service_fields(const lab::ServiceFigures& f) {
    return {{"requests_received", f.requests_received},
            {"requests_handled", f.requests_handled},
            {"visits", f.visits},
            {"trainings", f.trainings},
            {"training_attendees", f.training_attendees},
            {"consultations", f.consultations},
            {"attendees", f.attendees},
            {"problems_solved", f.problems_solved}};
}

// The service request and activity figures of one slice, named with `prefix`.
void add_service_figures(std::vector<std::pair<std::string, std::string>>& out,
                         const std::string& prefix, const lab::ServiceFigures& f) {
    for (const auto& [name, value] : service_fields(f)) {
        out.emplace_back(prefix + name, std::to_string(value));
    }
}

std::string service_json(const lab::ServiceFigures& f) {
    std::string out;
    for (const auto& [name, value] : service_fields(f)) {
        out += (out.empty() ? "{\"" : ",\"") + std::string(name) + "\":" + std::to_string(value);
    }
    return out + "}";
}

// The figures as (name, value) pairs, in report order.
std::vector<std::pair<std::string, std::string>> figures(const lab::Statistics& s) {
    std::vector<std::pair<std::string, std::string>> out{
        {"enterprises_served", std::to_string(s.enterprises_served)},
        {"jobs", std::to_string(s.jobs)},
        {"jobs_issued", std::to_string(s.jobs_issued)},
        {"free_jobs", std::to_string(s.free_jobs)},
        {"fees_waived", money(s.fees_waived_cents)},
        {"fees_charged", money(s.fees_charged_cents)},
        {"bookings", std::to_string(s.bookings)},
        {"booked_hours", hours(s.booked_hours)},
        {"standards_in_service", std::to_string(s.standards_in_service)}};
    for (const auto& [kind, n] : s.jobs_by_kind) {
        out.emplace_back("jobs." + kind, std::to_string(n));
    }
    add_service_figures(out, "", s.services);
    for (const auto& k : s.requests_by_kind) {
        out.emplace_back("requests." + k.kind + ".received", std::to_string(k.received));
        out.emplace_back("requests." + k.kind + ".handled", std::to_string(k.handled));
    }
    for (const auto& r : s.by_region) {
        out.emplace_back("region." + r.region + ".enterprises_served",
                         std::to_string(r.enterprises_served));
        out.emplace_back("region." + r.region + ".jobs", std::to_string(r.jobs));
        out.emplace_back("region." + r.region + ".free_jobs", std::to_string(r.free_jobs));
        out.emplace_back("region." + r.region + ".fees_waived", money(r.fees_waived_cents));
        add_service_figures(out, "region." + r.region + ".", r.services);
    }
    for (const auto& m : s.by_month) {
        out.emplace_back("month." + m.period + ".jobs", std::to_string(m.jobs));
        out.emplace_back("month." + m.period + ".free_jobs", std::to_string(m.free_jobs));
        out.emplace_back("month." + m.period + ".fees_waived", money(m.fees_waived_cents));
        add_service_figures(out, "month." + m.period + ".", m.services);
    }
    return out;
}

void print_json(const lab::Statistics& s) {
    std::cout << "{\"from\":\"" << lab::format_date(s.from) << "\",\"to\":\""
              << lab::format_date(s.to) << "\",\"enterprises_served\":" << s.enterprises_served
              << ",\"jobs\":" << s.jobs << ",\"jobs_issued\":" << s.jobs_issued
              << ",\"free_jobs\":" << s.free_jobs
              << ",\"fees_waived\":" << money(s.fees_waived_cents)
              << ",\"fees_charged\":" << money(s.fees_charged_cents)
              << ",\"bookings\":" << s.bookings << ",\"booked_hours\":" << hours(s.booked_hours)
              << ",\"standards_in_service\":" << s.standards_in_service << ",\"jobs_by_kind\":{";
    for (std::size_t i = 0; i < s.jobs_by_kind.size(); ++i) {
        std::cout << (i ? "," : "") << json_string(s.jobs_by_kind[i].first) << ":"
                  << s.jobs_by_kind[i].second;
    }
    std::cout << "},\"by_region\":[";
    for (std::size_t i = 0; i < s.by_region.size(); ++i) {
        const auto& r = s.by_region[i];
        std::cout << (i ? "," : "") << "{\"region\":" << json_string(r.region)
                  << ",\"enterprises_served\":" << r.enterprises_served << ",\"jobs\":" << r.jobs
                  << ",\"free_jobs\":" << r.free_jobs
                  << ",\"fees_waived\":" << money(r.fees_waived_cents)
                  << ",\"services\":" << service_json(r.services) << "}";
    }
    std::cout << "],\"services\":" << service_json(s.services) << ",\"requests_by_kind\":[";
    for (std::size_t i = 0; i < s.requests_by_kind.size(); ++i) {
        const auto& k = s.requests_by_kind[i];
        std::cout << (i ? "," : "") << "{\"kind\":" << json_string(k.kind)
                  << ",\"received\":" << k.received << ",\"handled\":" << k.handled << "}";
    }
    std::cout << "],\"by_month\":[";
    for (std::size_t i = 0; i < s.by_month.size(); ++i) {
        const auto& m = s.by_month[i];
        std::cout << (i ? "," : "") << "{\"period\":" << json_string(m.period)
                  << ",\"jobs\":" << m.jobs << ",\"free_jobs\":" << m.free_jobs
                  << ",\"fees_waived\":" << money(m.fees_waived_cents)
                  << ",\"services\":" << service_json(m.services) << "}";
    }
    std::cout << "]}\n";
}

void run_report(const ReportOptions& options) {
    const auto from = lab::parse_date(options.from);
    const auto to = lab::parse_date(options.to);
    if (!from) {
        throw CommandFailure(exit_usage, "--from: '" + options.from + "' is not a YYYY-MM-DD date");
    }
    if (!to) {
        throw CommandFailure(exit_usage, "--to: '" + options.to + "' is not a YYYY-MM-DD date");
    }
    if (*to < *from) {
        throw CommandFailure(exit_usage, "--to: the period ends before it starts");
    }
    auto database = open_database(options.db);
    db::SqlStatisticsStore store(*database);
    const auto s = store.statistics(*from, *to);
    if (options.format == "json") {
        print_json(s);
    } else if (options.format == "csv") {
        std::cout << "figure,value\n";
        for (const auto& [name, value] : figures(s)) {
            std::cout << lab::csv_field(name) << "," << value << "\n";
        }
    } else {
        std::cout << "Statistics " << options.from << " .. " << options.to << "\n";
        for (const auto& [name, value] : figures(s)) {
            std::cout << "  " << name << ": " << value << "\n";
        }
    }
}

} // namespace

void add_report_command(CLI::App& app) {
    auto* report = app.add_subcommand("report", "Reports from the records");
    report->require_subcommand(1);
    auto options = std::make_shared<ReportOptions>();
    auto* stats =
        report->add_subcommand("stats", "Services, free calibrations, bookings, requests "
                                        "and activities in a period, by month and region");
    add_database_option(*stats, options->db);
    stats->add_option("--from", options->from, "First day, YYYY-MM-DD")->required();
    stats->add_option("--to", options->to, "Last day, YYYY-MM-DD")->required();
    stats->add_option("--format", options->format, "text|json|csv")
        ->check(CLI::IsMember({"text", "json", "csv"}))
        ->capture_default_str();
    stats->callback([options] { run_report(*options); });
}

} // namespace callab::app
