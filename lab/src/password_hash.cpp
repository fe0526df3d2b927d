#include <callab/lab/password_hash.hpp>

#include <sodium.h>

#include <stdexcept>

namespace callab::lab {
namespace {

void ensure_sodium() {
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium could not be initialised");
    }
}

} // namespace

std::string hash_password(std::string_view password) {
    ensure_sodium();
    char hashed[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            hashed, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("password hashing ran out of memory");
    }
    return hashed;
}

bool verify_password(std::string_view hash, std::string_view password) {
    ensure_sodium();
    const std::string terminated(hash);
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

} // namespace callab::lab
