// Every operation /api/openapi.json documents exists and answers each role as documented:
// its 2xx status for the roles in `x-roles` (all when the list is empty), 403 for the rest.
#include "serve_api_fixture.hpp"

#include <callab/lab/credit_code.hpp>

#include <algorithm>

namespace callab::test_support {
namespace {
namespace http = boost::beast::http;

http::verb verb_of(const std::string& method) {
    const std::map<std::string, http::verb> verbs{
        {"get", http::verb::get}, {"post", http::verb::post}, {"delete", http::verb::delete_}};
    return verbs.at(method);
}

TEST_F(ServeApiTest, EveryDocumentedOperationAnswersEveryRoleAsDocumented) {
    const auto document = send(http::verb::get, "/api/openapi.json");
    ASSERT_EQ(document.status, 200);
    EXPECT_EQ(document.json["openapi"], "3.0.3");

    const auto job = job_store_->create_job(
        {"Thermometer at 37 °C", "Clinical thermometer", "temperature", "degC", 0.1});
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
    const std::map<std::string, std::int64_t> ids{
        {"/api/enterprises/{id}", enterprise},
        {"/api/instruments/{id}", instrument_id.value()},
        {"/api/equipment/{id}", equipment_},
        {"/api/bookings/{id}", booked.json["id"].get<std::int64_t>()},
        {"/api/jobs/{id}", job.id.value()}};

    int operations = 0;
    int hour = 0;
    for (const auto& [path, item] : document.json["paths"].items()) {
        std::string target = path;
        if (const auto id = ids.find(path); id != ids.end()) {
            target.replace(target.find("{id}"), 4, std::to_string(id->second));
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
                const auto as = login(role);
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
                if (path == "/api/bookings/{id}" && role.starts_with("enterprise")) {
                    expected = 404; // the manager's booking is not theirs to see
                }
                const auto reply =
                    send(verb_of(method), target, body.is_null() ? "" : body.dump(), as);
                EXPECT_EQ(reply.status, expected)
                    << role << " " << method << " " << target << ": " << reply.body;
                if (!roles.empty()) {
                    EXPECT_EQ(
                        send(verb_of(method), target, body.is_null() ? "" : body.dump()).status,
                        401)
                        << "no session: " << method << " " << target;
                }
            }
        }
    }
    EXPECT_EQ(operations, 17);
}

} // namespace
} // namespace callab::test_support
