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

/// Makes a new RSA-2048 key and a self-signed X.509 certificate for it, valid `days` days,
/// naming `organisation`, at the paths of `key` (the key file readable by its owner only),
/// with the `openssl` command-line tool: for a lab without a certificate from a CA (a demo,
/// a test bench). errc::not_found when openssl is missing, errc::signing_failed with the
/// tool's message when it fails.
boost::system::result<void, CertificateError>
create_signing_key(const DccSigningKey& key, std::string_view organisation, int days = 3650);

/// Checks a signed DCC against a trusted certificate (PEM) with `xmlsec1 --verify`.
/// errc::signing_failed when the signature is missing, does not match or is not trusted.
boost::system::result<void, CertificateError>
verify_dcc_signature(std::string_view xml, const std::filesystem::path& trusted_certificate_pem);

} // namespace callab::lab
