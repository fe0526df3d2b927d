#include "fault_injector.hpp"
#include "modbus_bus.hpp"
#include "modbus_frame.hpp"
#include "stream_server.hpp"

#include <callab/drivers/errc.hpp>
#include <callab/drivers/modbus_client.hpp>
#include <callab/drivers/modbus_simulator.hpp>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace callab::drivers {
namespace {

class BankRegisters final : public ProfileRegisters {
public:
    BankRegisters(const ModbusProfile& profile, RegisterBank& bank)
        : profile_(profile), bank_(bank) {}

    void set(std::string_view name, double value) override {
        const auto* field = find(name);
        if (field == nullptr) {
            return; // a profile may carry a subset of what the kind simulates
        }
        double raw = field->to_raw(value);
        if (field->type != DataType::float32) {
            raw = std::round(raw);
        }
        if (!fits(raw, field->type)) {
            if (field->sentinels.empty()) {
                return;
            }
            raw = raw > 0 ? field->sentinels.front() : field->sentinels.back();
        }
        auto& table = field->kind == RegisterKind::holding ? bank_.holding : bank_.input;
        const auto words = encode_registers(raw, field->type, field->order);
        std::copy(words.begin(), words.end(),
                  table.begin() + static_cast<std::ptrdiff_t>(field->address));
    }

    double get(std::string_view name) const override {
        const auto* field = find(name);
        if (field == nullptr) {
            return 0.0;
        }
        const auto& table = field->kind == RegisterKind::holding ? bank_.holding : bank_.input;
        const auto n = static_cast<std::size_t>(register_count(field->type));
        return field->to_physical(
            decode_registers(std::span(table).subspan(static_cast<std::size_t>(field->address), n),
                             field->type, field->order));
    }

    void set_status(std::uint16_t word) override {
        if (profile_.status) {
            auto& table =
                profile_.status->kind == RegisterKind::holding ? bank_.holding : bank_.input;
            table[static_cast<std::size_t>(profile_.status->address)] = word;
        }
    }

private:
    const RegisterField* find(std::string_view name) const {
        const auto* field = profile_.find_quantity(name);
        return field != nullptr ? field : profile_.find_setting(name);
    }
    const ModbusProfile& profile_;
    RegisterBank& bank_;
};

} // namespace

struct ModbusSimulator::State {
    ModbusProfile profile;
    ModbusPhysics physics;
    SimulatorOptions options;
    RegisterBank bank;
    BankRegisters registers{profile, bank};
    FaultInjector faults;
    StreamServer server;
    bool rtu = false;
    std::chrono::microseconds silent_interval{0};
    mutable std::mutex statistics_mutex;
    Statistics statistics;

    State(ModbusProfile p, ModbusPhysics ph, SimulatorOptions o)
        : profile(std::move(p)), physics(std::move(ph)), options(o),
          faults(o.fault, o.fault_rate, o.seed ^ 0x5bd1e995U) {}

    // The reply PDU to a request PDU, after the physics has refreshed the indications.
    std::vector<std::uint8_t> answer(std::span<const std::uint8_t> pdu) {
        if (physics.update) {
            physics.update(registers);
        }
        return handle_modbus_pdu(pdu, bank);
    }

    void count(void (*change)(Statistics&)) {
        std::lock_guard lock(statistics_mutex);
        change(statistics);
    }

    // Sends `frame`, or what the injected fault makes of it.
    void send(StreamServer::Connection& c, std::vector<std::uint8_t> frame, std::uint8_t function,
              const std::function<std::vector<std::uint8_t>(std::vector<std::uint8_t>)>& wrap) {
        const auto fault = faults.draw();
        if (fault != Fault::none) {
            count([](Statistics& s) { ++s.faults; });
        }
        switch (fault) {
        case Fault::none:
            break;
        case Fault::timeout:
            return;
        case Fault::exception:
            frame = wrap(modbus_exception_pdu(function, 4));
            break;
        case Fault::crc:
            if (rtu) {
                frame.back() ^= 0x5A;
            } else {
                frame[0] ^= 0xFF; // transaction id
            }
            break;
        case Fault::disconnect:
            frame.resize(frame.size() / 2);
            StreamServer::send(c, frame);
            c.closing = true;
            return;
        case Fault::garbage:
            frame = faults.garbage();
            break;
        }
        StreamServer::send(c, frame);
    }

    void on_tcp(StreamServer::Connection& c) {
        while (c.buffer.size() >= 7) {
            const std::size_t length = (c.buffer[4] << 8) | c.buffer[5];
            if (length < 2 || length > 254 || c.buffer[2] != 0 || c.buffer[3] != 0) {
                count([](Statistics& s) { ++s.rejected; });
                c.closing = true;
                return;
            }
            if (c.buffer.size() < 6 + length) {
                return;
            }
            std::vector<std::uint8_t> adu(
                c.buffer.begin(), c.buffer.begin() + static_cast<std::ptrdiff_t>(6 + length));
            c.buffer.erase(c.buffer.begin(),
                           c.buffer.begin() + static_cast<std::ptrdiff_t>(6 + length));
            const std::uint8_t unit = adu[6];
            const auto pdu = std::span(adu).subspan(7);
            std::vector<std::uint8_t> reply_pdu;
            if (unit == options.unit || unit == 0 || unit == 255) {
                count([](Statistics& s) { ++s.requests; });
                reply_pdu = answer(pdu);
            } else {
                count([](Statistics& s) { ++s.rejected; });
                reply_pdu = modbus_exception_pdu(pdu[0], 0x0B); // gateway target failed
            }
            auto wrap = [&adu](std::vector<std::uint8_t> body) {
                std::vector<std::uint8_t> frame(adu.begin(), adu.begin() + 7);
                frame[4] = static_cast<std::uint8_t>((body.size() + 1) >> 8);
                frame[5] = static_cast<std::uint8_t>(body.size() + 1);
                frame.insert(frame.end(), body.begin(), body.end());
                return frame;
            };
            send(c, wrap(reply_pdu), pdu[0], wrap);
            if (c.closing) {
                return;
            }
        }
    }

    void on_rtu(StreamServer::Connection& c, std::chrono::nanoseconds gap) {
        // Bytes after a silence of 3.5 characters start a new frame: drop a torn one.
        if (gap >= silent_interval && c.buffer.size() > c.fresh) {
            c.buffer.erase(c.buffer.begin(), c.buffer.end() - static_cast<std::ptrdiff_t>(c.fresh));
            count([](Statistics& s) { ++s.rejected; });
        }
        if (c.buffer.size() == c.fresh && c.last_sent.time_since_epoch().count() != 0) {
            const auto since_reply = c.last_byte - c.last_sent;
            std::lock_guard lock(statistics_mutex);
            statistics.shortest_gap_before_request =
                std::min(statistics.shortest_gap_before_request,
                         std::chrono::duration_cast<std::chrono::nanoseconds>(since_reply));
        }
        while (true) {
            const auto length = rtu_request_length(c.buffer);
            if (!length || c.buffer.size() < *length) {
                return;
            }
            std::vector<std::uint8_t> frame(
                c.buffer.begin(), c.buffer.begin() + static_cast<std::ptrdiff_t>(*length));
            c.buffer.erase(c.buffer.begin(),
                           c.buffer.begin() + static_cast<std::ptrdiff_t>(*length));
            if (!crc_matches(frame) || (frame[0] != options.unit && frame[0] != 0)) {
                count([](Statistics& s) { ++s.rejected; });
                continue;
            }
            count([](Statistics& s) { ++s.requests; });
            const auto pdu = std::span(frame).subspan(1, frame.size() - 3);
            auto reply = answer(pdu);
            if (frame[0] == 0) {
                continue; // broadcast: acted on, never answered
            }
            auto wrap = [unit = frame[0]](std::vector<std::uint8_t> body) {
                body.insert(body.begin(), unit);
                append_crc(body);
                return body;
            };
            // Keep the line quiet for 3.5 characters after the request before answering.
            std::this_thread::sleep_until(c.last_byte + silent_interval);
            {
                std::lock_guard lock(statistics_mutex);
                statistics.shortest_reply_delay =
                    std::min(statistics.shortest_reply_delay,
                             std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::steady_clock::now() - c.last_byte));
            }
            send(c, wrap(reply), pdu[0], wrap);
        }
    }
};

ModbusSimulator::ModbusSimulator(ModbusProfile profile, ModbusPhysics physics,
                                 SimulatorOptions options)
    : state_(std::make_unique<State>(std::move(profile), std::move(physics), options)) {
    if (state_->physics.initialise) {
        state_->physics.initialise(state_->registers);
    }
}

ModbusSimulator::~ModbusSimulator() {
    stop();
}

boost::system::result<ConnectionUri> ModbusSimulator::start(const ConnectionUri& listen) {
    ConnectionUri served = listen;
    if (listen.scheme == "modbus-tcp") {
        auto port = state_->server.listen_tcp(listen);
        if (!port) {
            return port.error();
        }
        served.port = *port;
        served.options = {{"unit", std::to_string(state_->options.unit)}};
    } else if (listen.scheme == "modbus-rtu" && listen.path == "pty") {
        auto link_option = listen.options.find("link");
        const std::string link = link_option == listen.options.end() ? "" : link_option->second;
        ConnectionUri serial_only = listen;
        serial_only.options.erase("link");
        auto parsed = modbus_options_from_uri(serial_only, {.serial = state_->profile.serial});
        if (!parsed) {
            return errc::invalid_uri;
        }
        auto path = state_->server.open_pty(link);
        if (!path) {
            return path.error();
        }
        state_->rtu = true;
        state_->silent_interval = rtu_silent_interval(parsed.options.serial);
        const auto& s = parsed.options.serial;
        served.path = link.empty() ? *path : link;
        served.options = {{"baud", std::to_string(s.baud)},
                          {"parity", std::string(1, s.parity)},
                          {"data", std::to_string(s.data_bits)},
                          {"stop", std::to_string(s.stop_bits)},
                          {"unit", std::to_string(state_->options.unit)}};
    } else {
        return errc::invalid_uri;
    }
    thread_ = std::jthread([this](const std::stop_token& stop) {
        state_->server.run(stop, [this](StreamServer::Connection& c, std::chrono::nanoseconds gap) {
            if (state_->rtu) {
                state_->on_rtu(c, gap);
            } else {
                state_->on_tcp(c);
            }
        });
    });
    return served;
}

void ModbusSimulator::stop() {
    if (thread_.joinable()) {
        thread_.request_stop();
        thread_.join();
        state_->server.close_all();
    }
}

ModbusSimulator::Statistics ModbusSimulator::statistics() const {
    std::lock_guard lock(state_->statistics_mutex);
    return state_->statistics;
}

} // namespace callab::drivers
