#pragma once

#include <chrono>
#include <functional>
#include <mutex>

namespace callab::drivers {

/// A flat-plate blackbody calibrator: the plate settles to its set point as a first-order
/// system with a time constant; it is stable when its rate of change, over a minute, is
/// within the stability limit. Its radiance temperature is what an IR thermometer set to the
/// calibrator's emissivity setting sees. Thread-safe: simulators on several threads share it.
class BlackbodyPhysics {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    struct Parameters {
        double start_temperature = 23.0;  ///< °C, the plate at power-up
        double time_constant = 30.0;      ///< s
        double stability_limit = 0.1;     ///< °C (4180 default)
        double emissivity = 0.95;         ///< the emissivity setting (SOUR:EMIS)
        double nominal_emissivity = 0.95; ///< the plate's calibrated emissivity
    };

    explicit BlackbodyPhysics(Parameters parameters, Clock clock = std::chrono::steady_clock::now);

    void set_set_point(double celsius);
    double set_point() const;
    /// The plate (block) temperature now.
    double block_temperature() const;
    /// The apparent temperature for a thermometer set to the emissivity setting: the plate
    /// temperature plus the linearised effect of the emissivity difference (0.01 of
    /// emissivity is 0.6 K at 100 °C and 3.4 K at 500 °C in the 8-14 µm band).
    double radiance_temperature() const;
    /// The change of the plate temperature over one minute at the present rate, °C.
    double stability() const;
    bool stable() const;

    void set_emissivity(double emissivity);
    double emissivity() const;
    void set_stability_limit(double celsius);
    double stability_limit() const;

private:
    double temperature_at(std::chrono::steady_clock::time_point t) const;

    mutable std::mutex mutex_;
    Parameters parameters_;
    Clock clock_;
    double set_point_;
    double start_;                                  ///< temperature when the set point changed
    std::chrono::steady_clock::time_point changed_; ///< when the set point changed
};

} // namespace callab::drivers
