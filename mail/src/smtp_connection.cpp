#include "smtp_connection.hpp"

#include <callab/mail/errc.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/write.hpp>

namespace callab::mail {

namespace asio = boost::asio;
using boost::system::error_code;

// Starts one asynchronous step and runs the context until it completes or the timeout
// passes; then the socket is closed and the cancelled step drained.
template <typename Start> error_code SmtpConnection::run(Start start) {
    error_code result = asio::error::would_block;
    start([&result](const error_code& ec, auto&&...) { result = ec; });
    io_.restart();
    io_.run_for(timeout_);
    if (result == asio::error::would_block) {
        error_code ignored;
        socket_.close(ignored);
        io_.restart();
        io_.run();
        return make_error_code(errc::timed_out);
    }
    return result;
}

error_code SmtpConnection::connect(const std::string& host, std::uint16_t port) {
    asio::ip::tcp::resolver resolver(io_);
    asio::ip::tcp::resolver::results_type endpoints;
    const auto resolved = run([&](auto handler) {
        resolver.async_resolve(host, std::to_string(port),
                               [&endpoints, handler](const error_code& ec, auto results) mutable {
                                   endpoints = std::move(results);
                                   handler(ec);
                               });
    });
    if (resolved) {
        return resolved;
    }
    return run([&](auto handler) { asio::async_connect(socket_, endpoints, handler); });
}

error_code SmtpConnection::read_reply(SmtpReply& reply) {
    SmtpReplyParser parser;
    constexpr std::size_t longest_line = 4096;
    while (true) {
        const auto read = run([&](auto handler) {
            auto buffer = asio::dynamic_buffer(input_, longest_line);
            if (tls_) {
                asio::async_read_until(*tls_, buffer, "\r\n", handler);
            } else {
                asio::async_read_until(socket_, buffer, "\r\n", handler);
            }
        });
        if (read == asio::error::not_found) {
            return make_error_code(errc::protocol_violation);
        }
        if (read) {
            return read == asio::error::eof ? make_error_code(errc::protocol_violation) : read;
        }
        const auto end = input_.find("\r\n");
        const std::string line = input_.substr(0, end);
        input_.erase(0, end + 2);
        auto complete = parser.feed(line);
        if (parser.malformed()) {
            return make_error_code(errc::protocol_violation);
        }
        if (complete) {
            reply = std::move(*complete);
            return {};
        }
    }
}

error_code SmtpConnection::write(std::string_view text) {
    return run([&](auto handler) {
        if (tls_) {
            asio::async_write(*tls_, asio::buffer(text), handler);
        } else {
            asio::async_write(socket_, asio::buffer(text), handler);
        }
    });
}

error_code SmtpConnection::start_tls(const std::string& host, const std::string& ca_file) {
    tls_context_ = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_client);
    error_code ec;
    if (ca_file.empty()) {
        tls_context_->set_default_verify_paths(ec);
    } else {
        tls_context_->load_verify_file(ca_file, ec);
    }
    if (ec) {
        return ec;
    }
    tls_context_->set_verify_mode(asio::ssl::verify_peer);
    tls_context_->set_verify_callback(asio::ssl::host_name_verification(host));
    tls_ = std::make_unique<asio::ssl::stream<asio::ip::tcp::socket&>>(socket_, *tls_context_);
    // SNI (SSL_set_tlsext_host_name, spelled out: the macro is a C cast).
    SSL_ctrl(tls_->native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
             const_cast<char*>(host.c_str()));
    const auto handshake =
        run([&](auto handler) { tls_->async_handshake(asio::ssl::stream_base::client, handler); });
    return handshake ? make_error_code(errc::tls_failed) : error_code{};
}

} // namespace callab::mail
