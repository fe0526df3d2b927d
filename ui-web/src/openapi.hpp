#pragma once

#include <nlohmann/json.hpp>

namespace callab::web {

/// The OpenAPI 3.0 document of the signed-in API, served at `/api/openapi.json`. Each
/// operation lists its success status first; `x-roles` names the roles allowed.
/// tests/integration/serve_api_openapi_test.cpp calls every operation it lists.
const nlohmann::json& openapi_document();

} // namespace callab::web
