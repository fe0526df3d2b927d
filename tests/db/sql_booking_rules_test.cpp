// Bookable hours, rejection with reason, no-show, the standards override, listings and equipment
// edits, on both backends.
#include "records_fixture.hpp"

#include <callab/lab/booking_service.hpp>

namespace callab::test_support {
namespace {

using namespace std::chrono_literals;

class BookingRulesTest : public RecordsTest {
protected:
    lab::BookingService service_{bookings_, standards_};
    lab::User tech_ = add_user("tech", lab::Role::technician);
    lab::User client_ = add_user("client", lab::Role::enterprise_user, add_enterprise().id);
    lab::User manager_ = add_user("boss", lab::Role::manager);
    lab::TimePoint monday_ = lab::start_of(day(2026, 3, 2)); // 08:00 at UTC+8
    lab::Equipment analyser_ = bookings_.add_equipment(
        {"Power analyser PA-1", {}, false, 0, {0x1f, 8 * 60, 18 * 60, 8 * 60}}, "admin");

    lab::BookingRequest request(lab::TimePoint start, std::chrono::hours length,
                                const lab::User& by) const {
        return {analyser_.id, by.id, std::nullopt, start, start + length, "loan", std::nullopt};
    }
};

TEST_P(BookingRulesTest, OutsideBookableHoursIsRefusedNamingStartOrEnd) {
    const auto stored = bookings_.find_equipment(analyser_.id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->data.hours, analyser_.data.hours);
    EXPECT_TRUE(service_.book(request(monday_ + 1h, 2h, tech_), tech_, monday_));
    const auto late = service_.book(request(monday_ + 9h, 2h, tech_), tech_, monday_);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, lab::errc::invalid_field);
    EXPECT_EQ(late.error().message.rfind("end: ", 0), 0U) << late.error().message;
    const auto weekend = service_.book(request(monday_ + 5 * 24h + 1h, 1h, tech_), tech_, monday_);
    ASSERT_FALSE(weekend);
    EXPECT_EQ(weekend.error().message.rfind("start: ", 0), 0U) << weekend.error().message;
}

TEST_P(BookingRulesTest, ARejectionNeedsAManagerAndAReasonWhichIsKept) {
    auto settings = analyser_.data;
    settings.approval_required = true;
    settings.hours = {};
    const auto changed = bookings_.update_equipment(analyser_.id, settings, "boss");
    ASSERT_TRUE(changed);
    EXPECT_TRUE(bookings_.find_equipment(analyser_.id)->data.approval_required);
    EXPECT_TRUE(bookings_.find_equipment(analyser_.id)->data.hours.always());
    EXPECT_EQ(bookings_.update_equipment(lab::EquipmentId{999}, settings, "boss").error().code,
              lab::errc::not_found);
    const auto asked = service_.book(request(monday_ + 2h, 1h, client_), client_, monday_).value();
    EXPECT_EQ(asked.status, lab::BookingStatus::requested);
    EXPECT_EQ(service_.reject(asked.id, tech_, "busy").error().code, lab::errc::not_permitted);
    EXPECT_EQ(service_.reject(asked.id, manager_, "").error().code, lab::errc::invalid_field);
    const auto rejected = service_.reject(asked.id, manager_, "under maintenance that week");
    ASSERT_TRUE(rejected);
    EXPECT_EQ(rejected->status, lab::BookingStatus::rejected);
    EXPECT_EQ(rejected->reason, "under maintenance that week");
    // A rejected booking frees its slot.
    EXPECT_TRUE(service_.book(request(monday_ + 2h, 1h, tech_), tech_, monday_));
}

TEST_P(BookingRulesTest, NoShowAfterTheGracePeriodByStaffFreesTheSlot) {
    const auto booked = service_.book(request(monday_ + 1h, 2h, client_), client_, monday_).value();
    EXPECT_EQ(service_.no_show(booked.id, client_, monday_ + 2h).error().code,
              lab::errc::not_permitted);
    EXPECT_EQ(service_.no_show(booked.id, tech_, monday_ + 1h + 10min).error().code,
              lab::errc::invalid_transition);
    const auto missed = service_.no_show(booked.id, tech_, monday_ + 1h + 30min);
    ASSERT_TRUE(missed) << missed.error().message;
    EXPECT_EQ(missed->status, lab::BookingStatus::no_show);
    EXPECT_TRUE(service_.book(request(monday_ + 2h, 1h, tech_), tech_, monday_));
}

TEST_P(BookingRulesTest, EnterpriseUsersCheckOutOnlyTheirOwnBookings) {
    const auto mine = service_.book(request(monday_ + 1h, 2h, tech_), tech_, monday_).value();
    EXPECT_EQ(service_.check_out(mine.id, client_, monday_ + 1h, "ok").error().code,
              lab::errc::not_permitted);
    EXPECT_EQ(service_.cancel(mine.id, client_).error().code, lab::errc::not_permitted);
    EXPECT_TRUE(service_.check_out(mine.id, tech_, monday_ + 1h, "complete"));
}

TEST_P(BookingRulesTest, AManagerBooksAnOverdueStandardWithAReason) {
    const auto standard = add_standard(day(2026, 3, 1));
    const auto blackbody = bookings_.add_equipment({"Blackbody", standard.id, false, 0}, "admin");
    auto r = request(monday_ + 1h, 1h, tech_);
    r.equipment = blackbody.id;
    r.override_reason = "recalibration booked, needed for an urgent job";
    EXPECT_EQ(service_.book(r, tech_, monday_).error().code, lab::errc::not_permitted);
    const auto booked = service_.book(r, manager_, monday_);
    ASSERT_TRUE(booked) << booked.error().message;
    EXPECT_EQ(bookings_.find_booking(booked->id)->reason, r.override_reason);
}

TEST_P(BookingRulesTest, ListsFilterByEquipmentUserStatusAndTimeAndPage) {
    const auto other = bookings_.add_equipment({"Blackbody", {}, false, 0}, "admin");
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(service_.book(request(monday_ + 24h * i + 1h, 1h, tech_), tech_, monday_));
    }
    auto r = request(monday_ + 1h, 1h, client_);
    r.equipment = other.id;
    const auto theirs = service_.book(r, client_, monday_).value();
    EXPECT_EQ(bookings_.find_bookings({}, 0, 50).total, 4);
    const auto page = bookings_.find_bookings({analyser_.id, {}, {}, {}, {}}, 1, 1);
    EXPECT_EQ(page.total, 3);
    ASSERT_EQ(page.items.size(), 1U);
    EXPECT_EQ(page.items[0].request.start, monday_ + 25h);
    const auto by_client = bookings_.find_bookings({{}, client_.id, {}, {}, {}}, 0, 50);
    ASSERT_EQ(by_client.total, 1);
    EXPECT_EQ(by_client.items[0].id, theirs.id);
    ASSERT_TRUE(service_.cancel(theirs.id, client_, "plans changed"));
    EXPECT_EQ(bookings_.find_booking(theirs.id)->reason, "plans changed");
    const auto cancelled =
        bookings_.find_bookings({{}, {}, lab::BookingStatus::cancelled, {}, {}}, 0, 50);
    EXPECT_EQ(cancelled.total, 1);
    const auto tuesday = bookings_.find_bookings({{}, {}, {}, monday_ + 24h, monday_ + 48h}, 0, 50);
    EXPECT_EQ(tuesday.total, 1);
    EXPECT_EQ(bookings_.list_equipment().size(), 2U);
}

CALLAB_STORE_TEST_SUITE(BookingRulesTest);

} // namespace
} // namespace callab::test_support
