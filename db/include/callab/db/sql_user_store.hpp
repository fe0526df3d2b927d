#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/user_store.hpp>

namespace callab::db {

/// lab::UserStore on the lab's SQL database. Throws DatabaseError when the database fails.
class SqlUserStore final : public lab::UserStore {
public:
    explicit SqlUserStore(Database& database) : database_(database) {}

    lab::Outcome<lab::User> add_user(const lab::NewUser& user, const std::string& password_hash,
                                     std::string_view actor) override;
    std::optional<lab::User> find_user(lab::UserId id) override;
    std::optional<lab::User> find_user_by_name(std::string_view username) override;
    void authorise(lab::UserId user, const std::string& procedure_code,
                   std::string_view actor) override;
    bool is_authorised(lab::UserId user, const std::string& procedure_code) override;
    std::vector<lab::User> users() override;
    std::vector<std::string> authorisations_of(lab::UserId user) override;
    lab::Outcome<lab::User> set_role(lab::UserId user, lab::Role role,
                                     std::optional<lab::EnterpriseId> enterprise,
                                     std::string_view actor) override;
    lab::Outcome<lab::User> set_disabled(lab::UserId user, bool disabled,
                                         std::string_view actor) override;

    /// Changes a user's e-mail address (empty removes it), audited under `actor`.
    lab::Outcome<void> set_email(lab::UserId user, const std::string& email,
                                 std::string_view actor);

private:
    Database& database_;
};

} // namespace callab::db
