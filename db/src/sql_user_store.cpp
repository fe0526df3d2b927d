#include "sql_support.hpp"

#include <callab/db/sql_user_store.hpp>

namespace callab::db {
namespace {

constexpr const char* user_columns =
    "id, username, role, enterprise_id, display_name, password_hash, email";

lab::User user_from(const soci::row& row) {
    lab::User user;
    user.id = lab::UserId{column_int64(row, "id")};
    user.data.username = column_text(row, "username");
    user.data.role =
        lab::parse_enum(column_text(row, "role"), lab::role_names).value_or(lab::Role::technician);
    if (const auto enterprise = column_optional_int64(row, "enterprise_id")) {
        user.data.enterprise = lab::EnterpriseId{*enterprise};
    }
    user.data.display_name = column_text(row, "display_name");
    user.password_hash = column_text(row, "password_hash");
    user.disabled = user.password_hash.starts_with('!');
    user.data.email = column_text(row, "email");
    return user;
}

std::optional<lab::User> first_user(soci::rowset<soci::row>& rows) {
    for (const auto& row : rows) {
        return user_from(row);
    }
    return std::nullopt;
}

} // namespace

lab::Outcome<lab::User> SqlUserStore::add_user(const lab::NewUser& user,
                                               const std::string& password_hash,
                                               std::string_view actor) {
    if (auto valid = lab::validate_user(user); !valid) {
        return valid.error();
    }
    return with_session(
        database_, "cannot add user", [&](soci::session& sql) -> lab::Outcome<lab::User> {
            WriteTransaction tx(sql, database_.backend());
            int taken = 0;
            sql << "SELECT COUNT(*) FROM app_user WHERE username = :u", soci::use(user.username),
                soci::into(taken);
            if (taken > 0) {
                return lab::reject(lab::errc::conflict,
                                   "username: '" + user.username + "' is already taken");
            }
            auto enterprise = OptionalKey::of(user.enterprise);
            if (user.enterprise) {
                int exists = 0;
                sql << "SELECT COUNT(*) FROM enterprise WHERE id = :id",
                    soci::use(enterprise.value), soci::into(exists);
                if (exists == 0) {
                    return lab::reject(lab::errc::not_found,
                                       "enterprise: " + user.enterprise->to_string() +
                                           " does not exist");
                }
            }
            const std::string role(lab::enum_name(user.role, lab::role_names));
            long long id = 0;
            sql << "INSERT INTO app_user (username, role, enterprise_id, display_name, "
                   "password_hash, email) VALUES (:u, :r, :e, :d, :h, :m) RETURNING id",
                soci::use(user.username), soci::use(role),
                soci::use(enterprise.value, enterprise.indicator), soci::use(user.display_name),
                soci::use(password_hash), soci::use(user.email), soci::into(id);
            lab::User stored{lab::UserId{id}, user, password_hash};
            append_audit(sql, actor, "user", stored.id.to_string(), "create", "",
                         audit_fields({{"username", user.username},
                                       {"role", role},
                                       {"enterprise", user.enterprise ? user.enterprise->to_string()
                                                                      : std::string()},
                                       {"display_name", user.display_name},
                                       {"email", user.email}}));
            tx.commit();
            return stored;
        });
}

std::optional<lab::User> SqlUserStore::find_user(lab::UserId id) {
    return with_session(database_, "cannot read user", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << user_columns << " FROM app_user WHERE id = :id",
             soci::use(key));
        return first_user(rows);
    });
}

std::optional<lab::User> SqlUserStore::find_user_by_name(std::string_view username) {
    return with_session(database_, "cannot read user", [&](soci::session& sql) {
        const std::string name(username);
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << user_columns << " FROM app_user WHERE username = :u",
             soci::use(name));
        return first_user(rows);
    });
}

void SqlUserStore::authorise(lab::UserId user, const std::string& procedure_code,
                             std::string_view actor) {
    with_session(database_, "cannot authorise user", [&](soci::session& sql) {
        const long long key = user.value();
        WriteTransaction tx(sql, database_.backend());
        int present = 0;
        sql << "SELECT COUNT(*) FROM user_authorisation WHERE user_id = :u AND "
               "procedure_code = :p",
            soci::use(key), soci::use(procedure_code), soci::into(present);
        if (present == 0) {
            sql << "INSERT INTO user_authorisation (user_id, procedure_code) VALUES (:u, :p)",
                soci::use(key), soci::use(procedure_code);
            append_audit(sql, actor, "user", user.to_string(), "authorise", "",
                         audit_fields({{"procedure", procedure_code}}));
        }
        tx.commit();
    });
}

bool SqlUserStore::is_authorised(lab::UserId user, const std::string& procedure_code) {
    return with_session(database_, "cannot read authorisations", [&](soci::session& sql) {
        const long long key = user.value();
        int present = 0;
        sql << "SELECT COUNT(*) FROM user_authorisation WHERE user_id = :u AND "
               "procedure_code = :p",
            soci::use(key), soci::use(procedure_code), soci::into(present);
        return present > 0;
    });
}

lab::Outcome<void> SqlUserStore::set_email(lab::UserId user, const std::string& email,
                                           std::string_view actor) {
    if (!email.empty() && !lab::is_email_address(email)) {
        return lab::reject(lab::errc::invalid_field,
                           "email: '" + email + "' is not an address like name@example.org");
    }
    return with_session(
        database_, "cannot change e-mail address", [&](soci::session& sql) -> lab::Outcome<void> {
            WriteTransaction tx(sql, database_.backend());
            const long long key = user.value();
            std::string before;
            soci::indicator found = soci::i_null;
            sql << "SELECT email FROM app_user WHERE id = :id", soci::use(key),
                soci::into(before, found);
            if (!sql.got_data()) {
                return lab::reject(lab::errc::not_found,
                                   "user: " + user.to_string() + " does not exist");
            }
            sql << "UPDATE app_user SET email = :m WHERE id = :id", soci::use(email),
                soci::use(key);
            append_audit(sql, actor, "user", user.to_string(), "set_email",
                         audit_fields({{"email", before}}), audit_fields({{"email", email}}));
            tx.commit();
            return {};
        });
}

std::vector<lab::User> SqlUserStore::users() {
    return with_session(database_, "cannot read users", [&](soci::session& sql) {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << user_columns << " FROM app_user ORDER BY id");
        std::vector<lab::User> out;
        for (const auto& row : rows) {
            out.push_back(user_from(row));
        }
        return out;
    });
}

std::vector<std::string> SqlUserStore::authorisations_of(lab::UserId user) {
    return with_session(database_, "cannot read authorisations", [&](soci::session& sql) {
        const long long key = user.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT procedure_code FROM user_authorisation WHERE user_id = :u "
                            "ORDER BY procedure_code",
             soci::use(key));
        std::vector<std::string> out;
        for (const auto& row : rows) {
            out.push_back(column_text(row, "procedure_code"));
        }
        return out;
    });
}

lab::Outcome<lab::User> SqlUserStore::set_role(lab::UserId user, lab::Role role,
                                               std::optional<lab::EnterpriseId> enterprise,
                                               std::string_view actor) {
    auto found = find_user(user);
    if (!found) {
        return lab::reject(lab::errc::not_found, "user: " + user.to_string() + " does not exist");
    }
    lab::User changed = *found;
    changed.data.role = role;
    changed.data.enterprise = enterprise;
    if (auto valid = lab::validate_user(changed.data); !valid) {
        return valid.error();
    }
    return with_session(
        database_, "cannot change role", [&](soci::session& sql) -> lab::Outcome<lab::User> {
            WriteTransaction tx(sql, database_.backend());
            auto key = OptionalKey::of(enterprise);
            if (enterprise) {
                int exists = 0;
                sql << "SELECT COUNT(*) FROM enterprise WHERE id = :id", soci::use(key.value),
                    soci::into(exists);
                if (exists == 0) {
                    return lab::reject(lab::errc::not_found,
                                       "enterprise_id: " + enterprise->to_string() +
                                           " does not exist");
                }
            }
            const std::string role_name(lab::enum_name(role, lab::role_names));
            const std::string before_role(lab::enum_name(found->data.role, lab::role_names));
            const long long id = user.value();
            sql << "UPDATE app_user SET role = :r, enterprise_id = :e WHERE id = :id",
                soci::use(role_name), soci::use(key.value, key.indicator), soci::use(id);
            const auto enterprise_text = [](const std::optional<lab::EnterpriseId>& e) {
                return e ? e->to_string() : std::string();
            };
            append_audit(
                sql, actor, "user", user.to_string(), "role",
                audit_fields({{"role", before_role},
                              {"enterprise", enterprise_text(found->data.enterprise)}}),
                audit_fields({{"role", role_name}, {"enterprise", enterprise_text(enterprise)}}));
            tx.commit();
            return changed;
        });
}

lab::Outcome<lab::User> SqlUserStore::set_disabled(lab::UserId user, bool disabled,
                                                   std::string_view actor) {
    return with_session(
        database_, "cannot disable user", [&](soci::session& sql) -> lab::Outcome<lab::User> {
            WriteTransaction tx(sql, database_.backend());
            const long long key = user.value();
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT " << user_columns << " FROM app_user WHERE id = :id",
                 soci::use(key));
            auto found = first_user(rows);
            if (!found) {
                return lab::reject(lab::errc::not_found,
                                   "user: " + user.to_string() + " does not exist");
            }
            if (found->disabled == disabled) {
                return *found;
            }
            const std::string hash = disabled ? lab::locked_password_hash(found->password_hash)
                                              : found->password_hash.substr(1);
            sql << "UPDATE app_user SET password_hash = :h WHERE id = :id", soci::use(hash),
                soci::use(key);
            const auto state = [](bool off) { return off ? "disabled" : "enabled"; };
            append_audit(sql, actor, "user", user.to_string(), disabled ? "disable" : "enable",
                         audit_fields({{"state", state(!disabled)}}),
                         audit_fields({{"state", state(disabled)}}));
            tx.commit();
            found->password_hash = hash;
            found->disabled = disabled;
            return *found;
        });
}

} // namespace callab::db
