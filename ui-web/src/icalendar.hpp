#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace callab::web {

/// One VEVENT of a feed.
struct CalendarEvent {
    std::string uid; ///< globally unique and stable, e.g. "booking-42@callab"
    std::chrono::system_clock::time_point start;
    std::chrono::system_clock::time_point end;
    std::string summary;
    std::string description;
    std::string status; ///< TENTATIVE or CONFIRMED
};

/// An RFC 5545 calendar: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
/// sequence), TEXT values escaped (backslash, semicolon, comma, newline), times in UTC.
std::string icalendar(std::string_view name, const std::vector<CalendarEvent>& events,
                      std::chrono::system_clock::time_point stamp);

/// A content line folded to lines of at most 75 octets, each ended by CRLF.
std::string fold_line(std::string_view line);

/// A TEXT value escaped per RFC 5545 §3.3.11.
std::string escape_text(std::string_view text);

} // namespace callab::web
