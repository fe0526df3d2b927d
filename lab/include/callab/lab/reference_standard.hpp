#pragma once

#include <callab/lab/calendar_date.hpp>
#include <callab/lab/enum_names.hpp>
#include <callab/lab/strong_id.hpp>

#include <optional>
#include <string>

namespace callab::lab {

enum class StandardStatus { in_service, suspended, retired };

inline constexpr EnumNames<StandardStatus, 3> standard_status_names{
    {{StandardStatus::in_service, "in_service"},
     {StandardStatus::suspended, "suspended"},
     {StandardStatus::retired, "retired"}}};

/// One of the lab's own reference standards (e.g. a blackbody source, a power calibrator).
struct NewReferenceStandard {
    std::string name;
    std::string maker;
    std::string model;
    std::string serial;
    /// The standard it is calibrated against; empty at the top of the lab's chain.
    std::optional<StandardId> traceability_parent;
    /// The national standard the chain ends at (for the top of the chain).
    std::string national_standard;
};

struct ReferenceStandard {
    StandardId id;
    NewReferenceStandard data;
    StandardStatus status = StandardStatus::in_service;
};

/// A calibration certificate of a reference standard. Certificates are versioned per
/// standard (1, 2, …) and never edited: a new calibration is a new version.
struct StandardCertificate {
    CertificateId id;
    StandardId standard;
    int version = 0; ///< assigned by the store
    std::string number;
    std::string issuer;
    Date calibrated_on;
    Date due_on;
    std::string uncertainty; ///< as the certificate states it, e.g. "U = 0.2 °C (k = 2)"
};

/// An intermediate check (期间核查) between calibrations.
struct IntermediateCheck {
    StandardId standard;
    Date checked_on;
    bool passed = false;
    std::string result; ///< what was measured and found
    UserId checked_by;
};

} // namespace callab::lab
