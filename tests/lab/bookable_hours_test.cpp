#include <callab/lab/bookable_hours.hpp>

#include <gtest/gtest.h>

namespace callab::lab {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

// Monday 2 March 2026, 00:00 UTC.
const system_clock::time_point monday = sys_days{year{2026} / March / 2};

// Mon–Fri 08:00–18:00 in UTC+08:00.
BookableHours office_hours() {
    return {0x1f, 8 * 60, 18 * 60, 8 * 60};
}

TEST(BookableHours, AllowsABookingWithinOneOpenDayInTheLabsZone) {
    // 08:00–18:00 at UTC+8 is 00:00–10:00 UTC.
    EXPECT_TRUE(check_within_hours(office_hours(), monday, monday + 10h));
    EXPECT_TRUE(check_within_hours(office_hours(), monday + 2h, monday + 3h));
}

TEST(BookableHours, NamesStartBeforeOpeningOrOnAClosedDay) {
    const auto early = check_within_hours(office_hours(), monday - 1h, monday + 1h);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, errc::invalid_field);
    EXPECT_EQ(early.error().message.rfind("start: ", 0), 0U) << early.error().message;
    EXPECT_NE(early.error().message.find("Mon–Fri 08:00–18:00 UTC+08:00"), std::string::npos)
        << early.error().message;
    const auto saturday = monday + 5 * 24h + 1h; // 09:00 local on Saturday
    const auto closed = check_within_hours(office_hours(), saturday, saturday + 1h);
    ASSERT_FALSE(closed);
    EXPECT_EQ(closed.error().message.rfind("start: ", 0), 0U);
}

TEST(BookableHours, NamesEndAfterClosingOrOnTheNextDay) {
    const auto late = check_within_hours(office_hours(), monday + 9h, monday + 11h);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().message.rfind("end: ", 0), 0U) << late.error().message;
    const auto overnight = check_within_hours(office_hours(), monday + 9h, monday + 25h);
    ASSERT_FALSE(overnight);
    EXPECT_EQ(overnight.error().message.rfind("end: ", 0), 0U);
}

TEST(BookableHours, EveryDayAllDayAllowsAnything) {
    EXPECT_TRUE(check_within_hours(BookableHours{}, monday - 3h, monday + 30h));
    BookableHours until_midnight{0x7f, 20 * 60, 24 * 60, 0};
    EXPECT_TRUE(check_within_hours(until_midnight, monday + 20h, monday + 24h));
    EXPECT_FALSE(check_within_hours(until_midnight, monday + 20h, monday + 25h));
}

TEST(BookableHours, ChecksItsOwnFieldsAndDescribesThem) {
    EXPECT_TRUE(check_bookable_hours(office_hours()));
    EXPECT_EQ(check_bookable_hours({0, 0, 60, 0}).error().message.rfind("bookable_days", 0), 0U);
    EXPECT_EQ(check_bookable_hours({1, 600, 600, 0}).error().message.rfind("bookable_to", 0), 0U);
    EXPECT_EQ(check_bookable_hours({1, -1, 600, 0}).error().message.rfind("bookable_from", 0), 0U);
    EXPECT_EQ(
        check_bookable_hours({1, 0, 600, 15 * 60}).error().message.rfind("utc_offset_minutes", 0),
        0U);
    EXPECT_EQ(describe({0x55, 0, 24 * 60, -90}), "Mon,Wed,Fri,Sun 00:00–24:00 UTC-01:30");
    EXPECT_EQ(describe({0x03, 0, 60, 0}), "Mon,Tue 00:00–01:00 UTC+00:00");
    EXPECT_EQ(parse_time_of_day("08:30"), 510);
    EXPECT_EQ(parse_time_of_day("24:00"), 1440);
    EXPECT_EQ(parse_time_of_day("24:01"), -1);
    EXPECT_EQ(parse_time_of_day("8:30"), -1);
    EXPECT_EQ(format_time_of_day(1440), "24:00");
}

} // namespace
} // namespace callab::lab
