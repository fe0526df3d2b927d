#include <callab/uncertainty/coverage_interval.hpp>

#include <algorithm>
#include <cmath>

namespace callab::uncertainty {

CoverageInterval coverage_interval(std::span<double> values, double probability,
                                   IntervalKind kind) {
    const std::size_t m = values.size();
    auto q = static_cast<std::size_t>(std::floor(probability * static_cast<double>(m) + 0.5));
    q = std::clamp<std::size_t>(q, 1, m - 1);
    const auto begin = values.begin();
    if (kind == IntervalKind::symmetric) {
        // 1-based r = (M − q)/2, or (M − q + 1)/2 when that is not an integer.
        const std::size_t r = std::max<std::size_t>(1, (m - q + 1) / 2);
        std::nth_element(begin, begin + static_cast<std::ptrdiff_t>(r - 1), values.end());
        const double low = values[r - 1];
        std::nth_element(begin + static_cast<std::ptrdiff_t>(r),
                         begin + static_cast<std::ptrdiff_t>(r + q - 1), values.end());
        return {low, values[r + q - 1]};
    }
    // Shortest: [y(r), y(r+q)] over r = 1 … M − q. Only the M − q smallest and the M − q
    // largest values take part; when they overlap (p < ½) sort everything.
    const std::size_t tail = m - q;
    if (tail >= q) {
        std::sort(begin, values.end());
    } else {
        std::nth_element(begin, begin + static_cast<std::ptrdiff_t>(tail), values.end());
        std::sort(begin, begin + static_cast<std::ptrdiff_t>(tail));
        std::nth_element(begin + static_cast<std::ptrdiff_t>(tail),
                         begin + static_cast<std::ptrdiff_t>(q), values.end());
        std::sort(begin + static_cast<std::ptrdiff_t>(q), values.end());
    }
    std::size_t best = 0;
    double width = values[q] - values[0];
    for (std::size_t r = 1; r < tail; ++r) {
        const double w = values[r + q] - values[r];
        if (w < width) {
            width = w;
            best = r;
        }
    }
    return {values[best], values[best + q]};
}

} // namespace callab::uncertainty
