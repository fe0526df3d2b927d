// Output of `callab uncertainty` for curve fits.
#include "uncertainty_report.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace callab::app {
namespace {

using Json = nlohmann::ordered_json;
namespace unc = uncertainty;

Json number(double x) {
    return std::isfinite(x) ? Json(x) : Json(nullptr);
}

std::string method_name(unc::FitMethod method) {
    switch (method) {
    case unc::FitMethod::wls:
        return "wls";
    case unc::FitMethod::gdr:
        return "gdr";
    case unc::FitMethod::gmr:
        return "gmr";
    case unc::FitMethod::ols:
        return "ols";
    }
    return "unknown";
}

std::string g(double x) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.8g", x);
    return buffer;
}

} // namespace

void write_json(std::ostream& out, const FitReport& report) {
    Json fit;
    const auto& spec = *report.spec;
    fit["kind"] = spec.polynomial ? "polynomial" : "straight-line";
    fit["method"] = method_name(spec.method);
    Json y_at = Json::array();
    for (std::size_t i = 0; i < report.y_at.size(); ++i) {
        y_at.push_back({{"x", number(spec.predict_y_at[i].value)},
                        {"u_x", number(spec.predict_y_at[i].u)},
                        {"y", number(report.y_at[i].value)},
                        {"u", number(report.y_at[i].standard_uncertainty)}});
    }
    if (report.line) {
        const auto& l = *report.line;
        fit["a"] = {{"value", number(l.intercept)}, {"u", number(l.u_intercept())}};
        fit["b"] = {{"value", number(l.slope)}, {"u", number(l.u_slope())}};
        fit["covariance"] = {{number(l.covariance(0, 0)), number(l.covariance(0, 1))},
                             {number(l.covariance(1, 0)), number(l.covariance(1, 1))}};
        fit["correlation"] = number(l.covariance(0, 1) / (l.u_intercept() * l.u_slope()));
        fit["chi2"] = number(l.chi_squared);
        fit["chi2_95"] = number(l.chi_squared_95);
        fit["consistent"] = l.consistent;
        fit["dof"] = number(l.degrees_of_freedom);
        if (spec.method == unc::FitMethod::ols) {
            fit["residual_standard_deviation"] = number(l.residual_standard_deviation);
        }
        Json x_at = Json::array();
        for (std::size_t i = 0; i < report.x_at.size(); ++i) {
            x_at.push_back({{"y", number(spec.predict_x_at[i].value)},
                            {"u_y", number(spec.predict_x_at[i].u)},
                            {"x", number(report.x_at[i].value)},
                            {"u", number(report.x_at[i].standard_uncertainty)}});
        }
        fit["predictions"] = {{"y_at", y_at}, {"x_at", x_at}};
    } else {
        const auto& p = *report.polynomial;
        fit["origin"] = number(p.origin);
        Json coefficients = Json::array();
        Eigen::MatrixXd covariance = p.covariance;
        for (Eigen::Index k = 0; k < p.coefficients.size(); ++k) {
            coefficients.push_back(
                {{"value", number(p.coefficients(k))}, {"u", number(std::sqrt(covariance(k, k)))}});
        }
        fit["coefficients"] = coefficients;
        Json rows = Json::array();
        for (Eigen::Index i = 0; i < covariance.rows(); ++i) {
            Json row = Json::array();
            for (Eigen::Index j = 0; j < covariance.cols(); ++j) {
                row.push_back(number(covariance(i, j)));
            }
            rows.push_back(row);
        }
        fit["covariance"] = rows;
        fit["dof"] = number(p.degrees_of_freedom);
        fit["residual_standard_deviation"] = number(p.residual_standard_deviation);
        fit["predictions"] = {{"y_at", y_at}};
    }
    out << Json{{"fit", fit}}.dump(2) << '\n';
}

void write_text(std::ostream& out, const FitReport& report) {
    const auto& spec = *report.spec;
    if (report.line) {
        const auto& l = *report.line;
        out << "straight line y = a + b·x (" << method_name(spec.method) << ", "
            << spec.points.size() << " points)\n"
            << "  a = " << g(l.intercept) << ", u(a) = " << g(l.u_intercept()) << "\n"
            << "  b = " << g(l.slope) << ", u(b) = " << g(l.u_slope()) << "\n"
            << "  cov(a, b) = " << g(l.covariance(0, 1)) << ", ν = " << g(l.degrees_of_freedom)
            << "\n";
        if (spec.method == unc::FitMethod::ols) {
            out << "  residual standard deviation s = " << g(l.residual_standard_deviation) << "\n";
        } else {
            out << "  χ² = " << g(l.chi_squared) << " (95 % limit " << g(l.chi_squared_95) << "): "
                << (l.consistent ? "consistent with the data" : "NOT consistent with the data")
                << "\n";
        }
    } else {
        const auto& p = *report.polynomial;
        out << "polynomial of degree " << spec.degree << " in (x − " << g(p.origin) << "), OLS, "
            << spec.points.size() << " points\n";
        for (Eigen::Index k = 0; k < p.coefficients.size(); ++k) {
            out << "  c" << k << " = " << g(p.coefficients(k))
                << ", u = " << g(std::sqrt(p.covariance(k, k))) << "\n";
        }
        out << "  s = " << g(p.residual_standard_deviation) << ", ν = " << g(p.degrees_of_freedom)
            << "\n";
    }
    for (std::size_t i = 0; i < report.y_at.size(); ++i) {
        out << "  at x = " << g(spec.predict_y_at[i].value) << ": y = " << g(report.y_at[i].value)
            << ", u = " << g(report.y_at[i].standard_uncertainty) << "\n";
    }
    for (std::size_t i = 0; i < report.x_at.size(); ++i) {
        out << "  at y = " << g(spec.predict_x_at[i].value) << ": x = " << g(report.x_at[i].value)
            << ", u = " << g(report.x_at[i].standard_uncertainty) << "\n";
    }
}

} // namespace callab::app
