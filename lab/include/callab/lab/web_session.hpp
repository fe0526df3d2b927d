#pragma once

#include <callab/lab/strong_id.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace callab::lab {

/// A signed-in user's session. Only the digest of the session token is stored, so a copy of
/// the database does not let anyone act as the user.
struct WebSession {
    std::string token_digest; ///< session_token_digest() of the cookie's token
    UserId user;
    std::string csrf_token; ///< sent back in X-CSRF-Token on every state-changing request
    std::chrono::system_clock::time_point expires_at;
};

/// 32 random bytes (libsodium's randombytes) as 64 lowercase hex digits.
std::string new_session_token();

/// BLAKE2b-256 (libsodium's generichash) of `token`, as 64 lowercase hex digits.
std::string session_token_digest(std::string_view token);

} // namespace callab::lab
