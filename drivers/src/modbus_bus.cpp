#include "modbus_bus.hpp"

#include <map>
#include <thread>

namespace callab::drivers {

std::chrono::microseconds rtu_silent_interval(const SerialDefaults& serial) {
    if (serial.baud > 19200) {
        return std::chrono::microseconds{1750};
    }
    const int bits = 1 + serial.data_bits + (serial.parity == 'N' ? 0 : 1) + serial.stop_bits;
    return std::chrono::microseconds{(35LL * bits * 1'000'000 + 10LL * serial.baud - 1) /
                                     (10LL * serial.baud)};
}

std::shared_ptr<ModbusBus> ModbusBus::shared(const std::string& key) {
    static std::mutex registry_mutex;
    static std::map<std::string, std::weak_ptr<ModbusBus>> registry;
    std::lock_guard lock(registry_mutex);
    auto& slot = registry[key];
    auto bus = slot.lock();
    if (!bus) {
        bus = std::make_shared<ModbusBus>();
        slot = bus;
    }
    return bus;
}

void ModbusBus::wait_for_silence(std::chrono::microseconds interval) const {
    if (interval.count() == 0) {
        return;
    }
    std::this_thread::sleep_until(idle_since + interval);
}

} // namespace callab::drivers
