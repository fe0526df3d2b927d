// Equipment and bookings over loopback HTTP: bookable hours, approval and rejection, check-out
// and return with usage hours, recurring series, lists with isolation, and the iCalendar feeds.
#include "serve_api_fixture.hpp"

#include <algorithm>
#include <cstdio>

namespace callab::test_support {
namespace {
namespace http = boost::beast::http;
using nlohmann::json;

class BookingsApiTest : public ServeApiTest {
protected:
    Reply book(const json& body, const Credentials& as) {
        return send(http::verb::post, "/api/bookings", body.dump(), as);
    }
    Reply act(std::int64_t booking, const std::string& action, const json& body,
              const Credentials& as) {
        return send(http::verb::post, "/api/bookings/" + std::to_string(booking) + "/" + action,
                    body.dump(), as);
    }
    json slot(const std::string& day, const std::string& from, const std::string& to) const {
        return {{"equipment_id", equipment_},
                {"start", day + "T" + from + ":00Z"},
                {"end", day + "T" + to + ":00Z"},
                {"purpose", "loan"}};
    }
};

TEST_F(BookingsApiTest, OutsideBookableHoursIs422NamingStartOrEnd) {
    const auto manager = login("manager");
    const auto changed = send(http::verb::patch, "/api/equipment/" + std::to_string(equipment_),
                              json{{"bookable_days", {"mon", "tue", "wed", "thu", "fri"}},
                                   {"bookable_from", "08:00"},
                                   {"bookable_to", "18:00"},
                                   {"utc_offset_minutes", 480}}
                                  .dump(),
                              manager);
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.json["bookable_from"], "08:00");
    // Monday 5 January 2032: 08:00–18:00 at UTC+8 is 00:00–10:00 UTC.
    EXPECT_EQ(book(slot("2032-01-05", "01:00", "03:00"), manager).status, 201);
    const auto late = book(slot("2032-01-05", "09:00", "11:00"), manager);
    EXPECT_EQ(late.status, 422);
    EXPECT_EQ(late.json["field"], "end") << late.body;
    const auto saturday = book(slot("2032-01-10", "01:00", "02:00"), manager);
    EXPECT_EQ(saturday.status, 422);
    EXPECT_EQ(saturday.json["field"], "start") << saturday.body;
    const auto bad = send(http::verb::patch, "/api/equipment/" + std::to_string(equipment_),
                          json{{"bookable_to", "07:00"}}.dump(), manager);
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.json["field"], "bookable_to") << bad.body;
    EXPECT_EQ(send(http::verb::patch, "/api/equipment/" + std::to_string(equipment_),
                   json{{"bookable_from", "09:00"}}.dump(), login("technician"))
                  .status,
              403);
}

TEST_F(BookingsApiTest, ApprovalRejectionWithReasonAndStatusFilter) {
    const auto manager = login("manager");
    ASSERT_EQ(send(http::verb::patch, "/api/equipment/" + std::to_string(equipment_),
                   json{{"approval_required", true}}.dump(), manager)
                  .status,
              200);
    const auto client = login("enterprise_user");
    const auto asked = book(slot("2032-02-02", "09:00", "10:00"), client);
    ASSERT_EQ(asked.status, 201) << asked.body;
    EXPECT_EQ(asked.json["status"], "requested");
    const auto id = asked.json["id"].get<std::int64_t>();
    EXPECT_EQ(act(id, "approve", json::object(), login("technician")).status, 403);
    const auto no_reason = act(id, "reject", json::object(), manager);
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_EQ(no_reason.json["field"], "reason");
    const auto rejected = act(id, "reject", {{"reason", "in maintenance"}}, manager);
    ASSERT_EQ(rejected.status, 200) << rejected.body;
    EXPECT_EQ(rejected.json["reason"], "in maintenance");
    EXPECT_EQ(act(id, "approve", json::object(), manager).status, 409);
    const auto listed = send(http::verb::get, "/api/bookings?status=rejected", {}, client);
    ASSERT_EQ(listed.status, 200);
    EXPECT_EQ(listed.json["total"], 1);
    EXPECT_EQ(send(http::verb::get, "/api/bookings?status=lost", {}, client).status, 422);
}

TEST_F(BookingsApiTest, CheckOutAndReturnWithConditionNotesCountUsageHours) {
    const auto tech = login("technician");
    const auto booked = book(slot("2032-03-01", "09:00", "10:00"), tech);
    ASSERT_EQ(booked.status, 201);
    const auto id = booked.json["id"].get<std::int64_t>();
    EXPECT_EQ(act(id, "check-out", {{"condition", 5}}, tech).status, 422);
    EXPECT_EQ(act(id, "check-out", {{"condition", "probe cable frayed"}}, login("enterprise_user"))
                  .status,
              404);
    const auto out = act(id, "check-out", {{"condition", "probe cable frayed"}}, tech);
    ASSERT_EQ(out.status, 200) << out.body;
    EXPECT_EQ(out.json["status"], "checked_out");
    EXPECT_EQ(out.json["condition_out"], "probe cable frayed");
    EXPECT_EQ(act(id, "cancel", json::object(), tech).status, 409);
    const auto back = act(id, "return", {{"condition", "cable replaced"}}, tech);
    ASSERT_EQ(back.status, 200) << back.body;
    EXPECT_EQ(back.json["condition_in"], "cable replaced");
    EXPECT_FALSE(back.json["returned_at"].is_null());
    const auto item =
        send(http::verb::get, "/api/equipment/" + std::to_string(equipment_), {}, tech);
    ASSERT_EQ(item.status, 200);
    EXPECT_GE(item.json["usage_hours"].get<double>(), 0.0);
    EXPECT_FALSE(item.json["blocked"].get<bool>());
    EXPECT_EQ(act(id, "fly", json::object(), tech).status, 404);
    EXPECT_EQ(act(id, "no-show", json::object(), login("enterprise_user")).status, 404);
}

TEST_F(BookingsApiTest, WeeklySeriesBooksTheFreeOccurrencesAndReportsTheConflict) {
    const auto other = login("reviewer");
    const auto busy = book(slot("2032-04-12", "09:00", "10:00"), other);
    ASSERT_EQ(busy.status, 201);
    auto series = slot("2032-04-05", "09:00", "10:00");
    series["repeat"] = {{"every", "week"}, {"count", 3}};
    const auto tech = login("technician");
    const auto reply = book(series, tech);
    ASSERT_EQ(reply.status, 201) << reply.body;
    ASSERT_EQ(reply.json["booked"].size(), 2U);
    EXPECT_EQ(reply.json["booked"][1]["start"], "2032-04-19T09:00:00Z");
    ASSERT_EQ(reply.json["skipped"].size(), 1U);
    EXPECT_EQ(reply.json["skipped"][0]["start"], "2032-04-12T09:00:00Z");
    EXPECT_EQ(reply.json["skipped"][0]["error"], "conflict");
    EXPECT_EQ(reply.json["skipped"][0]["conflicting_booking"]["id"], busy.json["id"]);
    series["repeat"] = {{"every", "fortnight"}, {"count", 3}};
    const auto bad = book(series, tech);
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.json["field"], "repeat.every");
}

TEST_F(BookingsApiTest, ConflictNamesTheBookingThatHoldsTheSlotNotTheOneBeforeIt) {
    const auto manager = login("manager");
    ASSERT_EQ(send(http::verb::patch, "/api/equipment/" + std::to_string(equipment_),
                   json{{"service_buffer_minutes", 30}}.dump(), manager)
                  .status,
              200);
    // 10:00-11:00 (buffer to 11:30) and 12:00-13:00; 11:30-12:30 starts where the first
    // one's buffer ends and runs into the second.
    const auto before = book(slot("2032-05-03", "10:00", "11:00"), manager);
    ASSERT_EQ(before.status, 201) << before.body;
    EXPECT_EQ(before.json["blocked_until"], "2032-05-03T11:30:00Z");
    const auto held = book(slot("2032-05-03", "12:00", "13:00"), manager);
    ASSERT_EQ(held.status, 201) << held.body;
    const auto refused = book(slot("2032-05-03", "11:30", "12:30"), login("technician"));
    ASSERT_EQ(refused.status, 409) << refused.body;
    EXPECT_EQ(refused.json["conflicting_booking"]["id"], held.json["id"]) << refused.body;
    // Its own buffer reaching into the next booking is a conflict with that booking too.
    const auto reaching = book(slot("2032-05-03", "11:30", "11:45"), login("technician"));
    ASSERT_EQ(reaching.status, 409) << reaching.body;
    EXPECT_EQ(reaching.json["conflicting_booking"]["id"], held.json["id"]) << reaching.body;
}

TEST_F(BookingsApiTest, ListsPageAndFilterAndEnterpriseUsersSeeTheirOwn) {
    const auto tech = login("technician");
    const auto client = user_.at("enterprise_user");
    auto for_client = slot("2032-05-03", "09:00", "10:00");
    for_client["on_behalf_of"] = client.id.value();
    ASSERT_EQ(book(for_client, tech).status, 201);
    ASSERT_EQ(book(slot("2032-05-04", "09:00", "10:00"), tech).status, 201);
    ASSERT_EQ(book(slot("2032-05-05", "09:00", "10:00"), tech).status, 201);
    const auto page = send(
        http::verb::get,
        "/api/bookings?per_page=2&page=2&equipment_id=" + std::to_string(equipment_), {}, tech);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(page.json["total"], 3);
    ASSERT_EQ(page.json["items"].size(), 1U);
    EXPECT_EQ(page.json["items"][0]["start"], "2032-05-05T09:00:00Z");
    const auto window =
        send(http::verb::get, "/api/bookings?from=2032-05-04T00:00:00Z&to=2032-05-05T00:00:00Z", {},
             tech);
    EXPECT_EQ(window.json["total"], 1);
    const auto own = send(http::verb::get, "/api/bookings", {}, login("enterprise_user"));
    ASSERT_EQ(own.status, 200);
    EXPECT_EQ(own.json["total"], 1);
    EXPECT_EQ(send(http::verb::get, "/api/bookings", {}, login("enterprise_user_2")).json["total"],
              0);
    EXPECT_EQ(send(http::verb::get,
                   "/api/bookings?user_id=" + std::to_string(user_.at("technician").id.value()), {},
                   login("enterprise_user"))
                  .json["total"],
              0);
    EXPECT_EQ(send(http::verb::get, "/api/bookings?sort=start", {}, tech).status, 400);
    const auto equipment = send(http::verb::get, "/api/equipment", {}, login("enterprise_user"));
    ASSERT_EQ(equipment.status, 200);
    EXPECT_EQ(equipment.json["total"], 1);
}

/// The content lines of an iCalendar text, unfolded; fails the test on a bare LF or a line
/// longer than 75 octets.
std::vector<std::string> unfold(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto end = text.find("\r\n", at);
        EXPECT_NE(end, std::string::npos) << "the last line has no CRLF";
        if (end == std::string::npos) {
            break;
        }
        const std::string line = text.substr(at, end - at);
        EXPECT_LE(line.size(), 75U) << line;
        EXPECT_EQ(line.find('\n'), std::string::npos) << "bare LF in " << line;
        if (!line.empty() && line[0] == ' ' && !lines.empty()) {
            lines.back() += line.substr(1);
        } else {
            lines.push_back(line);
        }
        at = end + 2;
    }
    return lines;
}

TEST_F(BookingsApiTest, CalendarFeedsParseBackPerRfc5545) {
    const auto tech = login("technician");
    // A week ahead: the feeds hold the bookings of the coming year.
    const std::chrono::year_month_day ahead{std::chrono::floor<std::chrono::days>(
        std::chrono::system_clock::now() + std::chrono::days(7))};
    char day[16];
    std::snprintf(day, sizeof day, "%04d-%02u-%02u", static_cast<int>(ahead.year()),
                  static_cast<unsigned>(ahead.month()), static_cast<unsigned>(ahead.day()));
    std::string compact(day);
    compact.erase(std::remove(compact.begin(), compact.end(), '-'), compact.end());
    auto body = slot(day, "09:00", "10:30");
    const std::string purpose = "Calibrate IR thermometers; batch 7, 温度计 line two\nand a long "
                                "tail that forces folding of the content line past 75 octets";
    body["purpose"] = purpose;
    body["on_behalf_of"] = user_.at("enterprise_user").id.value();
    const auto booked = book(body, tech);
    ASSERT_EQ(booked.status, 201) << booked.body;
    const auto feed =
        send(http::verb::get, "/api/equipment/" + std::to_string(equipment_) + "/calendar.ics", {},
             tech);
    ASSERT_EQ(feed.status, 200);
    const auto lines = unfold(feed.body);
    ASSERT_GE(lines.size(), 10U);
    EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
    EXPECT_EQ(lines.back(), "END:VCALENDAR");
    std::map<std::string, std::string> event;
    for (const auto& line : lines) {
        const auto colon = line.find(':');
        event[line.substr(0, colon)] = line.substr(colon + 1);
    }
    EXPECT_EQ(event["VERSION"], "2.0");
    EXPECT_EQ(event["UID"], "booking-" + std::to_string(booked.json["id"].get<int>()) + "@callab");
    EXPECT_EQ(event["DTSTART"], compact + "T090000Z");
    EXPECT_EQ(event["DTEND"], compact + "T103000Z");
    EXPECT_EQ(event["DTSTAMP"].size(), 16U);
    EXPECT_EQ(event["DTSTAMP"].back(), 'Z');
    EXPECT_EQ(event["SUMMARY"],
              "Dry-block calibrator: Calibrate IR thermometers\\; batch 7\\, 温度计 line "
              "two\\nand a long tail that forces folding of the content line past 75 octets");
    // The enterprise user's own feed has it (booked for them); another's has nothing.
    const auto mine =
        send(http::verb::get, "/api/users/me/calendar.ics", {}, login("enterprise_user"));
    ASSERT_EQ(mine.status, 200);
    EXPECT_NE(mine.body.find("UID:booking-"), std::string::npos);
    const auto theirs =
        send(http::verb::get, "/api/users/me/calendar.ics", {}, login("enterprise_user_2"));
    EXPECT_EQ(theirs.body.find("BEGIN:VEVENT"), std::string::npos);
    // Another enterprise's user sees in the equipment feed only that the slot is taken.
    const auto blind =
        send(http::verb::get, "/api/equipment/" + std::to_string(equipment_) + "/calendar.ics", {},
             login("enterprise_user_2"));
    EXPECT_NE(blind.body.find("SUMMARY:Dry-block calibrator (booked)"), std::string::npos);
    EXPECT_EQ(blind.body.find("Calibrate"), std::string::npos);
    EXPECT_EQ(send(http::verb::get, "/api/users/me/calendar.ics").status, 401);
}

} // namespace
} // namespace callab::test_support
