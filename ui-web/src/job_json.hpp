#pragma once

#include <callab/lab/job_service.hpp>

#include <nlohmann/json.hpp>

namespace callab::lab {
// lab has two Conformity enums (conformity.hpp, certificate_content.hpp); this header may meet
// either, so it names the point result without including it.
struct PointResult;
} // namespace callab::lab

namespace callab::web {

/// A job with its readings and result, as the API returns it.
nlohmann::json job_report_to_json(const lab::JobReport& report);

/// One computed test point of a run: error, correction, U, k, conformity and the budget.
nlohmann::json point_result_to_json(const lab::PointResult& point);

/// A time as ISO 8601 UTC with milliseconds, e.g. "2026-11-27T10:15:30.123Z".
std::string iso8601(std::chrono::system_clock::time_point t);

} // namespace callab::web
