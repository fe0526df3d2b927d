#include "openapi.hpp"

#include <callab/version.hpp>

#include <tuple>

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
        {"Equipment",
         object({{"id", id},
                 {"name", text},
                 {"standard_id", nullable_id},
                 {"approval_required", {{"type", "boolean"}}},
                 {"service_buffer_minutes", {{"type", "integer"}, {"minimum", 0}}},
                 {"bookable_days",
                  {{"type", "array"},
                   {"items",
                    {{"type", "string"},
                     {"enum", {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}}}}}},
                 {"bookable_from", {{"type", "string"}, {"pattern", "^[0-2][0-9]:[0-5][0-9]$"}}},
                 {"bookable_to", {{"type", "string"}, {"pattern", "^[0-2][0-9]:[0-5][0-9]$"}}},
                 {"utc_offset_minutes", {{"type", "integer"}}},
                 {"blocked", {{"type", "boolean"}, {"readOnly", true}}},
                 {"blocked_reason", {{"type", "string"}, {"readOnly", true}}},
                 {"usage_hours", {{"type", "number"}, {"readOnly", true}}},
                 {"usage_hours_30_days", {{"type", "number"}, {"readOnly", true}}}},
                {"name"})},
        {"EquipmentList", object({{"items", {{"type", "array"}, {"items", ref("Equipment")}}},
                                  {"total", {{"type", "integer"}}},
                                  {"page", {{"type", "integer"}}},
                                  {"per_page", {{"type", "integer"}}}},
                                 {"items", "total"})},
        {"BookingList", object({{"items", {{"type", "array"}, {"items", ref("Booking")}}},
                                {"total", {{"type", "integer"}}},
                                {"page", {{"type", "integer"}}},
                                {"per_page", {{"type", "integer"}}}},
                               {"items", "total"})},
        {"BookingNote", object({{"reason", text}, {"condition", text}}, json::array())},
        {"Booking",
         object(
             {{"id", id},
              {"equipment_id", id},
              {"start", time},
              {"end", time},
              {"purpose", text},
              {"requested_by", id},
              {"on_behalf_of", nullable_id},
              {"job_id", nullable_id},
              {"status", text},
              {"blocked_until", time},
              {"override_reason", text},
              {"repeat", object({{"every", {{"type", "string"}, {"enum", {"day", "week"}}}},
                                 {"count", {{"type", "integer"}, {"minimum", 1}, {"maximum", 52}}}},
                                {"every", "count"})},
              {"checked_out_at", time},
              {"returned_at", time},
              {"condition_out", text},
              {"condition_in", text},
              {"reason", text}},
             {"equipment_id", "start", "end"})},
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
    paths["/api/equipment"]["get"] =
        operation("the equipment, paged; filter standard_id, approval_required, blocked", "200",
                  reply("a page", "EquipmentList"), everyone, {"400", "401"});
    paths["/api/equipment/{id}"]["parameters"] = id_parameter();
    paths["/api/equipment/{id}"]["get"] = operation(
        "one equipment", "200", reply("the equipment", "Equipment"), everyone, {"401", "404"});
    paths["/api/equipment/{id}"]["patch"] =
        with_body(operation("change equipment settings", "200", reply("changed", "Equipment"),
                            {"manager", "admin"}, {"400", "401", "403", "404", "422"}),
                  "Equipment",
                  {{"approval_required", false},
                   {"service_buffer_minutes", 15},
                   {"bookable_days", {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}},
                   {"bookable_from", "00:00"},
                   {"bookable_to", "24:00"}});
    const json calendar{{"description", "RFC 5545 calendar"},
                        {"content", {{"text/calendar", {{"schema", {{"type", "string"}}}}}}}};
    paths["/api/equipment/{id}/calendar.ics"]["parameters"] = id_parameter();
    paths["/api/equipment/{id}/calendar.ics"]["get"] = operation(
        "the equipment's bookings as iCalendar", "200", calendar, everyone, {"401", "404"});
    paths["/api/users/me/calendar.ics"]["get"] =
        operation("the signed-in user's bookings as iCalendar", "200", calendar, everyone, {"401"});
    paths["/api/bookings"]["get"] =
        operation("bookings, paged; filter equipment_id, user_id, status, from, to", "200",
                  reply("a page", "BookingList"), everyone, {"400", "401", "422"});
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
    const json managers = {"manager", "admin"};
    const std::initializer_list<std::tuple<const char*, const char*, json, json>> actions{
        {"approve", "approve a requested booking", managers, json::object()},
        {"reject",
         "reject a requested booking with a reason",
         managers,
         {{"reason", "under maintenance"}}},
        {"check-out",
         "hand the equipment out with condition notes",
         everyone,
         {{"condition", "complete, clean"}}},
        {"return",
         "take the equipment back with condition notes",
         everyone,
         {{"condition", "complete"}}},
        {"cancel", "cancel (the booker or a manager)", everyone, {{"reason", "not needed"}}},
        {"no-show", "mark not collected 30 minutes after the start", staff, json::object()}};
    for (const auto& [action, summary, roles, example] : actions) {
        const std::string path = std::string("/api/bookings/{id}/") + action;
        paths[path]["parameters"] = id_parameter();
        paths[path]["post"] = with_body(operation(summary, "200", reply("the booking", "Booking"),
                                                  roles, {"401", "403", "404", "409", "422"}),
                                        "BookingNote", example);
    }
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
