// The JSON form of lab::CertificateContent that `callab cert render` reads (described in
// docs/certificates.md). Strict: unknown keys and wrong types are errors naming the key.
#pragma once

#include <callab/lab/certificate_content.hpp>

#include <nlohmann/json_fwd.hpp>

#include <stdexcept>
#include <string>

namespace callab::app {

/// A key of the JSON form that is missing, unknown or of the wrong type.
class CertificateJsonError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Throws CertificateJsonError("results[0].points[1].error: expected a number").
lab::CertificateContent certificate_from_json(const nlohmann::json& document);

} // namespace callab::app
