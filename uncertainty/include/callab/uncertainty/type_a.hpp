#pragma once

#include <boost/system/result.hpp>

#include <span>

namespace callab::uncertainty {

/// The Type A evaluation of n repeated, independent readings (GUM 4.2).
struct TypeAEvaluation {
    double mean = 0.0;
    /// Experimental standard deviation of the readings, s(q_k).
    double standard_deviation = 0.0;
    /// Experimental standard deviation of the mean, s(q̄) = s(q_k)/√n: the standard uncertainty.
    double standard_uncertainty = 0.0;
    /// ν = n − 1.
    double degrees_of_freedom = 0.0;
    std::size_t count = 0;
};

/// Fails with errc::too_few_readings for n < 2 and errc::invalid_value for a non-finite reading.
boost::system::result<TypeAEvaluation> evaluate_type_a(std::span<const double> readings);

} // namespace callab::uncertainty
