#pragma once

#include <callab/drivers/modbus_profile.hpp>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

namespace callab::drivers {

/// The silent interval between Modbus RTU frames: 3.5 character times at the given
/// settings, or the fixed 1750 µs the specification prescribes above 19200 baud.
std::chrono::microseconds rtu_silent_interval(const SerialDefaults& serial);

/// One physical bus (a serial line, or a TCP gateway): the lock every client on it takes
/// around a transaction, and when the line last went quiet.
struct ModbusBus {
    std::mutex mutex;
    std::chrono::steady_clock::time_point idle_since{};

    /// The bus for `key` (a device path or host:port), shared by every client on it.
    static std::shared_ptr<ModbusBus> shared(const std::string& key);

    /// Sleeps until the line has been quiet for `interval`. Call with the mutex held.
    void wait_for_silence(std::chrono::microseconds interval) const;
    void mark_idle() { idle_since = std::chrono::steady_clock::now(); }
};

} // namespace callab::drivers
