#include <callab/lab/credit_code.hpp>

#include <array>
#include <string>

namespace callab::lab {
namespace {

constexpr std::string_view alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// W_i = 3^(i-1) mod 31 for i = 1…17 (GB 32100-2015, table 3).
constexpr std::array<int, 17> weights{1,  3,  9,  27, 19, 26, 16, 17, 20,
                                      29, 25, 13, 8,  24, 10, 30, 28};

} // namespace

std::optional<char> credit_code_check_character(std::string_view first17) {
    if (first17.size() != weights.size()) {
        return std::nullopt;
    }
    int sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const auto value = alphabet.find(first17[i]);
        if (value == std::string_view::npos) {
            return std::nullopt;
        }
        sum += static_cast<int>(value) * weights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return alphabet[static_cast<std::size_t>(check)];
}

Outcome<void> validate_credit_code(std::string_view code) {
    if (code.size() != 18) {
        return reject(errc::invalid_field, "credit_code: '" + std::string(code) + "' has " +
                                               std::to_string(code.size()) +
                                               " characters, expected 18");
    }
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (alphabet.find(code[i]) == std::string_view::npos) {
            return reject(errc::invalid_field, "credit_code: '" + std::string(code) + "' has '" +
                                                   std::string(1, code[i]) + "' at position " +
                                                   std::to_string(i + 1) +
                                                   ", allowed are 0-9 and ABCDEFGHJKLMNPQRTUWXY");
        }
    }
    const char expected = *credit_code_check_character(code.substr(0, 17));
    if (code[17] != expected) {
        return reject(errc::invalid_field, "credit_code: '" + std::string(code) +
                                               "' has check character '" +
                                               std::string(1, code[17]) + "', expected '" +
                                               std::string(1, expected) + "'");
    }
    return {};
}

} // namespace callab::lab
