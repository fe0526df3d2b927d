#pragma once

#include <callab/lab/calendar_date.hpp>
#include <callab/lab/enum_names.hpp>
#include <callab/lab/rejection.hpp>
#include <callab/lab/strong_id.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace callab::lab {

/// What a recall schedule is about.
enum class RecallItem { instrument, standard, equipment };

inline constexpr EnumNames<RecallItem, 3> recall_item_names{{{RecallItem::instrument, "instrument"},
                                                             {RecallItem::standard, "standard"},
                                                             {RecallItem::equipment, "equipment"}}};

enum class RecallKind { calibration, intermediate_check, maintenance };

inline constexpr EnumNames<RecallKind, 3> recall_kind_names{
    {{RecallKind::calibration, "calibration"},
     {RecallKind::intermediate_check, "intermediate_check"},
     {RecallKind::maintenance, "maintenance"}}};

/// One of several schedules an item can have (calibration every 12 months, intermediate
/// check every 3, …), with the lead time its reminders start before the due day.
struct RecallSchedule {
    RecallScheduleId id; ///< assigned by the store
    RecallItem item = RecallItem::instrument;
    std::int64_t item_id = 0;
    RecallKind kind = RecallKind::calibration;
    Date due_on;
    int interval_days = 365;
    int lead_days = 30;
    /// Who is reminded (recall notices go to this user's e-mail address), if anyone.
    std::optional<UserId> responsible{};
};

/// Interval and lead time positive, lead time not longer than the interval.
Outcome<void> validate_recall_schedule(const RecallSchedule& schedule);

/// Recall schedules and the due list.
class RecallStore {
public:
    virtual ~RecallStore() = default;
    /// Stores all schedules in one transaction, audited under `actor`, or none.
    virtual Outcome<std::vector<RecallSchedule>>
    add_schedules(std::span<const RecallSchedule> schedules, std::string_view actor) = 0;
    /// Schedules due on or before `today` + `within_days` (overdue ones included), by due day.
    virtual std::vector<RecallSchedule> due_list(Date today, int within_days) = 0;
};

} // namespace callab::lab
