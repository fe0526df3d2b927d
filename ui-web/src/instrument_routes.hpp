#pragma once

#include "resource_routes.hpp"

namespace callab::web {

/// `/api/instruments`: customers' instruments, listed a page at a time by the database.
/// An enterprise user sees and registers only its own enterprise's instruments (any other
/// id is 404); lab staff see all, technicians, managers and admins register them.
class InstrumentRoutes final : public ResourceRoutes {
public:
    explicit InstrumentRoutes(lab::EnterpriseStore& store) : store_(store) {}

    [[nodiscard]] std::string_view base() const override { return "/api/instruments"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    /// GET /api/instruments?page=&per_page=&enterprise_id=&kind=&serial= (serial: prefix).
    Response list(const Request& request, const SignedIn& who);
    /// POST /api/instruments → 201.
    Response add(const Request& request, const SignedIn& who);
    /// GET /api/instruments/{id}.
    Response instrument(const Request& request, const SignedIn& who, lab::InstrumentId id);

    lab::EnterpriseStore& store_;
};

} // namespace callab::web
