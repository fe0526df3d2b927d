#include <callab/drivers/errc.hpp>
#include <callab/drivers/scpi_parse.hpp>

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace callab::drivers {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
        text.remove_suffix(1);
    }
    return text;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(a[i])) !=
            std::toupper(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// True when `text` follows [+-]digits[.digits][E[+-]digits] (digits on at least one side
// of the point).
bool is_decimal_number(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        ++i;
    }
    std::size_t digits = 0;
    while (i < text.size() && is_digit(text[i])) {
        ++i;
        ++digits;
    }
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && is_digit(text[i])) {
            ++i;
            ++digits;
        }
    }
    if (digits == 0) {
        return false;
    }
    if (i < text.size() && (text[i] == 'E' || text[i] == 'e')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            ++i;
        }
        std::size_t exponent = 0;
        while (i < text.size() && is_digit(text[i])) {
            ++i;
            ++exponent;
        }
        if (exponent == 0) {
            return false;
        }
    }
    return i == text.size();
}

struct Sentinel {
    double value;
    std::string_view meaning;
};

// Yokogawa (9.91E+37 NaN, 9.9E+37 INF) and Hioki (999.99E+9, 888.88E+9, 777.77E+9) codes.
constexpr std::array sentinels{Sentinel{9.91e37, "no data"}, Sentinel{9.9e37, "over-range"},
                               Sentinel{999.99e9, "over-range"},
                               Sentinel{888.88e9, "scaling error"}, Sentinel{777.77e9, "no data"}};

double to_double(std::string_view text) {
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range) {
        // from_chars leaves `value` as it was (0) when the number does not fit; strtod gives
        // ±HUGE_VAL for an overflow (then refused as not finite) and 0 for an underflow.
        return std::strtod(std::string(text).c_str(), nullptr);
    }
    return value;
}

} // namespace

std::optional<std::string_view> scpi_sentinel_meaning(std::string_view text) {
    text = trim(text);
    for (std::string_view nan : {"NAN", "+NAN", "-NAN"}) {
        if (equals_ignoring_case(text, nan)) {
            return "no data";
        }
    }
    for (std::string_view inf : {"INF", "+INF", "-INF", "INFINITY"}) {
        if (equals_ignoring_case(text, inf)) {
            return "over-range";
        }
    }
    if (!is_decimal_number(text)) {
        return std::nullopt;
    }
    const double value = std::abs(to_double(text));
    for (const auto& sentinel : sentinels) {
        if (std::abs(value - sentinel.value) <= 1e-9 * sentinel.value) {
            return sentinel.meaning;
        }
    }
    return std::nullopt;
}

boost::system::result<double> parse_scpi_number(std::string_view text) {
    text = trim(text);
    if (scpi_sentinel_meaning(text)) {
        return errc::invalid_reading;
    }
    if (!is_decimal_number(text)) {
        return errc::protocol_error;
    }
    const double value = to_double(text);
    if (!std::isfinite(value)) {
        return errc::invalid_reading;
    }
    return value;
}

std::vector<std::string_view> split_scpi_list(std::string_view text) {
    std::vector<std::string_view> items;
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] == '"') {
            quoted = !quoted;
        }
        if (i == text.size() || (text[i] == ',' && !quoted)) {
            items.push_back(trim(text.substr(start, i - start)));
            start = i + 1;
        }
    }
    return items;
}

boost::system::result<ScpiError> parse_scpi_error(std::string_view text) {
    const auto items = split_scpi_list(text);
    if (items.size() != 2 || items[1].size() < 2 || items[1].front() != '"' ||
        items[1].back() != '"') {
        return errc::protocol_error;
    }
    std::string_view code_text = items[0];
    if (!code_text.empty() && code_text.front() == '+') {
        code_text.remove_prefix(1);
        if (code_text.empty() || code_text.front() < '0' || code_text.front() > '9') {
            return errc::protocol_error; // "+-113": one sign only
        }
    }
    int code = 0;
    const auto [end, ec] =
        std::from_chars(code_text.data(), code_text.data() + code_text.size(), code);
    if (ec != std::errc{} || end != code_text.data() + code_text.size()) {
        return errc::protocol_error;
    }
    return ScpiError{code, std::string(items[1].substr(1, items[1].size() - 2))};
}

} // namespace callab::drivers
