#include "listener.hpp"

#include "tls_detector.hpp"

#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <spdlog/spdlog.h>

namespace callab::web {
namespace asio = boost::asio;

Listener::Listener(asio::io_context& io, SessionLimits limits)
    : io_(io), acceptor_(asio::make_strand(io)), limits_(limits) {}

boost::system::error_code Listener::bind(const asio::ip::tcp::endpoint& endpoint) {
    boost::system::error_code ec;
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) {
        acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        acceptor_.bind(endpoint, ec);
    }
    if (!ec) {
        acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    }
    return ec;
}

std::uint16_t Listener::port() const {
    return acceptor_.local_endpoint().port();
}

void Listener::start(const Router& router) {
    router_ = &router;
    accept();
}

void Listener::stop() {
    asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
        boost::system::error_code ignored;
        self->acceptor_.close(ignored);
    });
}

void Listener::accept() {
    acceptor_.async_accept(asio::make_strand(io_), boost::beast::bind_front_handler(
                                                       &Listener::on_accept, shared_from_this()));
}

void Listener::on_accept(boost::system::error_code ec, asio::ip::tcp::socket socket) {
    if (ec == asio::error::operation_aborted) {
        return; // closed by stop()
    }
    if (ec) {
        spdlog::warn("accept failed: {}", ec.message());
    } else {
        if (tls_ != nullptr) {
            std::make_shared<TlsDetector>(std::move(socket), *tls_, *router_, limits_)->start();
        } else {
            std::make_shared<HttpSession<PlainStream>>(
                PlainStream(std::move(socket)), boost::beast::flat_buffer(), *router_, limits_)
                ->start();
        }
    }
    accept();
}

} // namespace callab::web
