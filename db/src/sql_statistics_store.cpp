#include "sql_support.hpp"

#include <callab/db/sql_statistics_store.hpp>

namespace callab::db {
namespace {

constexpr const char* jobs_in_period =
    " FROM job j LEFT JOIN enterprise e ON e.id = j.enterprise_id"
    " LEFT JOIN instrument i ON i.id = j.instrument_id"
    " LEFT JOIN procedure_version p ON p.id = j.procedure_id"
    " WHERE j.created_at_us >= :from AND j.created_at_us < :to";

} // namespace

lab::Statistics SqlStatisticsStore::statistics(lab::Date from, lab::Date to) {
    return with_session(database_, "cannot compute statistics", [&](soci::session& sql) {
        lab::Statistics s;
        s.from = from;
        s.to = to;
        const long long from_us = to_microseconds(lab::start_of(from));
        const long long to_us = to_microseconds(
            lab::start_of(lab::Date{std::chrono::sys_days{to} + std::chrono::days{1}}));
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
            s.jobs = column_int64(row, "jobs");
            s.enterprises_served = column_int64(row, "served");
            s.jobs_issued = column_optional_int64(row, "issued").value_or(0);
            s.free_jobs = column_optional_int64(row, "free").value_or(0);
            s.fees_waived_cents = column_optional_int64(row, "waived").value_or(0);
            s.fees_charged_cents = column_optional_int64(row, "charged").value_or(0);
        }
        soci::rowset<soci::row> kinds =
            (sql.prepare << "SELECT COALESCE(i.kind, p.kind, 'unspecified') AS kind, COUNT(*) AS n"
                         << jobs_in_period
                         << " GROUP BY COALESCE(i.kind, p.kind, 'unspecified') "
                            "ORDER BY kind",
             soci::use(from_us), soci::use(to_us));
        for (const auto& row : kinds) {
            s.jobs_by_kind.emplace_back(column_text(row, "kind"), column_int64(row, "n"));
        }
        soci::rowset<soci::row> regions =
            (sql.prepare << "SELECT COALESCE(e.region, 'unspecified') AS region, COUNT(*) AS jobs, "
                            "COUNT(DISTINCT j.enterprise_id) AS served, "
                            "SUM(CASE WHEN j.programme_id IS NOT NULL THEN 1 ELSE 0 END) AS free, "
                            "SUM(CASE WHEN j.programme_id IS NOT NULL THEN j.fee_cents ELSE 0 "
                            "END) AS waived"
                         << jobs_in_period
                         << " GROUP BY COALESCE(e.region, 'unspecified') ORDER BY region",
             soci::use(from_us), soci::use(to_us));
        for (const auto& row : regions) {
            s.by_region.push_back({column_text(row, "region"), column_int64(row, "served"),
                                   column_int64(row, "jobs"),
                                   column_optional_int64(row, "free").value_or(0),
                                   column_optional_int64(row, "waived").value_or(0)});
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
