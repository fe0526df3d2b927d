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

/// Marks an operation whose success depends on the record's state: an allowed role may also
/// be answered 404, 409 or 422 (no run yet, a status the machine refuses, a reading not due).
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

json schemas() {
    const json id{{"type", "integer"}};
    const json nullable_id{{"type", "integer"}, {"nullable", true}};
    const json text{{"type", "string"}};
    const json time{{"type", "string"}, {"format", "date-time"}};
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
        {"Health", object({{"status", text}, {"version", text}, {"database", text}},
                          {"status", "version", "database"})},
        {"Job", object({{"id", id},
                        {"title", text},
                        {"instrument", text},
                        {"quantity", text},
                        {"unit", text},
                        {"resolution", {{"type", "number"}}},
                        {"environment", text},
                        {"enterprise_id", nullable_id},
                        {"instrument_id", nullable_id},
                        {"procedure_id", nullable_id},
                        {"programme_id", nullable_id},
                        {"fee_cents", {{"type", "integer"}, {"minimum", 0}}},
                        {"technician_id", nullable_id},
                        {"reviewer_id", nullable_id},
                        {"approver_id", nullable_id},
                        {"status", text},
                        {"created_at", time},
                        {"readings", {{"type", "array"}, {"items", ref("Reading")}}},
                        {"run", ref("Run")}},
                       {"title", "instrument", "quantity", "unit", "resolution"})},
        {"Reading", object({{"id", id},
                            {"value", {{"type", "number"}}},
                            {"unit", text},
                            {"role", {{"type", "string"}, {"enum", {"indication", "reference"}}}},
                            {"source", text},
                            {"test_point", {{"type", "integer"}}},
                            {"taken_at", time},
                            {"recorded_by", text}},
                           {"value", "unit"})},
        {"Run",
         object({{"job_id", id},
                 {"state",
                  {{"type", "string"}, {"enum", {"running", "paused", "finished", "aborted"}}}},
                 {"pause_reason", text},
                 {"current_point", {{"type", "integer"}}},
                 {"manual_indication", {{"type", "boolean"}}},
                 {"points", {{"type", "array"}, {"items", {{"type", "object"}}}}}},
                {})},
        {"RunStart", object({{"manual_indication", {{"type", "boolean"}}}}, json::array())},
        {"ReturnReason", object({{"reason", text}}, {"reason"})},
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
    paths["/api/jobs"]["get"] =
        operation("jobs, paged; ?status=&technician_id=&enterprise_id= (enterprise users: their "
                  "enterprise's)",
                  "200", reply("the jobs", "JobList"), everyone, {"400", "401"});
    paths["/api/jobs"]["post"] = with_body(
        operation("open a job (the technician signed in measures it)", "201",
                  reply("opened", "Job"), {"technician"}, {"400", "401", "403", "404", "422"}),
        "Job",
        {{"title", "IR forehead thermometer"},
         {"instrument", "IRT-1 SN 7"},
         {"quantity", "object_temperature"},
         {"unit", "degC"},
         {"resolution", 0.1}});
    paths["/api/jobs/{id}"]["parameters"] = id_parameter();
    paths["/api/jobs/{id}"]["get"] = operation("one job with its readings, result and run", "200",
                                               reply("the job", "Job"), everyone, {"401", "404"});
    paths["/api/jobs/{id}/run"]["parameters"] = id_parameter();
    paths["/api/jobs/{id}/run"]["get"] = state_dependent(operation(
        "the job's run on this server", "200", reply("the run", "Run"), everyone, {"401", "404"}));
    const json operators = {"technician", "manager"};
    const json reviewers = {"reviewer", "signatory", "manager"};
    struct Action {
        const char* path;
        const char* summary;
        const char* schema;
        json roles;
        json example;
    };
    const std::vector<Action> actions{
        {"/api/jobs/{id}/start", "start (or restart a returned job) on the server's bench", "Run",
         operators, json()},
        {"/api/jobs/{id}/pause", "pause after the reading in progress", "Run", operators, json()},
        {"/api/jobs/{id}/resume", "resume a paused run", "Run", operators, json()},
        {"/api/jobs/{id}/abort", "end the run and cancel the job", "Job", operators, json()},
        {"/api/jobs/{id}/readings",
         "a typed reading for the current test point (201)",
         "Reading",
         operators,
         {{"value", 37.0}, {"unit", "degC"}, {"role", "indication"}}},
        {"/api/jobs/{id}/review", "accept the measured job (not its technician)", "Job", reviewers,
         json()},
        {"/api/jobs/{id}/return",
         "return for rework with a reason",
         "Job",
         reviewers,
         {{"reason", "repeat point 2"}}},
        {"/api/jobs/{id}/approve",
         "approve the reviewed job (a signatory, not its technician)",
         "Job",
         {"signatory"},
         json()},
    };
    for (const auto& action : actions) {
        const bool reading = std::string_view(action.path).ends_with("/readings");
        auto op = state_dependent(operation(action.summary, reading ? "201" : "200",
                                            reply("done", action.schema), action.roles,
                                            {"400", "401", "403", "404", "409", "422"}));
        if (!action.example.is_null()) {
            op = with_body(std::move(op),
                           reading                             ? "Reading"
                           : action.example.contains("reason") ? "ReturnReason"
                                                               : "RunStart",
                           action.example);
        }
        paths[action.path]["parameters"] = id_parameter();
        paths[action.path]["post"] = std::move(op);
    }
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
