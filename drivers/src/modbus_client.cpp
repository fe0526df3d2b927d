#include "modbus_bus.hpp"
#include "modbus_errors.hpp"

#include <callab/drivers/modbus_client.hpp>

#include <modbus.h>

#include <cerrno>
#include <charconv>
#include <string>
#include <thread>

namespace callab::drivers {

errc modbus_errno_to_errc(int error_number) {
    switch (error_number) {
    case ETIMEDOUT:
        return errc::timeout;
    case ECONNRESET:
    case EPIPE:
    case EBADF:
        return errc::disconnected;
    case ECONNREFUSED:
    case EHOSTUNREACH:
    case ENETUNREACH:
    case ENOENT:
    case EACCES:
        return errc::connection_failed;
    case EMBBADCRC:
    case EMBBADDATA:
    case EMBMDATA:
    case EMBBADSLAVE:
    case EMBBADEXC:
        return errc::corrupt_frame;
    default:
        break;
    }
    if (error_number > MODBUS_ENOBASE && error_number < MODBUS_ENOBASE + MODBUS_EXCEPTION_MAX) {
        return errc::device_exception;
    }
    return errc::disconnected;
}

bool breaks_connection(errc e) {
    return e == errc::disconnected || e == errc::timeout || e == errc::corrupt_frame ||
           e == errc::connection_failed;
}

struct ModbusClient::Context {
    modbus_t* handle = nullptr;
    bool connected = false;
    std::shared_ptr<ModbusBus> bus;

    ~Context() { close(); }

    void close() {
        if (handle == nullptr) {
            return;
        }
        if (connected) {
            modbus_close(handle);
        }
        modbus_free(handle);
        handle = nullptr;
        connected = false;
    }
};

ModbusClient::ModbusClient(ConnectionUri uri, Options options)
    : uri_(std::move(uri)), options_(options), context_(std::make_unique<Context>()) {
    const auto key = uri_.is_network() ? uri_.host + ":" + std::to_string(uri_.port) : uri_.path;
    context_->bus = ModbusBus::shared(key);
}

ModbusClient::~ModbusClient() = default;

std::chrono::microseconds ModbusClient::silent_interval() const {
    if (uri_.is_network()) {
        return std::chrono::microseconds{0};
    }
    return rtu_silent_interval(options_.serial);
}

template <typename Request> boost::system::result<void> ModbusClient::transact(Request request) {
    std::lock_guard lock(context_->bus->mutex);
    errc last = errc::connection_failed;
    for (int attempt = 0; attempt < options_.attempts; ++attempt) {
        if (attempt > 0) {
            std::this_thread::sleep_for(options_.backoff * attempt);
        }
        if (!context_->connected) {
            context_->close();
            if (uri_.is_network()) {
                const std::string service = std::to_string(uri_.port);
                context_->handle = modbus_new_tcp_pi(uri_.host.c_str(), service.c_str());
            } else {
                const auto& s = options_.serial;
                context_->handle =
                    modbus_new_rtu(uri_.path.c_str(), s.baud, s.parity, s.data_bits, s.stop_bits);
            }
            if (context_->handle == nullptr) {
                last_error_ = modbus_strerror(errno);
                return errc::connection_failed;
            }
            const auto ms = options_.response_timeout.count();
            modbus_set_response_timeout(context_->handle, static_cast<std::uint32_t>(ms / 1000),
                                        static_cast<std::uint32_t>((ms % 1000) * 1000));
            const auto byte_ms = options_.byte_timeout.count();
            modbus_set_byte_timeout(context_->handle, static_cast<std::uint32_t>(byte_ms / 1000),
                                    static_cast<std::uint32_t>((byte_ms % 1000) * 1000));
            modbus_set_slave(context_->handle, options_.unit);
            if (modbus_connect(context_->handle) == -1) {
                last_error_ = modbus_strerror(errno);
                last = modbus_errno_to_errc(errno);
                if (last != errc::timeout) {
                    last = errc::connection_failed;
                }
                context_->close();
                continue;
            }
            context_->connected = true;
        }
        context_->bus->wait_for_silence(silent_interval());
        const bool ok = request(context_->handle);
        const int error_number = errno;
        context_->bus->mark_idle();
        if (ok) {
            return {};
        }
        last = modbus_errno_to_errc(error_number);
        last_error_ = modbus_strerror(error_number);
        if (last == errc::device_exception) {
            return last; // the device understood us and said no: retrying will not help
        }
        if (breaks_connection(last)) {
            // Discard whatever else is in flight: the next try starts on a clean line.
            if (!uri_.is_network()) {
                modbus_flush(context_->handle);
            }
            context_->close();
        }
    }
    return last;
}

boost::system::result<std::vector<std::uint16_t>>
ModbusClient::read_registers(RegisterKind kind, int address, int count) {
    std::vector<std::uint16_t> registers(static_cast<std::size_t>(count));
    auto done = transact([&](modbus_t* handle) {
        const int n = kind == RegisterKind::holding
                          ? modbus_read_registers(handle, address, count, registers.data())
                          : modbus_read_input_registers(handle, address, count, registers.data());
        if (n != count && n != -1) {
            errno = EMBBADDATA;
        }
        return n == count;
    });
    if (!done) {
        return done.error();
    }
    return registers;
}

boost::system::result<void> ModbusClient::write_registers(int address,
                                                          std::span<const std::uint16_t> values) {
    return transact([&](modbus_t* handle) {
        if (values.size() == 1) {
            return modbus_write_register(handle, address, values[0]) == 1;
        }
        const int n =
            modbus_write_registers(handle, address, static_cast<int>(values.size()), values.data());
        return n == static_cast<int>(values.size());
    });
}

namespace {

bool parse_int(const std::string& text, int& value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && end == text.data() + text.size();
}

} // namespace

ParsedModbusOptions modbus_options_from_uri(const ConnectionUri& uri,
                                            ModbusClient::Options defaults) {
    ParsedModbusOptions parsed{defaults, {}};
    auto& o = parsed.options;
    const bool serial = uri.scheme == "modbus-rtu";
    if (uri.scheme != "modbus-tcp" && !serial) {
        parsed.error = "scheme " + uri.scheme + " is not Modbus (modbus-tcp or modbus-rtu)";
        return parsed;
    }
    for (const auto& option : uri.options) {
        const std::string& key = option.first;
        const std::string& value = option.second;
        int number = 0;
        const bool numeric = parse_int(value, number);
        auto bad = [&](const std::string& expected) {
            parsed.error = "option ";
            parsed.error += key;
            parsed.error += '=';
            parsed.error += value;
            parsed.error += ": expected ";
            parsed.error += expected;
            return parsed;
        };
        if (key == "unit") {
            if (!numeric || number < 0 || number > 255) {
                return bad("a unit id in 0-255");
            }
            o.unit = number;
        } else if (key == "timeout") {
            if (!numeric || number < 1 || number > 60000) {
                return bad("a response timeout in 1-60000 ms");
            }
            o.response_timeout = std::chrono::milliseconds(number);
        } else if (key == "attempts") {
            if (!numeric || number < 1 || number > 10) {
                return bad("1-10 attempts");
            }
            o.attempts = number;
        } else if (serial && key == "baud") {
            if (!numeric || number < 50 || number > 4000000) {
                return bad("a baud rate");
            }
            o.serial.baud = number;
        } else if (serial && key == "parity") {
            if (value != "N" && value != "E" && value != "O") {
                return bad("N, E or O");
            }
            o.serial.parity = value[0];
        } else if (serial && key == "data") {
            if (!numeric || number < 5 || number > 8) {
                return bad("5-8 data bits");
            }
            o.serial.data_bits = number;
        } else if (serial && key == "stop") {
            if (!numeric || number < 1 || number > 2) {
                return bad("1 or 2 stop bits");
            }
            o.serial.stop_bits = number;
        } else {
            parsed.error = "unknown option '" + key + "' for " + uri.scheme;
            return parsed;
        }
    }
    return parsed;
}

} // namespace callab::drivers
