// Over loopback HTTP: the bookings calendar of an enterprise user (`?busy=true` shows when
// equipment is taken, without others' purposes or names), and validation errors naming the
// field as the client sends it in the JSON body.
#include "serve_api_fixture.hpp"

namespace callab::test_support {
namespace {
namespace http = boost::beast::http;
using nlohmann::json;

class ServeApiWebflowTest : public ServeApiTest {
protected:
    Reply book(const std::string& day, const std::string& from, const std::string& to,
               const std::string& purpose, const Credentials& as) {
        return send(http::verb::post, "/api/bookings",
                    json{{"equipment_id", equipment_},
                         {"start", day + "T" + from + ":00Z"},
                         {"end", day + "T" + to + ":00Z"},
                         {"purpose", purpose}}
                        .dump(),
                    as);
    }
};

TEST_F(ServeApiWebflowTest, EnterpriseUsersSeeOthersBookingsOnlyAsBusyTime) {
    const auto theirs =
        book("2032-06-07", "09:00", "10:00", "Secret customer work", login("technician"));
    ASSERT_EQ(theirs.status, 201) << theirs.body;
    const auto client = login("enterprise_user");
    const auto mine = book("2032-06-07", "11:00", "12:00", "Our loan", client);
    ASSERT_EQ(mine.status, 201) << mine.body;
    const std::string window = "from=2032-06-07T00:00:00Z&to=2032-06-08T00:00:00Z";

    // Without `busy` the list stays the client's own bookings.
    const auto own = send(http::verb::get, "/api/bookings?" + window, {}, client);
    ASSERT_EQ(own.status, 200) << own.body;
    ASSERT_EQ(own.json["total"], 1);
    EXPECT_EQ(own.json["items"][0]["purpose"], "Our loan");

    const auto busy = send(http::verb::get, "/api/bookings?busy=true&" + window, {}, client);
    ASSERT_EQ(busy.status, 200) << busy.body;
    ASSERT_EQ(busy.json["total"], 2);
    const auto& block = busy.json["items"][0];
    EXPECT_EQ(block["id"], theirs.json["id"]);
    EXPECT_EQ(block["equipment_id"], equipment_);
    EXPECT_EQ(block["start"], "2032-06-07T09:00:00Z");
    EXPECT_EQ(block["end"], "2032-06-07T10:00:00Z");
    EXPECT_EQ(block["blocked_until"], theirs.json["blocked_until"]);
    EXPECT_EQ(block["status"], "approved");
    EXPECT_EQ(block["busy"], true);
    for (const char* hidden : {"purpose", "requested_by", "on_behalf_of", "job_id", "condition_out",
                               "condition_in", "reason"}) {
        EXPECT_FALSE(block.contains(hidden)) << hidden;
    }
    EXPECT_EQ(busy.body.find("Secret customer work"), std::string::npos);
    const auto& own_item = busy.json["items"][1];
    EXPECT_EQ(own_item["purpose"], "Our loan");
    EXPECT_FALSE(own_item.contains("busy"));

    // Staff see every booking in full either way.
    const auto staff =
        send(http::verb::get, "/api/bookings?busy=true&" + window, {}, login("manager"));
    ASSERT_EQ(staff.status, 200);
    EXPECT_EQ(staff.json["items"][0]["purpose"], "Secret customer work");

    const auto wrong = send(http::verb::get, "/api/bookings?busy=yes", {}, client);
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(wrong.json["field"], "busy") << wrong.body;
}

TEST_F(ServeApiWebflowTest, ValidationErrorsNameTheFieldOfTheJsonBody) {
    const auto admin = login("admin");
    const auto manager = login("manager");

    const auto user = send(http::verb::post, "/api/users",
                           json{{"username", "client.three"},
                                {"role", "enterprise_user"},
                                {"display_name", "Client"},
                                {"password", test_password}}
                               .dump(),
                           admin);
    EXPECT_EQ(user.status, 422);
    EXPECT_EQ(user.json["field"], "enterprise_id") << user.body;
    EXPECT_EQ(user.json["message"].get<std::string>().rfind("enterprise_id: ", 0), 0U);

    const auto procedure =
        send(http::verb::post, "/api/procedures",
             json{{"code", "IRT-FEE"},
                  {"kind", "ir_forehead_thermometer"},
                  {"method_reference", "JJF 1107-2003"},
                  {"test_points", {35.0, 37.0}},
                  {"unit", "degC"},
                  {"readings_per_point", 3},
                  {"uncertainty_inputs",
                   {{{"name", "blackbody"}, {"value", 0.1}, {"distribution", "normal"}}}},
                  {"maximum_permissible_error", 0.3},
                  {"fee_cents", -1}}
                 .dump(),
             manager);
    EXPECT_EQ(procedure.status, 422);
    EXPECT_EQ(procedure.json["field"], "fee_cents") << procedure.body;

    const auto programme = send(http::verb::post, "/api/programmes",
                                json{{"name", "Free calibration, 2032"},
                                     {"starts_on", "2032-01-01"},
                                     {"ends_on", "2032-12-31"},
                                     {"budget_cents", -1}}
                                    .dump(),
                                manager);
    EXPECT_EQ(programme.status, 422);
    EXPECT_EQ(programme.json["field"], "budget_cents") << programme.body;

    const auto enterprise = user_.at("enterprise_user").data.enterprise->value();
    const auto instrument = send(http::verb::post, "/api/instruments",
                                 json{{"kind", "ir_forehead_thermometer"},
                                      {"maker", "Yuwell"},
                                      {"model", "YHW-2"},
                                      {"serial", "RANGE-1"},
                                      {"range_low", 42.5},
                                      {"range_high", 32.0},
                                      {"unit", "degC"},
                                      {"resolution", 0.1},
                                      {"enterprise_id", enterprise}}
                                     .dump(),
                                 manager);
    EXPECT_EQ(instrument.status, 422);
    EXPECT_EQ(instrument.json["field"], "range_high") << instrument.body;

    const auto booking = send(http::verb::post, "/api/bookings",
                              json{{"equipment_id", 999},
                                   {"start", "2032-06-07T09:00:00Z"},
                                   {"end", "2032-06-07T10:00:00Z"}}
                                  .dump(),
                              manager);
    EXPECT_EQ(booking.status, 404);
    EXPECT_EQ(booking.json["field"], "equipment_id") << booking.body;

    const auto request = send(http::verb::post, "/api/service-requests",
                              json{{"kind", "calibration"},
                                   {"subject", "Thermometers"},
                                   {"details", "Two of them"},
                                   {"enterprise_id", 999},
                                   {"instrument_ids", {1}}}
                                  .dump(),
                              login("technician"));
    EXPECT_EQ(request.status, 404);
    EXPECT_EQ(request.json["field"], "enterprise_id") << request.body;
}

} // namespace
} // namespace callab::test_support
