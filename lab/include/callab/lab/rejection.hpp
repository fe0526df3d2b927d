#pragma once

#include <callab/lab/errc.hpp>

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>

#include <stdexcept>
#include <string>

namespace callab::lab {

/// Why the lab's rules refused a request: the error code and one sentence naming the field,
/// record or rule and the cause (e.g. "credit_code: check digit is 7, expected 3").
struct Rejection {
    errc code = errc::invalid_field;
    std::string message;
    /// For a batch: the 1-based position of the item refused; 0 when not about one item.
    std::size_t item = 0;
};

/// A value or the reason it was refused.
template <typename T> using Outcome = boost::system::result<T, Rejection>;

inline Rejection reject(errc code, std::string message, std::size_t item = 0) {
    return Rejection{code, std::move(message), item};
}

/// Called by Outcome::value() on a refusal: the refusal ends the operation.
[[noreturn]] inline void throw_exception_from_error(const Rejection& r,
                                                    const boost::source_location&) {
    throw std::runtime_error(r.message);
}

} // namespace callab::lab
