#pragma once
// A blocking HTTP/1.1 GET over loopback with Beast, for tests against a running server.

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <string>
#include <utility>
#include <vector>

namespace callab::test_support {

struct HttpResult {
    int status = 0;
    std::string content_type;
    std::string body;
};

inline HttpResult http_get(std::uint16_t port, const std::string& target) {
    namespace beast = boost::beast;
    namespace http = beast::http;
    boost::asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(10));
    stream.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, "127.0.0.1");
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    beast::error_code ignored;
    stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    return {static_cast<int>(response.result_int()),
            std::string(response[http::field::content_type]), response.body()};
}

/// A GET with extra request headers, returning the whole response (every header).
inline boost::beast::http::response<boost::beast::http::string_body>
http_get_response(std::uint16_t port, const std::string& target,
                  const std::vector<std::pair<boost::beast::http::field, std::string>>& headers) {
    namespace beast = boost::beast;
    namespace http = beast::http;
    boost::asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(10));
    stream.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, "127.0.0.1");
    for (const auto& [field, value] : headers) {
        request.set(field, value);
    }
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    beast::error_code ignored;
    stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    return response;
}

/// Any request with a JSON body (none when empty) and extra headers, returning the whole
/// response.
inline boost::beast::http::response<boost::beast::http::string_body>
http_send(std::uint16_t port, boost::beast::http::verb verb, const std::string& target,
          const std::string& json_body,
          const std::vector<std::pair<std::string, std::string>>& headers) {
    namespace beast = boost::beast;
    namespace http = beast::http;
    boost::asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(10));
    stream.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    http::request<http::string_body> request{verb, target, 11};
    request.set(http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) {
        request.set(name, value);
    }
    if (!json_body.empty()) {
        request.set(http::field::content_type, "application/json");
        request.body() = json_body;
    }
    request.prepare_payload();
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    beast::error_code ignored;
    stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    return response;
}

} // namespace callab::test_support
