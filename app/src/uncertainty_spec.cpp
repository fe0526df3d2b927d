// The JSON reader of `callab uncertainty`. It lives in app/ so that callab::uncertainty stays
// pure computation on Eigen and Boost: the engine never sees JSON.
#include "uncertainty_spec.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <set>

namespace callab::app {
namespace {

using nlohmann::json;
namespace unc = uncertainty;

[[noreturn]] void fail(const std::string& message) {
    throw SpecError(message);
}

template <class T> T checked(unc::Outcome<T> outcome) {
    if (!outcome) {
        fail(outcome.error().message);
    }
    return std::move(*outcome);
}

void allow_keys(const json& object, const std::string& where, const std::set<std::string>& keys) {
    for (const auto& [key, value] : object.items()) {
        if (!keys.contains(key)) {
            fail(where + ": unknown key '" + key + "'");
        }
    }
}

double number(const json& object, const std::string& key, const std::string& where) {
    if (!object.contains(key)) {
        fail(where + ": missing '" + key + "'");
    }
    const auto& value = object.at(key);
    if (!value.is_number()) {
        fail(where + ": '" + key + "' must be a number");
    }
    return value.get<double>();
}

std::vector<double> numbers(const json& value, const std::string& where) {
    if (!value.is_array()) {
        fail(where + " must be an array of numbers");
    }
    std::vector<double> result;
    for (const auto& v : value) {
        if (!v.is_number()) {
            fail(where + " must be an array of numbers");
        }
        result.push_back(v.get<double>());
    }
    return result;
}

std::string text(const json& object, const std::string& key, const std::string& where) {
    if (!object.contains(key) || !object.at(key).is_string()) {
        fail(where + ": '" + key + "' must be a string");
    }
    return object.at(key).get<std::string>();
}

unc::InputQuantity read_readings(const json& in, const std::string& name,
                                 const std::string& where) {
    allow_keys(in, where, {"name", "readings", "pooled_sd", "pooled_dof", "distribution", "value"});
    if (in.contains("value")) {
        fail(where + ": 'value' comes from the readings (their mean)");
    }
    const auto readings = numbers(in.at("readings"), where + ": readings");
    if (in.contains("pooled_sd") || in.contains("pooled_dof")) {
        return checked(unc::type_a_pooled_input(name, readings, number(in, "pooled_sd", where),
                                                number(in, "pooled_dof", where)));
    }
    return checked(unc::type_a_input(name, readings));
}

unc::InputQuantity read_distribution(const json& in, const std::string& name,
                                     const std::string& where) {
    const std::string distribution =
        in.contains("distribution") ? text(in, "distribution", where) : "normal";
    const std::set<std::string> common{"name", "distribution", "value", "dof",
                                       "relative_uncertainty_of_u"};
    const auto keys = [&](std::initializer_list<std::string> extra) {
        std::set<std::string> all = common;
        all.insert(extra.begin(), extra.end());
        allow_keys(in, where, all);
    };
    if (distribution == "normal") {
        keys({"u", "U", "k"});
        if (in.contains("u") == (in.contains("U") || in.contains("k"))) {
            fail(where + ": a normal input needs either 'u' or both 'U' and 'k'");
        }
        const double value = number(in, "value", where);
        if (in.contains("u")) {
            return checked(unc::normal_input(name, value, number(in, "u", where)));
        }
        return checked(unc::normal_input_expanded(name, value, number(in, "U", where),
                                                  number(in, "k", where)));
    }
    if (distribution == "rectangular") {
        keys({"half_width", "a", "b"});
        if (in.contains("a") || in.contains("b")) {
            if (in.contains("half_width")) {
                fail(where + ": give either 'half_width' or the bounds 'a' and 'b'");
            }
            auto input = checked(unc::rectangular_input_bounds(name, number(in, "a", where),
                                                               number(in, "b", where)));
            if (in.contains("value") && number(in, "value", where) != input.value) {
                fail(where + ": 'value' must be the middle of the bounds for a rectangular input");
            }
            return input;
        }
        return checked(unc::rectangular_input(name, number(in, "value", where),
                                              number(in, "half_width", where)));
    }
    if (distribution == "triangular" || distribution == "u_shaped") {
        keys({"half_width"});
        const double value = number(in, "value", where);
        const double half_width = number(in, "half_width", where);
        return checked(distribution == "triangular" ? unc::triangular_input(name, value, half_width)
                                                    : unc::u_shaped_input(name, value, half_width));
    }
    if (distribution == "trapezoidal") {
        keys({"half_width", "beta"});
        return checked(unc::trapezoidal_input(name, number(in, "value", where),
                                              number(in, "half_width", where),
                                              number(in, "beta", where)));
    }
    if (distribution == "student_t") {
        keys({"scale"});
        return checked(unc::student_t_input(name, number(in, "value", where),
                                            number(in, "scale", where), number(in, "dof", where)));
    }
    fail(where + ": unknown distribution '" + distribution +
         "' (normal, rectangular, triangular, u_shaped, trapezoidal, student_t)");
}

unc::InputQuantity read_input(const json& in, std::size_t index,
                              std::map<std::string, std::vector<double>>& readings) {
    if (!in.is_object()) {
        fail("inputs[" + std::to_string(index) + "] must be an object");
    }
    const std::string name = text(in, "name", "inputs[" + std::to_string(index) + "]");
    const std::string where = "input '" + name + "'";
    if (in.contains("readings")) {
        if (in.contains("distribution") && text(in, "distribution", where) != "normal") {
            fail(where + ": readings give a Type A (normal) input");
        }
        auto input = read_readings(in, name, where);
        readings[name] = numbers(in.at("readings"), where + ": readings");
        return input;
    }
    auto input = read_distribution(in, name, where);
    if (in.contains("relative_uncertainty_of_u")) {
        if (in.contains("dof")) {
            fail(where + ": give either 'dof' or 'relative_uncertainty_of_u'");
        }
        const double nu = checked(unc::degrees_of_freedom_from_reliability(
            number(in, "relative_uncertainty_of_u", where)));
        input = checked(unc::with_degrees_of_freedom(input, nu));
    } else if (in.contains("dof") && input.distribution != unc::Distribution::student_t) {
        input = checked(unc::with_degrees_of_freedom(input, number(in, "dof", where)));
    }
    return input;
}

void read_outputs(const json& spec, UncertaintySpec& result) {
    if (spec.contains("model")) {
        if (spec.contains("outputs")) {
            fail("give either 'model' or 'outputs', not both");
        }
        const std::string model = text(spec, "model", "spec");
        const auto equals = model.find('=');
        if (equals == std::string::npos) {
            fail("model: expected 'name = expression'");
        }
        std::string name = model.substr(0, equals);
        name.erase(0, name.find_first_not_of(" \t"));
        name.erase(name.find_last_not_of(" \t") + 1);
        if (name.empty()) {
            fail("model: the output has no name before '='");
        }
        // Blanks in place of "name =" keep error positions counted from the model's start.
        result.outputs.push_back({name, std::string(equals + 1, ' ') + model.substr(equals + 1)});
        return;
    }
    if (!spec.contains("outputs") || !spec.at("outputs").is_object() ||
        spec.at("outputs").empty()) {
        fail("spec: 'outputs' must be an object of name: expression (or give 'model' or 'fit')");
    }
    for (const auto& [name, expression] : spec.at("outputs").items()) {
        if (!expression.is_string()) {
            fail("output '" + name + "': the expression must be a string");
        }
        result.outputs.push_back({name, expression.get<std::string>()});
    }
}

void read_correlations(const json& spec, const std::map<std::string, std::vector<double>>& readings,
                       UncertaintySpec& result) {
    if (!spec.contains("correlations")) {
        return;
    }
    if (!spec.at("correlations").is_array()) {
        fail("correlations must be an array");
    }
    for (const auto& c : spec.at("correlations")) {
        const auto& between = c.contains("between") ? c.at("between") : json();
        if (!between.is_array() || between.size() != 2 || !between[0].is_string() ||
            !between[1].is_string()) {
            fail("correlations: 'between' must name two inputs");
        }
        const auto first = between[0].get<std::string>();
        const auto second = between[1].get<std::string>();
        const std::string where = "correlation between '" + first + "' and '" + second + "'";
        allow_keys(c, where, {"between", "r", "from_readings"});
        double r = 0.0;
        if (c.contains("from_readings")) {
            if (c.contains("r") || c.at("from_readings") != true) {
                fail(where + ": give either 'r' or \"from_readings\": true");
            }
            const auto a = readings.find(first);
            const auto b = readings.find(second);
            if (a == readings.end() || b == readings.end()) {
                fail(where + ": from_readings needs readings on both inputs");
            }
            auto computed = unc::correlation_of_means(a->second, b->second);
            if (!computed) {
                fail(where + ": " + computed.error().message);
            }
            r = *computed;
        } else {
            r = number(c, "r", where);
        }
        result.correlations.push_back({first, second, r});
    }
}

} // namespace

FitSpec read_fit(const json& fit);

UncertaintySpec read_uncertainty_spec(const std::string& text_of_spec) {
    json spec;
    try {
        spec = json::parse(text_of_spec);
    } catch (const json::parse_error& e) {
        fail("invalid JSON at byte " + std::to_string(e.byte) + ": " + e.what());
    } catch (const json::exception& e) {
        fail(std::string("invalid JSON: ") + e.what());
    }
    if (!spec.is_object()) {
        fail("spec: the top level must be a JSON object");
    }
    allow_keys(spec, "spec", {"outputs", "model", "inputs", "correlations", "coverage", "fit"});
    UncertaintySpec result;
    if (spec.contains("coverage")) {
        const auto& coverage = spec.at("coverage");
        allow_keys(coverage, "coverage", {"probability", "k"});
        if (coverage.contains("probability") && coverage.contains("k")) {
            fail("coverage: give either 'probability' or 'k'");
        }
        if (coverage.contains("k")) {
            result.coverage.coverage_factor = number(coverage, "k", "coverage");
            if (!(*result.coverage.coverage_factor > 0.0)) {
                fail("coverage: 'k' must be positive");
            }
        } else if (coverage.contains("probability")) {
            result.coverage.probability = number(coverage, "probability", "coverage");
            if (!(result.coverage.probability > 0.0 && result.coverage.probability < 1.0)) {
                fail("coverage: 'probability' must lie strictly between 0 and 1");
            }
        }
    }
    if (spec.contains("fit")) {
        if (spec.contains("outputs") || spec.contains("model") || spec.contains("inputs")) {
            fail("spec: a 'fit' replaces 'outputs', 'model' and 'inputs'");
        }
        result.fit = read_fit(spec.at("fit"));
        return result;
    }
    read_outputs(spec, result);
    if (!spec.contains("inputs") || !spec.at("inputs").is_array()) {
        fail("spec: 'inputs' must be an array");
    }
    std::map<std::string, std::vector<double>> readings;
    std::set<std::string> names;
    std::size_t index = 0;
    for (const auto& in : spec.at("inputs")) {
        auto input = read_input(in, index++, readings);
        if (!names.insert(input.name).second) {
            fail("input '" + input.name + "': duplicate name");
        }
        result.inputs.push_back(std::move(input));
    }
    read_correlations(spec, readings, result);
    return result;
}

} // namespace callab::app
