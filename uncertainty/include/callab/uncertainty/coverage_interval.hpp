#pragma once

#include <span>

namespace callab::uncertainty {

/// Which coverage interval a Monte Carlo evaluation reports (JCGM 101 7.7).
enum class IntervalKind {
    symmetric, ///< probabilistically symmetric: (1 − p)/2 in each tail (7.7.2)
    shortest,  ///< the shortest interval holding a fraction p of the values (7.7.3)
};

struct CoverageInterval {
    double low = 0.0;
    double high = 0.0;
};

/// The coverage interval for probability p (0 < p < 1) of M ≥ 2 values, with q = ⌊pM + ½⌋
/// values inside as JCGM 101 7.7.1 counts them. Reorders the values (partial sorting,
/// O(M) plus a sort of the two tails only).
CoverageInterval coverage_interval(std::span<double> values, double probability, IntervalKind kind);

} // namespace callab::uncertainty
