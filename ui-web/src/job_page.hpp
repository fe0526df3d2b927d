#pragma once

#include <callab/lab/job_service.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace callab::web {

/// Escapes text for HTML element content and attribute values.
std::string escape_html(std::string_view text);

/// The page at `/jobs.html`: every job with its result and readings, newest first, as plain
/// HTML that needs no JavaScript.
std::string render_jobs_page(const std::vector<lab::JobReport>& reports, std::string_view version);

} // namespace callab::web
