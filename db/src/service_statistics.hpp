#pragma once
// The service requests and activities of a period, for the statistics report.

#include <callab/lab/statistics.hpp>

#include <soci/soci.h>

#include <map>
#include <string>
#include <vector>

namespace callab::db {

struct ServiceSlice {
    lab::ServiceFigures total;
    std::map<std::string, lab::ServiceFigures> by_region;
    std::vector<lab::RequestKindFigures> by_kind; ///< every kind, in enum order
};

/// Requests submitted or handled in [from_us, to_us) and activities held on the days
/// [from, to].
ServiceSlice service_figures(soci::session& sql, long long from_us, long long to_us, lab::Date from,
                             lab::Date to);

} // namespace callab::db
