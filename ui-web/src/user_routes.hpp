#pragma once

#include "resource_routes.hpp"

namespace callab::web {

/// `/api/users`: administrators list and create users, change roles, authorise technicians
/// for procedures and disable (or enable) users; anyone reads `/api/users/me`. A password is
/// written once, on creation, and never appears in an answer.
class UserRoutes final : public ResourceRoutes {
public:
    explicit UserRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/users"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    Response list(const Request& request);
    Response add(const Request& request, const SignedIn& who);
    Response user(const Request& request, lab::UserId id);
    /// PATCH `{"role"?, "enterprise_id"?, "disabled"?}`.
    Response change(const Request& request, const SignedIn& who, lab::UserId id);
    /// POST `/{id}/authorisations` `{"procedure_code"}`.
    Response authorise(const Request& request, const SignedIn& who, lab::UserId id);
    /// The user (no password hash) with `email`, `disabled` and `authorisations`.
    nlohmann::json account(const lab::User& user);

    ApiServices& services_;
};

} // namespace callab::web
