#pragma once

#include <callab/lab/rejection.hpp>
#include <callab/lab/user.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

    /// Every user, by id (a lab has tens of users and a few hundred enterprise users).
    virtual std::vector<User> users() = 0;
    /// The procedure codes the user is authorised for, sorted.
    virtual std::vector<std::string> authorisations_of(UserId user) = 0;
    /// Gives the user another role (and enterprise: required for, and only for, enterprise
    /// users). errc::not_found for an unknown user or enterprise, errc::invalid_field naming
    /// `enterprise_id` for a wrong tie.
    virtual Outcome<User> set_role(UserId user, Role role, std::optional<EnterpriseId> enterprise,
                                   std::string_view actor) = 0;
    /// Disables (or enables again) the user; errc::not_found for an unknown user.
    virtual Outcome<User> set_disabled(UserId user, bool disabled, std::string_view actor) = 0;
};

} // namespace callab::lab
