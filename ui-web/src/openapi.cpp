#include "openapi.hpp"

#include <callab/version.hpp>

namespace callab::web {
namespace {

using nlohmann::json;

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

json id_parameter() {
    return json::array({{{"name", "id"},
                         {"in", "path"},
                         {"required", true},
                         {"schema", {{"type", "integer"}, {"minimum", 1}}}}});
}

json object(json properties, json required) {
    return {{"type", "object"}, {"properties", properties}, {"required", required}};
}

json list_of(const char* schema) {
    return object({{"items", {{"type", "array"}, {"items", ref(schema)}}},
                   {"total", {{"type", "integer"}}},
                   {"page", {{"type", "integer"}}},
                   {"per_page", {{"type", "integer"}}}},
                  {"items", "total", "page", "per_page"});
}

json schemas() {
    const json id{{"type", "integer"}};
    const json nullable_id{{"type", "integer"}, {"nullable", true}};
    const json text{{"type", "string"}};
    const json time{{"type", "string"}, {"format", "date-time"}};
    const json number{{"type", "number"}};
    return {
        {"Error",
         object({{"error", text}, {"message", text}, {"field", text}}, {"error", "message"})},
        {"Login", object({{"username", text}, {"password", text}}, {"username", "password"})},
        {"User",
         object(
             {{"id", id},
              {"username", text},
              {"role",
               {{"type", "string"},
                {"enum",
                 {"technician", "reviewer", "signatory", "manager", "admin", "enterprise_user"}}}},
              {"enterprise_id", nullable_id},
              {"display_name", text}},
             {"id", "username", "role"})},
        {"Session", object({{"csrf_token", text}, {"user", ref("User")}, {"expires_at", time}},
                           {"csrf_token", "user", "expires_at"})},
        {"Equipment", object({{"id", id},
                              {"name", text},
                              {"standard_id", nullable_id},
                              {"approval_required", {{"type", "boolean"}}},
                              {"service_buffer_minutes", {{"type", "integer"}, {"minimum", 0}}}},
                             {"name"})},
        {"Booking", object({{"id", id},
                            {"equipment_id", id},
                            {"start", time},
                            {"end", time},
                            {"purpose", text},
                            {"requested_by", id},
                            {"on_behalf_of", nullable_id},
                            {"job_id", nullable_id},
                            {"status", text},
                            {"blocked_until", time}},
                           {"equipment_id", "start", "end"})},
        {"Enterprise",
         object({{"id", id},
                 {"name", text},
                 {"credit_code", text},
                 {"region", text},
                 {"industry", text},
                 {"size", {{"type", "string"}, {"enum", {"micro", "small", "medium", "large"}}}},
                 {"contacts", text}},
                {"name", "credit_code", "region"})},
        {"EnterpriseList", list_of("Enterprise")},
        {"Instrument",
         object({{"id", id},
                 {"kind",
                  {{"type", "string"},
                   {"enum",
                    {"ir_forehead_thermometer", "ir_ear_thermometer", "radiation_thermometer",
                     "power_analyser", "energy_meter", "other"}}}},
                 {"maker", text},
                 {"model", text},
                 {"serial", text},
                 {"range_low", number},
                 {"range_high", number},
                 {"unit", text},
                 {"resolution", number},
                 {"enterprise_id", id},
                 {"regime", {{"type", "string"}, {"enum", {"verification", "calibration"}}}}},
                {"kind", "serial", "range_low", "range_high", "resolution", "enterprise_id"})},
        {"InstrumentList", list_of("Instrument")},
        {"AuditVerification", object({{"intact", {{"type", "boolean"}}},
                                      {"entries", {{"type", "integer"}}},
                                      {"last_hash", text},
                                      {"broken_at", {{"type", "integer"}}},
                                      {"reason", text}},
                                     {"intact", "entries", "last_hash"})},
        {"Health", object({{"status", text}, {"version", text}, {"database", text}},
                          {"status", "version", "database"})},
        {"Job", {{"type", "object"}}},
        {"JobList", object({{"items", {{"type", "array"}, {"items", ref("Job")}}},
                            {"total", {{"type", "integer"}}}},
                           {"items", "total"})},
    };
}

json build() {
    const json everyone = {"technician", "reviewer", "signatory",
                           "manager",    "admin",    "enterprise_user"};
    const json staff = {"technician", "reviewer", "signatory", "manager", "admin"};
    json paths;
    paths["/api/health"]["get"] =
        operation("server status", "200", reply("status", "Health"), json::array(), {});
    paths["/api/session"]["post"] =
        with_body(operation("sign in", "200", reply("the session", "Session"), json::array(),
                            {"400", "401", "422", "429"}),
                  "Login", {{"username", "admin"}, {"password", "secret"}});
    paths["/api/session"]["get"] =
        operation("the session", "200", reply("the session", "Session"), everyone, {"401"});
    paths["/api/session"]["delete"] =
        operation("sign out", "204", {{"description", "signed out"}}, everyone, {"401", "403"});
    paths["/api/equipment"]["post"] =
        with_body(operation("add equipment", "201", reply("added", "Equipment"),
                            {"manager", "admin"}, {"400", "401", "403", "422"}),
                  "Equipment", {{"name", "Dry-block calibrator"}});
    paths["/api/equipment/{id}"]["parameters"] = id_parameter();
    paths["/api/equipment/{id}"]["get"] = operation(
        "one equipment", "200", reply("the equipment", "Equipment"), everyone, {"401", "404"});
    paths["/api/bookings"]["post"] =
        with_body(operation("book equipment", "201", reply("booked", "Booking"), everyone,
                            {"400", "401", "403", "404", "409", "413", "422"}),
                  "Booking",
                  {{"equipment_id", 1},
                   {"start", "2031-01-06T09:00:00Z"},
                   {"end", "2031-01-06T11:00:00Z"},
                   {"purpose", "calibration"}});
    paths["/api/bookings/{id}"]["parameters"] = id_parameter();
    paths["/api/bookings/{id}"]["get"] =
        operation("one booking", "200", reply("the booking", "Booking"), everyone, {"401", "404"});
    const json registrars = {"technician", "manager", "admin"};
    paths["/api/enterprises"]["get"] = operation(
        "enterprises (?q=&region=&size=&sort=&page=&per_page=); an enterprise user gets its own",
        "200", reply("a page of enterprises", "EnterpriseList"), everyone, {"400", "401"});
    paths["/api/enterprises"]["post"] =
        with_body(operation("register an enterprise", "201", reply("registered", "Enterprise"),
                            registrars, {"400", "401", "403", "409", "422"}),
                  "Enterprise",
                  {{"name", "Ningbo Sensors Ltd."},
                   {"credit_code", "91330200MA2AXXXX1F"},
                   {"region", "Zhejiang/Ningbo"},
                   {"industry", "instruments"},
                   {"size", "small"},
                   {"contacts", "Li Na, 0574-5550100"}});
    paths["/api/enterprises/{id}"]["parameters"] = id_parameter();
    paths["/api/enterprises/{id}"]["get"] =
        operation("one enterprise (an enterprise user: only its own, else 404)", "200",
                  reply("the enterprise", "Enterprise"), everyone, {"401", "404"});
    paths["/api/instruments"]["get"] = operation(
        "instruments, paged in the database (?enterprise_id=&kind=&serial=&page=&per_page=); "
        "an enterprise user gets its own enterprise's",
        "200", reply("a page of instruments", "InstrumentList"), everyone, {"400", "401", "404"});
    paths["/api/instruments"]["post"] =
        with_body(operation("register an instrument (an enterprise user: for its own enterprise)",
                            "201", reply("registered", "Instrument"),
                            {"technician", "manager", "admin", "enterprise_user"},
                            {"400", "401", "403", "404", "422"}),
                  "Instrument",
                  {{"kind", "ir_forehead_thermometer"},
                   {"maker", "Yuwell"},
                   {"model", "YHW-2"},
                   {"serial", "YW2100457"},
                   {"range_low", 32.0},
                   {"range_high", 42.5},
                   {"unit", "degC"},
                   {"resolution", 0.1},
                   {"enterprise_id", 1},
                   {"regime", "calibration"}});
    paths["/api/instruments/{id}"]["parameters"] = id_parameter();
    paths["/api/instruments/{id}"]["get"] =
        operation("one instrument (an enterprise user: only its own enterprise's, else 404)", "200",
                  reply("the instrument", "Instrument"), everyone, {"401", "404"});
    paths["/api/audit/verify"]["get"] =
        operation("check the audit trail's hash chain", "200",
                  reply("whether the chain is intact, else the first broken entry and why",
                        "AuditVerification"),
                  {"manager", "admin"}, {"401", "403"});
    paths["/api/jobs"]["get"] =
        operation("every job", "200", reply("the jobs", "JobList"), staff, {"401", "403"});
    paths["/api/jobs/{id}"]["parameters"] = id_parameter();
    paths["/api/jobs/{id}"]["get"] =
        operation("one job", "200", reply("the job", "Job"), staff, {"401", "403", "404"});
    return {{"openapi", "3.0.3"},
            {"info", {{"title", "callab"}, {"version", callab::version}}},
            {"components",
             {{"schemas", schemas()},
              {"securitySchemes",
               {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "callab_session"}}},
                {"csrf", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-CSRF-Token"}}}}}}},
            {"paths", paths}};
}

} // namespace

const json& openapi_document() {
    static const json document = build();
    return document;
}

} // namespace callab::web
