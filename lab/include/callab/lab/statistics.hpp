#pragma once

#include <callab/lab/calendar_date.hpp>

#include <string>
#include <vector>

namespace callab::lab {

/// Service requests and activities in a slice of the statistics (the whole period, a month
/// or a region). Requests count as received by the day they were submitted and as handled by
/// the day they were accepted or rejected; activities by the day they were held.
struct ServiceFigures {
    long long requests_received = 0;
    long long requests_handled = 0;
    long long visits = 0;
    long long trainings = 0;
    long long training_attendees = 0;
    long long consultations = 0;
    long long attendees = 0; ///< of all activities
    long long problems_solved = 0;
};

/// Service requests of one kind (calibration, equipment_loan, technical_advice).
struct RequestKindFigures {
    std::string kind;
    long long received = 0;
    long long handled = 0;
};

/// Figures of one calendar month of the period ("YYYY-MM"), clipped to the period.
struct PeriodFigures {
    std::string period;
    long long jobs = 0;
    long long free_jobs = 0;
    long long fees_waived_cents = 0;
    ServiceFigures services;
};

/// Figures of one region in a period.
struct RegionFigures {
    std::string region;
    long long enterprises_served = 0;
    long long jobs = 0;
    long long free_jobs = 0;
    long long fees_waived_cents = 0;
    ServiceFigures services; ///< requests by the enterprise's region, activities by theirs
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
    ServiceFigures services;
    std::vector<RequestKindFigures> requests_by_kind; ///< every kind, in enum order
    /// Regions with jobs, requests or activities in the period, by name.
    std::vector<RegionFigures> by_region;
    std::vector<PeriodFigures> by_month; ///< every month the period touches, in order
};

/// The queries behind the statistics report.
class StatisticsStore {
public:
    virtual ~StatisticsStore() = default;
    virtual Statistics statistics(Date from, Date to) = 0;
};

} // namespace callab::lab
