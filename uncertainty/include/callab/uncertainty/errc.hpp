#pragma once

#include <boost/system/error_code.hpp>

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
};

const boost::system::error_category& uncertainty_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
    return {static_cast<int>(e), uncertainty_category()};
}

} // namespace callab::uncertainty

template <> struct boost::system::is_error_code_enum<callab::uncertainty::errc> : std::true_type {};
