// callab user add --db URI --username U --role R [--enterprise ID] [--email ADDR] --password-stdin
// callab user set-email --db URI --username U --email ADDR
#include "command_failure.hpp"
#include "commands.hpp"
#include "database_option.hpp"

#include <callab/db/sql_user_store.hpp>
#include <callab/lab/password_hash.hpp>

#include <iostream>
#include <memory>
#include <string>

namespace callab::app {
namespace {

struct UserOptions {
    std::string db;
    std::string username;
    std::string role;
    long long enterprise = 0;
    std::string display_name;
    std::string email;
    bool password_stdin = false;
};

void run_add(const UserOptions& options) {
    const auto role = lab::parse_enum(options.role, lab::role_names);
    if (!role) {
        throw CommandFailure(exit_usage,
                             "--role: '" + options.role +
                                 "' is not one of technician, reviewer, signatory, manager, "
                                 "admin, enterprise_user");
    }
    if (!options.password_stdin) {
        throw CommandFailure(exit_usage, "--password-stdin: the password is read from stdin only");
    }
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') {
        password.pop_back();
    }
    if (password.size() < 8) {
        throw CommandFailure(exit_usage, "password: at least 8 characters are needed");
    }
    lab::NewUser user{options.username, *role, std::nullopt,
                      options.display_name.empty() ? options.username : options.display_name};
    if (options.enterprise > 0) {
        user.enterprise = lab::EnterpriseId{options.enterprise};
    }
    user.email = options.email;
    auto database = open_database(options.db);
    db::SqlUserStore users(*database);
    const auto added = users.add_user(user, lab::hash_password(password), "cli");
    if (!added) {
        throw CommandFailure(added.error().code == lab::errc::invalid_field ? exit_usage
                                                                            : exit_runtime_failure,
                             added.error().message);
    }
    std::cout << "user " << added->id.value() << " " << added->data.username << " (" << options.role
              << ")\n";
}

void run_set_email(const UserOptions& options) {
    auto database = open_database(options.db);
    db::SqlUserStore users(*database);
    const auto user = users.find_user_by_name(options.username);
    if (!user) {
        throw CommandFailure(exit_runtime_failure,
                             "--username: no user '" + options.username + "'");
    }
    const auto changed = users.set_email(user->id, options.email, "cli");
    if (!changed) {
        throw CommandFailure(exit_usage, changed.error().message);
    }
    std::cout << "user " << user->id.value() << " " << options.username << " e-mail "
              << (options.email.empty() ? "removed" : options.email) << "\n";
}

} // namespace

void add_user_command(CLI::App& app) {
    auto* user = app.add_subcommand("user", "Manage users");
    user->require_subcommand(1);
    auto options = std::make_shared<UserOptions>();
    auto* add = user->add_subcommand("add", "Add a user; the password is read from stdin");
    add_database_option(*add, options->db);
    add->add_option("--username", options->username, "Login name: a-z 0-9 . _ -")->required();
    add->add_option("--role", options->role,
                    "technician|reviewer|signatory|manager|admin|enterprise_user")
        ->required();
    add->add_option("--enterprise", options->enterprise, "Enterprise id (enterprise users)");
    add->add_option("--display-name", options->display_name, "Full name");
    add->add_option("--email", options->email, "Address for recall notices");
    add->add_flag("--password-stdin", options->password_stdin, "Read the password from stdin")
        ->required();
    add->callback([options] { run_add(*options); });

    auto* set_email = user->add_subcommand("set-email", "Set or remove a user's e-mail address");
    add_database_option(*set_email, options->db);
    set_email->add_option("--username", options->username, "Login name")->required();
    set_email->add_option("--email", options->email, "Address (empty removes it)")->required();
    set_email->callback([options] { run_set_email(*options); });
}

} // namespace callab::app
