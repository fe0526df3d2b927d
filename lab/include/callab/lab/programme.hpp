#pragma once

#include <callab/lab/calendar_date.hpp>
#include <callab/lab/enterprise.hpp>
#include <callab/lab/rejection.hpp>
#include <callab/lab/strong_id.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace callab::lab {

/// A free-calibration programme, e.g. "Free calibration of IR forehead thermometers for
/// epidemic prevention, 2021": jobs under it waive their fee and record it.
struct NewProgramme {
    std::string name;
    Date starts_on;
    Date ends_on;
    std::vector<SizeClass> eligible_sizes;     ///< empty: every size
    std::vector<std::string> eligible_regions; ///< region prefixes; empty: every region
    long long budget_cents = 0;
};

struct Programme {
    ProgrammeId id;
    NewProgramme data;
};

/// Name present, period not inverted, budget not negative. Rejections name the field.
Outcome<void> validate_programme(const NewProgramme& programme);

/// Whether `enterprise` may have a job under `programme` on `day`: inside the period, of an
/// eligible size and region, and with `fee_cents` left in the budget after `waived_cents`.
Outcome<void> check_programme_eligible(const Programme& programme, const Enterprise& enterprise,
                                       Date day, long long waived_cents, long long fee_cents);

/// The storage of programmes. Adding is audited under `actor`.
class ProgrammeStore {
public:
    virtual ~ProgrammeStore() = default;
    virtual Outcome<Programme> add_programme(const NewProgramme& programme,
                                             std::string_view actor) = 0;
    virtual std::optional<Programme> find_programme(ProgrammeId id) = 0;
    /// Every programme, by id.
    virtual std::vector<Programme> programmes() = 0;
    /// The fees waived so far by jobs under the programme (not cancelled).
    virtual long long fees_waived_cents(ProgrammeId id) = 0;
};

} // namespace callab::lab
