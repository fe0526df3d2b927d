#include <callab/drivers/errc.hpp>
#include <callab/drivers/line_transport.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/serial_port.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <charconv>
#include <optional>

namespace callab::drivers {

namespace asio = boost::asio;

struct LineTransport::Impl {
    asio::io_context io;
    std::optional<asio::ip::tcp::socket> socket;
    std::optional<asio::serial_port> serial;
    Options options;
    std::string pending; // bytes read past the last line

    // Runs the io_context until `done` or the deadline; on the deadline cancels the I/O.
    bool run_until(const bool& done, std::chrono::steady_clock::time_point deadline) {
        io.restart();
        while (!done) {
            const auto now = std::chrono::steady_clock::now();
            if (now >= deadline || io.run_one_for(deadline - now) == 0) {
                if (done) {
                    break;
                }
                cancel();
                io.restart();
                io.run(); // let the cancelled handlers finish
                return false;
            }
        }
        return true;
    }

    void cancel() {
        boost::system::error_code ignored;
        if (socket) {
            socket->cancel(ignored);
        }
        if (serial) {
            serial->cancel(ignored);
        }
    }

    template <typename Handler> void async_read(asio::mutable_buffer buffer, Handler handler) {
        if (socket) {
            socket->async_read_some(buffer, handler);
        } else {
            serial->async_read_some(buffer, handler);
        }
    }
    template <typename Handler> void async_write(asio::const_buffer buffer, Handler handler) {
        if (socket) {
            asio::async_write(*socket, buffer, handler);
        } else {
            asio::async_write(*serial, buffer, handler);
        }
    }
};

LineTransport::LineTransport(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LineTransport::~LineTransport() = default;

boost::system::result<std::unique_ptr<LineTransport>> LineTransport::open(const ConnectionUri& uri,
                                                                          const Options& options) {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    boost::system::error_code ec;
    if (uri.scheme == "scpi-tcp") {
        asio::ip::tcp::resolver resolver(impl->io);
        const auto endpoints = resolver.resolve(uri.host, std::to_string(uri.port), ec);
        if (ec) {
            return errc::connection_failed;
        }
        impl->socket.emplace(impl->io);
        bool done = false;
        asio::async_connect(*impl->socket, endpoints,
                            [&](const boost::system::error_code& e, const auto&) {
                                ec = e;
                                done = true;
                            });
        if (!impl->run_until(done, std::chrono::steady_clock::now() + options.timeout)) {
            return errc::timeout;
        }
        if (ec) {
            return errc::connection_failed;
        }
        impl->socket->set_option(asio::ip::tcp::no_delay(true), ec);
    } else if (uri.scheme == "scpi-serial") {
        impl->serial.emplace(impl->io);
        impl->serial->open(uri.path, ec);
        if (ec) {
            return errc::connection_failed;
        }
        const auto& s = options.serial;
        using sp = asio::serial_port_base;
        auto& port = *impl->serial;
        // Every option must take: a line left at the wrong settings reads garbage.
        const bool configured =
            !port.set_option(sp::baud_rate(s.baud), ec) &&
            !port.set_option(sp::character_size(s.data_bits), ec) &&
            !port.set_option(sp::parity(s.parity == 'E'   ? sp::parity::even
                                        : s.parity == 'O' ? sp::parity::odd
                                                          : sp::parity::none),
                             ec) &&
            !port.set_option(
                sp::stop_bits(s.stop_bits == 2 ? sp::stop_bits::two : sp::stop_bits::one), ec) &&
            !port.set_option(sp::flow_control(s.flow_control == 'S'   ? sp::flow_control::software
                                              : s.flow_control == 'H' ? sp::flow_control::hardware
                                                                      : sp::flow_control::none),
                             ec);
        if (!configured) {
            return errc::connection_failed;
        }
    } else {
        return errc::invalid_uri;
    }
    return std::unique_ptr<LineTransport>(new LineTransport(std::move(impl)));
}

boost::system::result<void> LineTransport::write_line(std::string_view line) {
    const std::string frame = std::string(line) + impl_->options.write_terminator;
    boost::system::error_code ec;
    bool done = false;
    impl_->async_write(asio::buffer(frame), [&](const boost::system::error_code& e, std::size_t) {
        ec = e;
        done = true;
    });
    if (!impl_->run_until(done, std::chrono::steady_clock::now() + impl_->options.timeout)) {
        return errc::timeout;
    }
    if (ec) {
        return errc::disconnected;
    }
    return {};
}

boost::system::result<std::string> LineTransport::read_line() {
    const auto deadline = std::chrono::steady_clock::now() + impl_->options.timeout;
    const auto& terminators = impl_->options.read_terminators;
    std::array<char, 512> chunk{};
    while (true) {
        auto& pending = impl_->pending;
        while (true) {
            const auto end = pending.find_first_of(terminators);
            if (end == std::string::npos) {
                break;
            }
            std::string line = pending.substr(0, end);
            pending.erase(0, end + 1);
            if (!line.empty()) {
                return line;
            }
        }
        if (pending.size() > impl_->options.max_line) {
            pending.clear();
            return errc::protocol_error;
        }
        boost::system::error_code ec;
        std::size_t received = 0;
        bool done = false;
        impl_->async_read(asio::buffer(chunk),
                          [&](const boost::system::error_code& e, std::size_t n) {
                              ec = e;
                              received = n;
                              done = true;
                          });
        if (!impl_->run_until(done, deadline)) {
            return errc::timeout;
        }
        if (ec) {
            return errc::disconnected;
        }
        pending.append(chunk.data(), received);
    }
}

ParsedSerialSettings serial_settings_from_uri(const ConnectionUri& uri, SerialSettings defaults) {
    ParsedSerialSettings parsed{defaults, {}};
    auto& s = parsed.settings;
    for (const auto& option : uri.options) {
        const std::string& key = option.first;
        const std::string& value = option.second;
        unsigned number = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
        const bool numeric = ec == std::errc{} && end == value.data() + value.size();
        auto bad = [&](const std::string& expected) {
            parsed.error = "option ";
            parsed.error += key;
            parsed.error += '=';
            parsed.error += value;
            parsed.error += ": expected ";
            parsed.error += expected;
            return parsed;
        };
        if (key == "baud") {
            if (!numeric || number < 50 || number > 4000000) {
                return bad("a baud rate");
            }
            s.baud = number;
        } else if (key == "parity") {
            if (value != "N" && value != "E" && value != "O") {
                return bad("N, E or O");
            }
            s.parity = value[0];
        } else if (key == "data") {
            if (!numeric || number < 5 || number > 8) {
                return bad("5-8 data bits");
            }
            s.data_bits = number;
        } else if (key == "stop") {
            if (!numeric || number < 1 || number > 2) {
                return bad("1 or 2 stop bits");
            }
            s.stop_bits = number;
        } else if (key == "flow") {
            if (value != "none" && value != "software" && value != "hardware") {
                return bad("none, software or hardware");
            }
            s.flow_control = value == "software" ? 'S' : value == "hardware" ? 'H' : 'N';
        }
    }
    return parsed;
}

} // namespace callab::drivers
