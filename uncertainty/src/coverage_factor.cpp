#include <callab/uncertainty/coverage_factor.hpp>
#include <callab/uncertainty/errc.hpp>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <cmath>

namespace callab::uncertainty {

boost::system::result<double> coverage_factor(double probability, double degrees_of_freedom) {
    if (!(probability > 0.0 && probability < 1.0)) {
        return errc::invalid_probability;
    }
    if (std::isnan(degrees_of_freedom) || degrees_of_freedom <= 0.0) {
        return errc::invalid_value;
    }
    const double upper = (1.0 + probability) / 2.0;
    if (std::isinf(degrees_of_freedom)) {
        return boost::math::quantile(boost::math::normal_distribution<double>{}, upper);
    }
    return boost::math::quantile(boost::math::students_t_distribution<double>{degrees_of_freedom},
                                 upper);
}

} // namespace callab::uncertainty
