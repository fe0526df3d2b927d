#pragma once

#include <callab/lab/rejection.hpp>

#include <chrono>
#include <string>

namespace callab::lab {

/// When a piece of equipment may be booked: on the marked weekdays, between two times of day,
/// in the lab's time zone (a fixed offset from UTC; the lab's zone has no summer time). A
/// booking lies wholly within one bookable day. The default is every day, all day, which
/// allows any booking (also one across midnight).
struct BookableHours {
    static constexpr unsigned every_day = 0x7f;
    unsigned weekdays = every_day; ///< bit 0 Monday … bit 6 Sunday
    int from_minute = 0;           ///< minutes after local midnight, 0…1439
    int to_minute = 24 * 60;       ///< minutes after local midnight, from_minute+1…1440
    int utc_offset_minutes = 0;    ///< the lab's time zone, e.g. +480 for China

    [[nodiscard]] bool always() const {
        return weekdays == every_day && from_minute == 0 && to_minute == 24 * 60;
    }
    friend bool operator==(const BookableHours&, const BookableHours&) = default;
};

/// Whether the hours themselves are sound: a rejection naming `bookable_days`,
/// `bookable_from`, `bookable_to` or `utc_offset_minutes`.
Outcome<void> check_bookable_hours(const BookableHours& hours);

/// Whether [start, end) lies within the bookable hours: otherwise errc::invalid_field naming
/// `start` (a start on a closed day or before opening) or `end` (an end after closing or on
/// another day), with the hours in the message.
Outcome<void> check_within_hours(const BookableHours& hours,
                                 std::chrono::system_clock::time_point start,
                                 std::chrono::system_clock::time_point end);

/// "Mon–Fri 08:00–18:00 UTC+08:00" style text of the hours.
std::string describe(const BookableHours& hours);

/// "HH:MM" ↔ minutes after midnight ("24:00" is 1440); -1 for malformed text.
int parse_time_of_day(std::string_view text);
std::string format_time_of_day(int minutes);

} // namespace callab::lab
