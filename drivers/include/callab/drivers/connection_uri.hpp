#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace callab::drivers {

/// How an instrument is reached, parsed from a URI such as
/// `modbus-tcp://127.0.0.1:1502?unit=1` or `modbus-rtu:/dev/ttyUSB0?baud=9600&unit=1`.
struct ConnectionUri {
    std::string scheme; ///< modbus-tcp, modbus-rtu, scpi-tcp or scpi-serial
    std::string host;   ///< network schemes only
    std::uint16_t port = 0;
    std::string path; ///< serial schemes only: the device path
    std::map<std::string, std::string> options;

    bool is_network() const { return !host.empty(); }
    std::string to_string() const;
};

/// The outcome of parsing: a URI, or a message that says what is wrong with it.
struct ParsedConnectionUri {
    ConnectionUri uri;
    std::string error; ///< empty on success
    explicit operator bool() const { return error.empty(); }
};

/// Parses and validates a connection URI. Network schemes need HOST:PORT with a port in
/// 1–65535 (0 is accepted only when `allow_any_port`, for listening); serial schemes need a
/// device path. Options are `key=value` pairs joined by `&`; keys may not repeat.
ParsedConnectionUri parse_connection_uri(std::string_view text, bool allow_any_port = false);

} // namespace callab::drivers
