#include "modbus_frame.hpp"

namespace callab::drivers {
namespace {

std::uint16_t word_at(std::span<const std::uint8_t> bytes, std::size_t i) {
    return static_cast<std::uint16_t>((bytes[i] << 8) | bytes[i + 1]);
}

void push_word(std::vector<std::uint8_t>& out, std::uint16_t value) {
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value));
}

constexpr std::uint8_t illegal_function = 1;
constexpr std::uint8_t illegal_address = 2;
constexpr std::uint8_t illegal_value = 3;

} // namespace

std::uint16_t modbus_crc16(std::span<const std::uint8_t> bytes) {
    std::uint16_t crc = 0xFFFF;
    for (auto byte : bytes) {
        crc ^= byte;
        for (int i = 0; i < 8; ++i) {
            crc = (crc & 1U) != 0 ? static_cast<std::uint16_t>((crc >> 1) ^ 0xA001)
                                  : static_cast<std::uint16_t>(crc >> 1);
        }
    }
    return crc;
}

void append_crc(std::vector<std::uint8_t>& frame) {
    const auto crc = modbus_crc16(frame);
    frame.push_back(static_cast<std::uint8_t>(crc));
    frame.push_back(static_cast<std::uint8_t>(crc >> 8));
}

bool crc_matches(std::span<const std::uint8_t> frame) {
    if (frame.size() < 4) {
        return false;
    }
    const auto crc = modbus_crc16(frame.first(frame.size() - 2));
    return frame[frame.size() - 2] == static_cast<std::uint8_t>(crc) &&
           frame[frame.size() - 1] == static_cast<std::uint8_t>(crc >> 8);
}

std::vector<std::uint8_t> modbus_exception_pdu(std::uint8_t function, std::uint8_t code) {
    return {static_cast<std::uint8_t>(function | 0x80U), code};
}

std::vector<std::uint8_t> handle_modbus_pdu(std::span<const std::uint8_t> request,
                                            RegisterBank& bank) {
    if (request.empty()) {
        return modbus_exception_pdu(0, illegal_function);
    }
    const std::uint8_t function = request[0];
    if (function != 0x03 && function != 0x04 && function != 0x06 && function != 0x10) {
        return modbus_exception_pdu(function, illegal_function);
    }
    if (request.size() < 5) {
        return modbus_exception_pdu(function, illegal_value);
    }
    const std::size_t address = word_at(request, 1);
    const std::uint16_t second = word_at(request, 3);
    if (function == 0x06) {
        bank.holding[address] = second;
        return {request.begin(), request.begin() + 5};
    }
    const std::size_t count = second;
    const std::size_t limit = function == 0x10 ? 123 : 125;
    if (count < 1 || count > limit) {
        return modbus_exception_pdu(function, illegal_value);
    }
    if (address + count > 65536) {
        return modbus_exception_pdu(function, illegal_address);
    }
    if (function == 0x10) {
        if (request.size() < 6 || request[5] != count * 2 || request.size() < 6 + count * 2) {
            return modbus_exception_pdu(function, illegal_value);
        }
        for (std::size_t i = 0; i < count; ++i) {
            bank.holding[address + i] = word_at(request, 6 + 2 * i);
        }
        return {request.begin(), request.begin() + 5};
    }
    const auto& table = function == 0x03 ? bank.holding : bank.input;
    std::vector<std::uint8_t> response{function, static_cast<std::uint8_t>(count * 2)};
    for (std::size_t i = 0; i < count; ++i) {
        push_word(response, table[address + i]);
    }
    return response;
}

std::optional<std::size_t> rtu_request_length(std::span<const std::uint8_t> head) {
    if (head.size() < 2) {
        return std::nullopt;
    }
    if (head[1] == 0x10) {
        if (head.size() < 7) {
            return std::nullopt;
        }
        return 9 + static_cast<std::size_t>(head[6]);
    }
    return 8;
}

} // namespace callab::drivers
