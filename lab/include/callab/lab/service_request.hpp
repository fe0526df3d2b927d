#pragma once

#include <callab/lab/enum_names.hpp>
#include <callab/lab/rejection.hpp>
#include <callab/lab/strong_id.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace callab::lab {

/// What an enterprise asks the lab's one-stop window for.
enum class ServiceKind { calibration, equipment_loan, technical_advice };

inline constexpr EnumNames<ServiceKind, 3> service_kind_names{
    {{ServiceKind::calibration, "calibration"},
     {ServiceKind::equipment_loan, "equipment_loan"},
     {ServiceKind::technical_advice, "technical_advice"}}};

/// submitted → accepted | rejected | question_asked; question_asked → submitted (the
/// enterprise answers) | rejected; accepted → completed (turned into jobs, bookings or a
/// written answer). Rejected and completed requests admit no change.
enum class ServiceRequestStatus { submitted, question_asked, accepted, rejected, completed };

inline constexpr EnumNames<ServiceRequestStatus, 5> service_request_status_names{
    {{ServiceRequestStatus::submitted, "submitted"},
     {ServiceRequestStatus::question_asked, "question_asked"},
     {ServiceRequestStatus::accepted, "accepted"},
     {ServiceRequestStatus::rejected, "rejected"},
     {ServiceRequestStatus::completed, "completed"}}};

bool service_request_transition_allowed(ServiceRequestStatus from, ServiceRequestStatus to);

/// What the enterprise asks for.
struct NewServiceRequest {
    EnterpriseId enterprise;
    ServiceKind kind = ServiceKind::calibration;
    std::string subject; ///< one line, required
    std::string details;
    std::vector<InstrumentId> instruments; ///< calibration: the enterprise's instruments
    std::optional<EquipmentId> equipment;  ///< equipment loan: the equipment wanted
};

/// A request with where it stands. The question and answer are the latest round; every
/// earlier round is in the audit trail.
struct ServiceRequest {
    ServiceRequestId id;
    NewServiceRequest data;
    UserId submitted_by;
    std::chrono::system_clock::time_point submitted_at;
    ServiceRequestStatus status = ServiceRequestStatus::submitted;
    std::string question;             ///< asked back by the lab
    std::string answer;               ///< the enterprise's answer to it
    std::string rejection_reason;     ///< when rejected
    std::string written_answer;       ///< technical advice: the lab's answer
    std::optional<UserId> handled_by; ///< the staff member who accepted or rejected it
    std::optional<std::chrono::system_clock::time_point> handled_at;
    std::vector<JobId> jobs;         ///< what an accepted calibration request became
    std::vector<BookingId> bookings; ///< what an accepted loan request became
};

/// Subject present and one line, calibration with at least one instrument listed once,
/// a loan naming equipment. Rejections name the field.
Outcome<void> validate_service_request(const NewServiceRequest& request);

} // namespace callab::lab
