#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace callab::lab {

using Date = std::chrono::year_month_day;

/// Parses an ISO date "YYYY-MM-DD"; empty for anything else or an impossible date.
std::optional<Date> parse_date(std::string_view text);
/// "YYYY-MM-DD".
std::string format_date(Date date);
/// The UTC calendar day of a time point.
Date date_of(std::chrono::system_clock::time_point t);
/// Midnight UTC at the start of a day.
std::chrono::system_clock::time_point start_of(Date date);

} // namespace callab::lab
