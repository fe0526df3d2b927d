#pragma once
// Text names of the lab's enumerations, as stored and as typed on the command line.

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace callab::lab {

template <typename E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

template <typename E, std::size_t N>
std::optional<E> parse_enum(std::string_view text, const EnumNames<E, N>& names) {
    for (const auto& [value, name] : names) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view enum_name(E value, const EnumNames<E, N>& names) {
    for (const auto& [v, name] : names) {
        if (v == value) {
            return name;
        }
    }
    return "unknown";
}

} // namespace callab::lab
