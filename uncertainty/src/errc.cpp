#include <callab/uncertainty/errc.hpp>

#include <boost/system/system_error.hpp>

#include <stdexcept>
#include <string>

namespace callab::uncertainty {
namespace {

class UncertaintyCategory final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "callab.uncertainty"; }

    std::string message(int value) const override {
        switch (static_cast<errc>(value)) {
        case errc::too_few_readings:
            return "at least two readings are needed for a Type A evaluation";
        case errc::invalid_value:
            return "value is NaN, infinite or negative";
        case errc::invalid_correlation:
            return "correlation is outside [-1, 1] or not positive semi-definite";
        case errc::invalid_probability:
            return "coverage probability must lie strictly between 0 and 1";
        case errc::size_mismatch:
            return "inputs have different sizes";
        case errc::syntax_error:
            return "syntax error in a model expression";
        case errc::unknown_name:
            return "unknown name in a model expression";
        case errc::duplicate_name:
            return "duplicate name";
        case errc::cyclic_model:
            return "outputs depend on each other in a cycle";
        case errc::zero_sensitivity:
            return "all sensitivity coefficients are zero";
        case errc::too_few_trials:
            return "a Monte Carlo evaluation needs at least 10^4 trials";
        case errc::degenerate_fit:
            return "a fit needs at least three points and two different x";
        case errc::invalid_distribution:
            return "distribution parameter out of its domain";
        case errc::non_finite_result:
            return "the model evaluates to NaN or infinity";
        case errc::no_convergence:
            return "the iteration did not converge";
        }
        return "unknown uncertainty error";
    }
};

} // namespace

void throw_exception_from_error(const Failure& failure, const boost::source_location& location) {
    throw boost::system::system_error(make_error_code(failure.code),
                                      failure.message + " (" + location.to_string() + ")");
}

const boost::system::error_category& uncertainty_category() noexcept {
    static const UncertaintyCategory category;
    return category;
}

} // namespace callab::uncertainty
