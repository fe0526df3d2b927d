#pragma once

#include "responses.hpp"

#include <callab/lab/certificate_service.hpp>

#include <optional>
#include <string_view>

namespace callab::web {

/// The public verification of certificates, no login: `GET /verify/NUMBER` as an HTML page
/// and `GET /api/verify/NUMBER` as JSON (status valid / superseded / revoked, the
/// instrument, the issue date, the SHA-256 of the PDF and the DCC). Returns std::nullopt for
/// any other path. Unknown numbers are 404; without a certificate service, 503.
std::optional<Response> route_verification(lab::CertificateService* certificates,
                                           const Request& request, std::string_view target);

/// The JSON form of a verification.
nlohmann::json verification_to_json(const lab::Verification& verification);

} // namespace callab::web
