#pragma once
// One SMTP connection over Boost.Asio, plain or after STARTTLS, with a timeout on every
// step: the blocking calls run the I/O context for at most the timeout and close the
// socket when it runs out.

#include <callab/mail/smtp_reply.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace callab::mail {

class SmtpConnection {
public:
    explicit SmtpConnection(std::chrono::milliseconds timeout) : timeout_(timeout) {}

    boost::system::error_code connect(const std::string& host, std::uint16_t port);
    /// Reads one complete reply into `reply`.
    boost::system::error_code read_reply(SmtpReply& reply);
    /// Sends `text` as is (a command with its CRLF, or the DATA section).
    boost::system::error_code write(std::string_view text);
    /// Upgrades to TLS, checking the server's certificate against `ca_file` (or the
    /// system's CAs) and `host`.
    boost::system::error_code start_tls(const std::string& host, const std::string& ca_file);
    bool secure() const { return tls_ != nullptr; }

private:
    template <typename Start> boost::system::error_code run(Start start);

    boost::asio::io_context io_;
    boost::asio::ip::tcp::socket socket_{io_};
    std::unique_ptr<boost::asio::ssl::context> tls_context_;
    std::unique_ptr<boost::asio::ssl::stream<boost::asio::ip::tcp::socket&>> tls_;
    std::string input_;
    std::chrono::milliseconds timeout_;
};

} // namespace callab::mail
