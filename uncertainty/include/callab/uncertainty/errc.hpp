#pragma once

#include <boost/assert/source_location.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include <string>
#include <type_traits>

namespace callab::uncertainty {

/// Expected failures of an uncertainty evaluation.
enum class errc {
    /// Fewer readings than a Type A evaluation needs (two).
    too_few_readings = 1,
    /// A value, uncertainty or degrees of freedom is NaN, infinite or negative where it may not be.
    invalid_value,
    /// A correlation coefficient outside [-1, 1], or a correlation matrix that is not
    /// symmetric positive semi-definite.
    invalid_correlation,
    /// A coverage probability outside (0, 1).
    invalid_probability,
    /// Inputs of different sizes where they must match.
    size_mismatch,
    /// A model expression that does not parse (the message gives the position).
    syntax_error,
    /// A name in a model expression that is neither an input, an output nor a function.
    unknown_name,
    /// Two inputs or outputs with the same name.
    duplicate_name,
    /// Outputs that depend on each other in a cycle.
    cyclic_model,
    /// An output whose sensitivity coefficients are all zero: the law of propagation gives
    /// u = 0 although the inputs are uncertain (a Monte Carlo evaluation is needed).
    zero_sensitivity,
    /// Fewer Monte Carlo trials than a reliable coverage interval needs (10^4).
    too_few_trials,
    /// A curve fit with fewer than three points, or with all x equal.
    degenerate_fit,
    /// A distribution parameter out of its domain (half-width ≤ 0, β outside [0, 1], ν ≤ 0).
    invalid_distribution,
    /// A model that evaluates to NaN or infinity at the estimates or in a trial.
    non_finite_result,
    /// An iterative computation (a GDR fit) that did not converge.
    no_convergence,
};

/// An expected failure with a message that names the input, output or field and the cause.
struct Failure {
    errc code = errc::invalid_value;
    std::string message;
};

/// Ends an operation on an unchecked `.value()` of a failed result<T, Failure>.
[[noreturn]] void throw_exception_from_error(const Failure& failure,
                                             const boost::source_location& location);

template <class T> using Outcome = boost::system::result<T, Failure>;

const boost::system::error_category& uncertainty_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
    return {static_cast<int>(e), uncertainty_category()};
}

} // namespace callab::uncertainty

template <> struct boost::system::is_error_code_enum<callab::uncertainty::errc> : std::true_type {};
