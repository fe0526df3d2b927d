// Register decoding: any registers decoded as any type and word order re-encode to the same
// registers (a float32 NaN decodes to NaN). And the simulators' request handling: any request
// PDU gets a response for the same function, or that function's exception, of a length that
// matches its byte count.
#include "modbus_frame.hpp"

#include <callab/drivers/register_codec.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

namespace {

using namespace callab::drivers;

void check_codec(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 6) {
        return;
    }
    const auto type = static_cast<DataType>(bytes[0] % 5);
    const auto order = static_cast<WordOrder>(bytes[1] % 4);
    const std::vector<std::uint16_t> registers{
        static_cast<std::uint16_t>(bytes[2] << 8 | bytes[3]),
        static_cast<std::uint16_t>(bytes[4] << 8 | bytes[5])};
    const auto used = std::span(registers).first(register_count(type));
    const double raw = decode_registers(used, type, order);
    if (type == DataType::float32 && std::isnan(raw)) {
        return; // every NaN payload reads as "not a number"; which one is not kept
    }
    if (type != DataType::float32 && !fits(raw, type)) {
        std::abort();
    }
    const auto again = encode_registers(raw, type, order);
    if (!std::equal(again.begin(), again.end(), used.begin(), used.end())) {
        std::abort();
    }
}

void check_pdu(std::span<const std::uint8_t> request) {
    static RegisterBank bank;
    if (request.empty()) {
        return;
    }
    const auto response = handle_modbus_pdu(request, bank);
    if (response.size() < 2) {
        std::abort();
    }
    const auto function = request[0];
    if (response[0] == (function | 0x80)) {
        if (response.size() != 2 || response[1] < 1 || response[1] > 4) {
            std::abort();
        }
        return;
    }
    if (response[0] != function) {
        std::abort();
    }
    if ((function == 0x03 || function == 0x04) && response.size() != 2u + response[1]) {
        std::abort(); // byte count then the registers
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span bytes(data, size);
    check_codec(bytes);
    check_pdu(bytes);
    if (auto length = rtu_request_length(bytes); length && *length < 4) {
        std::abort(); // an RTU frame has at least an address, a function and a CRC
    }
    return 0;
}
