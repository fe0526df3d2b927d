#pragma once
// A private PostgreSQL server for tests: Debian's postgresql 15 binaries run as the
// `postgres` user (PostgreSQL refuses root) on a data directory under the build tree, on a
// free port on 127.0.0.1. Started on first use, stopped and removed when the test program
// ends. Each test gets a database of its own.

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <netinet/in.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

#ifndef CALLAB_TEST_POSTGRESQL_ROOT
#define CALLAB_TEST_POSTGRESQL_ROOT "/tmp"
#endif

namespace callab::test_support {

class PostgresqlServer {
public:
    static PostgresqlServer& instance() {
        static PostgresqlServer server;
        return server;
    }

    /// Creates an empty database and returns its URI.
    std::string create_database() {
        const std::string name =
            "callab_test_" + std::to_string(::getpid()) + "_" + std::to_string(++databases_);
        run(bin("createdb") + " -h 127.0.0.1 -p " + std::to_string(port_) + " -U postgres " + name);
        return uri(name);
    }

    std::string uri(const std::string& database) const {
        return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + database;
    }
    int port() const { return port_; }

    /// Stops the server the way an administrator does (fast shutdown: open connections are
    /// terminated), and starts it again on the same port and data.
    void stop() {
        run(as_postgres(bin("pg_ctl")) + " -D " + data_.string() + " -m fast -w stop >/dev/null");
    }
    void start() {
        run(as_postgres(bin("pg_ctl")) + " -D " + data_.string() + " -l " +
            (root_ / "server.log").string() + " -w -t 60 -o \"-p " + std::to_string(port_) +
            " -k " + root_.string() +
            " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
            " -c max_connections=200\" start >/dev/null");
    }

    ~PostgresqlServer() {
        if (::getpid() != owner_) {
            return; // a forked child: the parent owns the server
        }
        std::system((as_postgres(bin("pg_ctl")) + " -D " + data_.string() +
                     " -m immediate -w stop >/dev/null 2>&1")
                        .c_str());
        std::error_code ignored;
        std::filesystem::remove_all(root_, ignored);
    }
    PostgresqlServer(const PostgresqlServer&) = delete;
    PostgresqlServer& operator=(const PostgresqlServer&) = delete;

private:
    PostgresqlServer() : owner_(::getpid()) {
        root_ = std::filesystem::path(CALLAB_TEST_POSTGRESQL_ROOT) /
                ("postgresql-" + std::to_string(owner_));
        data_ = root_ / "data";
        std::filesystem::remove_all(root_);
        std::filesystem::create_directories(root_);
        run("chown postgres:postgres " + root_.string());
        run(as_postgres(bin("initdb")) + " -D " + data_.string() +
            " -A trust -U postgres -E UTF8 --no-sync >" + (root_ / "initdb.log").string() +
            " 2>&1");
        port_ = free_port();
        start();
    }

    static std::string bin(const char* program) {
        return std::string("/usr/lib/postgresql/15/bin/") + program;
    }
    static std::string as_postgres(const std::string& command) {
        return "runuser -u postgres -- " + command;
    }
    static void run(const std::string& command) {
        if (std::system(command.c_str()) != 0) {
            throw std::runtime_error("test PostgreSQL: command failed: " + command);
        }
    }
    static int free_port() {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
            ::close(fd);
            throw std::runtime_error("test PostgreSQL: no free port");
        }
        ::close(fd);
        return ntohs(address.sin_port);
    }

    pid_t owner_;
    std::filesystem::path root_;
    std::filesystem::path data_;
    int port_ = 0;
    std::atomic<int> databases_{0};
};

} // namespace callab::test_support
