// Type A evaluation of a series of readings, against the naive two-loop computation on a
// std::vector as the named baseline (run both in one invocation and compare the ratio).
#include <callab/uncertainty/type_a.hpp>

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <vector>

namespace {

std::vector<double> readings(std::size_t n) {
    std::mt19937_64 random(42);
    std::normal_distribution<double> noise(37.0, 0.05);
    std::vector<double> values(n);
    for (auto& v : values) {
        v = noise(random);
    }
    return values;
}

void type_a_callab(benchmark::State& state) {
    const auto values = readings(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        benchmark::DoNotOptimize(callab::uncertainty::evaluate_type_a(values));
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void type_a_baseline_loops(benchmark::State& state) {
    const auto values = readings(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        const double mean = sum / static_cast<double>(values.size());
        double squares = 0.0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        const double u = std::sqrt(squares / static_cast<double>(values.size() - 1) /
                                   static_cast<double>(values.size()));
        benchmark::DoNotOptimize(u);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(type_a_callab)->Arg(10)->Arg(1000);
BENCHMARK(type_a_baseline_loops)->Arg(10)->Arg(1000);

} // namespace

BENCHMARK_MAIN();
