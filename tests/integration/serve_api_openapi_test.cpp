// Every operation /api/openapi.json documents exists and answers each role as documented:
// its 2xx status for the roles in `x-roles` (all when the list is empty), 403 for the rest.
#include "serve_api_fixture.hpp"

#include <callab/lab/credit_code.hpp>

#include <algorithm>

namespace callab::test_support {
namespace {
namespace http = boost::beast::http;

http::verb verb_of(const std::string& method) {
    const std::map<std::string, http::verb> verbs{{"get", http::verb::get},
                                                  {"post", http::verb::post},
                                                  {"patch", http::verb::patch},
                                                  {"delete", http::verb::delete_}};
    return verbs.at(method);
}

class OpenApiWalkTest : public ServeApiTest {
protected:
    /// A booking by `role` in the state `action` acts on, in its own hour.
    std::int64_t booking_for(const std::string& action, const std::string& role, int hour) {
        const auto now = std::chrono::system_clock::now();
        const auto start = action == "no-show" ? now - std::chrono::hours(hour + 1)
                                               : now + std::chrono::hours(24 * 400 + hour);
        lab::BookingRequest request{lab::EquipmentId{equipment_},
                                    user_.at(role).id,
                                    std::nullopt,
                                    start,
                                    start + std::chrono::minutes(30),
                                    "walk",
                                    std::nullopt};
        const auto status = action == "approve" || action == "reject"
                                ? lab::BookingStatus::requested
                                : lab::BookingStatus::approved;
        const auto booking = bookings_->create_booking(request, status, "test").value();
        if (action == "return") {
            EXPECT_TRUE(bookings_->change_booking_status(
                booking.id, status, lab::BookingStatus::checked_out, now, "ok", "test"));
        }
        return booking.id.value();
    }
};

TEST_F(OpenApiWalkTest, EveryDocumentedOperationAnswersEveryRoleAsDocumented) {
    const auto document = send(http::verb::get, "/api/openapi.json");
    ASSERT_EQ(document.status, 200);
    EXPECT_EQ(document.json["openapi"], "3.0.3");

    lab::NewJob spec{"Thermometer at 37 °C", "Clinical thermometer", "temperature", "degC", 0.1};
    spec.technician = user_["technician"].id;
    const auto job = job_store_->create_job(spec);
    const auto booked = send(http::verb::post, "/api/bookings",
                             nlohmann::json{{"equipment_id", equipment_},
                                            {"start", "2032-01-01T09:00:00Z"},
                                            {"end", "2032-01-01T10:00:00Z"}}
                                 .dump(),
                             login("manager"));
    ASSERT_EQ(booked.status, 201) << booked.body;
    const auto enterprise = user_.at("enterprise_user").data.enterprise->value();
    lab::NewInstrument instrument;
    instrument.serial = "OPENAPI-1";
    instrument.range_high = 1;
    instrument.resolution = 0.1;
    instrument.owner = lab::EnterpriseId{enterprise};
    const std::vector<lab::NewInstrument> instruments{instrument};
    const auto instrument_id = enterprises_->add_instruments(instruments, "test").value()[0].id;
    std::map<std::string, std::int64_t> ids{
        {"/api/enterprises/{id}", enterprise},
        {"/api/instruments/{id}", instrument_id.value()},
        {"/api/equipment/{id}", equipment_},
        {"/api/equipment/{id}/calendar.ics", equipment_},
        {"/api/bookings/{id}", booked.json["id"].get<std::int64_t>()},
        {"/api/jobs/{id}", job.id.value()}};
    const auto standard = standards_->add_standard(
        {"Reference thermometer", "Fluke", "1524", "R-1", std::nullopt, "NIM"}, "test");
    ids["/api/standards/{id}"] = standard.value().id.value();
    lab::NewProcedure procedure;
    procedure.code = "OPENAPI-PROC";
    procedure.test_points = {37.0};
    procedure.unit = "degC";
    ids["/api/procedures/{id}"] =
        standards_->add_procedure_version(procedure, "test").value().id.value();
    const auto programme = programmes_->add_programme({"Free calibration",
                                                       lab::Date{std::chrono::year{2026} / 1 / 1},
                                                       lab::Date{std::chrono::year{2026} / 12 / 31},
                                                       {},
                                                       {},
                                                       100000},
                                                      "test");
    ids["/api/programmes/{id}"] = programme.value().id.value();
    ids["/api/users/{id}"] = user_["technician"].id.value();

    // The service request steps each need a request of their own in the state they change.
    const auto client = login("enterprise_user");
    const auto staff = login("technician");
    const auto fresh_request = [&](const std::string& path) {
        const auto made = send(http::verb::post, "/api/service-requests",
                               R"({"kind": "technical_advice", "subject": "Interval",
                                   "details": "How often?"})",
                               client);
        EXPECT_EQ(made.status, 201) << made.body;
        const auto id = std::to_string(made.json["id"].get<std::int64_t>());
        const auto base = "/api/service-requests/" + id;
        if (path.ends_with("/answer")) {
            send(http::verb::post, base + "/ask", R"({"question": "Which meters?"})", staff);
        } else if (path.ends_with("/convert")) {
            send(http::verb::post, base + "/accept", "", staff);
        }
        return id;
    };
    const auto activity = send(http::verb::post, "/api/activities",
                               R"({"kind": "visit", "held_on": "2021-06-01", "region": "Fujian",
                                   "topic": "Thermometers", "enterprise_ids": [1]})",
                               staff);
    ASSERT_EQ(activity.status, 201) << activity.body;
    ids["/api/activities/{id}"] = activity.json["id"].get<std::int64_t>();

    // One session per role for the whole walk: signing in hashes the password each time.
    std::map<std::string, Credentials> sessions;
    for (const auto& [role, user] : user_) {
        sessions[role] = login(role);
    }

    int operations = 0;
    int hour = 0;
    for (const auto& [path, item] : document.json["paths"].items()) {
        std::string target = path;
        if (const auto brace = target.find("{id}"); brace != std::string::npos) {
            const auto id = ids.find(target.substr(0, brace + 4));
            if (id != ids.end()) {
                target.replace(brace, 4, std::to_string(id->second));
            }
        }
        if (const auto at = target.find("{number}"); at != std::string::npos) {
            target.replace(at, 8, "CAL-1999-000001"); // none issued: 404 to the roles allowed
        }
        for (const auto& [method, op] : item.items()) {
            if (method == "parameters") {
                continue;
            }
            ++operations;
            int success = 0;
            for (const auto& [status, response] : op["responses"].items()) {
                if (status.starts_with("2")) {
                    success = std::stoi(status);
                }
            }
            ASSERT_NE(success, 0) << method << " " << path;
            const auto& roles = op["x-roles"];
            for (const auto& [role, user] : user_) {
                // Signing out ends the session: /api/session gets one of its own.
                const auto as = path == "/api/session" ? login(role) : sessions.at(role);
                auto body = op.contains("requestBody")
                                ? op["requestBody"]["content"]["application/json"]["example"]
                                : nlohmann::json();
                if (body.contains("credit_code")) {
                    const auto first17 = "9133010000" + std::to_string(1000000 + ++hour);
                    body["credit_code"] = first17 + *lab::credit_code_check_character(first17);
                }
                if (body.contains("enterprise_id")) {
                    body["enterprise_id"] = enterprise;
                }
                if (path == "/api/session") {
                    body = {{"username", role}, {"password", test_password}};
                }
                if (body.contains("equipment_id")) {
                    ++hour;
                    body["equipment_id"] = equipment_;
                    body["start"] = "2033-01-" + std::to_string(10 + hour) + "T09:00:00Z";
                    body["end"] = "2033-01-" + std::to_string(10 + hour) + "T10:00:00Z";
                }
                const bool allowed =
                    roles.empty() || std::find(roles.begin(), roles.end(), role) != roles.end() ||
                    (role == "enterprise_user_2" &&
                     std::find(roles.begin(), roles.end(), "enterprise_user") != roles.end());
                int expected = allowed ? success : 403;
                if ((path == "/api/bookings/{id}" || path.starts_with("/api/jobs/{id}")) &&
                    role.starts_with("enterprise") && method == "get") {
                    expected = 404; // the manager's booking, the lab's job: not theirs to see
                }
                if (path.starts_with("/api/service-requests/{id}")) {
                    target = path;
                    target.replace(target.find("{id}"), 4, fresh_request(path));
                }
                if (path.starts_with("/api/bookings/{id}/")) {
                    // Each action gets a booking of the role's own in the state it acts on.
                    target = path;
                    target.replace(target.find("{id}"), 4,
                                   std::to_string(booking_for(path.substr(19), role, ++hour)));
                }
                const auto reply =
                    send(verb_of(method), target, body.is_null() ? "" : body.dump(), as);
                const bool refused_by_state =
                    op.value("x-state-dependent", false) && allowed &&
                    (reply.status == 404 || reply.status == 409 || reply.status == 422);
                if (!refused_by_state) {
                    EXPECT_EQ(reply.status, expected)
                        << role << " " << method << " " << target << ": " << reply.body;
                }
                if (!roles.empty()) {
                    EXPECT_EQ(
                        send(verb_of(method), target, body.is_null() ? "" : body.dump()).status,
                        401)
                        << "no session: " << method << " " << target;
                }
            }
        }
    }
    EXPECT_EQ(operations, 81);
}

} // namespace
} // namespace callab::test_support
