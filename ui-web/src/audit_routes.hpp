#pragma once

#include "resource_routes.hpp"

#include <callab/lab/audit_log.hpp>

namespace callab::web {

/// `/api/audit` (managers, admins): the audit trail, newest first, paged in SQL and filtered
/// by record, actor and period; `/api/audit/verify` checks its hash chain.
class AuditRoutes final : public ResourceRoutes {
public:
    explicit AuditRoutes(lab::AuditLog& log) : log_(log) {}

    [[nodiscard]] std::string_view base() const override { return "/api/audit"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    Response list(const Request& request);
    Response verify(const Request& request);

    lab::AuditLog& log_;
};

} // namespace callab::web
