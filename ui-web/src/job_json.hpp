#pragma once

#include <callab/lab/job_service.hpp>

#include <nlohmann/json.hpp>

namespace callab::web {

/// A job with its readings and result, as the API returns it.
nlohmann::json job_report_to_json(const lab::JobReport& report);

/// A time as ISO 8601 UTC with milliseconds, e.g. "2026-11-27T10:15:30.123Z".
std::string iso8601(std::chrono::system_clock::time_point t);

} // namespace callab::web
