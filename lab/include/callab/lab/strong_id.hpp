#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace callab::lab {

/// An integer id that only compares with ids of the same kind.
template <typename Tag> class StrongId {
public:
    constexpr StrongId() = default;
    constexpr explicit StrongId(std::int64_t value) : value_(value) {}

    constexpr std::int64_t value() const { return value_; }
    std::string to_string() const { return std::to_string(value_); }

    constexpr auto operator<=>(const StrongId&) const = default;

private:
    std::int64_t value_ = 0;
};

using JobId = StrongId<struct JobIdTag>;
using ReadingId = StrongId<struct ReadingIdTag>;
using UserId = StrongId<struct UserIdTag>;
using EnterpriseId = StrongId<struct EnterpriseIdTag>;
using InstrumentId = StrongId<struct InstrumentIdTag>;
using StandardId = StrongId<struct StandardIdTag>;
using CertificateId = StrongId<struct CertificateIdTag>;
using ProcedureId = StrongId<struct ProcedureIdTag>;
using ProgrammeId = StrongId<struct ProgrammeIdTag>;
using EquipmentId = StrongId<struct EquipmentIdTag>;
using BookingId = StrongId<struct BookingIdTag>;
using RecallScheduleId = StrongId<struct RecallScheduleIdTag>;
using ServiceRequestId = StrongId<struct ServiceRequestIdTag>;
using ServiceActivityId = StrongId<struct ServiceActivityIdTag>;
using RecallNoticeId = StrongId<struct RecallNoticeIdTag>;

} // namespace callab::lab
