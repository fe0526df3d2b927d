#pragma once

#include "http_session.hpp"

#include <boost/asio/ssl/context.hpp>

#include <memory>

namespace callab::web {

/// The first bytes of a connection to a TLS server: a TLS ClientHello goes on to an
/// HttpSession over TLS; anything else (plain HTTP sent to the HTTPS port) gets one plain
/// 400 answer saying to use https, and the connection is closed.
class TlsDetector : public std::enable_shared_from_this<TlsDetector> {
public:
    TlsDetector(boost::asio::ip::tcp::socket&& socket, boost::asio::ssl::context& tls,
                const Router& router, SessionLimits limits);

    void start();

private:
    void on_detect(boost::beast::error_code ec, bool is_tls);
    void on_refused(boost::beast::error_code ec, std::size_t bytes);

    PlainStream stream_;
    boost::asio::ssl::context& tls_;
    const Router& router_;
    SessionLimits limits_;
    boost::beast::flat_buffer buffer_;
    std::string refusal_;
};

} // namespace callab::web
