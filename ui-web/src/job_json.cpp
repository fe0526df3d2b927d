#include "job_json.hpp"

#include <callab/lab/point_result.hpp>

#include <cmath>
#include <ctime>

namespace callab::web {

std::string iso8601(std::chrono::system_clock::time_point t) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch());
    const std::time_t seconds =
        static_cast<std::time_t>(std::chrono::floor<std::chrono::seconds>(ms).count());
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    const auto n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    const auto millis = static_cast<int>(((ms.count() % 1000) + 1000) % 1000);
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03dZ", millis);
    return std::string(text, n) + fraction;
}

namespace {

// JSON has no infinity: an infinite ν is written as null.
nlohmann::json degrees_of_freedom(double nu) {
    return std::isfinite(nu) ? nlohmann::json(nu) : nlohmann::json(nullptr);
}

nlohmann::json summary_to_json(const lab::MeasurementSummary& s) {
    nlohmann::json budget = nlohmann::json::array();
    for (const auto& line : s.budget) {
        budget.push_back({{"name", line.component.name},
                          {"u", line.component.standard_uncertainty},
                          {"c", line.component.sensitivity_coefficient},
                          {"contribution", line.contribution},
                          {"share", line.share},
                          {"dof", degrees_of_freedom(line.component.degrees_of_freedom)}});
    }
    return {{"n", s.count},
            {"mean", s.mean},
            {"s", s.standard_deviation},
            {"u", s.standard_uncertainty},
            {"dof", degrees_of_freedom(s.effective_degrees_of_freedom)},
            {"p", s.coverage_probability},
            {"k", s.coverage_factor},
            {"U", s.expanded_uncertainty},
            {"budget", budget}};
}

nlohmann::json optional_id(const auto& id) {
    return id ? nlohmann::json(id->value()) : nlohmann::json(nullptr);
}

} // namespace

nlohmann::json point_result_to_json(const lab::PointResult& p) {
    nlohmann::json budget = nlohmann::json::array();
    for (const auto& line : p.budget) {
        budget.push_back({{"name", line.name},
                          {"u", line.standard_uncertainty},
                          {"c", line.sensitivity_coefficient},
                          {"contribution", line.contribution},
                          {"share", line.percent / 100.0},
                          {"dof", degrees_of_freedom(line.degrees_of_freedom)}});
    }
    return {{"test_point", p.test_point},
            {"nominal", p.nominal},
            {"n", p.count},
            {"indication_mean", p.indication_mean},
            {"reference_mean", p.reference_mean},
            {"error", p.error},
            {"correction", p.correction},
            {"u", p.standard_uncertainty},
            {"dof", degrees_of_freedom(p.effective_degrees_of_freedom)},
            {"k", p.coverage_factor},
            {"U", p.expanded_uncertainty},
            {"U_evaluated", p.evaluated_expanded_uncertainty},
            {"cmc", p.cmc ? nlohmann::json(*p.cmc) : nlohmann::json(nullptr)},
            {"conformity", lab::enum_name(p.conformity, lab::conformity_names)},
            {"budget", budget}};
}

nlohmann::json job_report_to_json(const lab::JobReport& report) {
    const auto& job = report.job;
    nlohmann::json readings = nlohmann::json::array();
    for (const auto& r : report.readings) {
        readings.push_back({{"id", r.id.value()},
                            {"value", r.value},
                            {"unit", r.unit},
                            {"source", r.source},
                            {"taken_at", iso8601(r.taken_at)},
                            {"recorded_by", r.recorded_by},
                            {"test_point", r.test_point}});
    }
    nlohmann::json body{{"id", job.id.value()},
                        {"title", job.spec.title},
                        {"instrument", job.spec.instrument},
                        {"quantity", job.spec.quantity},
                        {"unit", job.spec.unit},
                        {"resolution", job.spec.resolution},
                        {"created_at", iso8601(job.created_at)},
                        {"status", lab::enum_name(job.status, lab::job_status_names)},
                        {"enterprise_id", optional_id(job.spec.enterprise)},
                        {"instrument_id", optional_id(job.spec.instrument_id)},
                        {"procedure_id", optional_id(job.spec.procedure)},
                        {"technician_id", optional_id(job.spec.technician)},
                        {"programme_id", optional_id(job.spec.programme)},
                        {"fee_cents", job.spec.fee_cents},
                        {"environment", job.spec.environment},
                        {"reviewer_id", optional_id(job.reviewer)},
                        {"approver_id", optional_id(job.approver)},
                        {"readings", readings}};
    nlohmann::json returns = nlohmann::json::array();
    for (const auto& r : report.returns) {
        returns.push_back({{"reason", r.reason}, {"by", r.by}, {"at", iso8601(r.at)}});
    }
    body["returns"] = returns;
    if (job.spec.corrects) {
        body["corrects"] = job.spec.corrects->value();
        body["amendment_reason"] = {{"zh", job.spec.amendment_reason_zh},
                                    {"en", job.spec.amendment_reason_en}};
    }
    if (report.summary) {
        const auto summary = summary_to_json(*report.summary);
        body["result"] = summary;
        for (const char* key : {"mean", "u", "k", "U"}) {
            body[key] = summary[key]; // the headline figures, also at the top level
        }
    } else {
        body["result"] = nullptr;
    }
    return body;
}

} // namespace callab::web
