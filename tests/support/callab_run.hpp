#pragma once
// Helpers for tests that run the callab binary and third-party peers: run a program to its
// end, find a free loopback port, wait for a server, and a socat pty pair.

#include "support/child_process.hpp"
#include "support/temporary_directory.hpp"

#include <arpa/inet.h>
#include <chrono>
#include <filesystem>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace callab::test_support {

struct RunResult {
    int status = -1;
    std::string output;
    std::string error;
};

/// Runs `argv` to its end (killed after `timeout`) and returns its status and output.
inline RunResult run_program(const std::vector<std::string>& argv,
                             std::chrono::seconds timeout = std::chrono::seconds(30)) {
    TemporaryDirectory dir;
    ChildProcess child(argv, dir.path());
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (child.running() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (child.running()) {
        child.terminate();
    }
    RunResult result;
    result.status = child.wait();
    result.output = child.standard_output();
    result.error = child.standard_error();
    return result;
}

inline RunResult run_callab(std::vector<std::string> args) {
    args.insert(args.begin(), CALLAB_BINARY);
    return run_program(args);
}

/// A loopback TCP port that was free a moment ago.
inline std::uint16_t free_tcp_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

/// True once something accepts connections on the loopback port.
inline bool wait_for_tcp_port(std::uint16_t port, std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const bool connected =
            ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
        ::close(fd);
        if (connected) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

/// Two linked pseudo-terminals made by socat, for peers that open a device by path.
class PtyPair {
public:
    explicit PtyPair(const std::filesystem::path& dir)
        : first_(dir / "ttyA"), second_(dir / "ttyB"), log_(dir / "socat"),
          socat_(make_log(log_), {"/usr/bin/socat", "pty,raw,echo=0,link=" + first_.string(),
                                  "pty,raw,echo=0,link=" + second_.string()}) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!ready() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    bool ready() const {
        return std::filesystem::exists(first_) && std::filesystem::exists(second_);
    }
    const std::filesystem::path& first() const { return first_; }
    const std::filesystem::path& second() const { return second_; }

private:
    struct Socat {
        Socat(const std::filesystem::path& log, const std::vector<std::string>& argv)
            : child(argv, log) {}
        ChildProcess child;
    };
    static const std::filesystem::path& make_log(const std::filesystem::path& log) {
        std::filesystem::create_directories(log);
        return log;
    }
    std::filesystem::path first_;
    std::filesystem::path second_;
    std::filesystem::path log_;
    Socat socat_;
};

} // namespace callab::test_support
