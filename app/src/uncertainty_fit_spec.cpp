// The "fit" part of an uncertainty spec.
#include "uncertainty_spec.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace callab::app {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& message) {
    throw SpecError(message);
}

double number(const json& object, const std::string& key, const std::string& where,
              std::optional<double> fallback = std::nullopt) {
    if (!object.contains(key)) {
        if (fallback) {
            return *fallback;
        }
        fail(where + ": missing '" + key + "'");
    }
    if (!object.at(key).is_number()) {
        fail(where + ": '" + key + "' must be a number");
    }
    return object.at(key).get<double>();
}

std::vector<PredictionPoint> prediction_points(const json& fit, const std::string& key) {
    std::vector<PredictionPoint> points;
    if (!fit.contains(key)) {
        return points;
    }
    if (!fit.at(key).is_array()) {
        fail("fit: '" + key + "' must be an array");
    }
    for (const auto& p : fit.at(key)) {
        if (p.is_number()) {
            points.push_back({p.get<double>(), 0.0});
        } else if (p.is_object()) {
            points.push_back(
                {number(p, "value", "fit: " + key), number(p, "u", "fit: " + key, 0.0)});
        } else {
            fail("fit: '" + key + "' holds numbers or {\"value\", \"u\"} objects");
        }
    }
    return points;
}

} // namespace

FitSpec read_fit(const json& fit) {
    if (!fit.is_object()) {
        fail("fit must be an object");
    }
    for (const auto& [key, value] : fit.items()) {
        static const std::set<std::string> keys{"kind",         "method",      "points",
                                                "degree",       "origin",      "covariance",
                                                "predict_y_at", "predict_x_at"};
        if (!keys.contains(key)) {
            fail("fit: unknown key '" + key + "'");
        }
    }
    FitSpec spec;
    const std::string kind =
        fit.contains("kind") && fit.at("kind").is_string() ? fit.at("kind").get<std::string>() : "";
    if (kind == "polynomial") {
        spec.polynomial = true;
        spec.method = uncertainty::FitMethod::ols;
        const double degree = number(fit, "degree", "fit", 1.0);
        if (degree < 0 || degree > 10 || degree != static_cast<int>(degree)) {
            fail("fit: 'degree' must be an integer from 0 to 10");
        }
        spec.degree = static_cast<int>(degree);
        spec.origin = number(fit, "origin", "fit", 0.0);
    } else if (kind == "straight-line") {
        const std::string method = fit.contains("method") && fit.at("method").is_string()
                                       ? fit.at("method").get<std::string>()
                                       : "";
        auto parsed = uncertainty::parse_fit_method(method);
        if (!parsed) {
            fail("fit: " + parsed.error().message);
        }
        spec.method = *parsed;
    } else {
        fail("fit: 'kind' must be \"straight-line\" or \"polynomial\"");
    }
    if (!fit.contains("points") || !fit.at("points").is_array()) {
        fail("fit: 'points' must be an array of {x, y, u_x, u_y}");
    }
    std::size_t index = 0;
    for (const auto& p : fit.at("points")) {
        const std::string where = "fit point " + std::to_string(++index);
        if (!p.is_object()) {
            fail(where + ": must be an object");
        }
        for (const auto& [key, value] : p.items()) {
            if (key != "x" && key != "y" && key != "u_x" && key != "u_y") {
                fail(where + ": unknown key '" + key + "'");
            }
        }
        spec.points.push_back({number(p, "x", where), number(p, "y", where),
                               number(p, "u_x", where, 0.0), number(p, "u_y", where, 0.0)});
    }
    if (fit.contains("covariance")) {
        if (spec.method != uncertainty::FitMethod::gmr) {
            fail("fit: 'covariance' is for the gmr method");
        }
        const auto& rows = fit.at("covariance");
        const auto n = static_cast<Eigen::Index>(rows.is_array() ? rows.size() : 0);
        spec.covariance.resize(n, n);
        for (Eigen::Index i = 0; i < n; ++i) {
            const auto& row = rows[static_cast<std::size_t>(i)];
            if (!row.is_array() || static_cast<Eigen::Index>(row.size()) != n) {
                fail("fit: 'covariance' must be a square array of arrays");
            }
            for (Eigen::Index j = 0; j < n; ++j) {
                if (!row[static_cast<std::size_t>(j)].is_number()) {
                    fail("fit: 'covariance' must hold numbers");
                }
                spec.covariance(i, j) = row[static_cast<std::size_t>(j)].get<double>();
            }
        }
    }
    spec.predict_y_at = prediction_points(fit, "predict_y_at");
    spec.predict_x_at = prediction_points(fit, "predict_x_at");
    if (spec.polynomial && !spec.predict_x_at.empty()) {
        fail("fit: 'predict_x_at' is for straight lines");
    }
    return spec;
}

} // namespace callab::app
