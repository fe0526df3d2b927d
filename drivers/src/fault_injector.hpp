#pragma once

#include <callab/drivers/simulator_options.hpp>

#include <cstdint>
#include <random>
#include <vector>

namespace callab::drivers {

/// Decides, reply by reply, whether a simulator's configured fault strikes, reproducibly
/// from a seed.
class FaultInjector {
public:
    FaultInjector(Fault fault, double rate, std::uint64_t seed)
        : fault_(fault), rate_(rate), random_(seed) {}

    /// The fault for the next reply: the configured one with probability `rate`, else none.
    Fault draw() {
        if (fault_ == Fault::none) {
            return Fault::none;
        }
        return std::uniform_real_distribution<double>(0.0, 1.0)(random_) < rate_ ? fault_
                                                                                 : Fault::none;
    }

    /// 3 to 12 random bytes.
    std::vector<std::uint8_t> garbage() {
        std::vector<std::uint8_t> bytes(std::uniform_int_distribution<std::size_t>(3, 12)(random_));
        for (auto& b : bytes) {
            b = static_cast<std::uint8_t>(random_());
        }
        return bytes;
    }

private:
    Fault fault_;
    double rate_;
    std::mt19937_64 random_;
};

} // namespace callab::drivers
