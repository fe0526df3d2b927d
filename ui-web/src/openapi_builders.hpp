#pragma once
// The builders of the OpenAPI document's schemas and operations, shared by openapi.cpp and
// openapi_records.cpp.

#include <nlohmann/json.hpp>

#include <initializer_list>

namespace callab::web::openapi_builders {

using nlohmann::json;

/// A reference to the component schema `schema`.
json ref(const char* schema);
/// A JSON body of `schema`.
json content(const json& schema);
/// A response with a JSON body of the component schema `schema`.
json reply(const char* description, const char* schema);
/// An `Error` response for each status.
json errors(std::initializer_list<const char*> statuses);
/// An operation answering `success` with `status`, an `Error` for each of `failures`, allowed
/// to `roles` (x-roles).
json operation(const char* summary, const char* status, json success, const json& roles,
               std::initializer_list<const char*> failures);
/// `op` with a required JSON request body of the component schema `schema`.
json with_body(json op, const char* schema, json example);
/// Marks an operation whose success depends on the record's state: an allowed role may also
/// be answered 404, 409 or 422 (no run yet, a status the machine refuses, a reading not due).
json state_dependent(json op);
/// The path parameter `id`, a positive integer.
json id_parameter();
/// An object schema with these properties, of which `required` are required.
json object(json properties, json required);
/// A property the server writes and a client's value for it is ignored.
json read_only(json property);
/// A property a client sends and the server acts on but does not answer with.
json write_only(json property);
/// A page of a list endpoint: `items` of the component schema `item`, `total`, `page`,
/// `per_page`.
json list_of(const char* item);
/// Query parameters of type string.
json query_parameters(std::initializer_list<const char*> names);
/// A string schema taking one of `values`.
json enumeration(std::initializer_list<const char*> values);

} // namespace callab::web::openapi_builders
