#pragma once

#include <callab/lab/calendar_date.hpp>
#include <callab/lab/enum_names.hpp>
#include <callab/lab/rejection.hpp>
#include <callab/lab/strong_id.hpp>

#include <string>
#include <vector>

namespace callab::lab {

/// What the lab did with enterprises outside jobs and bookings.
enum class ActivityKind { visit, training, consultation };

inline constexpr EnumNames<ActivityKind, 3> activity_kind_names{
    {{ActivityKind::visit, "visit"},
     {ActivityKind::training, "training"},
     {ActivityKind::consultation, "consultation"}}};

/// A visit, training or consultation. Attendees and problems solved are counted, and as
/// many as are known are named: the counts are at least the number of names given.
struct NewServiceActivity {
    ActivityKind kind = ActivityKind::visit;
    Date held_on;
    std::string region; ///< where it was held, e.g. "Zhejiang/Hangzhou"
    std::string topic;
    std::vector<EnterpriseId> enterprises; ///< at least one
    int attendee_count = 0;
    std::vector<std::string> attendees;
    int problems_solved = 0;
    std::vector<std::string> problem_descriptions;
};

struct ServiceActivity {
    ServiceActivityId id;
    NewServiceActivity data;
    std::string recorded_by;
};

/// Topic and region present, one or more distinct enterprises, counts not negative and not
/// below the names given. Rejections name the field.
Outcome<void> validate_service_activity(const NewServiceActivity& activity);

} // namespace callab::lab
