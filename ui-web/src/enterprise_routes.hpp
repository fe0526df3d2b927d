#pragma once

#include "resource_routes.hpp"

namespace callab::web {

/// `/api/enterprises`: the lab's customers. Lab staff see every enterprise; an enterprise
/// user only its own (any other id is 404). Technicians, managers and admins register them.
class EnterpriseRoutes final : public ResourceRoutes {
public:
    explicit EnterpriseRoutes(lab::EnterpriseStore& store) : store_(store) {}

    [[nodiscard]] std::string_view base() const override { return "/api/enterprises"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    /// GET /api/enterprises?q=&region=&size= (q: part of the name or the credit code).
    Response list(const Request& request, const SignedIn& who);
    /// POST /api/enterprises → 201; the credit code is checked (GB 32100-2015).
    Response add(const Request& request, const SignedIn& who);
    /// GET /api/enterprises/{id}.
    Response enterprise(const Request& request, const SignedIn& who, lab::EnterpriseId id);

    lab::EnterpriseStore& store_;
};

/// Whether the user may register customers and their instruments for any enterprise.
bool registers_records(const lab::User& user);

} // namespace callab::web
