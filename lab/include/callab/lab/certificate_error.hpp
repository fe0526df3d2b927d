#pragma once

#include <boost/assert/source_location.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/system_error.hpp>

#include <string>

namespace callab::lab {

/// Why a certificate could not be checked, rendered, written, validated or signed: the
/// error code, the field or step concerned and the cause in words.
struct CertificateError {
    boost::system::error_code code;
    std::string field; ///< e.g. `results[0].points[2].expanded_uncertainty`, or `pdf`, `dcc`
    std::string cause; ///< e.g. "is negative (-0.1)"

    std::string message() const { return field + ": " + cause; }
};

/// Lets `result<T, CertificateError>::value()` throw a boost::system::system_error carrying
/// the code and the message (found by argument-dependent lookup).
[[noreturn]] inline void throw_exception_from_error(const CertificateError& error,
                                                    const boost::source_location&) {
    throw boost::system::system_error(error.code, error.message());
}

} // namespace callab::lab
