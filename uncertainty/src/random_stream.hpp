#pragma once

#include <cmath>
#include <cstdint>

namespace callab::uncertainty::detail {

/// xoshiro256++ (Blackman and Vigna), seeded through splitmix64 from a seed and a stream
/// number: each block of Monte Carlo trials draws from its own stream, so the numbers do not
/// depend on which thread runs the block.
class RandomStream {
public:
    RandomStream(std::uint64_t seed, std::uint64_t stream) {
        std::uint64_t x = seed ^ (0x9E3779B97F4A7C15ULL * (stream + 1));
        for (auto& word : state_) {
            word = splitmix64(x);
        }
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[0] + state_[3], 23) + state_[0];
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    /// Uniform on the open interval (0, 1): never 0 or 1, so inverse CDFs stay finite.
    double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix64(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    std::uint64_t state_[4];
};

/// The standard normal quantile by Acklam's rational approximation (relative error below
/// 1.2e-9, far under Monte Carlo noise); the tails use one logarithm and one square root.
inline double normal_quantile(double p) {
    constexpr double a1 = -3.969683028665376e+01, a2 = 2.209460984245205e+02,
                     a3 = -2.759285104469687e+02, a4 = 1.383577518672690e+02,
                     a5 = -3.066479806614716e+01, a6 = 2.506628277459239e+00;
    constexpr double b1 = -5.447609879822406e+01, b2 = 1.615858368580409e+02,
                     b3 = -1.556989798598866e+02, b4 = 6.680131188771972e+01,
                     b5 = -1.328068155288572e+01;
    constexpr double c1 = -7.784894002430293e-03, c2 = -3.223964580411365e-01,
                     c3 = -2.400758277161838e+00, c4 = -2.549732539343734e+00,
                     c5 = 4.374664141464968e+00, c6 = 2.938163982698783e+00;
    constexpr double d1 = 7.784695709041462e-03, d2 = 3.224671290700398e-01,
                     d3 = 2.445134137142996e+00, d4 = 3.754408661907416e+00;
    constexpr double low = 0.02425;
    if (p < low) {
        const double q = std::sqrt(-2.0 * std::log(p));
        return (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) /
               ((((d1 * q + d2) * q + d3) * q + d4) * q + 1.0);
    }
    if (p > 1.0 - low) {
        const double q = std::sqrt(-2.0 * std::log(1.0 - p));
        return -(((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) /
               ((((d1 * q + d2) * q + d3) * q + d4) * q + 1.0);
    }
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q /
           (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1.0);
}

/// Standard normal deviates by Marsaglia and Tsang's ziggurat (128 layers): one 64-bit draw
/// per deviate in 98.8 % of cases — 7 bits pick the layer, 32 others the signed abscissa —
/// and the exact rejection steps otherwise.
class NormalZiggurat {
public:
    NormalZiggurat() {
        constexpr double m1 = 2147483648.0; // 2^31
        double dn = tail_start;
        double tn = dn;
        const double q = area / std::exp(-0.5 * dn * dn);
        k_[0] = static_cast<std::uint32_t>((dn / q) * m1);
        k_[1] = 0;
        w_[0] = q / m1;
        w_[127] = dn / m1;
        f_[0] = 1.0;
        f_[127] = std::exp(-0.5 * dn * dn);
        for (int i = 126; i >= 1; --i) {
            dn = std::sqrt(-2.0 * std::log(area / dn + std::exp(-0.5 * dn * dn)));
            k_[i + 1] = static_cast<std::uint32_t>((dn / tn) * m1);
            tn = dn;
            f_[i] = std::exp(-0.5 * dn * dn);
            w_[i] = dn / m1;
        }
    }

    double operator()(RandomStream& random) const {
        for (;;) {
            const std::uint64_t bits = random.next();
            const auto layer = static_cast<int>(bits & 127);
            const auto hz = static_cast<std::int32_t>(static_cast<std::uint32_t>(bits >> 32));
            const std::uint32_t magnitude =
                hz < 0 ? static_cast<std::uint32_t>(-static_cast<std::int64_t>(hz))
                       : static_cast<std::uint32_t>(hz);
            const double x = hz * w_[layer];
            if (magnitude < k_[layer]) {
                return x;
            }
            if (layer == 0) { // the tail beyond r
                double tail = 0.0;
                double y = 0.0;
                do {
                    tail = -std::log(random.uniform()) / tail_start;
                    y = -std::log(random.uniform());
                } while (y + y < tail * tail);
                return hz > 0 ? tail_start + tail : -tail_start - tail;
            }
            if (f_[layer] + random.uniform() * (f_[layer - 1] - f_[layer]) <
                std::exp(-0.5 * x * x)) {
                return x;
            }
        }
    }

private:
    static constexpr double tail_start = 3.442619855899;
    static constexpr double area = 9.91256303526217e-3;
    std::uint32_t k_[128];
    double w_[128];
    double f_[128];
};

inline const NormalZiggurat& normal_ziggurat() {
    static const NormalZiggurat ziggurat;
    return ziggurat;
}

/// Student's t with ν degrees of freedom by Bailey's polar method (exact).
inline double student_t_deviate(RandomStream& random, double nu) {
    for (;;) {
        const double u = 2.0 * random.uniform() - 1.0;
        const double v = 2.0 * random.uniform() - 1.0;
        const double w = u * u + v * v;
        if (w < 1.0) {
            return u * std::sqrt(nu * (std::pow(w, -2.0 / nu) - 1.0) / w);
        }
    }
}

} // namespace callab::uncertainty::detail
