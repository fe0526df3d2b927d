// The status machine and field checks of service requests and service activities.
#include <callab/lab/service_activity.hpp>
#include <callab/lab/service_request.hpp>

#include <algorithm>
#include <set>

namespace callab::lab {
namespace {

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

} // namespace

bool service_request_transition_allowed(ServiceRequestStatus from, ServiceRequestStatus to) {
    using enum ServiceRequestStatus;
    switch (from) {
    case submitted:
        return to == accepted || to == rejected || to == question_asked;
    case question_asked:
        return to == submitted || to == rejected;
    case accepted:
        return to == completed;
    case rejected:
    case completed:
        return false;
    }
    return false;
}

Outcome<void> validate_service_request(const NewServiceRequest& request) {
    if (blank(request.subject)) {
        return reject(errc::invalid_field, "subject: must not be empty");
    }
    if (request.subject.find('\n') != std::string::npos || request.subject.size() > 200) {
        return reject(errc::invalid_field, "subject: must be one line of at most 200 bytes");
    }
    const std::set<InstrumentId> distinct(request.instruments.begin(), request.instruments.end());
    if (distinct.size() != request.instruments.size()) {
        return reject(errc::invalid_field, "instruments: an instrument is listed twice");
    }
    switch (request.kind) {
    case ServiceKind::calibration:
        if (request.instruments.empty()) {
            return reject(errc::invalid_field,
                          "instruments: a calibration request lists at least one instrument");
        }
        if (request.equipment) {
            return reject(errc::invalid_field,
                          "equipment: only an equipment loan request names equipment");
        }
        break;
    case ServiceKind::equipment_loan:
        if (!request.equipment) {
            return reject(errc::invalid_field,
                          "equipment: a loan request names the equipment wanted");
        }
        if (!request.instruments.empty()) {
            return reject(errc::invalid_field,
                          "instruments: only a calibration request lists instruments");
        }
        break;
    case ServiceKind::technical_advice:
        if (request.equipment || !request.instruments.empty()) {
            return reject(errc::invalid_field,
                          "instruments: a technical advice request lists no instruments or "
                          "equipment");
        }
        if (blank(request.details)) {
            return reject(errc::invalid_field, "details: say what advice is wanted");
        }
        break;
    }
    return {};
}

Outcome<void> validate_service_activity(const NewServiceActivity& activity) {
    if (blank(activity.topic)) {
        return reject(errc::invalid_field, "topic: must not be empty");
    }
    if (blank(activity.region)) {
        return reject(errc::invalid_field, "region: must not be empty");
    }
    if (!activity.held_on.ok()) {
        return reject(errc::invalid_field, "held_on: not a calendar day");
    }
    if (activity.enterprises.empty()) {
        return reject(errc::invalid_field, "enterprises: at least one enterprise");
    }
    const std::set<EnterpriseId> distinct(activity.enterprises.begin(), activity.enterprises.end());
    if (distinct.size() != activity.enterprises.size()) {
        return reject(errc::invalid_field, "enterprises: an enterprise is listed twice");
    }
    if (activity.attendee_count < 0 ||
        static_cast<std::size_t>(activity.attendee_count) < activity.attendees.size()) {
        return reject(errc::invalid_field,
                      "attendee_count: must be at least the number of attendees named (" +
                          std::to_string(activity.attendees.size()) + ")");
    }
    if (activity.problems_solved < 0 ||
        static_cast<std::size_t>(activity.problems_solved) < activity.problem_descriptions.size()) {
        return reject(errc::invalid_field,
                      "problems_solved: must be at least the number of problems described (" +
                          std::to_string(activity.problem_descriptions.size()) + ")");
    }
    if (std::any_of(activity.attendees.begin(), activity.attendees.end(), blank)) {
        return reject(errc::invalid_field, "attendees: a name is empty");
    }
    if (std::any_of(activity.problem_descriptions.begin(), activity.problem_descriptions.end(),
                    blank)) {
        return reject(errc::invalid_field, "problem_descriptions: a description is empty");
    }
    return {};
}

} // namespace callab::lab
