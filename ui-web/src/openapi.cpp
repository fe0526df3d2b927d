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
        {"Job", {{"type", "object"}}},
        {"RecallDue",
         object({{"schedule_id", id},
                 {"item", {{"type", "string"}, {"enum", {"instrument", "standard", "equipment"}}}},
                 {"item_id", {{"type", "integer"}}},
                 {"kind",
                  {{"type", "string"},
                   {"enum", {"calibration", "intermediate_check", "maintenance"}}}},
                 {"due_on", {{"type", "string"}, {"format", "date"}}},
                 {"days_left", {{"type", "integer"}}},
                 {"interval_days", {{"type", "integer"}}},
                 {"lead_days", {{"type", "integer"}}},
                 {"responsible_id", nullable_id}},
                {"schedule_id", "item", "item_id", "kind", "due_on", "days_left"})},
        {"RecallDueList", object({{"items", {{"type", "array"}, {"items", ref("RecallDue")}}},
                                  {"total", {{"type", "integer"}}},
                                  {"date", {{"type", "string"}, {"format", "date"}}},
                                  {"within_days", {{"type", "integer"}}}},
                                 {"items", "total", "date", "within_days"})},
        {"RecallNotice",
         object({{"id", id},
                 {"notice_day", {{"type", "string"}, {"format", "date"}}},
                 {"schedule_id", id},
                 {"item", text},
                 {"item_id", {{"type", "integer"}}},
                 {"kind", text},
                 {"due_on", {{"type", "string"}, {"format", "date"}}},
                 {"days_left", {{"type", "integer"}}},
                 {"recipient", text},
                 {"mailed_at", {{"type", "string"}, {"format", "date-time"}, {"nullable", true}}}},
                {"id", "notice_day", "schedule_id", "due_on", "days_left", "recipient"})},
        {"RecallNoticeList", object({{"items", {{"type", "array"}, {"items", ref("RecallNotice")}}},
                                     {"total", {{"type", "integer"}}},
                                     {"date", {{"type", "string"}, {"format", "date"}}}},
                                    {"items", "total", "date"})},
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
        operation("every job", "200", reply("the jobs", "JobList"), staff, {"401", "403"});
    paths["/api/jobs/{id}"]["parameters"] = id_parameter();
    paths["/api/jobs/{id}"]["get"] =
        operation("one job", "200", reply("the job", "Job"), staff, {"401", "403", "404"});
    const json date_parameter = {{"name", "date"},
                                 {"in", "query"},
                                 {"required", false},
                                 {"description", "the day, YYYY-MM-DD (default today, UTC)"},
                                 {"schema", {{"type", "string"}, {"format", "date"}}}};
    auto due_list = operation("recall schedules due within N days (overdue included)", "200",
                              reply("the due list", "RecallDueList"), staff, {"401", "403", "422"});
    due_list["parameters"] = {
        date_parameter,
        {{"name", "within_days"},
         {"in", "query"},
         {"required", false},
         {"schema", {{"type", "integer"}, {"minimum", 0}, {"maximum", 3660}, {"default", 30}}}}};
    paths["/api/recall"]["get"] = due_list;
    auto notices =
        operation("the recall reminder notices of a day", "200",
                  reply("the notices", "RecallNoticeList"), staff, {"401", "403", "422"});
    notices["parameters"] = {date_parameter};
    paths["/api/recall/notices"]["get"] = notices;
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
