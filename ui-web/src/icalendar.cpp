#include "icalendar.hpp"

#include <cstdio>

namespace callab::web {
namespace {

std::string utc_stamp(std::chrono::system_clock::time_point t) {
    const auto seconds = std::chrono::floor<std::chrono::seconds>(t);
    const auto day = std::chrono::floor<std::chrono::days>(seconds);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss time{seconds - day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return text;
}

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

} // namespace

std::string fold_line(std::string_view line) {
    std::string out;
    std::size_t limit = 75; // the first line; continuation lines start with a space
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && is_continuation(line[cut])) {
            --cut;
        }
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        limit = 74;
    }
    out.append(line);
    out += "\r\n";
    return out;
}

std::string escape_text(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ';':
            out += "\\;";
            break;
        case ',':
            out += "\\,";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string icalendar(std::string_view name, const std::vector<CalendarEvent>& events,
                      std::chrono::system_clock::time_point stamp) {
    std::string out;
    out += fold_line("BEGIN:VCALENDAR");
    out += fold_line("VERSION:2.0");
    out += fold_line("PRODID:-//callab//bookings//EN");
    out += fold_line("CALSCALE:GREGORIAN");
    out += fold_line("X-WR-CALNAME:" + escape_text(name));
    const std::string dtstamp = utc_stamp(stamp);
    for (const auto& event : events) {
        out += fold_line("BEGIN:VEVENT");
        out += fold_line("UID:" + event.uid);
        out += fold_line("DTSTAMP:" + dtstamp);
        out += fold_line("DTSTART:" + utc_stamp(event.start));
        out += fold_line("DTEND:" + utc_stamp(event.end));
        out += fold_line("SUMMARY:" + escape_text(event.summary));
        if (!event.description.empty()) {
            out += fold_line("DESCRIPTION:" + escape_text(event.description));
        }
        out += fold_line("STATUS:" + event.status);
        out += fold_line("END:VEVENT");
    }
    out += fold_line("END:VCALENDAR");
    return out;
}

} // namespace callab::web
