#pragma once

#include "json_body.hpp"

#include <callab/lab/calendar_date.hpp>
#include <callab/lab/standard_store.hpp>
#include <callab/lab/standard_use.hpp>

#include <vector>

namespace callab::web {

/// A standard chosen for one test point (0-based, as readings count them) of a new job.
struct PlannedStandard {
    int test_point = 0;
    lab::StandardId standard;
};

/// The `standards` member of a new job, `[{"test_point", "standard_id"}]` (absent: none).
/// When given, every test point of `procedure` needs at least one standard, and each standard
/// must exist and be usable on `day` (in service, certificate in date). Refusals are 422
/// naming `standards` with the entry's index, its test point and the standard's own reason.
BodyResult<std::vector<PlannedStandard>>
planned_standards_of(const nlohmann::json& body, lab::StandardStore& standards,
                     const std::optional<lab::Procedure>& procedure, lab::Date day);

/// The standards recorded for a job's test points, as `[{"test_point", "standard_id"}]`.
nlohmann::json standards_to_json(const std::vector<lab::StandardUse>& uses);

} // namespace callab::web
