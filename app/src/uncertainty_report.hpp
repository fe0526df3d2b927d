#pragma once

#include "uncertainty_spec.hpp"

#include <callab/uncertainty/gum_evaluation.hpp>
#include <callab/uncertainty/monte_carlo.hpp>
#include <callab/uncertainty/polynomial_fit.hpp>
#include <callab/uncertainty/straight_line_fit.hpp>

#include <optional>
#include <ostream>
#include <string>

namespace callab::app {

/// What `callab uncertainty` computed for a model spec.
struct ModelReport {
    std::vector<std::string> expressions;
    std::optional<uncertainty::GumResult> gum;
    std::optional<uncertainty::MonteCarloResult> mcm;
    uncertainty::MonteCarloOptions mcm_options;
};

/// What it computed for a fit spec: a straight line or a polynomial, and the predictions.
struct FitReport {
    const FitSpec* spec = nullptr;
    std::optional<uncertainty::StraightLine> line;
    std::optional<uncertainty::Polynomial> polynomial;
    std::vector<uncertainty::Prediction> y_at; ///< for spec->predict_y_at
    std::vector<uncertainty::Prediction> x_at; ///< for spec->predict_x_at
};

void write_json(std::ostream& out, const ModelReport& report);
void write_text(std::ostream& out, const ModelReport& report);
void write_json(std::ostream& out, const FitReport& report);
void write_text(std::ostream& out, const FitReport& report);

} // namespace callab::app
