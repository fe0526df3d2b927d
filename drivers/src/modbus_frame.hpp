#pragma once
// Modbus server-side protocol, pure: PDU handling over a register bank, RTU CRC and frame
// lengths, TCP MBAP header. Used by the simulators; no I/O here.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace callab::drivers {

/// The two register tables of a simulated device, 65536 registers each.
struct RegisterBank {
    std::vector<std::uint16_t> holding = std::vector<std::uint16_t>(65536);
    std::vector<std::uint16_t> input = std::vector<std::uint16_t>(65536);
};

/// Modbus CRC-16 (polynomial 0xA001, initial 0xFFFF); sent low byte first.
std::uint16_t modbus_crc16(std::span<const std::uint8_t> bytes);

/// Answers a request PDU (function code + data) from `bank`: 0x03, 0x04, 0x06 and 0x10 are
/// served; anything else, or an address range outside the bank, is an exception PDU.
std::vector<std::uint8_t> handle_modbus_pdu(std::span<const std::uint8_t> request,
                                            RegisterBank& bank);

/// The exception PDU for `function` with `code` (1 illegal function, 2 illegal address,
/// 3 illegal value, 4 server device failure).
std::vector<std::uint8_t> modbus_exception_pdu(std::uint8_t function, std::uint8_t code);

/// Length of a whole RTU request frame (address .. CRC) starting with `head`, or nullopt
/// while too few bytes are there to tell. Unknown functions are taken as 8 bytes long.
std::optional<std::size_t> rtu_request_length(std::span<const std::uint8_t> head);

/// Appends the CRC to an RTU frame.
void append_crc(std::vector<std::uint8_t>& frame);

/// True when the last two bytes of `frame` are the CRC of the rest.
bool crc_matches(std::span<const std::uint8_t> frame);

} // namespace callab::drivers
