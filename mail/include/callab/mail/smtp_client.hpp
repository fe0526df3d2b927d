#pragma once

#include <callab/mail/errc.hpp>
#include <callab/mail/mail_message.hpp>

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace callab::mail {

/// Where and how to hand mail over (the [smtp] section of the server configuration).
struct SmtpSettings {
    std::string host;
    std::uint16_t port = 25;
    std::string from;                    ///< envelope and header sender
    std::string helo_name = "localhost"; ///< our name in EHLO and Message-ID
    bool starttls = false;               ///< require STARTTLS before anything else
    std::string username{};              ///< AUTH PLAIN after STARTTLS when not empty
    std::string password{};
    std::string ca_file{};                     ///< trusted CAs for STARTTLS; empty: the system's
    std::chrono::milliseconds timeout{30'000}; ///< per command
};

/// A message that was not delivered: why, and the server's reply or the connection's error.
struct SendFailure {
    boost::system::error_code code;
    std::string detail;
};

[[noreturn]] inline void throw_exception_from_error(const SendFailure& f,
                                                    const boost::source_location&) {
    throw std::runtime_error(f.detail);
}

/// A small SMTP client (RFC 5321): one connection per message — greeting, EHLO (HELO when
/// EHLO is not understood), optionally STARTTLS and AUTH PLAIN, MAIL FROM, RCPT TO, DATA
/// with dot-stuffing, QUIT. Blocking; every step has the settings' timeout.
class SmtpClient {
public:
    explicit SmtpClient(SmtpSettings settings);
    /// The server's reply to the end of DATA when the message was accepted.
    boost::system::result<std::string, SendFailure> send(const MailMessage& message);

private:
    SmtpSettings settings_;
};

} // namespace callab::mail
