#include "job_standard_plan.hpp"

#include <callab/lab/standard_usability.hpp>

#include <set>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

BodyProblem refused(const std::string& message) {
    return {http::status::unprocessable_entity, "invalid_field", "standards: " + message,
            "standards"};
}

BodyResult<PlannedStandard> entry_of(const nlohmann::json& entry, std::size_t index,
                                     lab::StandardStore& standards, std::size_t points,
                                     lab::Date day) {
    const auto at = "entry " + std::to_string(index) + " ";
    if (!entry.is_object() || !entry.contains("test_point") || !entry.contains("standard_id") ||
        !entry["test_point"].is_number_integer() || !entry["standard_id"].is_number_integer()) {
        return refused(at + "must be {\"test_point\": integer, \"standard_id\": integer}");
    }
    const auto point = entry["test_point"].get<long long>();
    if (point < 0 || static_cast<std::size_t>(point) >= points) {
        return refused(at + "names test point " + std::to_string(point) + "; the procedure has " +
                       std::to_string(points) + " (0 to " + std::to_string(points - 1) + ")");
    }
    const lab::StandardId id{entry["standard_id"].get<std::int64_t>()};
    const auto standard = standards.find_standard(id);
    if (!standard) {
        return refused(at + "names standard " + id.to_string() + ", which does not exist");
    }
    const auto certificate = standards.latest_certificate(id);
    if (auto usable = lab::check_standard_usable(*standard, certificate, day, std::nullopt);
        !usable) {
        return refused(at + usable.error().message);
    }
    if (!certificate) {
        return refused(at + "standard " + id.to_string() + " (" + standard->data.name +
                       ") has no calibration certificate");
    }
    return PlannedStandard{static_cast<int>(point), id};
}

} // namespace

BodyResult<std::vector<PlannedStandard>>
planned_standards_of(const nlohmann::json& body, lab::StandardStore& standards,
                     const std::optional<lab::Procedure>& procedure, lab::Date day) {
    std::vector<PlannedStandard> plan;
    const auto given = body.find("standards");
    if (given == body.end() || given->is_null()) {
        return plan;
    }
    if (!given->is_array()) {
        return refused("must be an array of {\"test_point\", \"standard_id\"}");
    }
    if (!procedure) {
        return refused("standards are chosen per test point of a procedure: give procedure_id");
    }
    const auto points = procedure->data.test_points.size();
    std::set<int> covered;
    for (std::size_t i = 0; i < given->size(); ++i) {
        auto entry = entry_of((*given)[i], i, standards, points, day);
        if (!entry) {
            return entry.error();
        }
        covered.insert(entry->test_point);
        plan.push_back(*entry);
    }
    for (std::size_t point = 0; point < points; ++point) {
        if (!covered.contains(static_cast<int>(point))) {
            return refused("test point " + std::to_string(point) + " (" +
                           nlohmann::json(procedure->data.test_points[point]).dump() + " " +
                           procedure->data.unit + ") has no standard");
        }
    }
    return plan;
}

nlohmann::json standards_to_json(const std::vector<lab::StandardUse>& uses) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& use : uses) {
        out.push_back({{"test_point", use.test_point}, {"standard_id", use.standard.value()}});
    }
    return out;
}

} // namespace callab::web
