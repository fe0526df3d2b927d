#include "http_session.hpp"

#include "live_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace callab::web {
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

constexpr std::string_view live_path = "/api/live";
/// A year, as browsers expect of a site that only ever speaks HTTPS on this host.
constexpr std::string_view strict_transport_security = "max-age=31536000";

bool is_live_target(std::string_view target) {
    return target.substr(0, target.find('?')) == live_path;
}

} // namespace

template <class Stream>
HttpSession<Stream>::HttpSession(Stream&& stream, beast::flat_buffer buffer, const Router& router,
                                 SessionLimits limits)
    : stream_(std::move(stream)), buffer_(std::move(buffer)), router_(router), limits_(limits) {}

template <class Stream> void HttpSession<Stream>::start() {
    // Run on the connection's strand so handlers of one session never run concurrently.
    if constexpr (secure) {
        beast::get_lowest_layer(stream_).expires_after(limits_.idle_timeout);
        stream_.async_handshake(
            boost::asio::ssl::stream_base::server, buffer_.data(),
            beast::bind_front_handler(&HttpSession::on_handshake, this->shared_from_this()));
    } else {
        boost::asio::dispatch(
            stream_.get_executor(),
            beast::bind_front_handler(&HttpSession::read_request, this->shared_from_this()));
    }
}

template <class Stream>
void HttpSession<Stream>::on_handshake(beast::error_code ec, std::size_t used) {
    if (ec) {
        spdlog::debug("TLS handshake failed: {}", ec.message());
        return; // the socket closes with the session
    }
    buffer_.consume(used);
    read_request();
}

template <class Stream> void HttpSession<Stream>::read_request() {
    parser_.emplace();
    parser_->body_limit(limits_.body_limit);
    parser_->header_limit(16 * 1024);
    beast::get_lowest_layer(stream_).expires_after(limits_.idle_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&HttpSession::on_read, this->shared_from_this()));
}

template <class Stream> void HttpSession<Stream>::on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == boost::asio::error::connection_reset || ec == boost::asio::error::operation_aborted ||
        ec == boost::asio::ssl::error::stream_truncated) {
        close();
        return;
    }
    if (ec == http::error::body_limit) {
        send_error(http::status::payload_too_large, "payload_too_large",
                   "request body exceeds " + std::to_string(limits_.body_limit) + " bytes");
        return;
    }
    if (ec == http::error::header_limit) {
        send_error(http::status::request_header_fields_too_large, "header_too_large",
                   "request headers exceed 16 KiB");
        return;
    }
    if (ec) {
        send_error(http::status::bad_request, "bad_request",
                   "malformed HTTP request: " + ec.message());
        return;
    }
    Request request = parser_->release();
    if (beast::websocket::is_upgrade(request) && is_live_target(request.target()) &&
        upgrade(request)) {
        return;
    }
    boost::system::error_code peer_error;
    const auto peer = beast::get_lowest_layer(stream_).socket().remote_endpoint(peer_error);
    response_ = std::make_shared<Response>(
        router_.handle(request, peer_error ? std::string() : peer.address().to_string()));
    spdlog::debug("{} {} -> {}", std::string(request.method_string()),
                  std::string(request.target()), response_->result_int());
    if (request.method() == http::verb::head) {
        response_->body().clear(); // keeps the Content-Length of the GET
    }
    write_response(response_->keep_alive());
}

// A WebSocket handshake for /api/live: checked like any request before the upgrade, then the
// connection becomes the client's LiveSession. Returns false when the router does not serve
// live runs (the request is then answered as plain HTTP).
template <class Stream> bool HttpSession<Stream>::upgrade(Request& request) {
    auto hub = router_.live_hub();
    if (!hub) {
        return false;
    }
    auto decision = router_.admit_live(request, secure);
    if (auto* refusal = std::get_if<Response>(&decision)) {
        response_ = std::make_shared<Response>(std::move(*refusal));
        write_response(false);
        return true;
    }
    beast::get_lowest_layer(stream_).expires_never(); // the WebSocket keeps its own timeouts
    std::make_shared<LiveSession<Stream>>(std::move(stream_), std::move(hub), limits_.idle_timeout)
        ->start(std::move(request), std::move(std::get<LiveAdmission>(decision)));
    return true;
}

template <class Stream> void HttpSession<Stream>::write_response(bool keep_alive) {
    if constexpr (secure) {
        response_->set(http::field::strict_transport_security, strict_transport_security);
    }
    response_->keep_alive(keep_alive);
    http::async_write(
        stream_, *response_,
        beast::bind_front_handler(&HttpSession::on_write, this->shared_from_this(), keep_alive));
}

template <class Stream>
void HttpSession<Stream>::send_error(http::status status, std::string_view code,
                                     std::string_view message) {
    response_ = std::make_shared<Response>(status, 11);
    response_->set(http::field::server, "callab");
    response_->set(http::field::content_type, "application/json");
    response_->body() = nlohmann::json{{"error", code}, {"message", message}}.dump();
    response_->prepare_payload();
    write_response(false); // the stream may be mid-request: do not reuse it
}

template <class Stream>
void HttpSession<Stream>::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
    response_.reset();
    if (ec || !keep_alive) {
        close();
        return;
    }
    read_request();
}

template <class Stream> void HttpSession<Stream>::close() {
    if constexpr (secure) {
        // The TLS close_notify, bounded by the timeout; the socket closes with the session.
        beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
        stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
    } else {
        beast::error_code ignored;
        stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
    }
}

template class HttpSession<PlainStream>;
template class HttpSession<TlsStream>;

} // namespace callab::web
