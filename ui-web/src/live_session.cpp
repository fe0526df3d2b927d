#include "live_session.hpp"

#include <boost/asio/post.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <spdlog/spdlog.h>

namespace callab::web {
namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {

/// Client frames are only ever pings, pongs and the close; nothing larger is accepted.
constexpr std::size_t incoming_limit = 4096;

} // namespace

template <class Stream>
LiveSession<Stream>::LiveSession(Stream&& stream, std::shared_ptr<LiveHub> hub,
                                 std::chrono::seconds idle_timeout)
    : ws_(std::move(stream)), hub_(std::move(hub)), idle_timeout_(idle_timeout) {}

template <class Stream> LiveSession<Stream>::~LiveSession() {
    leave();
}

template <class Stream> void LiveSession<Stream>::start(Request request, LiveAdmission admission) {
    request_ = std::move(request);
    admission_ = std::move(admission);
    websocket::stream_base::timeout timeout{};
    timeout.handshake_timeout = std::chrono::seconds(30);
    timeout.idle_timeout = idle_timeout_; // a ping at half of it, closed at the end of it
    timeout.keep_alive_pings = true;
    ws_.set_option(timeout);
    ws_.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
        response.set(beast::http::field::server, "callab");
    }));
    ws_.read_message_max(incoming_limit);
    ws_.async_accept(request_,
                     beast::bind_front_handler(&LiveSession::on_accept, this->shared_from_this()));
}

template <class Stream> void LiveSession<Stream>::on_accept(beast::error_code ec) {
    if (ec) {
        spdlog::debug("live: upgrade failed: {}", ec.message());
        return;
    }
    spdlog::debug("live: following job {}", admission_.job.to_string());
    // The hub wakes the session from the publishing thread; the work is done on its strand.
    std::weak_ptr<LiveSession> weak = this->shared_from_this();
    auto wake = [weak, executor = ws_.get_executor()] {
        boost::asio::post(executor, [weak] {
            if (auto self = weak.lock()) {
                self->write_next();
            }
        });
    };
    subscription_ =
        hub_->subscribe(admission_.job, std::move(admission_.initial_state), std::move(wake));
    read_next();
}

template <class Stream> void LiveSession<Stream>::read_next() {
    ws_.async_read(incoming_,
                   beast::bind_front_handler(&LiveSession::on_read, this->shared_from_this()));
}

template <class Stream> void LiveSession<Stream>::on_read(beast::error_code ec, std::size_t) {
    if (ec) {
        // Closed by the client, timed out, or our own close completing.
        leave();
        return;
    }
    incoming_.clear();
    read_next();
}

template <class Stream> void LiveSession<Stream>::write_next() {
    if (closing_ || writing_ || !subscription_) {
        return;
    }
    if (subscription_->overflowed()) {
        closing_ = true;
        spdlog::warn("live: closing a client of job {} that fell {} messages behind",
                     admission_.job.to_string(), hub_->queue_limit());
        ws_.async_close(websocket::close_reason(websocket::close_code::policy_error, "too slow"),
                        [self = this->shared_from_this()](beast::error_code) { self->leave(); });
        return;
    }
    auto message = subscription_->next();
    if (!message) {
        return;
    }
    writing_ = std::move(*message);
    ws_.text(true);
    ws_.async_write(boost::asio::buffer(*writing_),
                    beast::bind_front_handler(&LiveSession::on_write, this->shared_from_this()));
}

template <class Stream> void LiveSession<Stream>::on_write(beast::error_code ec, std::size_t) {
    writing_.reset();
    if (ec) {
        leave();
        return;
    }
    write_next();
}

template <class Stream> void LiveSession<Stream>::leave() {
    if (subscription_) {
        hub_->unsubscribe(*subscription_);
    }
}

template class LiveSession<PlainStream>;
template class LiveSession<TlsStream>;

} // namespace callab::web
