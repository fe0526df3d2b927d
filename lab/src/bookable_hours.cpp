#include <callab/lab/bookable_hours.hpp>

#include <array>
#include <cstdio>

namespace callab::lab {
namespace {

constexpr std::array<const char*, 7> day_names{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

struct LocalTime {
    std::chrono::sys_days day;
    unsigned weekday_bit; ///< 0 Monday … 6 Sunday
    int minute;           ///< minutes after local midnight
};

LocalTime local_time(const BookableHours& hours, std::chrono::system_clock::time_point t) {
    const auto local = t + std::chrono::minutes(hours.utc_offset_minutes);
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const auto minute = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
    const unsigned iso = std::chrono::weekday(day).iso_encoding(); // 1 Monday … 7 Sunday
    return {day, iso - 1, static_cast<int>(minute)};
}

bool open_on(const BookableHours& hours, unsigned weekday_bit) {
    return (hours.weekdays >> weekday_bit & 1U) != 0;
}

} // namespace

Outcome<void> check_bookable_hours(const BookableHours& hours) {
    if (hours.weekdays == 0 || hours.weekdays > BookableHours::every_day) {
        return reject(errc::invalid_field, "bookable_days: name at least one day of the week");
    }
    if (hours.from_minute < 0 || hours.from_minute >= 24 * 60) {
        return reject(errc::invalid_field, "bookable_from: must be a time from 00:00 to 23:59");
    }
    if (hours.to_minute <= hours.from_minute || hours.to_minute > 24 * 60) {
        return reject(errc::invalid_field,
                      "bookable_to: must be after bookable_from and at most 24:00");
    }
    if (hours.utc_offset_minutes < -14 * 60 || hours.utc_offset_minutes > 14 * 60) {
        return reject(errc::invalid_field, "utc_offset_minutes: must lie within ±14 hours");
    }
    return {};
}

Outcome<void> check_within_hours(const BookableHours& hours,
                                 std::chrono::system_clock::time_point start,
                                 std::chrono::system_clock::time_point end) {
    if (hours.always()) {
        return {};
    }
    const auto from = local_time(hours, start);
    if (!open_on(hours, from.weekday_bit) || from.minute < hours.from_minute ||
        from.minute >= hours.to_minute) {
        return reject(errc::invalid_field, "start: outside the bookable hours " + describe(hours));
    }
    const auto to = local_time(hours, end);
    const bool ends_at_midnight_close =
        to.minute == 0 && to.day == from.day + std::chrono::days(1) && hours.to_minute == 24 * 60;
    if (ends_at_midnight_close) {
        return {};
    }
    if (to.day != from.day || to.minute > hours.to_minute) {
        return reject(errc::invalid_field, "end: outside the bookable hours " + describe(hours));
    }
    return {};
}

std::string describe(const BookableHours& hours) {
    std::string days;
    for (unsigned i = 0; i < 7; ++i) {
        if (!open_on(hours, i)) {
            continue;
        }
        unsigned last = i;
        while (last + 1 < 7 && open_on(hours, last + 1)) {
            ++last;
        }
        if (!days.empty()) {
            days += ",";
        }
        days += day_names[i];
        if (last > i) {
            days += std::string(last > i + 1 ? "–" : ",") + day_names[last];
        }
        i = last;
    }
    const int offset = hours.utc_offset_minutes;
    char zone[32];
    std::snprintf(zone, sizeof zone, "UTC%c%02d:%02d", offset < 0 ? '-' : '+',
                  (offset < 0 ? -offset : offset) / 60, (offset < 0 ? -offset : offset) % 60);
    return days + " " + format_time_of_day(hours.from_minute) + "–" +
           format_time_of_day(hours.to_minute) + " " + zone;
}

int parse_time_of_day(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') {
        return -1;
    }
    for (const std::size_t i : {0U, 1U, 3U, 4U}) {
        if (text[i] < '0' || text[i] > '9') {
            return -1;
        }
    }
    const int h = (text[0] - '0') * 10 + (text[1] - '0');
    const int m = (text[3] - '0') * 10 + (text[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && m != 0)) {
        return -1;
    }
    return h * 60 + m;
}

std::string format_time_of_day(int minutes) {
    char text[24];
    std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
    return text;
}

} // namespace callab::lab
