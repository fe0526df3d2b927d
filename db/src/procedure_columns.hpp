#pragma once
// A procedure's list fields as column text: test points "37;38;39", uncertainty inputs one
// per line as "name|value|distribution", environment limits one per line as
// "quantity|unit|low|high", point conditions "1;0.5L;0.5C".

#include <callab/lab/procedure.hpp>

#include <string>
#include <vector>

namespace callab::db {

std::string test_points_text(const std::vector<double>& points);
std::vector<double> test_points_from(const std::string& text);
std::string uncertainty_inputs_text(const std::vector<lab::UncertaintyInput>& inputs);
std::vector<lab::UncertaintyInput> uncertainty_inputs_from(const std::string& text);
std::string environment_limits_text(const std::vector<lab::EnvironmentLimit>& limits);
std::vector<lab::EnvironmentLimit> environment_limits_from(const std::string& text);
std::string point_conditions_text(const std::vector<std::string>& conditions);
std::vector<std::string> point_conditions_from(const std::string& text);

} // namespace callab::db
