#include <callab/lab/web_session.hpp>

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace callab::lab {
namespace {

template <std::size_t N> std::string to_hex(const std::array<unsigned char, N>& bytes) {
    std::string hex(N * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.pop_back();
    return hex;
}

void ensure_sodium() {
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium could not be initialised");
    }
}

} // namespace

std::string new_session_token() {
    ensure_sodium();
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return to_hex(bytes);
}

std::string session_token_digest(std::string_view token) {
    ensure_sodium();
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                       0);
    return to_hex(digest);
}

} // namespace callab::lab
