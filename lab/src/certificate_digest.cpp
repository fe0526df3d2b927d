#include <callab/lab/certificate_digest.hpp>

#include <sodium.h>

#include <array>

namespace callab::lab {

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> hash{};
    crypto_hash_sha256(hash.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
    return {hex.data(), crypto_hash_sha256_BYTES * 2};
}

CertificateDigest digest_certificate(std::string_view pdf, std::string_view dcc) {
    return {sha256_hex(pdf), sha256_hex(dcc)};
}

} // namespace callab::lab
