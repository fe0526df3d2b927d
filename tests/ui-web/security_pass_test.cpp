// An automated security pass over every operation /api/openapi.json documents: without a
// session, as every role, without the CSRF token, with another enterprise's ids, with SQL
// metacharacters and oversized values in every field of every request body. Every refusal
// must be logged. (security_pass_session_test.cpp has the checks that need no route table.)
#include "security_pass_fixture.hpp"

#include <callab/lab/credit_code.hpp>

#include <algorithm>
#include <set>

namespace callab::web {
namespace {
namespace http = boost::beast::http;

const std::vector<std::string> everyone = all_roles;
const std::vector<std::string> lab_staff{"technician", "reviewer", "signatory", "manager", "admin"};
const std::vector<std::string> managers{"manager", "admin"};
const std::vector<std::string> registrars{"technician", "manager", "admin"};
const std::vector<std::string> instrument_registrars{"technician", "manager", "admin",
                                                     "enterprise_user"};
const std::vector<std::string> operators{"technician", "manager"};
const std::vector<std::string> reviewers{"reviewer", "signatory", "manager"};

/// A record of enterprise B that enterprise A's user must not reach: named in the path's
/// `{id}` or in a body field.
struct Foreign {
    std::string where;  ///< "{id}" or a field of the request body
    std::string record; ///< "booking_b", "user_b"
};

/// Who may call a documented operation. Every operation of openapi.json must have a row here
/// (a new route fails the pass until its row says who may call it), and every row must be
/// documented.
struct Rule {
    std::string operation;          ///< "GET /api/bookings/{id}"
    std::vector<std::string> roles; ///< empty: no session needed
    std::string sample;             ///< the record `{id}` names: equipment, job, booking_a
    std::vector<Foreign> foreign;
    /// Allowed roles act only on records of their own (the booker, the job's technician):
    /// a 403 for the sample, which is not theirs, is then the record's rule, not the role's.
    bool own_records_only = false;
};

const std::vector<Rule>& rules() {
    static const std::vector<Rule> table{
        {"GET /api/health", {}, "", {}},
        {"POST /api/session", {}, "", {}},
        {"GET /api/session", everyone, "", {}},
        {"DELETE /api/session", everyone, "", {}},
        {"GET /api/equipment", everyone, "", {}},
        {"POST /api/equipment", managers, "", {}},
        {"GET /api/equipment/{id}", everyone, "equipment", {}},
        {"PATCH /api/equipment/{id}", managers, "equipment", {}},
        {"GET /api/equipment/{id}/calendar.ics", everyone, "equipment", {}},
        {"GET /api/users/me/calendar.ics", everyone, "", {}},
        {"GET /api/bookings", everyone, "", {}},
        {"POST /api/bookings", everyone, "", {{"on_behalf_of", "user_b"}}},
        {"GET /api/bookings/{id}", everyone, "booking_a", {{"{id}", "booking_b"}}},
        {"POST /api/bookings/{id}/approve", managers, "booking_a", {}},
        {"POST /api/bookings/{id}/reject", managers, "booking_a", {}},
        {"POST /api/bookings/{id}/check-out", everyone, "booking_a", {}},
        {"POST /api/bookings/{id}/return", everyone, "booking_a", {}},
        {"POST /api/bookings/{id}/cancel", everyone, "booking_a", {}, true},
        {"POST /api/bookings/{id}/no-show", lab_staff, "booking_a", {}},
        {"GET /api/enterprises", everyone, "", {}},
        {"POST /api/enterprises", registrars, "", {}},
        {"GET /api/enterprises/{id}", everyone, "enterprise_a", {}},
        {"GET /api/instruments", everyone, "", {}},
        {"POST /api/instruments", instrument_registrars, "", {}},
        {"GET /api/instruments/{id}", everyone, "instrument_a", {}},
        {"GET /api/audit/verify", managers, "", {}},
        {"GET /api/jobs", everyone, "", {}},
        {"POST /api/jobs", {"technician"}, "", {}},
        {"GET /api/jobs/{id}", everyone, "job", {}},
        {"GET /api/jobs/{id}/run", everyone, "job", {}},
        {"POST /api/jobs/{id}/start", operators, "job", {}, true},
        {"POST /api/jobs/{id}/pause", operators, "job", {}, true},
        {"POST /api/jobs/{id}/resume", operators, "job", {}, true},
        {"POST /api/jobs/{id}/abort", operators, "job", {}, true},
        {"POST /api/jobs/{id}/readings", operators, "job", {}, true},
        {"POST /api/jobs/{id}/review", reviewers, "job", {}},
        {"POST /api/jobs/{id}/return", reviewers, "job", {}},
        {"POST /api/jobs/{id}/approve", {"signatory"}, "job", {}},
        {"POST /api/jobs/{id}/issue", {"signatory"}, "job", {}},
        {"GET /api/certificates", everyone, "", {}},
        {"GET /api/certificates/{number}", everyone, "", {}},
        {"GET /api/certificates/{number}.pdf", everyone, "", {}},
        {"GET /api/certificates/{number}.xml", everyone, "", {}},
        {"POST /api/certificates/{number}/revoke", {"signatory", "manager"}, "", {}},
        {"POST /api/certificates/{number}/correct", {"technician"}, "", {}},
        {"GET /api/service-requests", everyone, "", {}},
        {"POST /api/service-requests", everyone, "", {}},
        {"GET /api/service-requests/{id}", everyone, "service_request_a", {}},
        {"POST /api/service-requests/{id}/accept", lab_staff, "service_request_a", {}},
        {"POST /api/service-requests/{id}/reject", lab_staff, "service_request_a", {}},
        {"POST /api/service-requests/{id}/ask", lab_staff, "service_request_a", {}},
        {"POST /api/service-requests/{id}/answer", everyone, "service_request_a", {}},
        {"POST /api/service-requests/{id}/convert", lab_staff, "service_request_a", {}},
        {"GET /api/activities", lab_staff, "", {}},
        {"POST /api/activities", lab_staff, "", {}},
        {"GET /api/activities/{id}", lab_staff, "activity", {}},
        {"GET /api/statistics", lab_staff, "", {}},
        {"GET /api/recall", lab_staff, "", {}},
        {"GET /api/recall/notices", lab_staff, "", {}},
        {"GET /api/job-choices", lab_staff, "", {}},
        {"GET /api/standards", lab_staff, "", {}},
        {"POST /api/standards", managers, "", {}},
        {"GET /api/standards/{id}", lab_staff, "standard", {}},
        {"POST /api/standards/{id}/certificates", managers, "standard", {}},
        {"POST /api/standards/{id}/checks", managers, "standard", {}},
        {"POST /api/standards/{id}/suspend", managers, "standard", {}},
        {"POST /api/standards/{id}/retire", managers, "standard", {}},
        {"POST /api/standards/{id}/reinstate", managers, "standard", {}},
        {"GET /api/procedures", lab_staff, "", {}},
        {"POST /api/procedures", managers, "", {}},
        {"GET /api/procedures/{id}", lab_staff, "procedure", {}},
        {"GET /api/programmes", lab_staff, "", {}},
        {"POST /api/programmes", managers, "", {}},
        {"GET /api/programmes/{id}", lab_staff, "programme", {}},
        {"GET /api/users", {"admin"}, "", {}},
        {"POST /api/users", {"admin"}, "", {}},
        {"GET /api/users/me", everyone, "", {}},
        {"GET /api/users/{id}", {"admin"}, "spare_user", {}},
        {"PATCH /api/users/{id}", {"admin"}, "spare_user", {}},
        {"POST /api/users/{id}/authorisations", {"admin"}, "spare_user", {}},
        {"GET /api/audit", managers, "", {}},
    };
    return table;
}

const Rule* rule_for(const std::string& operation) {
    const auto& table = rules();
    const auto found = std::find_if(table.begin(), table.end(),
                                    [&](const Rule& rule) { return rule.operation == operation; });
    return found == table.end() ? nullptr : &*found;
}

http::verb verb_of(const std::string& method) {
    return http::string_to_verb(method);
}

bool is_read(const std::string& method) {
    return method == "GET" || method == "HEAD";
}

struct Operation {
    std::string method; ///< upper case
    std::string path;
    nlohmann::json spec;
    std::string name() const { return method + " " + path; }
};

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

class SecurityPass : public SecurityPassTest {
protected:
    void SetUp() override {
        SecurityPassTest::SetUp();
        const auto reply = send(http::verb::get, "/api/openapi.json");
        ASSERT_EQ(reply.status, 200);
        document_ = reply.json;
        for (const auto& [path, item] : document_["paths"].items()) {
            for (const auto& [method, spec] : item.items()) {
                if (method != "parameters") {
                    operations_.push_back({upper(method), path, spec});
                }
            }
        }
        ASSERT_FALSE(operations_.empty());
    }

    std::int64_t record(const std::string& name) {
        const std::map<std::string, std::int64_t> ids{
            {"equipment", equipment_},
            {"job", job_},
            {"booking_a", booking_a_},
            {"booking_b", booking_b_},
            {"enterprise_a", enterprise_a_},
            {"instrument_a", instrument_a_},
            {"service_request_a", service_request_a_},
            {"activity", activity_},
            {"user_b", user_["enterprise_user_b"].id.value()},
            {"standard", standard_},
            {"procedure", procedure_},
            {"programme", programme_},
            {"spare_user", user_["spare_user"].id.value()}};
        const auto found = ids.find(name);
        EXPECT_NE(found, ids.end()) << "no record '" << name << "' in the security pass";
        return found == ids.end() ? 0 : found->second;
    }

    std::string target_of(const Operation& op, const std::string& record_name) {
        std::string target = op.path;
        if (const auto at = target.find("{id}"); at != std::string::npos) {
            target.replace(at, 4, std::to_string(record(record_name)));
        }
        if (const auto at = target.find("{number}"); at != std::string::npos) {
            target.replace(at, 8, "CAL-1999-000001"); // none issued: 404 to the roles allowed
        }
        return target;
    }

    /// The documented example body, made valid for this fixture (a free slot, its equipment);
    /// for the sign-in, `username`'s credentials.
    nlohmann::json body_for(const Operation& op, const std::string& username = "technician") {
        if (!op.spec.contains("requestBody")) {
            return nullptr;
        }
        if (op.name() == "POST /api/session") {
            return {{"username", username}, {"password", pass_password}};
        }
        auto body = op.spec["requestBody"]["content"]["application/json"]["example"];
        if (body.contains("start") && body.contains("end")) {
            body.update(fresh_booking());
        }
        // Records that must be unique get a value of their own on every call.
        ++unique_;
        if (body.contains("credit_code")) {
            auto first17 = std::to_string(913302000000000000LL / 10 + unique_);
            body["credit_code"] = first17 + *lab::credit_code_check_character(first17);
        }
        if (body.contains("serial")) {
            body["serial"] = "PASS-" + std::to_string(unique_);
        }
        if (body.contains("username") && body.contains("role")) {
            body["username"] = "pass." + std::to_string(unique_);
        }
        return body;
    }

    /// A session for `role` to call `op` with: a fresh one where the call ends it.
    Credentials credentials(const Operation& op, const std::string& role) {
        return op.method == "DELETE" && op.path == "/api/session" ? session_for(role) : as_[role];
    }

    Reply call(const Operation& op, const std::string& target, const nlohmann::json& body,
               const Credentials& as, const std::string& peer) {
        return send(verb_of(op.method), target, body.is_null() ? "" : body.dump(), as, peer);
    }

    /// A client address of its own for each request, so that its log line is told apart.
    std::string next_peer() { return "198.51.100." + std::to_string(++peers_ % 250 + 1); }

    void expect_refusal_logged(const Operation& op, const std::string& target, int status,
                               const std::string& peer) {
        const auto line = "refused " + op.method + " " + target + " -> " + std::to_string(status) +
                          " from " + peer;
        EXPECT_NE(log().find(line), std::string::npos) << "not logged: " << line;
    }

    const Rule& rule(const Operation& op) {
        const auto* found = rule_for(op.name());
        if (found == nullptr) {
            ADD_FAILURE() << op.name() << " is documented but not in the security pass's table";
            static const Rule none;
            return none;
        }
        return *found;
    }

    nlohmann::json document_;
    std::vector<Operation> operations_;
    int peers_ = 0;
    long long unique_ = 0;
};

TEST_F(SecurityPass, TheTableListsEveryDocumentedOperationWithItsDocumentedRoles) {
    std::set<std::string> documented;
    for (const auto& op : operations_) {
        documented.insert(op.name());
        const auto& expected = rule(op).roles;
        std::set<std::string> roles;
        for (const auto& role : op.spec["x-roles"]) {
            roles.insert(role.get<std::string>());
        }
        EXPECT_EQ(roles, std::set<std::string>(expected.begin(), expected.end())) << op.name();
    }
    for (const auto& row : rules()) {
        EXPECT_TRUE(documented.contains(row.operation))
            << row.operation << " is in the table but not documented in openapi.json";
    }
}

TEST_F(SecurityPass, WithoutASessionEveryProtectedOperationIs401AndLogged) {
    for (const auto& op : operations_) {
        const auto& row = rule(op);
        if (row.roles.empty()) {
            continue;
        }
        const auto target = target_of(op, row.sample);
        const auto peer = next_peer();
        const auto reply = call(op, target, body_for(op), {}, peer);
        EXPECT_EQ(reply.status, 401) << op.name() << ": " << reply.body;
        EXPECT_EQ(reply.json.value("error", ""), "unauthenticated") << op.name();
        expect_refusal_logged(op, target, 401, peer);
        // A cookie naming no session is no session either.
        const auto forged =
            call(op, target, body_for(op), {"callab_session=" + std::string(64, 'a'), "x"}, peer);
        EXPECT_EQ(forged.status, 401) << op.name() << " with a forged cookie";
    }
}

TEST_F(SecurityPass, EveryRoleOutsideTheTableIs403AndEveryRoleInsideIsServed) {
    for (const auto& op : operations_) {
        const auto& row = rule(op);
        if (row.roles.empty()) {
            continue;
        }
        const auto target = target_of(op, row.sample);
        for (const auto& role : all_roles) {
            const bool allowed = std::ranges::find(row.roles, role) != row.roles.end();
            const auto peer = next_peer();
            const auto reply = call(op, target, body_for(op), credentials(op, role), peer);
            // An action documented as state-dependent may find its sample in a state that
            // does not allow it (404, 409, 422): the role was let through all the same.
            const bool refused_by_state =
                op.spec.value("x-state-dependent", false) &&
                (reply.status == 404 || reply.status == 409 || reply.status == 422 ||
                 (row.own_records_only && reply.status == 403));
            if (allowed && !refused_by_state) {
                EXPECT_GE(reply.status, 200) << role << " " << op.name() << ": " << reply.body;
                EXPECT_LT(reply.status, 300) << role << " " << op.name() << ": " << reply.body;
            } else if (!allowed) {
                EXPECT_EQ(reply.status, 403) << role << " " << op.name() << ": " << reply.body;
                EXPECT_EQ(reply.json.value("error", ""), "forbidden") << role << " " << op.name();
                expect_refusal_logged(op, target, 403, peer);
            }
        }
    }
}

TEST_F(SecurityPass, StateChangingWithoutTheSessionsCsrfTokenIs403AndChangesNothing) {
    for (const auto& op : operations_) {
        const auto& row = rule(op);
        if (is_read(op.method) || row.roles.empty()) {
            continue;
        }
        const auto target = target_of(op, row.sample);
        const auto& role = row.roles.front();
        const auto as = credentials(op, role);
        const auto before = table_rows();
        const auto other = as_[role == "admin" ? "manager" : "admin"].csrf;
        for (const auto& token : {std::string(), other, as.csrf + "0"}) {
            const auto peer = next_peer();
            const auto reply = call(op, target, body_for(op), {as.cookie, token}, peer);
            EXPECT_EQ(reply.status, 403) << op.name() << " with token '" << token << "'";
            EXPECT_EQ(reply.json.value("error", ""), "csrf_token_invalid") << op.name();
            expect_refusal_logged(op, target, 403, peer);
        }
        EXPECT_EQ(table_rows(), before) << op.name() << " changed the records without its token";
        EXPECT_EQ(send(http::verb::get, "/api/session", {}, as).status, 200)
            << op.name() << ": the session survives a refused request";
    }
}

TEST_F(SecurityPass, AnotherEnterprisesRecordsAreRefused) {
    int checked = 0;
    for (const auto& op : operations_) {
        const auto& row = rule(op);
        for (const auto& foreign : row.foreign) {
            ++checked;
            auto body = body_for(op);
            std::string target = target_of(op, row.sample);
            if (foreign.where == "{id}") {
                target = target_of(op, foreign.record);
                const auto owner = call(op, target, body, as_["enterprise_user_b"], next_peer());
                EXPECT_EQ(owner.status / 100, 2) << "enterprise B reaches its own record";
            } else {
                body[foreign.where] = record(foreign.record);
            }
            const auto peer = next_peer();
            const auto before = table_rows();
            const auto reply = call(op, target, body, as_["enterprise_user"], peer);
            EXPECT_TRUE(reply.status == 403 || reply.status == 404)
                << op.name() << " with " << foreign.where << " of enterprise B: " << reply.status
                << " " << reply.body;
            if (reply.status == 403) {
                expect_refusal_logged(op, target, 403, peer);
            }
            EXPECT_EQ(table_rows(), before) << op.name();
        }
    }
    EXPECT_GE(checked, 2);
}

/// The properties of an operation's request body that a client writes (not readOnly).
std::vector<std::pair<std::string, nlohmann::json>> writable_fields(const nlohmann::json& document,
                                                                    const Operation& op) {
    auto schema = op.spec["requestBody"]["content"]["application/json"]["schema"];
    if (schema.contains("$ref")) {
        const auto name =
            schema["$ref"].get<std::string>().substr(sizeof "#/components/schemas/" - 1);
        schema = document["components"]["schemas"][name];
    }
    std::vector<std::pair<std::string, nlohmann::json>> fields;
    for (const auto& [name, property] : schema["properties"].items()) {
        if (!property.value("readOnly", false)) {
            fields.emplace_back(name, property);
        }
    }
    return fields;
}

#ifdef CALLAB_SANITIZED_BUILD
constexpr bool sanitized_build = true;
#else
constexpr bool sanitized_build = false;
#endif

TEST_F(SecurityPass, SqlMetacharactersAndOversizedValuesAreRefusedOrStoredVerbatim) {
    const std::vector<std::string> values{
        "'; DROP TABLE user; --", "'; DROP TABLE app_user; --",
        "\" OR 1=1 --",           "x'); DELETE FROM web_session; --",
        std::string(10'000, 'k'), std::string(1 << 20, 'm')};
    const auto before = table_rows();
    int attempts = 0;
    long long users_added = 0; // by POST /api/users, the one route that adds users
    for (const auto& op : operations_) {
        const auto& row = rule(op);
        if (!op.spec.contains("requestBody")) {
            continue;
        }
        const auto target = target_of(op, row.sample);
        bool first_field = true;
        for (const auto& [field, property] : writable_fields(document_, op)) {
            for (const auto& value : values) {
                // Under the sanitizers a 1 MiB body costs seconds; there it goes to one field
                // of each operation (the body limit is the same for every field).
                if (sanitized_build && !first_field && value.size() > 10'000) {
                    continue;
                }
                ++attempts;
                auto body = body_for(op, "nobody");
                body[field] = value;
                const auto as = row.roles.empty() ? Credentials{} : credentials(op, row.roles[0]);
                const auto reply = call(op, target, body, as, next_peer());
                const auto what = op.name() + " " + field + " = " + value.substr(0, 40) + " (" +
                                  std::to_string(value.size()) + " bytes): ";
                EXPECT_LT(reply.status, 500) << what << reply.body;
                if (op.name() == "POST /api/users" && reply.status == 201) {
                    ++users_added;
                }
                EXPECT_GE(reply.status, 200) << what << reply.body;
                if (property.value("type", "") != "string" || reply.status >= 300) {
                    EXPECT_GE(reply.status, 400) << what << reply.body;
                    continue;
                }
                // Accepted: then kept exactly as sent, in the answer and when read back.
                if (reply.json.contains(field)) {
                    EXPECT_EQ(reply.json[field], value) << what;
                }
                const auto read_path = op.path + "/{id}";
                if (!property.value("writeOnly", false) && reply.json.contains("id") &&
                    document_["paths"].contains(read_path)) {
                    const auto read =
                        send(http::verb::get,
                             op.path + "/" + std::to_string(reply.json["id"].get<std::int64_t>()),
                             {}, as);
                    ASSERT_EQ(read.status, 200) << what << read.body;
                    EXPECT_EQ(read.json.value(field, nlohmann::json()), value) << what;
                }
            }
            first_field = false;
        }
    }
    EXPECT_GT(attempts, 0);
    EXPECT_EQ(integrity_check(), "ok");
    const auto after = table_rows();
    for (const auto& [table, rows] : before) {
        ASSERT_TRUE(after.contains(table)) << "table " << table << " is gone";
    }
    // Only POST /api/users adds users; enterprises are registered through the API (verbatim
    // names).
    EXPECT_EQ(after.at("app_user"), before.at("app_user") + users_added);
    for (const auto& [name, as] : as_) {
        EXPECT_EQ(send(http::verb::get, "/api/session", {}, as).status, 200)
            << name << "'s session survives";
    }
}

} // namespace
} // namespace callab::web
