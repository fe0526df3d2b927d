#include <callab/drivers/blackbody_physics.hpp>

#include <algorithm>
#include <cmath>

namespace callab::drivers {

BlackbodyPhysics::BlackbodyPhysics(Parameters parameters, Clock clock)
    : parameters_(parameters), clock_(std::move(clock)), set_point_(parameters.start_temperature),
      start_(parameters.start_temperature), changed_(clock_()) {}

double BlackbodyPhysics::temperature_at(std::chrono::steady_clock::time_point t) const {
    const double elapsed = std::chrono::duration<double>(t - changed_).count();
    return set_point_ + (start_ - set_point_) * std::exp(-elapsed / parameters_.time_constant);
}

void BlackbodyPhysics::set_set_point(double celsius) {
    std::lock_guard lock(mutex_);
    const auto now = clock_();
    start_ = temperature_at(now);
    changed_ = now;
    set_point_ = celsius;
}

double BlackbodyPhysics::set_point() const {
    std::lock_guard lock(mutex_);
    return set_point_;
}

double BlackbodyPhysics::block_temperature() const {
    std::lock_guard lock(mutex_);
    return temperature_at(clock_());
}

double BlackbodyPhysics::radiance_temperature() const {
    std::lock_guard lock(mutex_);
    const double t = temperature_at(clock_());
    const double kelvin_per_hundredth = std::max(0.05, 0.6 + (t - 100.0) * 0.007);
    return t +
           (parameters_.nominal_emissivity - parameters_.emissivity) / 0.01 * kelvin_per_hundredth;
}

double BlackbodyPhysics::stability() const {
    std::lock_guard lock(mutex_);
    const double t = temperature_at(clock_());
    return std::abs(set_point_ - t) / parameters_.time_constant * 60.0;
}

bool BlackbodyPhysics::stable() const {
    return stability() <= stability_limit();
}

void BlackbodyPhysics::set_emissivity(double emissivity) {
    std::lock_guard lock(mutex_);
    parameters_.emissivity = emissivity;
}

double BlackbodyPhysics::emissivity() const {
    std::lock_guard lock(mutex_);
    return parameters_.emissivity;
}

void BlackbodyPhysics::set_stability_limit(double celsius) {
    std::lock_guard lock(mutex_);
    parameters_.stability_limit = celsius;
}

double BlackbodyPhysics::stability_limit() const {
    std::lock_guard lock(mutex_);
    return parameters_.stability_limit;
}

} // namespace callab::drivers
