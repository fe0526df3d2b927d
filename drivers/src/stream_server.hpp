#pragma once
// The byte-stream side of every simulator: a loopback TCP listener with its connections,
// or the master side of a pseudo-terminal pair, served by one thread with poll().

#include <callab/drivers/connection_uri.hpp>

#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <list>
#include <stop_token>
#include <string>
#include <vector>

namespace callab::drivers {

class StreamServer {
public:
    struct Connection {
        int fd = -1;
        bool is_pty = false;
        std::vector<std::uint8_t> buffer; ///< bytes received and not yet consumed
        std::size_t fresh = 0;            ///< how many at the end of `buffer` just arrived
        std::chrono::steady_clock::time_point last_byte{};
        std::chrono::steady_clock::time_point last_sent{};
        bool closing = false; ///< set by the handler to drop the connection
    };
    /// Called after new bytes were appended to `buffer`; `gap` is the silence before them.
    using Handler = std::function<void(Connection&, std::chrono::nanoseconds gap)>;

    StreamServer() = default;
    ~StreamServer();
    StreamServer(const StreamServer&) = delete;
    StreamServer& operator=(const StreamServer&) = delete;

    /// Listens on a network URI (port 0 picks a free port) and returns the bound port.
    boost::system::result<std::uint16_t> listen_tcp(const ConnectionUri& uri);

    /// Creates a pseudo-terminal pair in raw mode and returns the path of its slave side,
    /// which clients open like a serial port. With `link` non-empty a symlink to it is made.
    boost::system::result<std::string> open_pty(const std::string& link);

    /// Serves until `stop` is requested, calling `handler` as bytes arrive.
    void run(const std::stop_token& stop, const Handler& handler);

    /// Closes the listener and every connection (run() must have returned).
    void close_all();

    /// Writes all of `bytes` (short writes are retried); false when the peer is gone.
    static bool send(Connection& connection, const std::vector<std::uint8_t>& bytes);

private:
    int listen_fd_ = -1;
    int pty_slave_fd_ = -1;
    std::string link_;
    std::list<Connection> connections_;
};

} // namespace callab::drivers
