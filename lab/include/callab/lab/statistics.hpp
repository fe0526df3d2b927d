#pragma once

#include <callab/lab/calendar_date.hpp>

#include <string>
#include <vector>

namespace callab::lab {

/// Figures of one region in a period.
struct RegionFigures {
    std::string region;
    long long enterprises_served = 0;
    long long jobs = 0;
    long long free_jobs = 0;
    long long fees_waived_cents = 0;
};

/// What the lab reports upwards for a period (both days included). Jobs count by the day
/// they were opened; bookings by the day they start and only if not cancelled or rejected.
struct Statistics {
    Date from;
    Date to;
    long long enterprises_served = 0; ///< distinct enterprises with a job in the period
    long long jobs = 0;
    long long jobs_issued = 0;
    /// Jobs per instrument kind (the registered instrument's kind, else the procedure's).
    std::vector<std::pair<std::string, long long>> jobs_by_kind;
    long long free_jobs = 0; ///< jobs under a free-calibration programme
    long long fees_waived_cents = 0;
    long long fees_charged_cents = 0;
    long long bookings = 0;
    double booked_hours = 0.0;
    long long standards_in_service = 0; ///< reference standards maintained (now)
    std::vector<RegionFigures> by_region;
};

/// The queries behind the statistics report.
class StatisticsStore {
public:
    virtual ~StatisticsStore() = default;
    virtual Statistics statistics(Date from, Date to) = 0;
};

} // namespace callab::lab
