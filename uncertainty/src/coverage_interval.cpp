#include <callab/uncertainty/coverage_interval.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

namespace callab::uncertainty {
namespace {

// LSD radix sort of finite doubles, 11 bits a pass on order-preserving integer keys: the
// buckets of a coverage interval hold ~5 % of the trials each and this sorts them several
// times faster than a comparison sort.
void radix_sort(std::vector<double>& values) {
    constexpr int bits = 11;
    constexpr int passes = 6; // 66 ≥ 64 bits
    constexpr std::size_t radix = std::size_t{1} << bits;
    const std::size_t n = values.size();
    std::vector<std::uint64_t> keys(n);
    std::vector<std::uint64_t> scratch(n);
    std::vector<std::size_t> counts(passes * radix, 0);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t b = 0;
        std::memcpy(&b, &values[i], sizeof b);
        keys[i] = (b >> 63) != 0 ? ~b : (b | (std::uint64_t{1} << 63));
        for (int p = 0; p < passes; ++p) {
            ++counts[static_cast<std::size_t>(p) * radix + ((keys[i] >> (p * bits)) & (radix - 1))];
        }
    }
    for (int p = 0; p < passes; ++p) {
        std::size_t* count = counts.data() + static_cast<std::size_t>(p) * radix;
        if (std::any_of(count, count + radix, [n](std::size_t c) { return c == n; })) {
            continue; // every key has the same digit: nothing moves
        }
        std::size_t offset = 0;
        for (std::size_t d = 0; d < radix; ++d) {
            const std::size_t c = count[d];
            count[d] = offset;
            offset += c;
        }
        for (const std::uint64_t key : keys) {
            scratch[count[(key >> (p * bits)) & (radix - 1)]++] = key;
        }
        keys.swap(scratch);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t k = keys[i];
        const std::uint64_t b = (k >> 63) != 0 ? (k & ~(std::uint64_t{1} << 63)) : ~k;
        std::memcpy(&values[i], &b, sizeof b);
    }
}

// The `tail` smallest and the `tail` largest values, each sorted ascending.
struct Tails {
    std::vector<double> low;  ///< low[i] = y(i + 1)
    std::vector<double> high; ///< high[i] = y(M − tail + i + 1)
};

// Thresholds from a strided subsample of the values pick two buckets a little larger than
// the tails in one pass; only the buckets get sorted. Empty when a bucket comes out too
// small (then the caller partitions all values).
std::optional<Tails> tails_by_subsample(std::span<const double> values, std::size_t tail) {
    constexpr std::size_t subsample_size = 8192;
    const std::size_t m = values.size();
    const std::size_t stride = m / subsample_size;
    std::vector<double> subsample;
    subsample.reserve(subsample_size);
    for (std::size_t i = 0; i < subsample_size; ++i) {
        subsample.push_back(values[i * stride]);
    }
    std::sort(subsample.begin(), subsample.end());
    const double fraction = static_cast<double>(tail) / static_cast<double>(m);
    const double margin = 5.0 * std::sqrt(fraction * (1.0 - fraction) / subsample_size) + 0.001;
    const auto k = std::min(subsample_size / 2 - 1,
                            static_cast<std::size_t>(std::ceil(
                                (fraction + margin) * static_cast<double>(subsample_size))));
    const double low_threshold = subsample[k];
    const double high_threshold = subsample[subsample_size - 1 - k];
    if (!(low_threshold < high_threshold)) {
        return std::nullopt;
    }
    Tails tails;
    for (const double y : values) {
        if (y <= low_threshold) {
            tails.low.push_back(y);
        } else if (y >= high_threshold) {
            tails.high.push_back(y);
        }
    }
    if (tails.low.size() < tail || tails.high.size() < tail) {
        return std::nullopt;
    }
    radix_sort(tails.low);
    tails.low.resize(tail);
    radix_sort(tails.high);
    tails.high.erase(tails.high.begin(), tails.high.end() - static_cast<std::ptrdiff_t>(tail));
    return tails;
}

Tails tails_by_partition(std::span<double> values, std::size_t tail) {
    const auto begin = values.begin();
    const std::size_t m = values.size();
    std::nth_element(begin, begin + static_cast<std::ptrdiff_t>(tail), values.end());
    std::sort(begin, begin + static_cast<std::ptrdiff_t>(tail));
    std::nth_element(begin + static_cast<std::ptrdiff_t>(tail),
                     begin + static_cast<std::ptrdiff_t>(m - tail), values.end());
    std::sort(begin + static_cast<std::ptrdiff_t>(m - tail), values.end());
    return Tails{std::vector<double>(begin, begin + static_cast<std::ptrdiff_t>(tail)),
                 std::vector<double>(begin + static_cast<std::ptrdiff_t>(m - tail), values.end())};
}

} // namespace

CoverageInterval coverage_interval(std::span<double> values, double probability,
                                   IntervalKind kind) {
    const std::size_t m = values.size();
    auto q = static_cast<std::size_t>(std::floor(probability * static_cast<double>(m) + 0.5));
    q = std::clamp<std::size_t>(q, 1, m - 1);
    const std::size_t tail = m - q;
    // 1-based r of the symmetric interval: (M − q)/2, or (M − q + 1)/2 when that is not an
    // integer.
    const std::size_t r_symmetric = std::max<std::size_t>(1, (m - q + 1) / 2);
    if (tail >= q) {
        // p ≤ ½: the tails overlap, sort everything.
        std::sort(values.begin(), values.end());
        if (kind == IntervalKind::symmetric) {
            return {values[r_symmetric - 1], values[r_symmetric + q - 1]};
        }
        std::size_t best = 0;
        for (std::size_t r = 1; r < tail; ++r) {
            if (values[r + q] - values[r] < values[best + q] - values[best]) {
                best = r;
            }
        }
        return {values[best], values[best + q]};
    }
    std::optional<Tails> tails;
    if (m >= 65536) {
        tails = tails_by_subsample(values, tail);
    }
    if (!tails) {
        tails = tails_by_partition(values, tail);
    }
    // y(r) = low[r − 1] for r ≤ tail; y(r + q) = high[r − 1] since M − tail = q.
    if (kind == IntervalKind::symmetric) {
        return {tails->low[r_symmetric - 1], tails->high[r_symmetric - 1]};
    }
    // Shortest: [y(r), y(r + q)] over r = 1 … M − q (JCGM 101 7.7.3).
    std::size_t best = 0;
    for (std::size_t r = 1; r < tail; ++r) {
        if (tails->high[r] - tails->low[r] < tails->high[best] - tails->low[best]) {
            best = r;
        }
    }
    return {tails->low[best], tails->high[best]};
}

} // namespace callab::uncertainty
