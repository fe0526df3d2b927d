#pragma once

#include <boost/system/error_code.hpp>

#include <type_traits>

namespace callab::drivers {

/// Expected failures of talking to an instrument.
enum class errc {
    /// The connection URI cannot be parsed or names an unknown scheme or option.
    invalid_uri = 1,
    /// The device could not be reached (refused, unreachable, no such port).
    connection_failed,
    /// The device did not answer before the deadline.
    timeout,
    /// The connection was closed by the device or the network.
    disconnected,
    /// A frame failed its checksum (CRC) or had an impossible length.
    corrupt_frame,
    /// The device answered with a Modbus exception or an error message.
    device_exception,
    /// The device answered with data that cannot be a reading (NaN, over-range sentinel).
    invalid_reading,
    /// A listening socket could not be opened for a simulator.
    listen_failed,
    /// The instrument has no setting of that name, or the value is outside its range.
    invalid_setting,
    /// The device answered with bytes that do not follow its protocol (garbage, a reply to
    /// another request, an unparseable number).
    protocol_error,
    /// The operation needs a transport this instrument does not use (e.g. an RTU-only call
    /// on a TCP link).
    unsupported,
};

const boost::system::error_category& drivers_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
    return {static_cast<int>(e), drivers_category()};
}

} // namespace callab::drivers

template <> struct boost::system::is_error_code_enum<callab::drivers::errc> : std::true_type {};
