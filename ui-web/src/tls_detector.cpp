#include "tls_detector.hpp"

#include <boost/asio/write.hpp>
#include <boost/beast/core/detect_ssl.hpp>
#include <spdlog/spdlog.h>

namespace callab::web {
namespace beast = boost::beast;

TlsDetector::TlsDetector(boost::asio::ip::tcp::socket&& socket, boost::asio::ssl::context& tls,
                         const Router& router, SessionLimits limits)
    : stream_(std::move(socket)), tls_(tls), router_(router), limits_(limits) {}

void TlsDetector::start() {
    stream_.expires_after(limits_.idle_timeout);
    beast::async_detect_ssl(stream_, buffer_,
                            beast::bind_front_handler(&TlsDetector::on_detect, shared_from_this()));
}

void TlsDetector::on_detect(beast::error_code ec, bool is_tls) {
    if (ec) {
        return; // closed or timed out before a byte arrived
    }
    if (is_tls) {
        std::make_shared<HttpSession<TlsStream>>(TlsStream(std::move(stream_), tls_),
                                                 std::move(buffer_), router_, limits_)
            ->start();
        return;
    }
    spdlog::debug("plain HTTP on the TLS port refused");
    const std::string body =
        R"({"error":"tls_required","message":"this port speaks HTTPS only: use https://"})";
    refusal_ = "HTTP/1.1 400 Bad Request\r\nServer: callab\r\nContent-Type: application/json\r\n"
               "Connection: close\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n\r\n" + body;
    boost::asio::async_write(
        stream_, boost::asio::buffer(refusal_),
        beast::bind_front_handler(&TlsDetector::on_refused, shared_from_this()));
}

void TlsDetector::on_refused(beast::error_code, std::size_t) {
    beast::error_code ignored;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
}

} // namespace callab::web
