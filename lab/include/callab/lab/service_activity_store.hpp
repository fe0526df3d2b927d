#pragma once

#include <callab/lab/service_activity.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace callab::lab {

/// Which activities to list: held in [from, to] (both days included), of one kind or one
/// enterprise; a page of them, latest first.
struct ServiceActivityFilter {
    std::optional<Date> from;
    std::optional<Date> to;
    std::optional<ActivityKind> kind;
    std::optional<EnterpriseId> enterprise;
    int page = 1;
    int per_page = 50;
};

struct ServiceActivityPage {
    std::vector<ServiceActivity> items;
    long long total = 0;
};

/// Visits, trainings and consultations. Records are appended, never edited; each addition
/// is audited under `actor`.
class ServiceActivityStore {
public:
    virtual ~ServiceActivityStore() = default;

    /// Validates and stores; errc::not_found names an unknown enterprise.
    virtual Outcome<ServiceActivity> add_activity(const NewServiceActivity& activity,
                                                  std::string_view actor) = 0;
    virtual std::optional<ServiceActivity> find_activity(ServiceActivityId id) = 0;
    virtual ServiceActivityPage list_activities(const ServiceActivityFilter& filter) = 0;
};

} // namespace callab::lab
