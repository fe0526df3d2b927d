#include "procedure_columns.hpp"

#include "row_conversions.hpp"

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace callab::db {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, separator)) {
        if (!part.empty()) {
            parts.push_back(part);
        }
    }
    return parts;
}

} // namespace

std::string test_points_text(const std::vector<double>& points) {
    std::string text;
    for (const double p : points) {
        text += (text.empty() ? "" : ";") + exact_number(p);
    }
    return text;
}

std::vector<double> test_points_from(const std::string& text) {
    std::vector<double> points;
    for (const auto& part : split(text, ';')) {
        points.push_back(std::strtod(part.c_str(), nullptr));
    }
    return points;
}

std::string uncertainty_inputs_text(const std::vector<lab::UncertaintyInput>& inputs) {
    std::string text;
    for (const auto& input : inputs) {
        text += input.name + "|" + exact_number(input.value) + "|" + input.distribution + "\n";
    }
    return text;
}

std::vector<lab::UncertaintyInput> uncertainty_inputs_from(const std::string& text) {
    std::vector<lab::UncertaintyInput> inputs;
    for (const auto& line : split(text, '\n')) {
        const auto fields = split(line, '|');
        if (fields.size() == 3) {
            inputs.push_back({fields[0], std::strtod(fields[1].c_str(), nullptr), fields[2]});
        }
    }
    return inputs;
}

std::string environment_limits_text(const std::vector<lab::EnvironmentLimit>& limits) {
    std::string text;
    for (const auto& limit : limits) {
        text += limit.quantity + "|" + limit.unit + "|" + exact_number(limit.low) + "|" +
                exact_number(limit.high) + "\n";
    }
    return text;
}

std::vector<lab::EnvironmentLimit> environment_limits_from(const std::string& text) {
    std::vector<lab::EnvironmentLimit> limits;
    for (const auto& line : split(text, '\n')) {
        const auto fields = split(line, '|');
        if (fields.size() == 4) {
            limits.push_back({fields[0], fields[1], std::strtod(fields[2].c_str(), nullptr),
                              std::strtod(fields[3].c_str(), nullptr)});
        }
    }
    return limits;
}

std::string point_conditions_text(const std::vector<std::string>& conditions) {
    std::string text;
    for (const auto& condition : conditions) {
        text += (text.empty() ? "" : ";") + condition;
    }
    return text;
}

std::vector<std::string> point_conditions_from(const std::string& text) {
    return split(text, ';');
}

} // namespace callab::db
