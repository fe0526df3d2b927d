#include <callab/uncertainty/errc.hpp>
#include <callab/uncertainty/type_a.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>

namespace callab::uncertainty {

boost::system::result<TypeAEvaluation> evaluate_type_a(std::span<const double> readings) {
    if (readings.size() < 2) {
        return errc::too_few_readings;
    }
    const bool all_finite =
        std::all_of(readings.begin(), readings.end(), [](double x) { return std::isfinite(x); });
    if (!all_finite) {
        return errc::invalid_value;
    }
    const Eigen::Map<const Eigen::VectorXd> q(readings.data(),
                                              static_cast<Eigen::Index>(readings.size()));
    const double n = static_cast<double>(readings.size());
    const double mean = q.mean();
    // Sum of squared deviations from the mean: two-pass, so large offsets lose no digits.
    const double squares = (q.array() - mean).square().sum();
    const double s = std::sqrt(squares / (n - 1.0));

    TypeAEvaluation result;
    result.mean = mean;
    result.standard_deviation = s;
    result.standard_uncertainty = s / std::sqrt(n);
    result.degrees_of_freedom = n - 1.0;
    result.count = readings.size();
    return result;
}

} // namespace callab::uncertainty
