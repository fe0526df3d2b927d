#include "input_sampler.hpp"

#include <callab/uncertainty/monte_carlo.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>

namespace callab::uncertainty {
namespace {

constexpr std::size_t block_size = 8192;
constexpr std::size_t minimum_trials = 10'000;
constexpr std::size_t no_failure = std::numeric_limits<std::size_t>::max();

/// Runs trials [first, first + count) of a series whose blocks are numbered from first_block.
class TrialRunner {
public:
    TrialRunner(const MeasurementModel& model, const detail::InputSampler& sampler,
                std::uint64_t seed, unsigned threads)
        : model_(model), sampler_(sampler), seed_(seed), threads_(threads) {}

    /// Appends count trials to values (one vector per output). Returns the first trial
    /// whose outputs are not finite, or no_failure.
    std::pair<std::size_t, std::size_t> run(std::size_t count,
                                            std::vector<std::vector<double>>& values) {
        const std::size_t first = values.front().size();
        for (auto& v : values) {
            v.resize(first + count);
        }
        const std::size_t blocks = (count + block_size - 1) / block_size;
        std::atomic<std::size_t> next{0};
        std::size_t failed_trial = no_failure;
        std::size_t failed_output = 0;
        std::mutex failure_mutex;
        // Keeps the first non-finite trial, so the report does not depend on the threads.
        const auto record_failure = [&](const Eigen::ArrayXXd& outputs, std::size_t offset) {
            const std::scoped_lock lock(failure_mutex);
            for (Eigen::Index t = 0; t < outputs.rows(); ++t) {
                for (Eigen::Index j = 0; j < outputs.cols(); ++j) {
                    const std::size_t trial = offset + static_cast<std::size_t>(t);
                    if (!std::isfinite(outputs(t, j)) && trial < failed_trial) {
                        failed_trial = trial;
                        failed_output = static_cast<std::size_t>(j);
                    }
                }
            }
        };
        const auto work = [&] {
            const auto n = static_cast<Eigen::Index>(model_.input_count());
            const auto m = static_cast<Eigen::Index>(model_.output_count());
            Eigen::ArrayXXd samples;
            Eigen::ArrayXXd outputs;
            for (std::size_t b = next++; b < blocks; b = next++) {
                const std::size_t begin = b * block_size;
                const auto length = static_cast<Eigen::Index>(std::min(block_size, count - begin));
                samples.resize(length, n);
                outputs.resize(length, m);
                detail::RandomStream random(seed_, first_block_ + b);
                sampler_.sample(random, samples);
                model_.evaluate_batch(samples, outputs);
                for (Eigen::Index j = 0; j < m; ++j) {
                    auto& column = values[static_cast<std::size_t>(j)];
                    Eigen::Map<Eigen::ArrayXd>(column.data() + first + begin, length) =
                        outputs.col(j);
                }
                if (!outputs.allFinite()) {
                    record_failure(outputs, first + begin);
                }
            }
        };
        const unsigned threads =
            std::max(1U, std::min<unsigned>(threads_, static_cast<unsigned>(blocks)));
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t) {
            pool.emplace_back(work);
        }
        work();
        for (auto& thread : pool) {
            thread.join();
        }
        first_block_ += blocks;
        return {failed_trial, failed_output};
    }

private:
    const MeasurementModel& model_;
    const detail::InputSampler& sampler_;
    std::uint64_t seed_;
    unsigned threads_;
    std::uint64_t first_block_ = 0;
};

struct Moments {
    double mean = 0.0;
    double standard_deviation = 0.0;
};

Moments moments(std::span<const double> values) {
    const Eigen::Map<const Eigen::ArrayXd> y(values.data(),
                                             static_cast<Eigen::Index>(values.size()));
    const double mean = y.mean();
    const double variance = (y - mean).square().sum() / static_cast<double>(values.size() - 1);
    return {mean, std::sqrt(variance)};
}

double spread_of_batch_means(const std::vector<double>& batch_values) {
    const auto h = static_cast<double>(batch_values.size());
    double mean = 0.0;
    for (double v : batch_values) {
        mean += v / h;
    }
    double squares = 0.0;
    for (double v : batch_values) {
        squares += (v - mean) * (v - mean);
    }
    return std::sqrt(squares / (h * (h - 1.0)));
}

struct BatchHistory {
    std::vector<double> means, uncertainties, lows, highs;
};

Failure non_finite(const MeasurementModel& model, std::pair<std::size_t, std::size_t> failure) {
    return Failure{errc::non_finite_result,
                   "output '" + model.output_names()[failure.second] + "': Monte Carlo trial " +
                       std::to_string(failure.first + 1) +
                       " gives NaN or infinity (the inputs reach outside the model's domain)"};
}

void summarise(const MeasurementModel& model, std::vector<std::vector<double>>& values,
               const MonteCarloOptions& options, MonteCarloResult& result) {
    const auto m = static_cast<Eigen::Index>(values.size());
    const std::size_t trials = values.front().size();
    result.trials = trials;
    std::vector<double> means;
    for (const auto& v : values) {
        means.push_back(
            Eigen::Map<const Eigen::ArrayXd>(v.data(), static_cast<Eigen::Index>(trials)).mean());
    }
    result.covariance.resize(m, m);
    for (Eigen::Index a = 0; a < m; ++a) {
        for (Eigen::Index b = a; b < m; ++b) {
            const auto ia = static_cast<std::size_t>(a);
            const auto ib = static_cast<std::size_t>(b);
            const Eigen::Map<const Eigen::ArrayXd> ya(values[ia].data(),
                                                      static_cast<Eigen::Index>(trials));
            const Eigen::Map<const Eigen::ArrayXd> yb(values[ib].data(),
                                                      static_cast<Eigen::Index>(trials));
            result.covariance(a, b) = result.covariance(b, a) =
                ((ya - means[ia]) * (yb - means[ib])).sum() / static_cast<double>(trials - 1);
        }
    }
    result.correlation = Eigen::MatrixXd::Identity(m, m);
    for (Eigen::Index a = 0; a < m; ++a) {
        for (Eigen::Index b = 0; b < m; ++b) {
            const double scale = std::sqrt(result.covariance(a, a) * result.covariance(b, b));
            if (a != b && scale > 0.0) {
                result.correlation(a, b) = result.covariance(a, b) / scale;
            }
        }
    }
    for (Eigen::Index j = 0; j < m; ++j) {
        const auto ij = static_cast<std::size_t>(j);
        MonteCarloOutput out;
        out.name = model.output_names()[ij];
        out.mean = means[ij];
        out.standard_uncertainty = std::sqrt(result.covariance(j, j));
        out.interval = coverage_interval(values[ij], options.probability, options.interval);
        result.outputs.push_back(out);
    }
}

} // namespace

double numerical_tolerance(double value, int significant_digits) {
    const double magnitude = std::abs(value);
    if (!(magnitude > 0.0) || !std::isfinite(magnitude)) {
        return 0.0;
    }
    const int l = static_cast<int>(std::floor(std::log10(magnitude))) - (significant_digits - 1);
    return 0.5 * std::pow(10.0, l);
}

Validation validate_gum(double gum_value, double gum_standard_uncertainty,
                        double gum_expanded_uncertainty, const CoverageInterval& mcm,
                        int significant_digits) {
    Validation v;
    v.tolerance = numerical_tolerance(gum_standard_uncertainty, significant_digits);
    v.low_difference = std::abs(gum_value - gum_expanded_uncertainty - mcm.low);
    v.high_difference = std::abs(gum_value + gum_expanded_uncertainty - mcm.high);
    v.passed = v.low_difference <= v.tolerance && v.high_difference <= v.tolerance;
    return v;
}

Outcome<MonteCarloResult> run_monte_carlo(const MeasurementModel& model,
                                          const std::vector<InputQuantity>& inputs,
                                          const Eigen::MatrixXd& correlation,
                                          const MonteCarloOptions& options) {
    if (model.input_count() != inputs.size()) {
        return Failure{errc::size_mismatch, "the model and the inputs differ in number"};
    }
    if (!(options.probability > 0.0 && options.probability < 1.0)) {
        return Failure{errc::invalid_probability,
                       "coverage probability must lie strictly between 0 and 1"};
    }
    if (!options.adaptive && options.trials < minimum_trials) {
        return Failure{errc::too_few_trials, "trials: " + std::to_string(options.trials) +
                                                 " is fewer than the 10000 a coverage interval "
                                                 "needs"};
    }
    if (options.significant_digits < 1) {
        return Failure{errc::invalid_value, "significant digits must be at least 1"};
    }
    auto sampler = detail::InputSampler::create(inputs, correlation);
    if (!sampler) {
        return sampler.error();
    }
    const unsigned threads =
        options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
    TrialRunner runner(model, *sampler, options.seed, threads);
    std::vector<std::vector<double>> values(model.output_count());
    MonteCarloResult result;
    if (!options.adaptive) {
        for (auto& v : values) {
            v.reserve(options.trials);
        }
        const auto failure = runner.run(options.trials, values);
        if (failure.first != no_failure) {
            return non_finite(model, failure);
        }
        summarise(model, values, options, result);
        return result;
    }

    // JCGM 101 7.9.4: batches of M = max(⌈100/(1 − p)⌉, 10^4) trials until twice the standard
    // deviation of every batch mean, u and endpoint is within the tolerance of u(y).
    const auto batch = std::max(
        minimum_trials, static_cast<std::size_t>(std::ceil(100.0 / (1.0 - options.probability))));
    std::vector<BatchHistory> history(values.size());
    std::vector<double> scratch(batch);
    std::vector<double> total_sum(values.size(), 0.0), total_squares(values.size(), 0.0);
    for (std::size_t h = 1;; ++h) {
        if (h * batch > options.maximum_trials) {
            return Failure{errc::no_convergence,
                           "the adaptive Monte Carlo procedure did not stabilise within " +
                               std::to_string(options.maximum_trials) + " trials"};
        }
        const std::size_t first = values.front().size();
        const auto failure = runner.run(batch, values);
        if (failure.first != no_failure) {
            return non_finite(model, failure);
        }
        bool stable = h >= 2;
        for (std::size_t j = 0; j < values.size(); ++j) {
            const std::span<const double> slice(values[j].data() + first, batch);
            const auto mo = moments(slice);
            std::copy(slice.begin(), slice.end(), scratch.begin());
            const auto interval = coverage_interval(scratch, options.probability, options.interval);
            auto& hist = history[j];
            hist.means.push_back(mo.mean);
            hist.uncertainties.push_back(mo.standard_deviation);
            hist.lows.push_back(interval.low);
            hist.highs.push_back(interval.high);
            // Running sums around the first batch mean keep u(y) of all h·M values in O(M).
            const double shift = hist.means.front();
            for (double y : slice) {
                total_sum[j] += y - shift;
                total_squares[j] += (y - shift) * (y - shift);
            }
            if (h < 2) {
                continue;
            }
            const double n = static_cast<double>(h * batch);
            const double u = std::sqrt(
                std::max(0.0, (total_squares[j] - total_sum[j] * total_sum[j] / n) / (n - 1.0)));
            const double delta = numerical_tolerance(u, options.significant_digits);
            for (const auto* series : {&hist.means, &hist.uncertainties, &hist.lows, &hist.highs}) {
                stable = stable && 2.0 * spread_of_batch_means(*series) <= delta;
            }
        }
        if (stable) {
            break;
        }
    }
    summarise(model, values, options, result);
    return result;
}

} // namespace callab::uncertainty
