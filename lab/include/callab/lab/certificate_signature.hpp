#pragma once

#include <callab/lab/certificate_error.hpp>

#include <boost/system/result.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace callab::lab {

/// The laboratory's signing key and its X.509 certificate, both PEM files.
struct DccSigningKey {
    std::filesystem::path private_key_pem;
    std::filesystem::path certificate_pem;
};

/// The DCC with an enveloped XML signature at the end of its root (`ds:Signature`,
/// RSA-SHA256 over C14N 1.1, the signer's certificate in `ds:KeyInfo`), made with the
/// `xmlsec1` command-line tool. Fails with errc::signing_failed and the tool's message (an
/// unreadable key, a document already signed), errc::not_found when xmlsec1 is missing.
boost::system::result<std::string, CertificateError> sign_dcc(std::string_view xml,
                                                              const DccSigningKey& key);

/// Checks a signed DCC against a trusted certificate (PEM) with `xmlsec1 --verify`.
/// errc::signing_failed when the signature is missing, does not match or is not trusted.
boost::system::result<void, CertificateError>
verify_dcc_signature(std::string_view xml, const std::filesystem::path& trusted_certificate_pem);

} // namespace callab::lab
