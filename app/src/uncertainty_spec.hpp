#pragma once

#include <callab/uncertainty/gum_evaluation.hpp>
#include <callab/uncertainty/input_quantity.hpp>
#include <callab/uncertainty/measurement_model.hpp>
#include <callab/uncertainty/straight_line_fit.hpp>

#include <Eigen/Core>

#include <optional>
#include <string>
#include <vector>

namespace callab::app {

/// A value with its standard uncertainty at which a fitted curve is evaluated.
struct PredictionPoint {
    double value = 0.0;
    double u = 0.0;
};

/// The "fit" part of an uncertainty spec.
struct FitSpec {
    bool polynomial = false; ///< kind "polynomial" (OLS), else "straight-line"
    uncertainty::FitMethod method = uncertainty::FitMethod::wls;
    int degree = 1;
    double origin = 0.0;
    std::vector<uncertainty::CalibrationPoint> points;
    Eigen::MatrixXd covariance; ///< gmr: 2m × 2m, empty when built from u_x and u_y
    std::vector<PredictionPoint> predict_y_at;
    std::vector<PredictionPoint> predict_x_at;
};

/// An uncertainty evaluation read from JSON (docs/uncertainty.md describes the format).
struct UncertaintySpec {
    std::vector<uncertainty::OutputDefinition> outputs;
    std::vector<uncertainty::InputQuantity> inputs;
    std::vector<uncertainty::InputCorrelation> correlations;
    uncertainty::CoverageSettings coverage;
    std::optional<FitSpec> fit;
};

/// Reads a spec from JSON text. Throws SpecError with one line naming the input, output or
/// field and the cause.
UncertaintySpec read_uncertainty_spec(const std::string& text);

class SpecError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace callab::app
