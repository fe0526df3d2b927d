#include <callab/drivers/register_codec.hpp>

#include <bit>
#include <cassert>
#include <charconv>
#include <cmath>
#include <limits>

namespace callab::drivers {
namespace {

// Positions (0 = first on the wire) of bytes A, B, C, D for each order.
constexpr std::array<std::array<int, 4>, 4> byte_positions{{
    {0, 1, 2, 3}, // abcd
    {2, 3, 0, 1}, // cdab
    {1, 0, 3, 2}, // badc
    {3, 2, 1, 0}, // dcba
}};

std::uint32_t join(std::span<const std::uint16_t> registers, WordOrder order) {
    const std::array<std::uint8_t, 4> wire{
        static_cast<std::uint8_t>(registers[0] >> 8), static_cast<std::uint8_t>(registers[0]),
        static_cast<std::uint8_t>(registers[1] >> 8), static_cast<std::uint8_t>(registers[1])};
    const auto& pos = byte_positions[static_cast<std::size_t>(order)];
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
        value = (value << 8) | wire[static_cast<std::size_t>(pos[static_cast<std::size_t>(i)])];
    }
    return value;
}

// The double nearest to the shortest decimal that reads back as `value`: 230.2f becomes
// 230.2, not 230.19999694824219. A float32 register carries about seven digits; the
// shortest decimal is the value the device meant.
double shortest_decimal(float value) {
    if (!std::isfinite(value)) {
        return value;
    }
    std::array<char, 32> text{};
    const auto end = std::to_chars(text.data(), text.data() + text.size(), value).ptr;
    double result = 0.0;
    std::from_chars(text.data(), end, result);
    return result;
}

// Half a unit in the last place above the largest float, 2^128 - 2^103: a double below it
// rounds to a finite float, one at or above it rounds to infinity.
constexpr double largest_rounding_to_finite_float = 0x1.ffffffp127;

} // namespace

int register_count(DataType type) {
    return type == DataType::int16 || type == DataType::uint16 ? 1 : 2;
}

std::string_view to_string(DataType type) {
    switch (type) {
    case DataType::int16:
        return "int16";
    case DataType::uint16:
        return "uint16";
    case DataType::int32:
        return "int32";
    case DataType::uint32:
        return "uint32";
    case DataType::float32:
        return "float32";
    }
    return "?";
}

std::string_view to_string(WordOrder order) {
    switch (order) {
    case WordOrder::abcd:
        return "ABCD";
    case WordOrder::cdab:
        return "CDAB";
    case WordOrder::badc:
        return "BADC";
    case WordOrder::dcba:
        return "DCBA";
    }
    return "?";
}

std::optional<DataType> data_type_from_string(std::string_view text) {
    for (auto type : {DataType::int16, DataType::uint16, DataType::int32, DataType::uint32,
                      DataType::float32}) {
        if (to_string(type) == text) {
            return type;
        }
    }
    return std::nullopt;
}

std::optional<WordOrder> word_order_from_string(std::string_view text) {
    for (auto order : {WordOrder::abcd, WordOrder::cdab, WordOrder::badc, WordOrder::dcba}) {
        if (to_string(order) == text) {
            return order;
        }
    }
    return std::nullopt;
}

std::array<std::uint8_t, 4> wire_bytes(std::uint32_t value, WordOrder order) {
    const std::array<std::uint8_t, 4> abcd{
        static_cast<std::uint8_t>(value >> 24), static_cast<std::uint8_t>(value >> 16),
        static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value)};
    const auto& pos = byte_positions[static_cast<std::size_t>(order)];
    std::array<std::uint8_t, 4> wire{};
    for (std::size_t i = 0; i < 4; ++i) {
        wire[static_cast<std::size_t>(pos[i])] = abcd[i];
    }
    return wire;
}

double decode_registers(std::span<const std::uint16_t> registers, DataType type, WordOrder order) {
    assert(registers.size() == static_cast<std::size_t>(register_count(type)));
    switch (type) {
    case DataType::int16:
        return std::bit_cast<std::int16_t>(registers[0]);
    case DataType::uint16:
        return registers[0];
    case DataType::int32:
        return std::bit_cast<std::int32_t>(join(registers, order));
    case DataType::uint32:
        return join(registers, order);
    case DataType::float32:
        return shortest_decimal(std::bit_cast<float>(join(registers, order)));
    }
    return std::numeric_limits<double>::quiet_NaN();
}

bool fits(double raw, DataType type) {
    if (std::isnan(raw)) {
        return type == DataType::float32;
    }
    switch (type) {
    case DataType::int16:
        return raw >= -32768.0 && raw <= 32767.0;
    case DataType::uint16:
        return raw >= 0.0 && raw <= 65535.0;
    case DataType::int32:
        return raw >= -2147483648.0 && raw <= 2147483647.0;
    case DataType::uint32:
        return raw >= 0.0 && raw <= 4294967295.0;
    case DataType::float32:
        // Anything that rounds to a finite float fits: the shortest decimal of the largest
        // float (3.4028235e38) lies just above it and must encode back to it.
        return std::isinf(raw) || std::abs(raw) < largest_rounding_to_finite_float;
    }
    return false;
}

std::vector<std::uint16_t> encode_registers(double raw, DataType type, WordOrder order) {
    assert(fits(raw, type));
    std::uint32_t bits = 0;
    switch (type) {
    case DataType::int16:
        return {std::bit_cast<std::uint16_t>(static_cast<std::int16_t>(std::lround(raw)))};
    case DataType::uint16:
        return {static_cast<std::uint16_t>(std::lround(raw))};
    case DataType::int32:
        bits = std::bit_cast<std::uint32_t>(static_cast<std::int32_t>(std::llround(raw)));
        break;
    case DataType::uint32:
        bits = static_cast<std::uint32_t>(std::llround(raw));
        break;
    case DataType::float32:
        bits = std::bit_cast<std::uint32_t>(static_cast<float>(raw));
        break;
    }
    const auto wire = wire_bytes(bits, order);
    return {static_cast<std::uint16_t>((wire[0] << 8) | wire[1]),
            static_cast<std::uint16_t>((wire[2] << 8) | wire[3])};
}

} // namespace callab::drivers
