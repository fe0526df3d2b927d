#pragma once

#include <boost/system/result.hpp>

namespace callab::uncertainty {

/// The coverage factor k for a two-sided coverage probability p with ν degrees of freedom:
/// the (1 + p)/2 quantile of Student's t with ν degrees of freedom (GUM G.3), or of the
/// standard normal distribution when ν is infinite. ν may be fractional (ν_eff).
/// Fails with errc::invalid_probability when p is not in (0, 1) and errc::invalid_value when
/// ν is not positive.
boost::system::result<double> coverage_factor(double probability, double degrees_of_freedom);

} // namespace callab::uncertainty
