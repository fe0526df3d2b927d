#include "http_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace callab::web {
namespace beast = boost::beast;
namespace http = beast::http;

HttpSession::HttpSession(boost::asio::ip::tcp::socket&& socket, const Router& router,
                         SessionLimits limits)
    : stream_(std::move(socket)), router_(router), limits_(limits) {}

void HttpSession::start() {
    // Run on the connection's strand so handlers of one session never run concurrently.
    boost::asio::dispatch(
        stream_.get_executor(),
        beast::bind_front_handler(&HttpSession::read_request, shared_from_this()));
}

void HttpSession::read_request() {
    parser_.emplace();
    parser_->body_limit(limits_.body_limit);
    parser_->header_limit(16 * 1024);
    stream_.expires_after(limits_.idle_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == boost::asio::error::connection_reset || ec == boost::asio::error::operation_aborted) {
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
    const Request request = parser_->release();
    boost::system::error_code peer_error;
    const auto peer = stream_.socket().remote_endpoint(peer_error);
    response_ = std::make_shared<Response>(
        router_.handle(request, peer_error ? std::string() : peer.address().to_string()));
    spdlog::debug("{} {} -> {}", std::string(request.method_string()),
                  std::string(request.target()), response_->result_int());
    if (request.method() == http::verb::head) {
        response_->body().clear(); // keeps the Content-Length of the GET
    }
    const bool keep_alive = response_->keep_alive();
    http::async_write(
        stream_, *response_,
        beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), keep_alive));
}

void HttpSession::send_error(http::status status, std::string_view code, std::string_view message) {
    response_ = std::make_shared<Response>(status, 11);
    response_->set(http::field::server, "callab");
    response_->set(http::field::content_type, "application/json");
    response_->body() = nlohmann::json{{"error", code}, {"message", message}}.dump();
    response_->keep_alive(false); // the stream may be mid-request: do not reuse it
    response_->prepare_payload();
    http::async_write(stream_, *response_,
                      beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), false));
}

void HttpSession::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
    response_.reset();
    if (ec || !keep_alive) {
        close();
        return;
    }
    read_request();
}

void HttpSession::close() {
    beast::error_code ignored;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
}

} // namespace callab::web
