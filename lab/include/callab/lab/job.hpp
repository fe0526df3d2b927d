#pragma once

#include <callab/lab/job_status.hpp>
#include <callab/lab/strong_id.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace callab::lab {

/// What a technician states to open a calibration job.
struct NewJob {
    std::string title;      ///< e.g. "IR forehead thermometer at 37 °C"
    std::string instrument; ///< the device under test as the customer names it
    std::string quantity;   ///< the measured quantity, e.g. "object_temperature"
    std::string unit;       ///< e.g. "degC"
    double resolution = 0;  ///< the smallest step of the indication, in `unit`
    std::optional<EnterpriseId> enterprise = std::nullopt;
    std::optional<InstrumentId> instrument_id = std::nullopt; ///< the registered device under test
    std::optional<ProcedureId> procedure = std::nullopt;      ///< the procedure version followed
    std::optional<UserId> technician = std::nullopt;
    /// Free under this programme (the fee is waived and recorded); paid when empty.
    std::optional<ProgrammeId> programme = std::nullopt;
    long long fee_cents = 0;      ///< the fee charged, or waived under a programme
    std::string environment = {}; ///< environmental conditions, e.g. "23.1 °C, 45 %RH"
    std::optional<JobId> corrects = std::nullopt; ///< the issued job this one corrects
    /// Why it corrects it, in Chinese and English: the amendment reason its certificate
    /// states (§7.8.8), given when the correction is opened.
    std::string amendment_reason_zh = {};
    std::string amendment_reason_en = {};
};

/// A calibration job as stored.
struct Job {
    JobId id;
    NewJob spec;
    std::chrono::system_clock::time_point created_at;
    JobStatus status = JobStatus::draft;
    std::optional<UserId> reviewer = std::nullopt;
    std::optional<UserId> approver = std::nullopt;
};

/// A return of a job for rework: why, by whom (username) and when.
struct JobReturn {
    std::string reason;
    std::string by;
    std::chrono::system_clock::time_point at;
};

} // namespace callab::lab
