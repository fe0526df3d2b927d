#include <callab/drivers/errc.hpp>
#include <callab/drivers/ir_thermometer.hpp>
#include <callab/drivers/ir_thermometer_simulator.hpp>

#include <modbus.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cmath>
#include <netinet/in.h>
#include <random>
#include <set>
#include <string>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

namespace callab::drivers {

struct IrThermometerSimulator::Server {
    modbus_t* context = nullptr;
    modbus_mapping_t* mapping = nullptr;
    int listen_socket = -1;
    std::set<int> clients;
    std::mt19937_64 random;

    ~Server() {
        for (int fd : clients) {
            ::close(fd);
        }
        if (listen_socket != -1) {
            ::close(listen_socket);
        }
        if (mapping != nullptr) {
            modbus_mapping_free(mapping);
        }
        if (context != nullptr) {
            modbus_free(context);
        }
    }
};

IrThermometerSimulator::IrThermometerSimulator(Physics physics) : physics_(physics) {}

IrThermometerSimulator::~IrThermometerSimulator() {
    stop();
}

boost::system::result<std::uint16_t> IrThermometerSimulator::start(const ConnectionUri& listen) {
    if (listen.scheme != "modbus-tcp") {
        return errc::invalid_uri;
    }
    auto server = std::make_unique<Server>();
    server->random.seed(physics_.seed);
    const std::string service = std::to_string(listen.port);
    server->context = modbus_new_tcp_pi(listen.host.c_str(), service.c_str());
    server->mapping = modbus_mapping_new(0, 0, 3, 0);
    if (server->context == nullptr || server->mapping == nullptr) {
        return errc::listen_failed;
    }
    server->mapping->tab_registers[1] = 230; // ambient temperature, 23.0 °C
    server->mapping->tab_registers[2] = 950; // emissivity 0.950
    server->listen_socket = modbus_tcp_pi_listen(server->context, 8);
    if (server->listen_socket == -1) {
        return errc::listen_failed;
    }
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(server->listen_socket, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        return errc::listen_failed;
    }
    const auto port = address.ss_family == AF_INET6
                          ? ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port)
                          : ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);

    server_ = std::move(server);
    thread_ = std::jthread([this](std::stop_token stop) {
        Server& s = *server_;
        std::normal_distribution<double> noise(0.0, physics_.noise);
        std::uint8_t query[MODBUS_TCP_MAX_ADU_LENGTH];
        while (!stop.stop_requested()) {
            fd_set readable;
            FD_ZERO(&readable);
            FD_SET(s.listen_socket, &readable);
            int highest = s.listen_socket;
            for (int fd : s.clients) {
                FD_SET(fd, &readable);
                highest = std::max(highest, fd);
            }
            timeval tick{0, 50'000}; // wake up regularly to notice stop()
            if (::select(highest + 1, &readable, nullptr, nullptr, &tick) <= 0) {
                continue;
            }
            if (FD_ISSET(s.listen_socket, &readable)) {
                const int fd = ::accept(s.listen_socket, nullptr, nullptr);
                if (fd != -1) {
                    s.clients.insert(fd);
                }
            }
            for (auto it = s.clients.begin(); it != s.clients.end();) {
                const int fd = *it;
                if (!FD_ISSET(fd, &readable)) {
                    ++it;
                    continue;
                }
                modbus_set_socket(s.context, fd);
                const int length_received = modbus_receive(s.context, query);
                if (length_received == -1) {
                    ::close(fd);
                    it = s.clients.erase(it);
                    continue;
                }
                if (length_received > 0) {
                    const double indication =
                        physics_.target_temperature + physics_.indication_error + noise(s.random);
                    const auto tenths = static_cast<std::int16_t>(
                        std::lround(indication / IrThermometer::object_temperature_scale));
                    s.mapping->tab_registers[IrThermometer::object_temperature_register] =
                        static_cast<std::uint16_t>(tenths);
                    modbus_reply(s.context, query, length_received, s.mapping);
                }
                ++it;
            }
        }
    });
    return port;
}

void IrThermometerSimulator::stop() {
    if (thread_.joinable()) {
        thread_.request_stop();
        thread_.join();
    }
    server_.reset();
}

} // namespace callab::drivers
