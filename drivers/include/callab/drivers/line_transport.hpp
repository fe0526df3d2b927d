#pragma once

#include <callab/drivers/connection_uri.hpp>

#include <boost/system/result.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace callab::drivers {

/// Serial line settings (Boost.Asio serial_port options).
struct SerialSettings {
    unsigned baud = 9600;
    char parity = 'N'; ///< N, E or O
    unsigned data_bits = 8;
    unsigned stop_bits = 1;  ///< 1 or 2
    char flow_control = 'N'; ///< N none, S software (XON/XOFF), H hardware (RTS/CTS)
};

/// A line-oriented byte stream over TCP or a serial port (Boost.Asio), where every read and
/// write has a deadline. Lines end at any of the configured terminator characters; empty
/// lines (the LF of a CR LF pair) are skipped.
class LineTransport {
public:
    struct Options {
        std::string write_terminator = "\n";
        std::string read_terminators = "\n"; ///< any of these characters ends a line
        std::chrono::milliseconds timeout{1000};
        SerialSettings serial;
        std::size_t max_line = 4096; ///< longer lines are a protocol error
    };

    /// Connects to `uri`: scpi-tcp://HOST:PORT or scpi-serial:PATH.
    static boost::system::result<std::unique_ptr<LineTransport>> open(const ConnectionUri& uri,
                                                                      const Options& options);
    ~LineTransport();
    LineTransport(const LineTransport&) = delete;
    LineTransport& operator=(const LineTransport&) = delete;

    boost::system::result<void> write_line(std::string_view line);
    /// The next non-empty line without its terminator.
    boost::system::result<std::string> read_line();

private:
    struct Impl;
    explicit LineTransport(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// Serial settings from URI options baud, parity (N/E/O), data, stop, flow (none, software,
/// hardware); a message naming the option when one is wrong.
struct ParsedSerialSettings {
    SerialSettings settings;
    std::string error;
    explicit operator bool() const { return error.empty(); }
};
ParsedSerialSettings serial_settings_from_uri(const ConnectionUri& uri, SerialSettings defaults);

} // namespace callab::drivers
