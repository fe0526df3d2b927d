#pragma once

#include "router.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <chrono>
#include <memory>
#include <optional>

namespace callab::web {

struct SessionLimits {
    std::size_t body_limit;
    std::chrono::seconds idle_timeout;
};

/// The two kinds of connection: plain TCP, and TLS over TCP.
using PlainStream = boost::beast::tcp_stream;
using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

/// One HTTP/1.1 connection: reads a request (within the body limit and the idle timeout),
/// answers it through the router, and keeps the connection while the client wants it.
/// Requests on one connection are answered strictly in order, one at a time. A WebSocket
/// upgrade to `/api/live` that the router admits hands the connection to a LiveSession.
/// Over TLS the TLS handshake comes first and every answer carries Strict-Transport-Security.
template <class Stream>
class HttpSession : public std::enable_shared_from_this<HttpSession<Stream>> {
public:
    /// `buffer` holds bytes already read from the connection (the TLS detection's).
    HttpSession(Stream&& stream, boost::beast::flat_buffer buffer, const Router& router,
                SessionLimits limits);

    void start();

private:
    static constexpr bool secure = std::is_same_v<Stream, TlsStream>;

    void on_handshake(boost::beast::error_code ec, std::size_t used);
    void read_request();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    bool upgrade(Request& request);
    void write_response(bool keep_alive);
    void on_write(bool keep_alive, boost::beast::error_code ec, std::size_t bytes);
    void send_error(boost::beast::http::status status, std::string_view code,
                    std::string_view message);
    void close();

    Stream stream_;
    boost::beast::flat_buffer buffer_;
    const Router& router_;
    SessionLimits limits_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    std::shared_ptr<Response> response_;
};

extern template class HttpSession<PlainStream>;
extern template class HttpSession<TlsStream>;

} // namespace callab::web
