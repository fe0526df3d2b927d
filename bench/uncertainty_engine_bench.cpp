// The uncertainty engine's speed, each against a named baseline in the same run:
// - gum_parsed_model/10 inputs: evaluate_gum on a parsed text model (automatic
//   differentiation), against gum_baseline_closed_form, the same budget with hand-written
//   derivatives (the least work a GUF evaluation can do);
// - mcm_additive_shortest/threads: 10^6 trials of the JCGM 101 9.2 additive model with the
//   shortest 95 % interval, on one and on two threads, against mcm_numpy_baseline, the
//   vectorised numpy program bench/mcm_numpy_baseline.py run by /usr/bin/python3 (its own
//   timer, without interpreter start-up).
#include <callab/uncertainty/coverage_factor.hpp>
#include <callab/uncertainty/gum_evaluation.hpp>
#include <callab/uncertainty/monte_carlo.hpp>

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace {

namespace unc = callab::uncertainty;

std::vector<unc::InputQuantity> ten_inputs() {
    std::vector<unc::InputQuantity> inputs;
    for (int i = 0; i < 10; ++i) {
        auto x = unc::normal_input("x" + std::to_string(i), 1.0 + 0.1 * i, 0.01 * (i + 1)).value();
        x.degrees_of_freedom = 5.0 + i;
        inputs.push_back(x);
    }
    return inputs;
}

const char* const ten_input_model =
    "x0*x1/x2 + sqrt(x3)*exp(-x4/10) + x5^2 - log(x6) + sin(x7)*cos(x8) + x9/(1 + x0)";

void gum_parsed_model(benchmark::State& state) {
    const auto inputs = ten_inputs();
    std::vector<std::string> names;
    for (const auto& x : inputs) {
        names.push_back(x.name);
    }
    const auto model = unc::MeasurementModel::parse({{"y", ten_input_model}}, names).value();
    for (auto _ : state) {
        benchmark::DoNotOptimize(unc::evaluate_gum(model, inputs, {}, {}));
    }
}

void gum_baseline_closed_form(benchmark::State& state) {
    const auto inputs = ten_inputs();
    for (auto _ : state) {
        double x[10];
        for (int i = 0; i < 10; ++i) {
            x[i] = inputs[static_cast<std::size_t>(i)].value;
        }
        const double e = std::exp(-x[4] / 10);
        Eigen::VectorXd c(10);
        c << x[1] / x[2] - x[9] / ((1 + x[0]) * (1 + x[0])), x[0] / x[2],
            -x[0] * x[1] / (x[2] * x[2]), 0.5 / std::sqrt(x[3]) * e, -std::sqrt(x[3]) * e / 10,
            2 * x[5], -1 / x[6], std::cos(x[7]) * std::cos(x[8]), -std::sin(x[7]) * std::sin(x[8]),
            1 / (1 + x[0]);
        const double y = x[0] * x[1] / x[2] + std::sqrt(x[3]) * e + x[5] * x[5] - std::log(x[6]) +
                         std::sin(x[7]) * std::cos(x[8]) + x[9] / (1 + x[0]);
        double variance = 0.0;
        double welch = 0.0;
        for (int i = 0; i < 10; ++i) {
            const double v = c(i) * inputs[static_cast<std::size_t>(i)].standard_uncertainty;
            variance += v * v;
            welch += std::pow(v, 4) / inputs[static_cast<std::size_t>(i)].degrees_of_freedom;
        }
        const double k =
            unc::coverage_factor(0.95, std::floor(variance * variance / welch)).value();
        benchmark::DoNotOptimize(y + k * std::sqrt(variance));
    }
}

struct AdditiveModel {
    std::vector<unc::InputQuantity> inputs;
    unc::MeasurementModel model;
};

AdditiveModel additive() {
    const double a = std::sqrt(3.0);
    std::vector<unc::InputQuantity> inputs{
        unc::normal_input("X1", 0, 1).value(), unc::normal_input("X2", 0, 1).value(),
        unc::rectangular_input("X3", 0, a).value(), unc::rectangular_input("X4", 0, a).value()};
    auto model =
        unc::MeasurementModel::parse({{"Y", "X1 + X2 + X3 + X4"}}, {"X1", "X2", "X3", "X4"})
            .value();
    return {inputs, model};
}

void mcm_additive_shortest(benchmark::State& state) {
    const auto [inputs, model] = additive();
    unc::MonteCarloOptions options;
    options.trials = 1'000'000;
    options.interval = unc::IntervalKind::shortest;
    options.threads = static_cast<unsigned>(state.range(0));
    for (auto _ : state) {
        benchmark::DoNotOptimize(unc::run_monte_carlo(model, inputs, {}, options));
    }
    // The engine keeps one double per trial and output; the sampled inputs live in blocks
    // of 8192 trials per thread.
    state.counters["bytes_per_trial_per_output"] = sizeof(double);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(options.trials));
}

void mcm_numpy_baseline(benchmark::State& state) {
    const std::string command =
        "/usr/bin/python3 " CALLAB_BENCH_DIR "/mcm_numpy_baseline.py 1000000 3";
    for (auto _ : state) {
        FILE* pipe = ::popen(command.c_str(), "r");
        double seconds = 0.0;
        double cpu_seconds = 0.0;
        if (pipe == nullptr || std::fscanf(pipe, "%lf %lf", &seconds, &cpu_seconds) != 2) {
            state.SkipWithError("cannot run /usr/bin/python3 bench/mcm_numpy_baseline.py");
            if (pipe != nullptr) {
                ::pclose(pipe);
            }
            return;
        }
        ::pclose(pipe);
        state.SetIterationTime(seconds);
        state.counters["numpy_cpu_ms"] = 1000.0 * cpu_seconds;
    }
    state.SetItemsProcessed(state.iterations() * 1'000'000);
}

BENCHMARK(gum_parsed_model)->Unit(benchmark::kMicrosecond);
BENCHMARK(gum_baseline_closed_form)->Unit(benchmark::kMicrosecond);
BENCHMARK(mcm_additive_shortest)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(mcm_numpy_baseline)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);

} // namespace

BENCHMARK_MAIN();
