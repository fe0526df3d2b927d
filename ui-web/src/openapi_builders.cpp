#include "openapi_builders.hpp"

#include <string>

namespace callab::web::openapi_builders {

json ref(const char* schema) {
    return {{"$ref", std::string("#/components/schemas/") + schema}};
}

json content(const json& schema) {
    return {{"application/json", {{"schema", schema}}}};
}

json reply(const char* description, const char* schema) {
    return {{"description", description}, {"content", content(ref(schema))}};
}

json errors(std::initializer_list<const char*> statuses) {
    json out = json::object();
    for (const char* status : statuses) {
        out[status] = reply("error", "Error");
    }
    return out;
}

json operation(const char* summary, const char* status, json success, const json& roles,
               std::initializer_list<const char*> failures) {
    json responses = errors(failures);
    responses[status] = std::move(success);
    return {{"summary", summary}, {"x-roles", roles}, {"responses", responses}};
}

json with_body(json op, const char* schema, json example) {
    op["requestBody"] = {
        {"required", true},
        {"content", {{"application/json", {{"schema", ref(schema)}, {"example", example}}}}}};
    return op;
}

json state_dependent(json op) {
    op["x-state-dependent"] = true;
    return op;
}

json id_parameter() {
    return json::array({{{"name", "id"},
                         {"in", "path"},
                         {"required", true},
                         {"schema", {{"type", "integer"}, {"minimum", 1}}}}});
}

json object(json properties, json required) {
    return {{"type", "object"}, {"properties", properties}, {"required", required}};
}

json read_only(json property) {
    property["readOnly"] = true;
    return property;
}

json write_only(json property) {
    property["writeOnly"] = true;
    return property;
}

json list_of(const char* item) {
    return object({{"items", {{"type", "array"}, {"items", ref(item)}}},
                   {"total", {{"type", "integer"}}},
                   {"page", {{"type", "integer"}}},
                   {"per_page", {{"type", "integer"}}}},
                  {"items", "total", "page", "per_page"});
}

json query_parameters(std::initializer_list<const char*> names) {
    json out = json::array();
    for (const char* name : names) {
        out.push_back({{"name", name}, {"in", "query"}, {"schema", {{"type", "string"}}}});
    }
    return out;
}

json enumeration(std::initializer_list<const char*> values) {
    return {{"type", "string"}, {"enum", values}};
}

} // namespace callab::web::openapi_builders
