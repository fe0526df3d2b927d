#include <callab/lab/certificate_number.hpp>

#include <charconv>

namespace callab::lab {

Outcome<std::string> format_certificate_number(std::string_view pattern, int year,
                                               long long sequence) {
    std::string out;
    bool has_sequence = false;
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] != '{') {
            out += pattern[i++];
            continue;
        }
        const auto close = pattern.find('}', i);
        if (close == std::string_view::npos) {
            return reject(errc::invalid_field, "number_pattern: '{' without '}'");
        }
        const auto token = pattern.substr(i + 1, close - i - 1);
        if (token == "year") {
            out += std::to_string(year);
        } else if (token == "seq" || token.substr(0, 4) == "seq:") {
            int width = 0;
            if (token.size() > 3) {
                const auto digits = token.substr(4);
                const auto [end, ec] =
                    std::from_chars(digits.data(), digits.data() + digits.size(), width);
                if (ec != std::errc{} || end != digits.data() + digits.size() || width < 1 ||
                    width > 12) {
                    return reject(errc::invalid_field, "number_pattern: width in {" +
                                                           std::string(token) + "} is not 1 to 12");
                }
            }
            std::string digits = std::to_string(sequence);
            if (digits.size() < static_cast<std::size_t>(width)) {
                digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
            }
            out += digits;
            has_sequence = true;
        } else {
            return reject(errc::invalid_field,
                          "number_pattern: unknown field {" + std::string(token) + "}");
        }
        i = close + 1;
    }
    if (!has_sequence) {
        return reject(errc::invalid_field, "number_pattern: has no {seq} field");
    }
    if (out.empty() || out.find_first_of(" /\\") != std::string::npos) {
        return reject(errc::invalid_field, "number_pattern: gives '" + out +
                                               "', which is empty or has a space or slash");
    }
    return out;
}

} // namespace callab::lab
