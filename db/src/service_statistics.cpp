#include "service_statistics.hpp"

#include "sql_support.hpp"

#include <callab/lab/service_activity.hpp>
#include <callab/lab/service_request.hpp>

namespace callab::db {
namespace {

lab::RequestKindFigures& kind_figures(ServiceSlice& slice, const std::string& kind) {
    for (auto& figures : slice.by_kind) {
        if (figures.kind == kind) {
            return figures;
        }
    }
    return slice.by_kind.emplace_back(lab::RequestKindFigures{kind, 0, 0});
}

// Adds the requests counted by `time_column` in the period to received or handled.
void count_requests(soci::session& sql, ServiceSlice& slice, const char* time_column,
                    long long from_us, long long to_us, bool handled) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT COALESCE(e.region, 'unspecified') AS region, r.kind AS kind, "
                        "COUNT(*) AS n FROM service_request r LEFT JOIN enterprise e ON e.id = "
                        "r.enterprise_id WHERE r."
                     << time_column << " >= :f AND r." << time_column
                     << " < :t GROUP BY COALESCE(e.region, 'unspecified'), r.kind",
         soci::use(from_us), soci::use(to_us));
    for (const auto& row : rows) {
        const long long n = column_int64(row, "n");
        auto& region = slice.by_region[column_text(row, "region")];
        auto& kind = kind_figures(slice, column_text(row, "kind"));
        if (handled) {
            region.requests_handled += n;
            slice.total.requests_handled += n;
            kind.handled += n;
        } else {
            region.requests_received += n;
            slice.total.requests_received += n;
            kind.received += n;
        }
    }
}

void add_activities(lab::ServiceFigures& figures, lab::ActivityKind kind, long long count,
                    long long attendees, long long problems) {
    switch (kind) {
    case lab::ActivityKind::visit:
        figures.visits += count;
        break;
    case lab::ActivityKind::training:
        figures.trainings += count;
        figures.training_attendees += attendees;
        break;
    case lab::ActivityKind::consultation:
        figures.consultations += count;
        break;
    }
    figures.attendees += attendees;
    figures.problems_solved += problems;
}

} // namespace

ServiceSlice service_figures(soci::session& sql, long long from_us, long long to_us, lab::Date from,
                             lab::Date to) {
    ServiceSlice slice;
    for (const auto& [kind, name] : lab::service_kind_names) {
        slice.by_kind.push_back({std::string(name), 0, 0});
    }
    count_requests(sql, slice, "submitted_at_us", from_us, to_us, false);
    count_requests(sql, slice, "handled_at_us", from_us, to_us, true);
    const std::string first = lab::format_date(from);
    const std::string last = lab::format_date(to);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT region, kind, COUNT(*) AS n, SUM(attendee_count) AS attendees, "
                        "SUM(problems_solved) AS problems FROM service_activity WHERE held_on >= "
                        ":f AND held_on <= :t GROUP BY region, kind",
         soci::use(first), soci::use(last));
    for (const auto& row : rows) {
        const auto kind = lab::parse_enum(column_text(row, "kind"), lab::activity_kind_names);
        if (!kind) {
            continue; // the schema's CHECK admits only the three kinds
        }
        const long long n = column_int64(row, "n");
        const long long attendees = column_optional_int64(row, "attendees").value_or(0);
        const long long problems = column_optional_int64(row, "problems").value_or(0);
        add_activities(slice.by_region[column_text(row, "region")], *kind, n, attendees, problems);
        add_activities(slice.total, *kind, n, attendees, problems);
    }
    return slice;
}

} // namespace callab::db
