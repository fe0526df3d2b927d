#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace callab::drivers {

/// How a value is stored in Modbus registers.
enum class DataType { int16, uint16, int32, uint32, float32 };

/// The order of the four bytes of a 32-bit value across two registers, named after where
/// the most significant byte A goes: ABCD is big-endian (high word first, the Modbus
/// convention), CDAB swaps the words, BADC swaps the bytes in each word, DCBA is
/// little-endian. 16-bit values are always big-endian (AB).
enum class WordOrder { abcd, cdab, badc, dcba };

/// Registers a value of `type` occupies: 1 for 16-bit, 2 for 32-bit types.
int register_count(DataType type);

std::string_view to_string(DataType type);
std::string_view to_string(WordOrder order);
std::optional<DataType> data_type_from_string(std::string_view text);
std::optional<WordOrder> word_order_from_string(std::string_view text);

/// The raw number held by `registers` (exactly register_count(type) of them), before scale
/// and offset. A float32 is returned as the shortest decimal that reads back as the same
/// float (230.2, not 230.19999694824219); NaN or infinity is returned as such.
double decode_registers(std::span<const std::uint16_t> registers, DataType type, WordOrder order);

/// The registers that hold `raw` as `type` in `order`. `raw` must already be an integer in
/// the type's range for integer types (see fits()); float32 rounds to nearest.
std::vector<std::uint16_t> encode_registers(double raw, DataType type, WordOrder order);

/// True when `raw` is representable in `type` without loss of its integer part; for float32,
/// when it rounds to a finite float (or is infinite or NaN).
bool fits(double raw, DataType type);

/// The four bytes A (most significant) to D of a 32-bit value laid out in `order`, as they
/// travel on the wire: register 0 high byte, register 0 low byte, register 1 high, low.
std::array<std::uint8_t, 4> wire_bytes(std::uint32_t value, WordOrder order);

} // namespace callab::drivers
