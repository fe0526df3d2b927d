// callab uncertainty SPEC.json: GUM, Monte Carlo and curve fits over callab::uncertainty.
#include "command_failure.hpp"
#include "commands.hpp"
#include "uncertainty_report.hpp"
#include "uncertainty_spec.hpp"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace callab::app {
namespace {

namespace unc = uncertainty;

struct UncertaintyOptions {
    std::string spec_path;
    std::string method = "gum";
    std::size_t trials = 1'000'000;
    bool adaptive = false;
    std::uint64_t seed = 1;
    std::optional<double> probability;
    std::string interval = "symmetric";
    std::string format = "text";
    unsigned threads = 0;
};

[[noreturn]] void usage_failure(const std::string& message) {
    throw CommandFailure(exit_usage, message);
}

template <class T> T checked(unc::Outcome<T> outcome, const std::string& path) {
    if (!outcome) {
        usage_failure(path + ": " + outcome.error().message);
    }
    return std::move(*outcome);
}

std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        usage_failure(path + ": cannot read the file");
    }
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

void run_fit(const FitSpec& spec, const UncertaintyOptions& options) {
    const auto& path = options.spec_path;
    FitReport report;
    report.spec = &spec;
    if (spec.polynomial) {
        std::vector<double> x, y;
        for (const auto& p : spec.points) {
            x.push_back(p.x);
            y.push_back(p.y);
        }
        report.polynomial = checked(unc::fit_polynomial(x, y, spec.degree, spec.origin), path);
        for (const auto& at : spec.predict_y_at) {
            auto prediction = report.polynomial->evaluate(at.value);
            double slope = 0.0; // dp/dx, for the share of u(x)
            const auto& c = report.polynomial->coefficients;
            for (Eigen::Index k = c.size() - 1; k >= 1; --k) {
                slope = slope * (at.value - spec.origin) + static_cast<double>(k) * c(k);
            }
            prediction.standard_uncertainty =
                std::hypot(prediction.standard_uncertainty, slope * at.u);
            report.y_at.push_back(prediction);
        }
    } else {
        report.line =
            checked(unc::fit_straight_line(spec.points, spec.method, spec.covariance), path);
        for (const auto& at : spec.predict_y_at) {
            report.y_at.push_back(unc::predict_y(*report.line, at.value, at.u));
        }
        for (const auto& at : spec.predict_x_at) {
            report.x_at.push_back(checked(unc::predict_x(*report.line, at.value, at.u), path));
        }
    }
    if (options.format == "json") {
        write_json(std::cout, report);
    } else {
        write_text(std::cout, report);
    }
}

void run_uncertainty(const UncertaintyOptions& options) {
    const auto& path = options.spec_path;
    if (options.trials < 10'000) {
        usage_failure("--trials: " + std::to_string(options.trials) +
                      " is fewer than the 10000 trials a Monte Carlo coverage interval needs");
    }
    UncertaintySpec spec;
    try {
        spec = read_uncertainty_spec(read_file(path));
    } catch (const SpecError& e) {
        usage_failure(path + ": " + e.what());
    }
    if (options.probability) {
        if (!(*options.probability > 0.0 && *options.probability < 1.0)) {
            usage_failure("--probability: " + std::to_string(*options.probability) +
                          " must lie strictly between 0 and 1");
        }
        spec.coverage.probability = *options.probability;
        spec.coverage.coverage_factor.reset();
    }
    if (spec.fit) {
        run_fit(*spec.fit, options);
        return;
    }
    std::vector<std::string> names;
    for (const auto& input : spec.inputs) {
        names.push_back(input.name);
    }
    const auto model = checked(unc::MeasurementModel::parse(spec.outputs, names), path);
    const auto correlation = checked(unc::correlation_matrix(spec.inputs, spec.correlations), path);

    ModelReport report;
    report.expressions = model.expressions();
    if (options.method != "mcm") {
        unc::GumOptions gum_options;
        gum_options.coverage = spec.coverage;
        gum_options.allow_zero_sensitivity = options.method == "both";
        report.gum = checked(unc::evaluate_gum(model, spec.inputs, correlation, gum_options), path);
    }
    if (options.method != "gum") {
        auto& mcm = report.mcm_options;
        mcm.trials = options.trials;
        mcm.adaptive = options.adaptive;
        mcm.seed = options.seed;
        mcm.probability = spec.coverage.coverage_factor ? 0.95 : spec.coverage.probability;
        mcm.interval = options.interval == "shortest" ? unc::IntervalKind::shortest
                                                      : unc::IntervalKind::symmetric;
        mcm.threads = options.threads;
        report.mcm = checked(unc::run_monte_carlo(model, spec.inputs, correlation, mcm), path);
    }
    if (options.format == "json") {
        write_json(std::cout, report);
    } else {
        write_text(std::cout, report);
    }
}

} // namespace

void add_uncertainty_command(CLI::App& app) {
    auto options = std::make_shared<UncertaintyOptions>();
    auto* command = app.add_subcommand(
        "uncertainty", "Evaluate measurement uncertainty (GUM, Monte Carlo, curve fits)");
    command->add_option("spec", options->spec_path, "The evaluation as JSON (docs/uncertainty.md)")
        ->required();
    command->add_option("--method", options->method, "gum, mcm or both")
        ->check(CLI::IsMember({"gum", "mcm", "both"}))
        ->capture_default_str();
    command->add_option("--trials", options->trials, "Monte Carlo trials (at least 10000)")
        ->capture_default_str();
    command->add_flag("--adaptive", options->adaptive,
                      "Monte Carlo until the results are stable (JCGM 101 7.9)");
    command->add_option("--seed", options->seed, "Random seed: the same seed, the same numbers")
        ->capture_default_str();
    command->add_option("--probability", options->probability,
                        "Coverage probability (overrides the spec)");
    command
        ->add_option("--interval", options->interval, "Monte Carlo interval: symmetric or shortest")
        ->check(CLI::IsMember({"symmetric", "shortest"}))
        ->capture_default_str();
    command->add_option("--format", options->format, "text or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    command->add_option("--threads", options->threads, "Monte Carlo threads (0: all cores)")
        ->capture_default_str();
    command->callback([options] { run_uncertainty(*options); });
}

} // namespace callab::app
