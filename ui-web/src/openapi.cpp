#include "openapi.hpp"

#include "openapi_builders.hpp"
#include "openapi_records.hpp"

#include <callab/version.hpp>

#include <array>
#include <tuple>

namespace callab::web {
namespace {

using namespace openapi_builders;

// The one-stop window, service activities and the statistics.
void add_service_paths(json& paths, const json& everyone, const json& staff) {
    const std::string requests = "/api/service-requests";
    auto listed = operation("service requests (an enterprise user's: its enterprise's)", "200",
                            reply("a page", "ServiceRequestList"), everyone, {"400", "401"});
    listed["parameters"] =
        query_parameters({"page", "per_page", "status", "kind", "enterprise_id"});
    paths[requests]["get"] = listed;
    paths[requests]["post"] =
        with_body(operation("submit a service request", "201", reply("submitted", "ServiceRequest"),
                            everyone, {"400", "401", "403", "404", "415", "422"}),
                  "ServiceRequest",
                  {{"kind", "technical_advice"},
                   {"enterprise_id", 1},
                   {"subject", "Calibration interval"},
                   {"details", "How often should our energy meters be calibrated?"}});
    paths[requests + "/{id}"]["parameters"] = id_parameter();
    paths[requests + "/{id}"]["get"] =
        operation("one service request", "200", reply("the request", "ServiceRequest"), everyone,
                  {"401", "404"});
    paths[requests + "/{id}/accept"]["parameters"] = id_parameter();
    paths[requests + "/{id}/accept"]["post"] = state_dependent(
        operation("accept a submitted request", "200", reply("accepted", "ServiceRequest"), staff,
                  {"401", "403", "404", "409"}));
    const std::array<std::tuple<const char*, const char*, const char*, json, json>, 4> steps{{
        {"/reject", "reject with a reason", "Reason", {{"reason", "outside our scope"}}, staff},
        {"/ask",
         "ask the enterprise a question",
         "Question",
         {{"question", "Which range do you use?"}},
         staff},
        {"/answer", "answer the lab's question", "Answer", {{"answer", "35 to 42 degC"}}, everyone},
        {"/convert",
         "record the jobs, bookings or written answer it became",
         "Conversion",
         {{"written_answer", "Once a year, per JJG 596."}},
         staff},
    }};
    for (const auto& [suffix, summary, schema, example, roles] : steps) {
        const auto path = requests + "/{id}" + suffix;
        paths[path]["parameters"] = id_parameter();
        paths[path]["post"] =
            state_dependent(with_body(operation(summary, "200", reply("changed", "ServiceRequest"),
                                                roles, {"400", "401", "403", "404", "409", "422"}),
                                      schema, example));
    }
    auto activities = operation("service activities", "200", reply("a page", "ActivityList"), staff,
                                {"400", "401", "403"});
    activities["parameters"] =
        query_parameters({"page", "per_page", "from", "to", "kind", "enterprise_id"});
    paths["/api/activities"]["get"] = activities;
    paths["/api/activities"]["post"] = with_body(
        operation("record a visit, training or consultation", "201", reply("recorded", "Activity"),
                  staff, {"400", "401", "403", "404", "422"}),
        "Activity",
        {{"kind", "training"},
         {"held_on", "2021-07-28"},
         {"region", "Henan/Zhengzhou"},
         {"topic", "Checking chargers after the flood"},
         {"enterprise_ids", {1}},
         {"attendee_count", 40},
         {"attendees", {"Wang Fang"}},
         {"problems_solved", 2},
         {"problem_descriptions", {"charger reads 2 % high"}}});
    paths["/api/activities/{id}"]["parameters"] = id_parameter();
    paths["/api/activities/{id}"]["get"] = operation(
        "one activity", "200", reply("the activity", "Activity"), staff, {"401", "403", "404"});
    auto statistics = operation("the statistics report of a period, by month and region", "200",
                                reply("the figures", "Statistics"), staff, {"400", "401", "403"});
    statistics["parameters"] = query_parameters({"from", "to", "region"});
    paths["/api/statistics"]["get"] = statistics;
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
        {"Equipment",
         object({{"id", read_only(id)},
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
             {{"id", read_only(id)},
              {"equipment_id", id},
              {"start", time},
              {"end", time},
              {"purpose", text},
              {"requested_by", read_only(id)},
              {"on_behalf_of", nullable_id},
              {"job_id", nullable_id},
              {"status", read_only(text)},
              {"blocked_until", read_only(time)},
              {"override_reason", write_only(text)},
              {"repeat", object({{"every", {{"type", "string"}, {"enum", {"day", "week"}}}},
                                 {"count", {{"type", "integer"}, {"minimum", 1}, {"maximum", 52}}}},
                                {"every", "count"})},
              {"checked_out_at", read_only(time)},
              {"returned_at", read_only(time)},
              {"condition_out", read_only(text)},
              {"condition_in", read_only(text)},
              {"reason", read_only(text)},
              // ?busy=true: another party's booking an enterprise user sees only as taken
              // time (id, equipment_id, start, end, status, blocked_until and busy).
              {"busy", {{"type", "boolean"}, {"readOnly", true}}}},
             {"equipment_id", "start", "end"})},
        {"Enterprise",
         object({{"id", read_only(id)},
                 {"name", text},
                 {"credit_code", text},
                 {"region", text},
                 {"industry", text},
                 {"size", {{"type", "string"}, {"enum", {"micro", "small", "medium", "large"}}}},
                 {"contacts", text}},
                {"name", "credit_code", "region"})},
        {"EnterpriseList", list_of("Enterprise")},
        {"Instrument",
         object({{"id", read_only(id)},
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
        {"Job",
         object(
             {{"id", read_only(id)},
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
              {"standards",
               {{"type", "array"},
                {"items", object({{"test_point", {{"type", "integer"}, {"minimum", 0}}},
                                  {"standard_id", id}},
                                 {"test_point", "standard_id"})}}},
              {"technician_id", read_only(nullable_id)},
              {"reviewer_id", read_only(nullable_id)},
              {"approver_id", read_only(nullable_id)},
              {"corrects", read_only(id)},
              {"amendment_reason", read_only(object({{"zh", text}, {"en", text}}, {"zh", "en"}))},
              {"status", read_only(text)},
              {"created_at", read_only(time)},
              {"readings", read_only({{"type", "array"}, {"items", ref("Reading")}})},
              {"returns", read_only({{"type", "array"}, {"items", ref("JobReturn")}})},
              {"run", read_only(ref("Run"))},
              {"points", read_only({{"type", "array"}, {"items", {{"type", "object"}}}})}},
             {"title", "instrument", "quantity", "unit", "resolution"})},
        {"JobReturn",
         object({{"reason", text}, {"by", text}, {"at", time}}, {"reason", "by", "at"})},
        {"Reading", object({{"id", id},
                            {"value", {{"type", "number"}}},
                            {"unit", text},
                            {"role", {{"type", "string"}, {"enum", {"indication", "reference"}}}},
                            {"source", text},
                            {"test_point", {{"type", "integer"}}},
                            {"taken_at", time},
                            {"recorded_by", text}},
                           {"value", "unit"})},
        {"Run", object({{"job_id", id},
                        {"state",
                         {{"type", "string"},
                          {"enum", {"running", "paused", "refused", "finished", "aborted"}}}},
                        {"pause_reason", text},
                        {"current_point", {{"type", "integer"}}},
                        {"manual_indication", {{"type", "boolean"}}},
                        {"points", {{"type", "array"}, {"items", {{"type", "object"}}}}}},
                       {})},
        {"JobChoices", object({{"procedures", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                               {"standards", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                               {"date", {{"type", "string"}, {"format", "date"}}}},
                              {"procedures", "standards", "date"})},
        {"RunStart", object({{"manual_indication", {{"type", "boolean"}}},
                             {"environment", object({{"temperature", {{"type", "number"}}},
                                                     {"humidity", {{"type", "number"}}}},
                                                    {"temperature", "humidity"})}},
                            json::array())},
        {"ReturnReason", object({{"reason", text}}, {"reason"})},
        {"ServiceRequest",
         object({{"id", read_only(id)},
                 {"enterprise_id", id},
                 {"kind",
                  {{"type", "string"},
                   {"enum", {"calibration", "equipment_loan", "technical_advice"}}}},
                 {"subject", text},
                 {"details", text},
                 {"instrument_ids", {{"type", "array"}, {"items", id}}},
                 {"equipment_id", nullable_id},
                 {"submitted_by", read_only(id)},
                 {"submitted_at", read_only(time)},
                 {"status", read_only({{"type", "string"},
                                       {"enum",
                                        {"submitted", "question_asked", "accepted", "rejected",
                                         "completed"}}})},
                 {"question", read_only(text)},
                 {"answer", read_only(text)},
                 {"rejection_reason", read_only(text)},
                 {"written_answer", read_only(text)},
                 {"handled_by", read_only(nullable_id)},
                 {"handled_at",
                  read_only({{"type", "string"}, {"format", "date-time"}, {"nullable", true}})},
                 {"job_ids", read_only({{"type", "array"}, {"items", id}})},
                 {"booking_ids", read_only({{"type", "array"}, {"items", id}})}},
                {"kind", "subject"})},
        {"ServiceRequestList", list_of("ServiceRequest")},
        {"Reason", object({{"reason", text}}, {"reason"})},
        {"Question", object({{"question", text}}, {"question"})},
        {"Answer", object({{"answer", text}}, {"answer"})},
        {"Conversion", object({{"job_ids", {{"type", "array"}, {"items", id}}},
                               {"booking_ids", {{"type", "array"}, {"items", id}}},
                               {"written_answer", text}},
                              json::array())},
        {"Activity",
         object({{"id", read_only(id)},
                 {"kind", {{"type", "string"}, {"enum", {"visit", "training", "consultation"}}}},
                 {"held_on", {{"type", "string"}, {"format", "date"}}},
                 {"region", text},
                 {"topic", text},
                 {"enterprise_ids", {{"type", "array"}, {"items", id}}},
                 {"attendee_count", {{"type", "integer"}, {"minimum", 0}}},
                 {"attendees", {{"type", "array"}, {"items", text}}},
                 {"problems_solved", {{"type", "integer"}, {"minimum", 0}}},
                 {"problem_descriptions", {{"type", "array"}, {"items", text}}},
                 {"recorded_by", read_only(text)}},
                {"kind", "held_on", "region", "topic", "enterprise_ids"})},
        {"ActivityList", list_of("Activity")},
        {"Statistics", {{"type", "object"}, {"description", "see docs/api.md"}}},
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
        {"Certificate",
         object({{"number", read_only(text)},
                 {"job_id", read_only(id)},
                 {"enterprise_id", read_only(nullable_id)},
                 {"instrument",
                  read_only(
                      object({{"kind", text}, {"maker", text}, {"model", text}, {"serial", text}},
                             {"kind", "maker", "model", "serial"}))},
                 {"status",
                  read_only({{"type", "string"}, {"enum", {"valid", "superseded", "revoked"}}})},
                 {"issued_at", read_only({{"type", "string"}, {"format", "date"}})},
                 {"issued_by", read_only(text)},
                 {"pdf_sha256", read_only(text)},
                 {"dcc_sha256", read_only(text)},
                 {"replaces", read_only(text)},
                 {"superseded_by", read_only(text)},
                 {"revocation_reason", text}},
                {"number", "job_id", "status", "issued_at", "pdf_sha256", "dcc_sha256"})},
        {"CertificateList", list_of("Certificate")},
        {"Revocation", object({{"reason", text}}, {"reason"})},
        {"Correction",
         object({{"reason_zh", text}, {"reason_en", text}}, {"reason_zh", "reason_en"})},
    };
}

// Issuing (an action of the job) and the issued certificates.
void add_certificate_paths(json& paths, const json& everyone) {
    const json number = json::array({{{"name", "number"},
                                      {"in", "path"},
                                      {"required", true},
                                      {"schema", {{"type", "string"}}}}});
    paths["/api/jobs/{id}/issue"]["parameters"] = id_parameter();
    paths["/api/jobs/{id}/issue"]["post"] = state_dependent(
        operation("issue the approved job's certificate from the records (a signatory, not its "
                  "technician); a correcting job states the reason it was opened with, or "
                  "{\"amendment_reason\": {\"zh\", \"en\"}}",
                  "201", reply("issued", "Certificate"), {"signatory"},
                  {"400", "401", "403", "404", "409", "422"}));
    auto listed = operation("issued certificates, paged; sort issued_at or number (enterprise "
                            "users: their enterprise's)",
                            "200", reply("a page", "CertificateList"), everyone, {"400", "401"});
    listed["parameters"] =
        query_parameters({"page", "per_page", "sort", "status", "job_id", "enterprise_id"});
    paths["/api/certificates"]["get"] = listed;
    paths["/api/certificates/{number}"]["parameters"] = number;
    paths["/api/certificates/{number}"]["get"] = state_dependent(
        operation("one certificate (another enterprise's: 404)", "200",
                  reply("the certificate", "Certificate"), everyone, {"401", "404"}));
    const std::array<std::tuple<const char*, const char*, const char*>, 2> documents{{
        {"/api/certificates/{number}.pdf", "the certificate's PDF as issued", "application/pdf"},
        {"/api/certificates/{number}.xml", "the certificate's DCC (XML) as issued",
         "application/xml"},
    }};
    for (const auto& [path, summary, type] : documents) {
        auto op =
            state_dependent(operation(summary, "200", json::object(), everyone, {"401", "404"}));
        op["responses"]["200"] = {
            {"description", "the stored bytes, whose SHA-256 was recorded at issue"},
            {"content", {{type, {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
        paths[path]["parameters"] = number;
        paths[path]["get"] = std::move(op);
    }
    paths["/api/certificates/{number}/revoke"]["parameters"] = number;
    paths["/api/certificates/{number}/revoke"]["post"] = state_dependent(
        with_body(operation("revoke a valid certificate with a reason", "200",
                            reply("revoked", "Certificate"), {"signatory", "manager"},
                            {"400", "401", "403", "404", "409", "422"}),
                  "Revocation", {{"reason", "wrong reference standard certificate"}}));
    paths["/api/certificates/{number}/correct"]["parameters"] = number;
    paths["/api/certificates/{number}/correct"]["post"] = state_dependent(with_body(
        operation("open the job that corrects a valid certificate (its technician the user "
                  "signed in), keeping the amendment reason for its issue",
                  "201", reply("opened", "Job"), {"technician"},
                  {"400", "401", "403", "404", "409", "422"}),
        "Correction",
        {{"reason_zh", "参考标准证书编号有误"},
         {"reason_en", "wrong reference standard certificate number"}}));
}

// `/api/live` is a WebSocket, which OpenAPI 3.0 cannot state as an operation: it is described
// here, beside the paths, so that clients find it and walkers of `paths` do not call it.
json live_websocket() {
    const json events = {
        {"state", "{type, job_id, state: idle|running|paused|refused|finished|aborted, message?}"},
        {"reading", "{type, job_id, point, role: device|reference, value, unit, at, stored_at, "
                    "source}"},
        {"point", "{type, job_id, point, result: a point as GET /api/jobs/{id} gives it}"},
        {"fault", "{type, job_id, device, message}"}};
    return {
        {"/api/live",
         {{"summary",
           "follow one job's run (every role; enterprise users their own jobs): JSON text "
           "frames, the job's current state first"},
          {"parameters",
           {{{"name", "job"},
             {"in", "query"},
             {"required", true},
             {"schema", {{"type", "integer"}, {"minimum", 1}}}}}},
          {"security", {{{"session", json::array()}}}},
          {"responses",
           {{"101", {{"description", "upgraded: the events follow"}}},
            {"400", {{"description", "no job id"}}},
            {"401", {{"description", "no session"}}},
            {"403", {{"description", "an Origin other than this server"}}},
            {"404", {{"description", "no such job, or another enterprise's"}}},
            {"426", {{"description", "a GET without Upgrade: websocket"}}}}},
          {"x-events", events},
          {"x-close", "1008 policy violation \"too slow\" when more than 256 events wait for the "
                      "client"}}}};
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
        operation("bookings, paged; filter equipment_id, user_id, status, from, to; busy=true "
                  "adds others' bookings as taken time for enterprise users",
                  "200", reply("a page", "BookingList"), everyone, {"400", "401", "422"});
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
    const std::initializer_list<std::tuple<const char*, const char*, json, json>> booking_actions{
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
    for (const auto& [action, summary, roles, example] : booking_actions) {
        const std::string path = std::string("/api/bookings/{id}/") + action;
        paths[path]["parameters"] = id_parameter();
        paths[path]["post"] =
            state_dependent(with_body(operation(summary, "200", reply("the booking", "Booking"),
                                                roles, {"401", "403", "404", "409", "422"}),
                                      "BookingNote", example));
    }
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
    auto choices = operation(
        "what a job for an instrument may use: the latest procedures of its kind, every standard "
        "with whether it is usable today and why not",
        "200", reply("the choices", "JobChoices"), staff, {"400", "401", "403", "404"});
    choices["parameters"] = {{{"name", "instrument_id"},
                              {"in", "query"},
                              {"required", false},
                              {"schema", {{"type", "integer"}, {"minimum", 1}}}}};
    paths["/api/job-choices"]["get"] = choices;
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
    add_service_paths(paths, everyone, staff);
    add_certificate_paths(paths, everyone);
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
    add_records_paths(paths);
    auto all_schemas = schemas();
    add_records_schemas(all_schemas);
    return {{"openapi", "3.0.3"},
            {"info", {{"title", "callab"}, {"version", callab::version}}},
            {"components",
             {{"schemas", all_schemas},
              {"securitySchemes",
               {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "callab_session"}}},
                {"csrf", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-CSRF-Token"}}}}}}},
            {"paths", paths},
            {"x-websockets", live_websocket()}};
}

} // namespace

const json& openapi_document() {
    static const json document = build();
    return document;
}

} // namespace callab::web
