#pragma once

#include "router.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <memory>
#include <optional>

namespace callab::web {

struct SessionLimits {
    std::size_t body_limit;
    std::chrono::seconds idle_timeout;
};

/// One HTTP/1.1 connection: reads a request (within the body limit and the idle timeout),
/// answers it through the router, and keeps the connection while the client wants it.
/// Requests on one connection are answered strictly in order, one at a time.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(boost::asio::ip::tcp::socket&& socket, const Router& router, SessionLimits limits);

    void start();

private:
    void read_request();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void on_write(bool keep_alive, boost::beast::error_code ec, std::size_t bytes);
    void send_error(boost::beast::http::status status, std::string_view code,
                    std::string_view message);
    void close();

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    const Router& router_;
    SessionLimits limits_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    std::shared_ptr<Response> response_;
};

} // namespace callab::web
