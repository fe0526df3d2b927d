#pragma once

#include "http_session.hpp"
#include "live_admission.hpp"
#include "live_hub.hpp"

#include <boost/beast/websocket.hpp>

#include <chrono>
#include <memory>

namespace callab::web {

/// One client of `/api/live`: a WebSocket that sends the events of one job as text frames,
/// its current state first. Messages wait in the client's bounded queue in the hub; a client
/// too slow to keep up is dropped by the hub and closed here with "policy violation: too
/// slow". Pings keep the connection alive; a peer silent for the idle timeout is closed.
/// Whatever the client sends is read and ignored.
template <class Stream>
class LiveSession : public std::enable_shared_from_this<LiveSession<Stream>> {
public:
    LiveSession(Stream&& stream, std::shared_ptr<LiveHub> hub, std::chrono::seconds idle_timeout);
    ~LiveSession();
    LiveSession(const LiveSession&) = delete;
    LiveSession& operator=(const LiveSession&) = delete;

    /// Completes the upgrade `request` asked for, then follows the admitted job.
    void start(Request request, LiveAdmission admission);

private:
    void on_accept(boost::beast::error_code ec);
    void read_next();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void write_next();
    void on_write(boost::beast::error_code ec, std::size_t bytes);
    void leave();

    boost::beast::websocket::stream<Stream> ws_;
    std::shared_ptr<LiveHub> hub_;
    std::chrono::seconds idle_timeout_;
    Request request_;
    LiveAdmission admission_;
    std::shared_ptr<LiveSubscription> subscription_;
    boost::beast::flat_buffer incoming_;
    LiveMessage writing_; ///< the frame being sent, if any
    bool closing_ = false;
};

extern template class LiveSession<PlainStream>;
extern template class LiveSession<TlsStream>;

} // namespace callab::web
