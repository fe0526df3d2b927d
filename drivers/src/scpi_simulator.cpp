#include "fault_injector.hpp"
#include "stream_server.hpp"

#include <callab/drivers/errc.hpp>
#include <callab/drivers/scpi_simulator.hpp>

#include <algorithm>

namespace callab::drivers {

struct ScpiSimulator::State {
    std::unique_ptr<ScpiResponder> responder;
    SimulatorOptions options;
    FaultInjector faults;
    StreamServer server;

    State(std::unique_ptr<ScpiResponder> r, const SimulatorOptions& o)
        : responder(std::move(r)), options(o), faults(o.fault, o.fault_rate, o.seed ^ 0x9e3779b9U) {
    }

    void on_bytes(StreamServer::Connection& c) {
        while (true) {
            const auto end = std::find_if(c.buffer.begin(), c.buffer.end(),
                                          [](std::uint8_t b) { return b == '\r' || b == '\n'; });
            if (end == c.buffer.end()) {
                if (c.buffer.size() > 4096) {
                    c.buffer.clear(); // no terminator in sight: not a conversation
                }
                return;
            }
            const std::string line(c.buffer.begin(), end);
            c.buffer.erase(c.buffer.begin(), end + 1);
            if (line.empty()) {
                continue;
            }
            answer(c, line);
            if (c.closing) {
                return;
            }
        }
    }

    void answer(StreamServer::Connection& c, const std::string& line) {
        const bool exempt = responder->is_error_query(line);
        const auto fault = exempt ? Fault::none : faults.draw();
        if (fault == Fault::exception) {
            responder->push_error(-230, "Data corrupt or stale");
        }
        auto reply = responder->respond(line);
        if (!reply) {
            return;
        }
        const auto terminator = responder->reply_terminator();
        std::string text = *reply + terminator;
        switch (fault) {
        case Fault::none:
            break;
        case Fault::timeout:
            return;
        case Fault::exception:
            text = "9.91E+37" + terminator; // the no-data sentinel, with the error queued
            break;
        case Fault::crc: {
            const auto digit = text.find_first_of("0123456789");
            if (digit != std::string::npos) {
                text[digit] = '?';
            }
            break;
        }
        case Fault::disconnect:
            text.resize(text.size() / 2);
            StreamServer::send(c, {text.begin(), text.end()});
            c.closing = true;
            return;
        case Fault::garbage: {
            auto bytes = faults.garbage();
            std::replace(bytes.begin(), bytes.end(), std::uint8_t{'\r'}, std::uint8_t{'#'});
            std::replace(bytes.begin(), bytes.end(), std::uint8_t{'\n'}, std::uint8_t{'#'});
            text.assign(bytes.begin(), bytes.end());
            text += terminator;
            break;
        }
        }
        StreamServer::send(c, {text.begin(), text.end()});
    }
};

ScpiSimulator::ScpiSimulator(std::unique_ptr<ScpiResponder> responder, SimulatorOptions options)
    : state_(std::make_unique<State>(std::move(responder), options)) {}

ScpiSimulator::~ScpiSimulator() {
    stop();
}

boost::system::result<ConnectionUri> ScpiSimulator::start(const ConnectionUri& listen) {
    ConnectionUri served = listen;
    if (listen.scheme == "scpi-tcp") {
        auto port = state_->server.listen_tcp(listen);
        if (!port) {
            return port.error();
        }
        served.port = *port;
        served.options.clear();
    } else if (listen.scheme == "scpi-serial" && listen.path == "pty") {
        const auto link = listen.options.find("link");
        auto path = state_->server.open_pty(link == listen.options.end() ? "" : link->second);
        if (!path) {
            return path.error();
        }
        served.path = link == listen.options.end() ? *path : link->second;
        served.options.erase("link");
    } else {
        return errc::invalid_uri;
    }
    thread_ = std::jthread([this](const std::stop_token& stop) {
        state_->server.run(stop, [this](StreamServer::Connection& c, std::chrono::nanoseconds) {
            state_->on_bytes(c);
        });
    });
    return served;
}

void ScpiSimulator::stop() {
    if (thread_.joinable()) {
        thread_.request_stop();
        thread_.join();
        state_->server.close_all();
    }
}

} // namespace callab::drivers
