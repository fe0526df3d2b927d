#include "stream_server.hpp"

#include <callab/drivers/errc.hpp>

#include <arpa/inet.h>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pty.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

namespace callab::drivers {

StreamServer::~StreamServer() {
    close_all();
}

void StreamServer::close_all() {
    for (auto& c : connections_) {
        ::close(c.fd);
    }
    connections_.clear();
    if (listen_fd_ != -1) {
        ::close(listen_fd_);
        listen_fd_ = -1;
    }
    if (pty_slave_fd_ != -1) {
        ::close(pty_slave_fd_);
        pty_slave_fd_ = -1;
    }
    if (!link_.empty()) {
        std::error_code ignored;
        std::filesystem::remove(link_, ignored);
        link_.clear();
    }
}

boost::system::result<std::uint16_t> StreamServer::listen_tcp(const ConnectionUri& uri) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const auto service = std::to_string(uri.port);
    if (::getaddrinfo(uri.host.c_str(), service.c_str(), &hints, &found) != 0) {
        return errc::listen_failed;
    }
    const int fd = ::socket(found->ai_family, found->ai_socktype | SOCK_CLOEXEC, 0);
    const int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    const bool bound =
        fd != -1 && ::bind(fd, found->ai_addr, found->ai_addrlen) == 0 && ::listen(fd, 16) == 0;
    ::freeaddrinfo(found);
    if (!bound) {
        if (fd != -1) {
            ::close(fd);
        }
        return errc::listen_failed;
    }
    listen_fd_ = fd;
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    return address.ss_family == AF_INET6
               ? ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port)
               : ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
}

boost::system::result<std::string> StreamServer::open_pty(const std::string& link) {
    termios raw{};
    cfmakeraw(&raw);
    cfsetspeed(&raw, B9600);
    int master = -1;
    int slave = -1;
    std::array<char, 128> name{};
    if (::openpty(&master, &slave, name.data(), &raw, nullptr) != 0) {
        return errc::listen_failed;
    }
    ::fcntl(master, F_SETFD, FD_CLOEXEC);
    ::fcntl(slave, F_SETFD, FD_CLOEXEC);
    // Keeping the slave open means a client closing its side does not hang up the master.
    pty_slave_fd_ = slave;
    Connection connection;
    connection.fd = master;
    connection.is_pty = true;
    connections_.push_back(std::move(connection));
    if (!link.empty()) {
        std::error_code ec;
        std::filesystem::remove(link, ec);
        std::filesystem::create_symlink(name.data(), link, ec);
        if (ec) {
            return errc::listen_failed;
        }
        link_ = link;
    }
    return std::string(name.data());
}

bool StreamServer::send(Connection& connection, const std::vector<std::uint8_t>& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::write(connection.fd, bytes.data() + sent, bytes.size() - sent);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        sent += static_cast<std::size_t>(n);
    }
    connection.last_sent = std::chrono::steady_clock::now();
    return true;
}

void StreamServer::run(const std::stop_token& stop, const Handler& handler) {
    std::vector<pollfd> fds;
    std::array<std::uint8_t, 4096> chunk{};
    while (!stop.stop_requested()) {
        fds.clear();
        if (listen_fd_ != -1) {
            fds.push_back({listen_fd_, POLLIN, 0});
        }
        for (const auto& c : connections_) {
            fds.push_back({c.fd, POLLIN, 0});
        }
        // Wake regularly to notice a stop request.
        if (::poll(fds.data(), fds.size(), 20) <= 0) {
            continue;
        }
        std::size_t i = 0;
        if (listen_fd_ != -1) {
            if ((fds[0].revents & POLLIN) != 0) {
                const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
                if (fd != -1) {
                    const int yes = 1;
                    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
                    Connection connection;
                    connection.fd = fd;
                    connections_.push_back(std::move(connection));
                }
            }
            ++i;
        }
        for (auto it = connections_.begin(); it != connections_.end() && i < fds.size(); ++i) {
            auto& c = *it;
            if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
                ++it;
                continue;
            }
            const auto n = ::read(c.fd, chunk.data(), chunk.size());
            if (n <= 0) {
                if (c.is_pty) { // no client on the slave side right now
                    ++it;
                    continue;
                }
                ::close(c.fd);
                it = connections_.erase(it);
                continue;
            }
            const auto now = std::chrono::steady_clock::now();
            const auto gap = now - c.last_byte;
            c.last_byte = now;
            c.buffer.insert(c.buffer.end(), chunk.begin(), chunk.begin() + n);
            c.fresh = static_cast<std::size_t>(n);
            handler(c, gap);
            if (c.closing && !c.is_pty) {
                ::close(c.fd);
                it = connections_.erase(it);
                continue;
            }
            c.closing = false;
            ++it;
        }
    }
}

} // namespace callab::drivers
