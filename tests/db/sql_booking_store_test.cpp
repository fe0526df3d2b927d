#include "records_fixture.hpp"

#include <callab/lab/booking_service.hpp>

namespace callab::test_support {
namespace {

using namespace std::chrono_literals;

class BookingTest : public RecordsTest {
protected:
    lab::BookingService service_{bookings_, standards_};
    lab::User tech_ = add_user("tech", lab::Role::technician);
    lab::User other_ = add_user("other", lab::Role::technician);
    lab::User manager_ = add_user("boss", lab::Role::manager);
    lab::TimePoint now_ = lab::start_of(day(2026, 3, 2));
    lab::Equipment scope_ =
        bookings_.add_equipment({"Power analyser PA-1", {}, false, 30}, "admin");

    lab::BookingRequest request(lab::TimePoint start, std::chrono::hours length,
                                const lab::User& by) const {
        return {scope_.id, by.id, std::nullopt, start, start + length, "loan", std::nullopt};
    }
};

TEST_P(BookingTest, BooksAFreeSlotApprovedWhenNoApprovalIsNeeded) {
    const auto booked = service_.book(request(now_ + 9h, 2h, tech_), tech_, now_);
    ASSERT_TRUE(booked) << booked.error().message;
    EXPECT_EQ(booked->status, lab::BookingStatus::approved);
    EXPECT_EQ(booked->blocked_until, now_ + 11h + 30min);
    const auto found = bookings_.find_booking(booked->id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->request.start, now_ + 9h);
}

TEST_P(BookingTest, AnOverlapIncludingTheServiceBufferIsAConflictNamingTheHolder) {
    const auto first = service_.book(request(now_ + 9h, 2h, tech_), tech_, now_).value();
    const auto inside_buffer = service_.book(request(now_ + 11h + 10min, 1h, other_), other_, now_);
    ASSERT_FALSE(inside_buffer);
    EXPECT_EQ(inside_buffer.error().code, lab::errc::conflict);
    EXPECT_NE(inside_buffer.error().message.find("booking " + first.id.to_string()),
              std::string::npos)
        << inside_buffer.error().message;
    EXPECT_TRUE(service_.book(request(now_ + 11h + 30min, 1h, other_), other_, now_));
}

TEST_P(BookingTest, ACancelledBookingFreesItsSlot) {
    const auto first = service_.book(request(now_ + 9h, 2h, tech_), tech_, now_).value();
    ASSERT_TRUE(service_.cancel(first.id, tech_));
    EXPECT_TRUE(service_.book(request(now_ + 9h, 2h, other_), other_, now_));
}

// The check reads only the latest holding booking before a slot: a long booking stays the
// holder of everything it covers however many later bookings of it were cancelled, and a
// slot between two holders is free.
TEST_P(BookingTest, ALongBookingHoldsItsSlotsPastLaterCancelledOnes) {
    const auto long_loan = service_.book(request(now_ + 24h, 72h, tech_), tech_, now_).value();
    ASSERT_TRUE(service_.cancel(long_loan.id, tech_));
    for (int i = 0; i < 3; ++i) {
        const auto hour = now_ + 30h + std::chrono::hours(4 * i);
        ASSERT_TRUE(
            service_.cancel(service_.book(request(hour, 1h, other_), other_, now_)->id, other_));
    }
    const auto holder = service_.book(request(now_ + 20h, 72h, tech_), tech_, now_).value();
    for (const auto start : {now_ + 19h, now_ + 20h, now_ + 40h, now_ + 91h}) {
        const auto refused = service_.book(request(start, 1h, other_), other_, now_);
        ASSERT_FALSE(refused);
        EXPECT_NE(refused.error().message.find("booking " + holder.id.to_string()),
                  std::string::npos)
            << refused.error().message;
    }
    const auto later = service_.book(request(now_ + 100h, 2h, tech_), tech_, now_).value();
    EXPECT_TRUE(service_.book(request(now_ + 93h, 6h, other_), other_, now_));
    const auto both = service_.book(request(now_ + 80h, 30h, other_), other_, now_);
    ASSERT_FALSE(both);
    EXPECT_NE(both.error().message.find("booking " + holder.id.to_string()), std::string::npos)
        << "the lowest id of the holders: " << both.error().message
        << " (later: " << later.id.to_string() << ")";
}

TEST_P(BookingTest, RefusesThePastAndEndBeforeStart) {
    const auto past = service_.book(request(now_ - 1h, 2h, tech_), tech_, now_);
    ASSERT_FALSE(past);
    EXPECT_NE(past.error().message.find("start"), std::string::npos);
    auto backwards = request(now_ + 5h, 1h, tech_);
    backwards.end = backwards.start - 1h;
    const auto refused = service_.book(backwards, tech_, now_);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("end"), std::string::npos);
    auto unknown = request(now_ + 5h, 1h, tech_);
    unknown.equipment = lab::EquipmentId{999};
    EXPECT_EQ(service_.book(unknown, tech_, now_).error().code, lab::errc::not_found);
}

TEST_P(BookingTest, ApprovalWhenRequiredAndOnlyByAManager) {
    const auto guarded = bookings_.add_equipment({"Blackbody", {}, true, 0}, "admin");
    auto r = request(now_ + 9h, 1h, tech_);
    r.equipment = guarded.id;
    r.requested_by = other_.id; // the service records the user who books
    r.on_behalf_of = other_.id;
    const auto booked = service_.book(r, tech_, now_).value();
    EXPECT_EQ(booked.status, lab::BookingStatus::requested);
    EXPECT_EQ(bookings_.find_booking(booked.id)->request.on_behalf_of, other_.id);
    EXPECT_EQ(bookings_.find_booking(booked.id)->request.requested_by, tech_.id);
    EXPECT_EQ(service_.approve(booked.id, tech_).error().code, lab::errc::not_permitted);
    const auto approved = service_.approve(booked.id, manager_);
    ASSERT_TRUE(approved);
    EXPECT_EQ(approved->status, lab::BookingStatus::approved);
}

TEST_P(BookingTest, CheckOutAndReturnRecordConditionAndUsageHours) {
    const auto booked = service_.book(request(now_ + 9h, 3h, tech_), tech_, now_).value();
    ASSERT_TRUE(service_.check_out(booked.id, tech_, now_ + 9h, "cables complete"));
    EXPECT_FALSE(service_.cancel(booked.id, tech_));
    const auto returned = service_.check_in(booked.id, tech_, now_ + 11h + 30min, "clean");
    ASSERT_TRUE(returned) << returned.error().message;
    EXPECT_EQ(returned->status, lab::BookingStatus::returned);
    EXPECT_EQ(returned->condition_out, "cables complete");
    EXPECT_EQ(returned->condition_in, "clean");
    EXPECT_DOUBLE_EQ(bookings_.usage_hours(scope_.id, now_, now_ + 24h), 2.5);
    EXPECT_DOUBLE_EQ(bookings_.usage_hours(scope_.id, now_ + 10h, now_ + 24h), 1.5);
}

TEST_P(BookingTest, ARecurringSeriesSkipsConflicts) {
    const auto busy = service_.book(request(now_ + 24h + 9h, 1h, other_), other_, now_).value();
    const auto series = service_.book_series(request(now_ + 9h, 1h, tech_), 24h, 4, tech_, now_);
    EXPECT_EQ(series.booked.size(), 3U);
    ASSERT_EQ(series.skipped.size(), 1U);
    EXPECT_NE(series.skipped[0].why.message.find("booking " + busy.id.to_string()),
              std::string::npos);
    EXPECT_EQ(bookings_.bookings_of(scope_.id, now_, now_ + 5 * 24h).size(), 4U);
}

TEST_P(BookingTest, AnOverdueStandardCannotBeBooked) {
    const auto standard = add_standard(day(2026, 3, 1));
    const auto blackbody = bookings_.add_equipment({"Blackbody", standard.id, false, 0}, "admin");
    auto r = request(now_ + 9h, 1h, tech_);
    r.equipment = blackbody.id;
    const auto refused = service_.book(r, tech_, now_);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, lab::errc::standard_not_usable);
}

CALLAB_STORE_TEST_SUITE(BookingTest);

} // namespace
} // namespace callab::test_support
