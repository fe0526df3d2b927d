// Any bytes an instrument answers with: a number is read only when the text is a decimal
// number, and then it is the value strtod reads, finite (an overflow is an invalid reading,
// never a made-up number); a list splits into as many elements as it has commas outside
// quotes plus one, each trimmed; an error-queue entry keeps its code and its text.
#include <callab/drivers/scpi_parse.hpp>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using namespace callab::drivers;

bool is_blank(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

void check_number(const std::string& text) {
    const auto parsed = parse_scpi_number(text);
    if (!parsed) {
        return;
    }
    if (!std::isfinite(*parsed) || scpi_sentinel_meaning(text)) {
        std::abort();
    }
    const double expected = std::strtod(text.c_str(), nullptr);
    if (*parsed != expected) {
        std::abort();
    }
}

void check_list(const std::string& text) {
    const auto items = split_scpi_list(text);
    std::size_t commas = 0;
    bool quoted = false;
    for (const char c : text) {
        quoted = c == '"' ? !quoted : quoted;
        commas += (c == ',' && !quoted) ? 1 : 0;
    }
    if (items.size() != commas + 1) {
        std::abort();
    }
    for (const auto item : items) {
        if (!item.empty() && (is_blank(item.front()) || is_blank(item.back()))) {
            std::abort();
        }
    }
}

void check_error(const std::string& text) {
    const auto parsed = parse_scpi_error(text);
    if (!parsed) {
        return;
    }
    // <NR1> allows a sign and leading zeros ("-056"), so compare the number, not its text.
    if (std::strtol(text.c_str(), nullptr, 10) != parsed->code ||
        text.find('"' + parsed->message + '"') == std::string::npos) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (text.find('\0') != std::string::npos) {
        return 0; // instruments end an answer at the line end; strtod would stop at a NUL
    }
    check_number(text);
    check_list(text);
    check_error(text);
    return 0;
}
