#include <callab/lab/point_result.hpp>
#include <callab/uncertainty/input_quantity.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace callab::lab {
namespace {

using uncertainty::InputQuantity;

Outcome<InputQuantity> from_procedure(const UncertaintyInput& in) {
    uncertainty::Outcome<InputQuantity> made = uncertainty::Failure{};
    if (in.distribution == "normal") {
        made = uncertainty::normal_input(in.name, 0.0, in.value);
    } else if (in.distribution == "rectangular") {
        made = uncertainty::rectangular_input(in.name, 0.0, in.value);
    } else if (in.distribution == "triangular") {
        made = uncertainty::triangular_input(in.name, 0.0, in.value);
    } else if (in.distribution == "u-shaped") {
        made = uncertainty::u_shaped_input(in.name, 0.0, in.value);
    } else {
        return reject(errc::invalid_field, "uncertainty_inputs: " + in.name +
                                               ": unknown distribution \"" + in.distribution +
                                               "\"");
    }
    if (!made) {
        return reject(errc::invalid_field,
                      "uncertainty_inputs: " + in.name + ": " + made.error().message);
    }
    return *made;
}

Outcome<InputQuantity> checked(uncertainty::Outcome<InputQuantity> made, const char* what) {
    if (!made) {
        return reject(errc::invalid_field, std::string(what) + ": " + made.error().message);
    }
    return *made;
}

} // namespace

Outcome<PointResult> compute_point(const Procedure& procedure, int test_point,
                                   std::span<const double> indications,
                                   std::span<const double> references, double reference_standard_u,
                                   double resolution, std::span<const CmcEntry> cmc_table) {
    const auto& p = procedure.data;
    if (test_point < 0 || static_cast<std::size_t>(test_point) >= p.test_points.size()) {
        return reject(errc::invalid_field, "test_point: " + std::to_string(test_point) +
                                               " is not a test point of " + p.code);
    }
    if (indications.size() < 2) {
        return reject(errc::not_enough_readings,
                      "test point " + std::to_string(test_point) + ": " +
                          std::to_string(indications.size()) +
                          " readings of the device under test, at least 2 needed");
    }
    if (references.empty()) {
        return reject(errc::not_enough_readings,
                      "test point " + std::to_string(test_point) + ": no reading of the reference");
    }
    if (!(resolution >= 0.0) || !std::isfinite(resolution)) {
        return reject(errc::invalid_field, "resolution: must be a finite number ≥ 0");
    }

    if (!(reference_standard_u > 0.0) || !std::isfinite(reference_standard_u)) {
        return reject(errc::invalid_field,
                      "reference standard: u must be a finite number > 0 (its certificate's U/k)");
    }
    std::vector<InputQuantity> inputs;
    auto indication =
        checked(uncertainty::type_a_input("repeatability", indications), "indications");
    if (!indication) {
        return indication.error();
    }
    inputs.push_back(*indication);
    const double reference_mean = std::accumulate(references.begin(), references.end(), 0.0) /
                                  static_cast<double>(references.size());
    auto reference = checked(
        uncertainty::normal_input("reference standard", reference_mean, reference_standard_u),
        "reference standard");
    if (!reference) {
        return reference.error();
    }
    inputs.push_back(*reference);
    if (resolution > 0.0) {
        // GUM F.2.2.1: a resolution δx is rectangular with half-width δx/2.
        inputs.push_back(
            uncertainty::rectangular_input("resolution", 0.0, resolution / 2.0).value());
    }
    for (const auto& in : p.uncertainty_inputs) {
        if (in.name == "reference standard") {
            return reject(errc::invalid_field,
                          "uncertainty_inputs: \"reference standard\" of " + p.code +
                              " comes from the standard's certificate, not the procedure");
        }
        auto made = from_procedure(in);
        if (!made) {
            return made.error();
        }
        inputs.push_back(*made);
    }

    auto model = [](const std::vector<uncertainty::Dual>& x) {
        uncertainty::Dual e = x[0] - x[1];
        for (std::size_t i = 2; i < x.size(); ++i) {
            e = e + x[i];
        }
        return std::vector<uncertainty::Dual>{e};
    };
    uncertainty::GumOptions options;
    options.coverage.probability = 0.95;
    auto gum = uncertainty::evaluate_gum(model, {"error"}, inputs, Eigen::MatrixXd{}, options);
    if (!gum) {
        return reject(errc::invalid_field,
                      "test point " + std::to_string(test_point) + ": " + gum.error().message);
    }
    const auto& out = gum->outputs.front();

    PointResult r;
    r.test_point = test_point;
    r.nominal = p.test_points[static_cast<std::size_t>(test_point)];
    r.count = indications.size();
    r.indication_mean = inputs[0].value;
    r.reference_mean = reference_mean;
    r.error = out.value;
    r.correction = -out.value;
    r.standard_uncertainty = out.standard_uncertainty;
    r.effective_degrees_of_freedom = out.effective_degrees_of_freedom;
    r.coverage_factor = out.coverage_factor;
    r.evaluated_expanded_uncertainty = out.expanded_uncertainty;
    r.cmc = cmc_for(cmc_table, p.unit, r.nominal);
    r.expanded_uncertainty = std::max(out.expanded_uncertainty, r.cmc.value_or(0.0));
    r.rounded = uncertainty::round_result(r.error, r.expanded_uncertainty);
    r.budget = out.budget;
    r.conformity = decide_conformity(p.decision_rule, p.guard_band_factor, r.error,
                                     r.expanded_uncertainty, p.maximum_permissible_error);
    return r;
}

} // namespace callab::lab
