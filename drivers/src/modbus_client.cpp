#include "modbus_errors.hpp"

#include <callab/drivers/modbus_client.hpp>

#include <modbus.h>

#include <cerrno>
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
        return errc::connection_failed;
    case EMBBADCRC:
    case EMBBADDATA:
    case EMBMDATA:
    case EMBBADSLAVE:
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
    : uri_(std::move(uri)), options_(options), context_(std::make_unique<Context>()) {}

ModbusClient::~ModbusClient() = default;

boost::system::result<std::vector<std::uint16_t>> ModbusClient::read_holding_registers(int address,
                                                                                       int count) {
    std::vector<std::uint16_t> registers(static_cast<std::size_t>(count));
    errc last = errc::connection_failed;
    for (int attempt = 0; attempt < options_.attempts; ++attempt) {
        if (attempt > 0) {
            // Back off a little more each time so a busy device can recover.
            std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
        }
        if (!context_->connected) {
            context_->close();
            const std::string service = std::to_string(uri_.port);
            context_->handle = modbus_new_tcp_pi(uri_.host.c_str(), service.c_str());
            if (context_->handle == nullptr) {
                return errc::connection_failed;
            }
            const auto ms = options_.response_timeout.count();
            modbus_set_response_timeout(context_->handle, static_cast<std::uint32_t>(ms / 1000),
                                        static_cast<std::uint32_t>((ms % 1000) * 1000));
            modbus_set_slave(context_->handle, options_.unit);
            if (modbus_connect(context_->handle) == -1) {
                last = modbus_errno_to_errc(errno);
                if (last != errc::timeout) {
                    last = errc::connection_failed;
                }
                context_->close();
                continue;
            }
            context_->connected = true;
        }
        const int n = modbus_read_registers(context_->handle, address, count, registers.data());
        if (n == count) {
            return registers;
        }
        last = n == -1 ? modbus_errno_to_errc(errno) : errc::corrupt_frame;
        if (last == errc::device_exception) {
            return last; // the device understood us and said no: retrying will not help
        }
        if (breaks_connection(last)) {
            context_->close();
        }
    }
    return last;
}

} // namespace callab::drivers
