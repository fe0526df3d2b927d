#pragma once
// The OpenAPI description of the lab's records routes (/api/standards, /api/procedures,
// /api/programmes, /api/users, /api/audit), merged into openapi_document().

#include <nlohmann/json.hpp>

namespace callab::web {

/// Adds the records routes to `paths`.
void add_records_paths(nlohmann::json& paths);

/// Adds the records schemas (Standard, Procedure, Programme, Account, AuditEntry, …).
void add_records_schemas(nlohmann::json& schemas);

} // namespace callab::web
