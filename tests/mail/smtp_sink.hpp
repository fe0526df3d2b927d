#pragma once
// Debian's aiosmtpd as a local SMTP sink (tests/mail/smtp_sink.py) on 127.0.0.1 with a free
// port, saving every accepted message as JSON in a private directory; stopped when the
// object goes.

#include "support/child_process.hpp"
#include "support/temporary_directory.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace callab::test_support {

inline std::uint16_t free_loopback_port() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    return acceptor.local_endpoint().port();
}

class SmtpSink {
public:
    SmtpSink() {
        std::filesystem::create_directories(messages_);
        sink_ = std::make_unique<ChildProcess>(
            std::vector<std::string>{"/usr/bin/python3", CALLAB_SMTP_SINK, std::to_string(port_),
                                     messages_.string()},
            dir_.path());
        if (!sink_->wait_for_output("listening", std::chrono::seconds(20))) {
            throw std::runtime_error("SMTP sink did not start: " + sink_->standard_error());
        }
    }
    ~SmtpSink() {
        sink_->terminate();
        sink_->wait();
    }

    std::uint16_t port() const { return port_; }

    /// The messages received so far, in order.
    std::vector<nlohmann::json> messages() const {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(messages_)) {
            if (entry.path().extension() == ".json") {
                files.push_back(entry.path());
            }
        }
        std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
            return std::stoi(a.stem().string()) < std::stoi(b.stem().string());
        });
        std::vector<nlohmann::json> out;
        for (const auto& file : files) {
            std::ifstream in(file);
            out.push_back(nlohmann::json::parse(in));
        }
        return out;
    }

private:
    TemporaryDirectory dir_;
    std::filesystem::path messages_ = dir_.path() / "messages";
    std::uint16_t port_ = free_loopback_port();
    std::unique_ptr<ChildProcess> sink_;
};

} // namespace callab::test_support
