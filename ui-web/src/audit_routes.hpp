#pragma once

#include "resource_routes.hpp"

#include <callab/lab/audit_log.hpp>

namespace callab::web {

/// `/api/audit/verify` (managers, admins): checks the audit trail's hash chain.
class AuditRoutes final : public ResourceRoutes {
public:
    explicit AuditRoutes(lab::AuditLog& log) : log_(log) {}

    [[nodiscard]] std::string_view base() const override { return "/api/audit"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    lab::AuditLog& log_;
};

} // namespace callab::web
