#pragma once

#include <callab/lab/rejection.hpp>
#include <callab/lab/user.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace callab::lab {

/// Users, their roles and which procedures each technician is authorised for. Mutations
/// are audited under `actor`; storage failures throw.
class UserStore {
public:
    virtual ~UserStore() = default;

    /// errc::conflict when the username is taken.
    virtual Outcome<User> add_user(const NewUser& user, const std::string& password_hash,
                                   std::string_view actor) = 0;
    virtual std::optional<User> find_user(UserId id) = 0;
    virtual std::optional<User> find_user_by_name(std::string_view username) = 0;
    virtual void authorise(UserId user, const std::string& procedure_code,
                           std::string_view actor) = 0;
    virtual bool is_authorised(UserId user, const std::string& procedure_code) = 0;
};

} // namespace callab::lab
