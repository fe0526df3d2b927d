#include "openapi_records.hpp"

#include "openapi_builders.hpp"

#include <initializer_list>

namespace callab::web {
namespace {

using namespace openapi_builders;

void add_standard_paths(json& paths, const json& staff, const json& managers) {
    auto listed = operation("reference standards (?status=&sort=id|name|status|due_on)", "200",
                            reply("a page", "StandardList"), staff, {"400", "401", "403"});
    listed["parameters"] = query_parameters({"page", "per_page", "sort", "status"});
    paths["/api/standards"]["get"] = listed;
    paths["/api/standards"]["post"] =
        with_body(operation("add a reference standard", "201", reply("added", "Standard"), managers,
                            {"400", "401", "403", "404", "415", "422"}),
                  "Standard",
                  {{"name", "Blackbody source"},
                   {"maker", "Fluke"},
                   {"model", "4180"},
                   {"serial", "B-001"},
                   {"national_standard", "NIM radiation temperature standard"}});
    paths["/api/standards/{id}"]["parameters"] = id_parameter();
    paths["/api/standards/{id}"]["get"] =
        operation("a standard with its certificates, traceability chain and checks", "200",
                  reply("the standard", "Standard"), staff, {"401", "403", "404"});
    paths["/api/standards/{id}/certificates"]["parameters"] = id_parameter();
    paths["/api/standards/{id}/certificates"]["post"] =
        with_body(operation("add a certificate (the next version; none is ever edited)", "201",
                            reply("the certificate", "StandardCertificate"), managers,
                            {"400", "401", "403", "404", "415", "422"}),
                  "StandardCertificate",
                  {{"number", "NIM-2026-0815"},
                   {"issuer", "National Institute of Metrology"},
                   {"calibrated_on", "2026-08-15"},
                   {"due_on", "2027-08-14"},
                   {"uncertainty", "U = 0.2 degC (k = 2)"}});
    paths["/api/standards/{id}/checks"]["parameters"] = id_parameter();
    paths["/api/standards/{id}/checks"]["post"] = with_body(
        operation("record an intermediate check", "201", reply("the check", "IntermediateCheck"),
                  managers, {"400", "401", "403", "404", "415", "422"}),
        "IntermediateCheck",
        {{"checked_on", "2026-11-20"}, {"passed", true}, {"result", "37.02 degC at 37 degC"}});
    for (const char* action : {"suspend", "retire", "reinstate"}) {
        const std::string path = std::string("/api/standards/{id}/") + action;
        paths[path]["parameters"] = id_parameter();
        paths[path]["post"] = state_dependent(
            with_body(operation((std::string(action) + " with a reason").c_str(), "200",
                                reply("the standard", "Standard"), managers,
                                {"400", "401", "403", "404", "409", "415", "422"}),
                      "StatusReason", {{"reason", "drift found at the intermediate check"}}));
    }
}

void add_procedure_and_programme_paths(json& paths, const json& staff, const json& managers) {
    auto procedures = operation("procedure versions (?code=&kind=&latest=true&sort=)", "200",
                                reply("a page", "ProcedureList"), staff, {"400", "401", "403"});
    procedures["parameters"] =
        query_parameters({"page", "per_page", "sort", "code", "kind", "latest"});
    paths["/api/procedures"]["get"] = procedures;
    paths["/api/procedures"]["post"] = with_body(
        operation("store a new version of a procedure (the whole document)", "201",
                  reply("the version", "Procedure"), managers, {"400", "401", "403", "415", "422"}),
        "Procedure",
        {{"code", "IRT-FOREHEAD"},
         {"kind", "ir_forehead_thermometer"},
         {"method_reference", "JJF 1107-2003"},
         {"test_points", {35.0, 37.0, 39.0}},
         {"unit", "degC"},
         {"readings_per_point", 3},
         {"uncertainty_inputs",
          {{{"name", "blackbody"}, {"value", 0.1}, {"distribution", "normal"}}}},
         {"maximum_permissible_error", 0.3},
         {"decision_rule", "simple_acceptance"},
         {"certificate_kind", "calibration"},
         {"fee_cents", 5000}});
    paths["/api/procedures/{id}"]["parameters"] = id_parameter();
    paths["/api/procedures/{id}"]["get"] =
        operation("one procedure version", "200", reply("the version", "Procedure"), staff,
                  {"401", "403", "404"});
    auto programmes = operation("free-calibration programmes with their waived fees", "200",
                                reply("a page", "ProgrammeList"), staff, {"400", "401", "403"});
    programmes["parameters"] = query_parameters({"page", "per_page", "sort"});
    paths["/api/programmes"]["get"] = programmes;
    paths["/api/programmes"]["post"] =
        with_body(operation("create a programme", "201", reply("created", "Programme"), managers,
                            {"400", "401", "403", "415", "422"}),
                  "Programme",
                  {{"name", "Free calibration of IR forehead thermometers, 2026"},
                   {"starts_on", "2026-01-01"},
                   {"ends_on", "2026-12-31"},
                   {"eligible_sizes", {"micro", "small"}},
                   {"eligible_regions", {"Henan"}},
                   {"budget_cents", 5000000}});
    paths["/api/programmes/{id}"]["parameters"] = id_parameter();
    paths["/api/programmes/{id}"]["get"] =
        operation("one programme with its waived fees", "200", reply("the programme", "Programme"),
                  staff, {"401", "403", "404"});
}

void add_user_and_audit_paths(json& paths, const json& everyone, const json& managers) {
    const json admins = {"admin"};
    auto users = operation("users (?role=&disabled=&sort=id|username|role)", "200",
                           reply("a page", "AccountList"), admins, {"400", "401", "403"});
    users["parameters"] = query_parameters({"page", "per_page", "sort", "role", "disabled"});
    paths["/api/users"]["get"] = users;
    paths["/api/users"]["post"] =
        with_body(operation("create a user", "201", reply("created", "Account"), admins,
                            {"400", "401", "403", "404", "409", "415", "422"}),
                  "Account",
                  {{"username", "zhao.lei"},
                   {"role", "technician"},
                   {"display_name", "Zhao Lei"},
                   {"email", "zhao.lei@lab.example"},
                   {"password", "a long passphrase"}});
    paths["/api/users/me"]["get"] =
        operation("the signed-in user", "200", reply("the user", "Account"), everyone, {"401"});
    paths["/api/users/{id}"]["parameters"] = id_parameter();
    paths["/api/users/{id}"]["get"] =
        operation("one user", "200", reply("the user", "Account"), admins, {"401", "403", "404"});
    paths["/api/users/{id}"]["patch"] =
        state_dependent(with_body(operation("change a user's role or enterprise, disable or enable",
                                            "200", reply("the user", "Account"), admins,
                                            {"400", "401", "403", "404", "409", "415", "422"}),
                                  "AccountChange", {{"role", "reviewer"}}));
    paths["/api/users/{id}/authorisations"]["parameters"] = id_parameter();
    paths["/api/users/{id}/authorisations"]["post"] = state_dependent(with_body(
        operation("authorise a technician for a procedure", "200", reply("the user", "Account"),
                  admins, {"400", "401", "403", "404", "415", "422"}),
        "Authorisation", {{"procedure_code", "IRT-FOREHEAD"}}));
    auto audit = operation("the audit trail, newest first, paged in the database", "200",
                           reply("a page", "AuditList"), managers, {"400", "401", "403"});
    audit["parameters"] =
        query_parameters({"page", "per_page", "entity", "entity_id", "actor", "from", "to"});
    paths["/api/audit"]["get"] = audit;
}

} // namespace

void add_records_paths(json& paths) {
    const json everyone = {"technician", "reviewer", "signatory",
                           "manager",    "admin",    "enterprise_user"};
    const json staff = {"technician", "reviewer", "signatory", "manager", "admin"};
    const json managers = {"manager", "admin"};
    add_standard_paths(paths, staff, managers);
    add_procedure_and_programme_paths(paths, staff, managers);
    add_user_and_audit_paths(paths, everyone, managers);
}

void add_records_schemas(json& schemas) {
    const json id{{"type", "integer"}};
    const json nullable_id{{"type", "integer"}, {"nullable", true}};
    const json text{{"type", "string"}};
    const json date{{"type", "string"}, {"format", "date"}};
    const json number{{"type", "number"}};
    const json integer{{"type", "integer"}};
    const json boolean{{"type", "boolean"}};
    const json strings{{"type", "array"}, {"items", text}};
    const json status = enumeration({"in_service", "suspended", "retired"});
    schemas["StandardCertificate"] =
        object({{"id", read_only(id)},
                {"standard_id", read_only(id)},
                {"version", read_only(integer)},
                {"number", text},
                {"issuer", text},
                {"calibrated_on", date},
                {"due_on", date},
                {"uncertainty", text}},
               {"number", "issuer", "calibrated_on", "due_on", "uncertainty"});
    schemas["IntermediateCheck"] = object({{"checked_on", date},
                                           {"passed", boolean},
                                           {"result", text},
                                           {"checked_by", read_only(id)}},
                                          {"checked_on", "passed", "result"});
    schemas["StatusReason"] = object({{"reason", text}}, {"reason"});
    const json link =
        object({{"id", id}, {"name", text}, {"status", status}, {"national_standard", text}},
               {"id", "name", "status"});
    schemas["Standard"] = object(
        {{"id", read_only(id)},
         {"name", text},
         {"maker", text},
         {"model", text},
         {"serial", text},
         {"traceability_parent_id", nullable_id},
         {"national_standard", text},
         {"status", read_only(status)},
         {"due_on", read_only({{"type", "string"}, {"format", "date"}, {"nullable", true}})},
         {"usable", read_only(boolean)},
         {"unusable_reason", read_only({{"type", "string"}, {"nullable", true}})},
         {"certificates", read_only({{"type", "array"}, {"items", ref("StandardCertificate")}})},
         {"intermediate_checks",
          read_only({{"type", "array"}, {"items", ref("IntermediateCheck")}})},
         {"traceability", read_only({{"type", "array"}, {"items", link}})},
         {"traceability_complete", read_only(boolean)}},
        {"name"});
    schemas["StandardList"] = list_of("Standard");
    schemas["Procedure"] = object(
        {{"id", read_only(id)},
         {"version", read_only(integer)},
         {"code", text},
         {"kind",
          enumeration({"ir_forehead_thermometer", "ir_ear_thermometer", "radiation_thermometer",
                       "power_analyser", "energy_meter", "other"})},
         {"method_reference", text},
         {"test_points", {{"type", "array"}, {"items", number}}},
         {"unit", text},
         {"readings_per_point", integer},
         {"stabilisation_tolerance", number},
         {"stabilisation_seconds", integer},
         {"uncertainty_inputs",
          {{"type", "array"},
           {"items", object({{"name", text}, {"value", number}, {"distribution", text}},
                            {"name", "value", "distribution"})}}},
         {"environment_limits",
          {{"type", "array"},
           {"items", object({{"quantity", text}, {"unit", text}, {"low", number}, {"high", number}},
                            {"quantity", "unit", "low", "high"})}}},
         {"point_conditions", strings},
         {"maximum_permissible_error", number},
         {"decision_rule", enumeration({"simple_acceptance", "guard_band", "non_binary"})},
         {"guard_band_factor", number},
         {"certificate_kind", enumeration({"calibration", "verification"})},
         {"fee_cents", integer}},
        {"code", "test_points", "unit"});
    schemas["ProcedureList"] = list_of("Procedure");
    schemas["Programme"] = object(
        {{"id", read_only(id)},
         {"name", text},
         {"starts_on", date},
         {"ends_on", date},
         {"eligible_sizes",
          {{"type", "array"}, {"items", enumeration({"micro", "small", "medium", "large"})}}},
         {"eligible_regions", strings},
         {"budget_cents", integer},
         {"fees_waived_cents", read_only(integer)},
         {"budget_left_cents", read_only(integer)}},
        {"name", "starts_on", "ends_on", "budget_cents"});
    schemas["ProgrammeList"] = list_of("Programme");
    json password = text;
    password["writeOnly"] = true;
    password["minLength"] = 8;
    schemas["Account"] = object({{"id", read_only(id)},
                                 {"username", text},
                                 {"role", enumeration({"technician", "reviewer", "signatory",
                                                       "manager", "admin", "enterprise_user"})},
                                 {"enterprise_id", nullable_id},
                                 {"display_name", text},
                                 {"email", text},
                                 {"disabled", boolean},
                                 {"authorisations", read_only(strings)},
                                 {"password", password}},
                                {"username", "role", "password"});
    schemas["AccountList"] = list_of("Account");
    schemas["AccountChange"] =
        object({{"role", enumeration({"technician", "reviewer", "signatory", "manager", "admin",
                                      "enterprise_user"})},
                {"enterprise_id", nullable_id},
                {"disabled", boolean}},
               json::array());
    schemas["Authorisation"] = object({{"procedure_code", text}}, {"procedure_code"});
    schemas["AuditEntry"] = object({{"sequence", integer},
                                    {"at", {{"type", "string"}, {"format", "date-time"}}},
                                    {"actor", text},
                                    {"entity", text},
                                    {"entity_id", text},
                                    {"action", text},
                                    {"before", text},
                                    {"after", text},
                                    {"previous_hash", text},
                                    {"hash", text}},
                                   {"sequence", "at", "actor", "entity", "entity_id", "action"});
    schemas["AuditList"] = list_of("AuditEntry");
}

} // namespace callab::web
