#pragma once

#include <string>
#include <string_view>

namespace callab::lab {

/// SHA-256 of `bytes` as 64 lowercase hexadecimal digits (libsodium).
std::string sha256_hex(std::string_view bytes);

/// The hashes recorded when a certificate is issued and shown on its verification page.
struct CertificateDigest {
    std::string pdf_sha256;
    std::string dcc_sha256;
};

CertificateDigest digest_certificate(std::string_view pdf, std::string_view dcc);

} // namespace callab::lab
