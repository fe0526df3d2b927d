#pragma once

#include <callab/lab/enum_names.hpp>
#include <callab/lab/rejection.hpp>
#include <callab/lab/strong_id.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace callab::lab {

/// What a user may do. Enterprise users are tied to their enterprise and see only its records.
enum class Role { technician, reviewer, signatory, manager, admin, enterprise_user };

inline constexpr EnumNames<Role, 6> role_names{{{Role::technician, "technician"},
                                                {Role::reviewer, "reviewer"},
                                                {Role::signatory, "signatory"},
                                                {Role::manager, "manager"},
                                                {Role::admin, "admin"},
                                                {Role::enterprise_user, "enterprise_user"}}};

struct NewUser {
    std::string username; ///< [a-z0-9._-], 1–64 characters
    Role role = Role::technician;
    std::optional<EnterpriseId> enterprise; ///< required for, and only for, enterprise users
    std::string display_name;
    std::string email{}; ///< where recall notices are sent; empty: none
};

struct User {
    UserId id;
    NewUser data;
    std::string password_hash; ///< argon2id, libsodium's crypto_pwhash_str format
    /// A disabled user cannot sign in and their sessions are refused. The store keeps the
    /// password hash behind a '!' (as /etc/shadow locks an account), so it matches nothing.
    bool disabled = false;
};

/// The stored form of a disabled user's password hash.
inline std::string locked_password_hash(const std::string& hash) {
    return hash.starts_with('!') ? hash : "!" + hash;
}

/// An address a mail server takes in MAIL FROM and RCPT TO: local@domain, at most 254
/// characters, no spaces, control characters, angle brackets or quotes.
bool is_email_address(std::string_view address);

/// Username syntax, the e-mail address (empty or well formed) and the enterprise tie.
/// Rejections name the field.
Outcome<void> validate_user(const NewUser& user);

} // namespace callab::lab
