// Standards, procedures, programmes, users and the audit list over HTTP: every role on every
// route, enterprise users refused, passwords never echoed, the audit trail paged by the
// database.
#include "serve_api_fixture.hpp"

namespace callab::test_support {
namespace {
namespace http = boost::beast::http;

bool is_manager(const std::string& role) {
    return role == "manager" || role == "admin";
}

nlohmann::json procedure_body(const std::string& code, double mpe) {
    return {{"code", code},
            {"kind", "ir_forehead_thermometer"},
            {"method_reference", "JJF 1107-2003"},
            {"test_points", {35.0, 37.0, 39.0}},
            {"unit", "degC"},
            {"readings_per_point", 3},
            {"uncertainty_inputs",
             {{{"name", "blackbody"}, {"value", 0.1}, {"distribution", "normal"}}}},
            {"maximum_permissible_error", mpe},
            {"decision_rule", "guard_band"},
            {"guard_band_factor", 0.5},
            {"fee_cents", 5000}};
}

class ServeApiAdminTest : public ServeApiTest {};

TEST_F(ServeApiAdminTest, StandardsCarryTheirCertificatesChainChecksAndStatus) {
    const auto manager = login("manager");
    const auto top = send(http::verb::post, "/api/standards",
                          R"({"name": "Standard platinum resistance thermometer",
                              "national_standard": "NIM ITS-90 fixed points"})",
                          manager);
    ASSERT_EQ(top.status, 201) << top.body;
    const auto top_id = top.json["id"].get<std::int64_t>();
    const auto child = send(http::verb::post, "/api/standards",
                            nlohmann::json{{"name", "Blackbody source"},
                                           {"maker", "Fluke"},
                                           {"model", "4180"},
                                           {"serial", "B-001"},
                                           {"traceability_parent_id", top_id}}
                                .dump(),
                            manager);
    ASSERT_EQ(child.status, 201) << child.body;
    const auto id = std::to_string(child.json["id"].get<std::int64_t>());
    EXPECT_FALSE(child.json["usable"]) << "no certificate yet";
    EXPECT_EQ(send(http::verb::post, "/api/standards", R"({"name": "Orphan"})", manager).status,
              422);

    const nlohmann::json certificate{{"number", "NIM-2026-0815"},
                                     {"issuer", "National Institute of Metrology"},
                                     {"calibrated_on", "2026-08-15"},
                                     {"due_on", "2099-08-14"},
                                     {"uncertainty", "U = 0.2 degC (k = 2)"}};
    for (int version = 1; version <= 2; ++version) {
        const auto added = send(http::verb::post, "/api/standards/" + id + "/certificates",
                                certificate.dump(), manager);
        ASSERT_EQ(added.status, 201) << added.body;
        EXPECT_EQ(added.json["version"], version);
    }
    auto inverted = certificate;
    inverted["due_on"] = "2026-01-01";
    EXPECT_EQ(
        send(http::verb::post, "/api/standards/" + id + "/certificates", inverted.dump(), manager)
            .status,
        422);
    EXPECT_EQ(send(http::verb::post, "/api/standards/" + id + "/checks",
                   R"({"checked_on": "2026-11-20", "passed": true, "result": "37.02 at 37"})",
                   manager)
                  .status,
              201);

    const auto detail = send(http::verb::get, "/api/standards/" + id, {}, login("technician"));
    ASSERT_EQ(detail.status, 200) << detail.body;
    EXPECT_EQ(detail.json["certificates"].size(), 2u);
    EXPECT_EQ(detail.json["intermediate_checks"].size(), 1u);
    ASSERT_EQ(detail.json["traceability"].size(), 2u);
    EXPECT_EQ(detail.json["traceability"][1]["id"], top_id);
    EXPECT_EQ(detail.json["traceability"][1]["national_standard"], "NIM ITS-90 fixed points");
    EXPECT_TRUE(detail.json["traceability_complete"]);
    EXPECT_TRUE(detail.json["usable"]);
    EXPECT_EQ(detail.json["due_on"], "2099-08-14");

    const auto status = [&](const std::string& action, const std::string& body) {
        return send(http::verb::post, "/api/standards/" + id + "/" + action, body, manager);
    };
    EXPECT_EQ(status("suspend", R"({"reason": ""})").status, 422);
    const auto suspended = status("suspend", R"({"reason": "drift at the check"})");
    EXPECT_EQ(suspended.status, 200);
    EXPECT_EQ(suspended.json["status"], "suspended");
    EXPECT_FALSE(suspended.json["usable"]);
    EXPECT_EQ(status("suspend", R"({"reason": "again"})").status, 409);
    EXPECT_EQ(status("reinstate", R"({"reason": "repaired"})").json["status"], "in_service");
    EXPECT_EQ(status("retire", R"({"reason": "replaced"})").json["status"], "retired");
    EXPECT_EQ(status("reinstate", R"({"reason": "no"})").status, 409);
    const auto by_status = send(http::verb::get, "/api/standards?status=retired", {}, manager);
    EXPECT_EQ(by_status.json["total"], 1);

    for (const auto& [role, user] : user_) {
        SCOPED_TRACE(role);
        const auto as = login(role);
        const bool enterprise = role.starts_with("enterprise");
        EXPECT_EQ(send(http::verb::get, "/api/standards", {}, as).status, enterprise ? 403 : 200);
        EXPECT_EQ(send(http::verb::get, "/api/standards/" + id, {}, as).status,
                  enterprise ? 403 : 200);
        EXPECT_EQ(send(http::verb::post, "/api/standards/" + id + "/checks",
                       R"({"checked_on": "2026-11-21", "passed": false, "result": "x"})", as)
                      .status,
                  is_manager(role) ? 201 : 403);
    }
}

TEST_F(ServeApiAdminTest, ProceduresAreNewVersionsNeverEdits) {
    const auto manager = login("manager");
    const auto first =
        send(http::verb::post, "/api/procedures", procedure_body("IRT-X", 0.3).dump(), manager);
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(first.json["version"], 1);
    const auto second =
        send(http::verb::post, "/api/procedures", procedure_body("IRT-X", 0.2).dump(), manager);
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(second.json["version"], 2);
    const auto first_id = std::to_string(first.json["id"].get<std::int64_t>());
    const auto stored = send(http::verb::get, "/api/procedures/" + first_id, {}, manager);
    EXPECT_EQ(stored.json["maximum_permissible_error"], 0.3);
    EXPECT_EQ(stored.json["decision_rule"], "guard_band");
    EXPECT_EQ(stored.json["uncertainty_inputs"][0]["name"], "blackbody");
    EXPECT_EQ(send(http::verb::patch, "/api/procedures/" + first_id,
                   procedure_body("IRT-X", 0.1).dump(), manager)
                  .status,
              405);
    EXPECT_EQ(send(http::verb::get, "/api/procedures?code=IRT-X", {}, manager).json["total"], 2);
    const auto latest =
        send(http::verb::get, "/api/procedures?code=IRT-X&latest=true", {}, manager);
    ASSERT_EQ(latest.json["total"], 1);
    EXPECT_EQ(latest.json["items"][0]["version"], 2);
    auto empty = procedure_body("IRT-Y", 0.3);
    empty["test_points"] = nlohmann::json::array();
    const auto refused = send(http::verb::post, "/api/procedures", empty.dump(), manager);
    EXPECT_EQ(refused.status, 422);
    EXPECT_EQ(refused.json["field"], "test_points");
    for (const auto& [role, user] : user_) {
        SCOPED_TRACE(role);
        const auto as = login(role);
        const bool enterprise = role.starts_with("enterprise");
        EXPECT_EQ(send(http::verb::get, "/api/procedures", {}, as).status, enterprise ? 403 : 200);
        EXPECT_EQ(send(http::verb::post, "/api/procedures", procedure_body("IRT-Z", 0.3).dump(), as)
                      .status,
                  is_manager(role) ? 201 : 403);
    }
}

TEST_F(ServeApiAdminTest, ProgrammesShowTheirWaivedFees) {
    const nlohmann::json programme{{"name", "Free calibration of IR thermometers, 2026"},
                                   {"starts_on", "2026-01-01"},
                                   {"ends_on", "2026-12-31"},
                                   {"eligible_sizes", {"micro", "small"}},
                                   {"eligible_regions", {"Henan"}},
                                   {"budget_cents", 5000000}};
    for (const auto& [role, user] : user_) {
        SCOPED_TRACE(role);
        const auto as = login(role);
        const bool enterprise = role.starts_with("enterprise");
        EXPECT_EQ(send(http::verb::post, "/api/programmes", programme.dump(), as).status,
                  is_manager(role) ? 201 : 403);
        EXPECT_EQ(send(http::verb::get, "/api/programmes", {}, as).status, enterprise ? 403 : 200);
    }
    const auto manager = login("manager");
    const auto list = send(http::verb::get, "/api/programmes?sort=-id", {}, manager);
    ASSERT_EQ(list.json["total"], 2);
    const auto& first = list.json["items"][0];
    EXPECT_EQ(first["fees_waived_cents"], 0);
    EXPECT_EQ(first["budget_left_cents"], 5000000);
    EXPECT_EQ(first["eligible_sizes"], nlohmann::json({"micro", "small"}));
    auto inverted = programme;
    inverted["ends_on"] = "2025-12-31";
    EXPECT_EQ(send(http::verb::post, "/api/programmes", inverted.dump(), manager).status, 422);
}

TEST_F(ServeApiAdminTest, AdministratorsManageUsersAndPasswordsAreNeverEchoed) {
    const auto admin = login("admin");
    const std::string password = test_password;
    const auto created = send(http::verb::post, "/api/users",
                              nlohmann::json{{"username", "zhao.lei"},
                                             {"role", "technician"},
                                             {"display_name", "Zhao Lei"},
                                             {"password", password}}
                                  .dump(),
                              admin);
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = std::to_string(created.json["id"].get<std::int64_t>());
    const auto list = send(http::verb::get, "/api/users?per_page=500", {}, admin);
    ASSERT_EQ(list.status, 200);
    for (const auto* body : {&created.body, &list.body}) {
        EXPECT_EQ(body->find(password), std::string::npos);
        EXPECT_EQ(body->find("argon2"), std::string::npos);
        EXPECT_EQ(body->find("password"), std::string::npos);
    }
    EXPECT_EQ(send(http::verb::post, "/api/users", created.body, admin).status, 422)
        << "no password: refused";
    auto taken =
        nlohmann::json{{"username", "zhao.lei"}, {"role", "technician"}, {"password", password}};
    EXPECT_EQ(send(http::verb::post, "/api/users", taken.dump(), admin).status, 409);

    const auto zhao = login("zhao.lei");
    const auto me = send(http::verb::get, "/api/users/me", {}, zhao);
    EXPECT_EQ(me.json["username"], "zhao.lei");
    EXPECT_EQ(me.body.find("password"), std::string::npos);

    const auto authorised = send(http::verb::post, "/api/users/" + id + "/authorisations",
                                 R"({"procedure_code": "NO-SUCH"})", admin);
    EXPECT_EQ(authorised.status, 404);
    ASSERT_EQ(send(http::verb::post, "/api/procedures", procedure_body("IRT-A", 0.3).dump(),
                   login("manager"))
                  .status,
              201);
    const auto now_authorised = send(http::verb::post, "/api/users/" + id + "/authorisations",
                                     R"({"procedure_code": "IRT-A"})", admin);
    EXPECT_EQ(now_authorised.json["authorisations"], nlohmann::json({"IRT-A"}));

    const auto promoted =
        send(http::verb::patch, "/api/users/" + id, R"({"role": "reviewer"})", admin);
    EXPECT_EQ(promoted.json["role"], "reviewer");
    EXPECT_EQ(
        send(http::verb::patch, "/api/users/" + id, R"({"role": "enterprise_user"})", admin).status,
        422)
        << "an enterprise user needs its enterprise";
    const auto self = std::to_string(user_.at("admin").id.value());
    EXPECT_EQ(send(http::verb::patch, "/api/users/" + self, R"({"disabled": true})", admin).status,
              409);

    const auto disabled =
        send(http::verb::patch, "/api/users/" + id, R"({"disabled": true})", admin);
    EXPECT_TRUE(disabled.json["disabled"]);
    EXPECT_EQ(send(http::verb::get, "/api/users/me", {}, zhao).status, 401)
        << "a disabled user's session is refused";
    EXPECT_EQ(send(http::verb::post, "/api/session",
                   nlohmann::json{{"username", "zhao.lei"}, {"password", password}}.dump())
                  .status,
              401);
    send(http::verb::patch, "/api/users/" + id, R"({"disabled": false})", admin);
    EXPECT_EQ(send(http::verb::get, "/api/users/me", {}, login("zhao.lei")).status, 200);

    for (const auto& [role, user] : user_) {
        SCOPED_TRACE(role);
        const auto as = login(role);
        const bool admin_role = role == "admin";
        EXPECT_EQ(send(http::verb::get, "/api/users/me", {}, as).json["username"], role);
        EXPECT_EQ(send(http::verb::get, "/api/users", {}, as).status, admin_role ? 200 : 403);
        EXPECT_EQ(send(http::verb::get, "/api/users/" + id, {}, as).status, admin_role ? 200 : 403);
        EXPECT_EQ(send(http::verb::patch, "/api/users/" + id, R"({"role": "reviewer"})", as).status,
                  admin_role ? 200 : 403);
    }
}

TEST_F(ServeApiAdminTest, TheAuditTrailIsPagedAndFilteredByTheDatabase) {
    const auto manager = login("manager");
    for (int n = 0; n < 3; ++n) {
        ASSERT_EQ(
            send(http::verb::post, "/api/standards",
                 nlohmann::json{{"name", "S" + std::to_string(n)}, {"national_standard", "NIM"}}
                     .dump(),
                 manager)
                .status,
            201);
    }
    const auto all = send(http::verb::get, "/api/audit?per_page=500", {}, manager);
    ASSERT_EQ(all.status, 200) << all.body;
    const auto total = all.json["total"].get<std::int64_t>();
    EXPECT_EQ(static_cast<std::int64_t>(all.json["items"].size()), total);
    const auto page = send(http::verb::get, "/api/audit?per_page=2&page=2", {}, manager);
    ASSERT_EQ(page.json["items"].size(), 2u);
    EXPECT_EQ(page.json["total"], total);
    EXPECT_EQ(page.json["items"][0]["sequence"], total - 2) << "newest first";
    const auto standards =
        send(http::verb::get, "/api/audit?entity=reference_standard&actor=manager", {}, manager);
    EXPECT_EQ(standards.json["total"], 3);
    EXPECT_EQ(standards.json["items"][0]["action"], "create");
    const auto one = send(http::verb::get,
                          "/api/audit?entity=reference_standard&entity_id=" +
                              standards.json["items"][0]["entity_id"].get<std::string>(),
                          {}, manager);
    EXPECT_EQ(one.json["total"], 1);
    EXPECT_EQ(send(http::verb::get, "/api/audit?from=2000-01-01&to=2000-12-31", {}, manager)
                  .json["total"],
              0);
    EXPECT_EQ(send(http::verb::get, "/api/audit?entity_id=1", {}, manager).status, 400);
    EXPECT_EQ(send(http::verb::get, "/api/audit?from=yesterday", {}, manager).status, 400);
    for (const auto& [role, user] : user_) {
        SCOPED_TRACE(role);
        const auto as = login(role);
        EXPECT_EQ(send(http::verb::get, "/api/audit", {}, as).status, is_manager(role) ? 200 : 403);
        EXPECT_EQ(send(http::verb::get, "/api/audit/verify", {}, as).status,
                  is_manager(role) ? 200 : 403);
    }
}

} // namespace
} // namespace callab::test_support
