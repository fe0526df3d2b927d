#pragma once

#include <string>
#include <string_view>

namespace callab::lab {

/// Hashes a password with argon2id (libsodium, interactive limits) into a self-describing
/// string ("$argon2id$v=19$m=…"). Throws std::runtime_error when memory runs out.
std::string hash_password(std::string_view password);

/// True when `password` matches a hash made by hash_password.
bool verify_password(std::string_view hash, std::string_view password);

} // namespace callab::lab
