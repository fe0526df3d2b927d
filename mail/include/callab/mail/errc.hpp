#pragma once

#include <boost/system/error_code.hpp>

#include <type_traits>

namespace callab::mail {

/// Why a message was not delivered.
enum class errc {
    /// The server's name did not resolve or no connection could be made.
    connection_failed = 1,
    /// The server did not answer within the timeout.
    timed_out,
    /// The server refused a command (a 4xx or 5xx reply); the failure carries the reply.
    refused,
    /// The server's reply is not SMTP (no three-digit code, a line too long, closed early).
    protocol_violation,
    /// STARTTLS was asked for and the server does not offer it, or credentials were given
    /// without STARTTLS (they are never sent in clear).
    tls_required,
    /// The TLS handshake failed (certificate not trusted, name mismatch, protocol).
    tls_failed,
    /// The address or header given cannot be put into a message (a line break in it).
    invalid_message,
};

const boost::system::error_category& mail_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
    return {static_cast<int>(e), mail_category()};
}

} // namespace callab::mail

template <> struct boost::system::is_error_code_enum<callab::mail::errc> : std::true_type {};
