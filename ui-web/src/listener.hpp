#pragma once

#include "http_session.hpp"
#include "router.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include <memory>

namespace callab::web {

/// Accepts connections and gives each its own HttpSession on its own strand; with TLS, each
/// connection is first checked for a TLS handshake (TlsDetector).
class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(boost::asio::io_context& io, SessionLimits limits);

    /// Opens, binds and listens. Returns the error (e.g. address in use) without throwing.
    boost::system::error_code bind(const boost::asio::ip::tcp::endpoint& endpoint);
    std::uint16_t port() const;
    /// Serves every connection over TLS with `tls`, which must outlive the listener.
    void use_tls(boost::asio::ssl::context& tls) { tls_ = &tls; }

    /// Starts accepting; sessions answer through `router`, which must outlive them.
    void start(const Router& router);
    void stop();

private:
    void accept();
    void on_accept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);

    boost::asio::io_context& io_;
    boost::asio::ip::tcp::acceptor acceptor_;
    const Router* router_ = nullptr;
    SessionLimits limits_;
    boost::asio::ssl::context* tls_ = nullptr;
};

} // namespace callab::web
