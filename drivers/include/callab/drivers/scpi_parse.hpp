#pragma once
// Pure parsing of SCPI responses: NR1/NR2/NR3 numbers, comma-separated lists, error-queue
// entries, and the instruments' NaN/over-range sentinels (reported as errors, never as
// numbers). Decimal commas (Fluke SYST:DEC:FORM 1) are not accepted: drivers keep the period.

#include <boost/system/result.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace callab::drivers {

/// Parses one NR1 (`-12`), NR2 (`+37.50`) or NR3 (`1.0012E+02`) number, with optional
/// surrounding blanks. A sentinel (NAN, INF, 9.91E+37, 9.9E+37, ±999.99E+9, ±888.88E+9,
/// ±777.77E+9) is errc::invalid_reading; anything else that is not a number is
/// errc::protocol_error.
boost::system::result<double> parse_scpi_number(std::string_view text);

/// What a sentinel token means ("no data", "over-range", "scaling error"), or nullopt when
/// `text` is not a sentinel.
std::optional<std::string_view> scpi_sentinel_meaning(std::string_view text);

/// Splits a response into its comma-separated elements, blanks trimmed. Commas inside a
/// double-quoted string do not split.
std::vector<std::string_view> split_scpi_list(std::string_view text);

/// One entry of the error queue, e.g. `-113,"Undefined header"`; code 0 means empty.
struct ScpiError {
    int code = 0;
    std::string message;
};

/// Parses an error-queue entry; errc::protocol_error if it is not `<int>,"<text>"`.
boost::system::result<ScpiError> parse_scpi_error(std::string_view text);

} // namespace callab::drivers
