#pragma once

#include <boost/system/error_code.hpp>

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

} // namespace callab::lab
