#include "service_statistics.hpp"
#include "sql_support.hpp"

#include <callab/db/sql_statistics_store.hpp>

#include <algorithm>
#include <map>

namespace callab::db {
namespace {

constexpr const char* jobs_in_period =
    " FROM job j LEFT JOIN enterprise e ON e.id = j.enterprise_id"
    " LEFT JOIN instrument i ON i.id = j.instrument_id"
    " LEFT JOIN procedure_version p ON p.id = j.procedure_id"
    " WHERE j.created_at_us >= :from AND j.created_at_us < :to";

struct JobTotals {
    long long jobs = 0;
    long long served = 0;
    long long issued = 0;
    long long free = 0;
    long long waived = 0;
    long long charged = 0;
};

JobTotals job_totals(soci::session& sql, long long from_us, long long to_us) {
    JobTotals t;
    soci::rowset<soci::row> totals =
        (sql.prepare << "SELECT COUNT(*) AS jobs, COUNT(DISTINCT j.enterprise_id) AS served, "
                        "SUM(CASE WHEN j.status = 'issued' THEN 1 ELSE 0 END) AS issued, "
                        "SUM(CASE WHEN j.programme_id IS NOT NULL THEN 1 ELSE 0 END) AS free, "
                        "SUM(CASE WHEN j.programme_id IS NOT NULL THEN j.fee_cents ELSE 0 "
                        "END) AS waived, SUM(CASE WHEN j.programme_id IS NULL THEN "
                        "j.fee_cents ELSE 0 END) AS charged"
                     << jobs_in_period,
         soci::use(from_us), soci::use(to_us));
    for (const auto& row : totals) {
        t.jobs = column_int64(row, "jobs");
        t.served = column_int64(row, "served");
        t.issued = column_optional_int64(row, "issued").value_or(0);
        t.free = column_optional_int64(row, "free").value_or(0);
        t.waived = column_optional_int64(row, "waived").value_or(0);
        t.charged = column_optional_int64(row, "charged").value_or(0);
    }
    return t;
}

long long start_us(lab::Date day) {
    return to_microseconds(lab::start_of(day));
}

lab::Date next_day(lab::Date day) {
    return lab::Date{std::chrono::sys_days{day} + std::chrono::days{1}};
}

// The months [from, to] touches, each clipped to the period.
std::vector<std::pair<lab::Date, lab::Date>> months_of(lab::Date from, lab::Date to) {
    std::vector<std::pair<lab::Date, lab::Date>> months;
    auto first = from;
    while (first <= to) {
        const auto month = first.year() / first.month();
        const lab::Date last_of_month{month / std::chrono::last};
        const auto last = std::min(last_of_month, to);
        months.emplace_back(first, last);
        first = next_day(last);
    }
    return months;
}

} // namespace

lab::Statistics SqlStatisticsStore::statistics(lab::Date from, lab::Date to) {
    return with_session(database_, "cannot compute statistics", [&](soci::session& sql) {
        lab::Statistics s;
        s.from = from;
        s.to = to;
        const long long from_us = start_us(from);
        const long long to_us = start_us(next_day(to));
        const auto totals = job_totals(sql, from_us, to_us);
        s.jobs = totals.jobs;
        s.enterprises_served = totals.served;
        s.jobs_issued = totals.issued;
        s.free_jobs = totals.free;
        s.fees_waived_cents = totals.waived;
        s.fees_charged_cents = totals.charged;
        soci::rowset<soci::row> kinds =
            (sql.prepare << "SELECT COALESCE(i.kind, p.kind, 'unspecified') AS kind, COUNT(*) AS n"
                         << jobs_in_period
                         << " GROUP BY COALESCE(i.kind, p.kind, 'unspecified') "
                            "ORDER BY kind",
             soci::use(from_us), soci::use(to_us));
        for (const auto& row : kinds) {
            s.jobs_by_kind.emplace_back(column_text(row, "kind"), column_int64(row, "n"));
        }
        std::map<std::string, lab::RegionFigures> regions;
        soci::rowset<soci::row> job_regions =
            (sql.prepare << "SELECT COALESCE(e.region, 'unspecified') AS region, COUNT(*) AS jobs, "
                            "COUNT(DISTINCT j.enterprise_id) AS served, "
                            "SUM(CASE WHEN j.programme_id IS NOT NULL THEN 1 ELSE 0 END) AS free, "
                            "SUM(CASE WHEN j.programme_id IS NOT NULL THEN j.fee_cents ELSE 0 "
                            "END) AS waived"
                         << jobs_in_period
                         << " GROUP BY COALESCE(e.region, 'unspecified') ORDER BY region",
             soci::use(from_us), soci::use(to_us));
        for (const auto& row : job_regions) {
            auto& r = regions[column_text(row, "region")];
            r.enterprises_served = column_int64(row, "served");
            r.jobs = column_int64(row, "jobs");
            r.free_jobs = column_optional_int64(row, "free").value_or(0);
            r.fees_waived_cents = column_optional_int64(row, "waived").value_or(0);
        }
        auto services = service_figures(sql, from_us, to_us, from, to);
        s.services = services.total;
        s.requests_by_kind = std::move(services.by_kind);
        for (const auto& [region, figures] : services.by_region) {
            regions[region].services = figures;
        }
        for (auto& [name, figures] : regions) {
            figures.region = name;
            s.by_region.push_back(std::move(figures));
        }
        for (const auto& [first, last] : months_of(from, to)) {
            const long long month_from = start_us(first);
            const long long month_to = start_us(next_day(last));
            const auto month = job_totals(sql, month_from, month_to);
            lab::PeriodFigures figures;
            figures.period = lab::format_date(first).substr(0, 7);
            figures.jobs = month.jobs;
            figures.free_jobs = month.free;
            figures.fees_waived_cents = month.waived;
            figures.services = service_figures(sql, month_from, month_to, first, last).total;
            s.by_month.push_back(std::move(figures));
        }
        soci::rowset<soci::row> bookings =
            (sql.prepare << "SELECT COUNT(*) AS n, SUM(end_us - start_us) AS booked FROM booking "
                            "WHERE start_us >= :from AND start_us < :to AND status NOT IN "
                            "('cancelled', 'rejected')",
             soci::use(from_us), soci::use(to_us));
        for (const auto& row : bookings) {
            s.bookings = column_int64(row, "n");
            s.booked_hours =
                static_cast<double>(column_optional_int64(row, "booked").value_or(0)) / 3.6e9;
        }
        long long in_service = 0;
        sql << "SELECT COUNT(*) FROM reference_standard WHERE status = 'in_service'",
            soci::into(in_service);
        s.standards_in_service = in_service;
        return s;
    });
}

} // namespace callab::db
