#include <callab/uncertainty/coverage_interval.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

namespace callab::uncertainty {
namespace {

TEST(CoverageInterval, SymmetricCountsAsJcgm101) {
    // M = 100 values 1…100, p = 0.9: q = 90, r = 5, interval [y(5), y(95)].
    std::vector<double> values(100);
    std::iota(values.begin(), values.end(), 1.0);
    std::shuffle(values.begin(), values.end(), std::mt19937(3));
    const auto interval = coverage_interval(values, 0.9, IntervalKind::symmetric);
    EXPECT_DOUBLE_EQ(interval.low, 5.0);
    EXPECT_DOUBLE_EQ(interval.high, 95.0);
}

TEST(CoverageInterval, ShortestFindsTheDenseRegion) {
    // 80 values crowded near 0 and 20 spread far to the right: the shortest 80 % interval
    // is the crowd, the symmetric one is pulled right.
    std::vector<double> values;
    for (int i = 0; i < 80; ++i) {
        values.push_back(i * 0.01);
    }
    for (int i = 0; i < 20; ++i) {
        values.push_back(10.0 + i);
    }
    std::shuffle(values.begin(), values.end(), std::mt19937(5));
    auto copy = values;
    const auto shortest = coverage_interval(values, 0.79, IntervalKind::shortest);
    EXPECT_DOUBLE_EQ(shortest.low, 0.0);
    EXPECT_DOUBLE_EQ(shortest.high, 0.79);
    const auto symmetric = coverage_interval(copy, 0.79, IntervalKind::symmetric);
    EXPECT_GT(symmetric.high, 10.0);
}

TEST(CoverageInterval, SmallProbabilitySortsEverything) {
    std::vector<double> values{5, 1, 4, 2, 3, 100, -100, 3.1, 2.9, 3.05};
    // q = 3: the interval runs from y(r) to y(r+3).
    const auto interval = coverage_interval(values, 0.3, IntervalKind::shortest);
    EXPECT_DOUBLE_EQ(interval.low, 2.9);
    EXPECT_DOUBLE_EQ(interval.high, 3.1);
}

} // namespace
} // namespace callab::uncertainty

namespace callab::uncertainty {
namespace {

TEST(CoverageInterval, LargeSamplesGiveWhatAFullSortGives) {
    std::mt19937_64 random(11);
    std::gamma_distribution<double> skewed(2.0, 1.0);
    std::vector<double> values(200'000);
    for (auto& v : values) {
        v = skewed(random);
    }
    auto sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t m = values.size();
    const std::size_t q = 190'000; // p = 0.95
    std::size_t best = 0;
    for (std::size_t r = 1; r < m - q; ++r) {
        if (sorted[r + q] - sorted[r] < sorted[best + q] - sorted[best]) {
            best = r;
        }
    }
    auto copy = values;
    const auto shortest = coverage_interval(copy, 0.95, IntervalKind::shortest);
    EXPECT_EQ(shortest.low, sorted[best]);
    EXPECT_EQ(shortest.high, sorted[best + q]);
    const auto symmetric = coverage_interval(values, 0.95, IntervalKind::symmetric);
    EXPECT_EQ(symmetric.low, sorted[4'999]);    // r = 5000
    EXPECT_EQ(symmetric.high, sorted[194'999]); // r + q = 195000
}

} // namespace
} // namespace callab::uncertainty
