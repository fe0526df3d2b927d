#include <callab/lab/recall_schedule.hpp>

namespace callab::lab {

Outcome<void> validate_recall_schedule(const RecallSchedule& schedule) {
    if (schedule.interval_days < 1) {
        return reject(errc::invalid_field, "interval_days: must be at least 1");
    }
    if (schedule.lead_days < 0 || schedule.lead_days > schedule.interval_days) {
        return reject(errc::invalid_field, "lead_days: must be between 0 and the interval (" +
                                               std::to_string(schedule.interval_days) + " days)");
    }
    if (!schedule.due_on.ok()) {
        return reject(errc::invalid_field, "due_on: not a date");
    }
    return {};
}

} // namespace callab::lab
