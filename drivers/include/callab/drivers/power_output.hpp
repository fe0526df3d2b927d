#pragma once

#include <mutex>

namespace callab::drivers {

/// The electrical output of a simulated power source, shared with the simulated power
/// analyser that measures it. Thread-safe.
class PowerOutput {
public:
    struct State {
        double voltage = 0.0;    ///< V rms
        double current = 0.0;    ///< A rms
        double phase = 0.0;      ///< degrees, current relative to voltage
        double frequency = 50.0; ///< Hz
        bool on = false;
    };

    State state() const {
        std::lock_guard lock(mutex_);
        return state_;
    }
    template <typename Change> void change(Change change) {
        std::lock_guard lock(mutex_);
        change(state_);
    }

private:
    mutable std::mutex mutex_;
    State state_;
};

} // namespace callab::drivers
