// Output of `callab uncertainty`: JSON (never NaN or infinity: those become null) and a
// readable budget table.
#include "uncertainty_report.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace callab::app {
namespace {

using Json = nlohmann::ordered_json;
namespace unc = uncertainty;

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    return first == std::string::npos ? text : text.substr(first);
}

Json number(double x) {
    return std::isfinite(x) ? Json(x) : Json(nullptr);
}

Json matrix(const Eigen::MatrixXd& m) {
    Json rows = Json::array();
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        Json row = Json::array();
        for (Eigen::Index j = 0; j < m.cols(); ++j) {
            row.push_back(number(m(i, j)));
        }
        rows.push_back(row);
    }
    return rows;
}

std::string g(double x, int digits = 6) {
    if (std::isinf(x)) {
        return "inf";
    }
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, x);
    return buffer;
}

std::string interval_text(const unc::CoverageInterval& interval) {
    return "[" + g(interval.low, 8) + ", " + g(interval.high, 8) + "]";
}

std::string rounded_text(const unc::OutputEstimate& out) {
    return unc::format_fixed(out.rounded.value, out.rounded.decimals) + " ± " +
           unc::format_fixed(out.rounded.expanded_uncertainty, out.rounded.decimals);
}

std::string coverage_text(const unc::OutputEstimate& out) {
    std::string text = "k = " + g(out.coverage_factor, 3);
    if (std::isfinite(out.coverage_probability)) {
        text += ", p = " + g(100.0 * out.coverage_probability, 4) + " %";
    }
    return text;
}

Json gum_json(const unc::OutputEstimate& out) {
    Json o;
    o["value"] = number(out.value);
    o["u"] = number(out.standard_uncertainty);
    o["dof"] = number(out.effective_degrees_of_freedom);
    o["k"] = number(out.coverage_factor);
    o["probability"] = number(out.coverage_probability);
    o["U"] = number(out.expanded_uncertainty);
    o["interval"] = {number(out.value - out.expanded_uncertainty),
                     number(out.value + out.expanded_uncertainty)};
    Json rounded;
    rounded["value"] = number(out.rounded.value);
    rounded["U"] = number(out.rounded.expanded_uncertainty);
    rounded["decimals"] = out.rounded.decimals ? Json(*out.rounded.decimals) : Json(nullptr);
    rounded["text"] = rounded_text(out);
    o["rounded"] = rounded;
    Json budget = Json::array();
    for (const auto& line : out.budget) {
        budget.push_back({{"input", line.name},
                          {"estimate", number(line.estimate)},
                          {"u", number(line.standard_uncertainty)},
                          {"distribution", std::string(unc::to_string(line.distribution))},
                          {"sensitivity", number(line.sensitivity_coefficient)},
                          {"contribution", number(line.contribution)},
                          {"percent", number(line.percent)},
                          {"dof", number(line.degrees_of_freedom)}});
    }
    o["budget"] = budget;
    return o;
}

} // namespace

void write_json(std::ostream& out, const ModelReport& report) {
    Json doc;
    Json outputs = Json::array();
    const std::size_t count = report.gum ? report.gum->outputs.size() : report.mcm->outputs.size();
    std::vector<std::string> names;
    for (std::size_t j = 0; j < count; ++j) {
        Json o;
        o["name"] = report.gum ? report.gum->outputs[j].name : report.mcm->outputs[j].name;
        names.push_back(o["name"]);
        o["expression"] = trimmed(report.expressions[j]);
        if (report.gum) {
            o.update(gum_json(report.gum->outputs[j]));
        }
        if (report.mcm) {
            const auto& m = report.mcm->outputs[j];
            o["mcm"] = {{"mean", number(m.mean)},
                        {"u", number(m.standard_uncertainty)},
                        {"interval", {number(m.interval.low), number(m.interval.high)}},
                        {"trials", report.mcm->trials}};
        }
        if (report.gum && report.mcm) {
            const auto& e = report.gum->outputs[j];
            const auto v = unc::validate_gum(
                e.value, e.standard_uncertainty, e.expanded_uncertainty,
                report.mcm->outputs[j].interval, report.mcm_options.significant_digits);
            o["validation"] = {{"passed", v.passed},
                               {"tolerance", number(v.tolerance)},
                               {"d_low", number(v.low_difference)},
                               {"d_high", number(v.high_difference)}};
        }
        outputs.push_back(o);
    }
    doc["outputs"] = outputs;
    doc["names"] = names;
    if (report.gum) {
        doc["covariance"] = matrix(report.gum->covariance);
        doc["correlation"] = matrix(report.gum->correlation);
    }
    if (report.mcm) {
        const auto& o = report.mcm_options;
        doc["mcm"] = {
            {"trials", report.mcm->trials},
            {"seed", o.seed},
            {"adaptive", o.adaptive},
            {"probability", o.probability},
            {"interval", o.interval == unc::IntervalKind::shortest ? "shortest" : "symmetric"},
            {"covariance", matrix(report.mcm->covariance)},
            {"correlation", matrix(report.mcm->correlation)}};
    }
    out << doc.dump(2) << '\n';
}

void write_text(std::ostream& out, const ModelReport& report) {
    char line[256];
    if (report.gum) {
        for (std::size_t j = 0; j < report.gum->outputs.size(); ++j) {
            const auto& e = report.gum->outputs[j];
            out << e.name << " = " << trimmed(report.expressions[j]) << "\n";
            out << "  GUM: y = " << g(e.value, 10) << ", u = " << g(e.standard_uncertainty)
                << ", ν_eff = " << g(e.effective_degrees_of_freedom, 4) << ", " << coverage_text(e)
                << ", U = " << g(e.expanded_uncertainty) << "\n";
            out << "  result: " << e.name << " = " << rounded_text(e) << " (" << coverage_text(e)
                << ")\n";
            std::snprintf(line, sizeof line, "  %-14s %14s %12s %-12s %12s %12s %7s %7s\n", "input",
                          "estimate", "u", "distribution", "c_i", "|c_i|·u_i", "%", "ν");
            out << line;
            for (const auto& b : e.budget) {
                std::snprintf(line, sizeof line, "  %-14s %14s %12s %-12s %12s %12s %7.2f %7s\n",
                              b.name.c_str(), g(b.estimate, 10).c_str(),
                              g(b.standard_uncertainty, 4).c_str(),
                              std::string(unc::to_string(b.distribution)).c_str(),
                              g(b.sensitivity_coefficient, 5).c_str(), g(b.contribution, 4).c_str(),
                              b.percent, g(b.degrees_of_freedom, 4).c_str());
                out << line;
            }
        }
        if (report.gum->outputs.size() > 1) {
            out << "output correlation:\n";
            for (Eigen::Index a = 0; a < report.gum->correlation.rows(); ++a) {
                out << "  " << report.gum->outputs[static_cast<std::size_t>(a)].name << ":";
                for (Eigen::Index b = 0; b < report.gum->correlation.cols(); ++b) {
                    out << ' ' << g(report.gum->correlation(a, b), 4);
                }
                out << '\n';
            }
        }
    }
    if (report.mcm) {
        const auto& o = report.mcm_options;
        out << "Monte Carlo: " << report.mcm->trials << " trials"
            << (o.adaptive ? " (adaptive)" : "") << ", seed " << o.seed << ", "
            << (o.interval == unc::IntervalKind::shortest ? "shortest" : "symmetric") << ' '
            << g(100.0 * o.probability, 4) << " % interval\n";
        for (std::size_t j = 0; j < report.mcm->outputs.size(); ++j) {
            const auto& m = report.mcm->outputs[j];
            out << "  " << m.name << ": mean = " << g(m.mean, 10)
                << ", u = " << g(m.standard_uncertainty) << ", interval "
                << interval_text(m.interval) << "\n";
            if (report.gum) {
                const auto& e = report.gum->outputs[j];
                const auto v =
                    unc::validate_gum(e.value, e.standard_uncertainty, e.expanded_uncertainty,
                                      m.interval, o.significant_digits);
                out << "  " << m.name << ": GUM validation " << (v.passed ? "passed" : "failed")
                    << " (δ = " << g(v.tolerance, 3) << ", d_low = " << g(v.low_difference, 3)
                    << ", d_high = " << g(v.high_difference, 3) << ")\n";
            }
        }
    }
}

} // namespace callab::app
