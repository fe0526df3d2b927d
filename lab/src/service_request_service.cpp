#include <callab/lab/service_request_service.hpp>

#include <algorithm>

namespace callab::lab {
namespace {

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

Rejection unknown_request(ServiceRequestId id) {
    return lab::reject(errc::not_found, "service request " + id.to_string() + " does not exist");
}

Rejection staff_only(const char* action) {
    return lab::reject(errc::not_permitted,
                       std::string("only lab staff ") + action + " service requests");
}

Rejection refused_transition(const ServiceRequest& request, ServiceRequestStatus to) {
    return lab::reject(errc::invalid_transition,
                       "service request " + request.id.to_string() + " is " +
                           std::string(enum_name(request.status, service_request_status_names)) +
                           " and cannot become " +
                           std::string(enum_name(to, service_request_status_names)));
}

} // namespace

bool is_lab_staff(const User& user) {
    return user.data.role != Role::enterprise_user;
}

Outcome<ServiceRequest> ServiceRequestService::submit(NewServiceRequest request, const User& by,
                                                      std::chrono::system_clock::time_point now) {
    if (!is_lab_staff(by)) {
        if (!by.data.enterprise) {
            return lab::reject(errc::not_permitted,
                               "enterprise: the user is tied to no enterprise");
        }
        if (request.enterprise.value() != 0 && request.enterprise != *by.data.enterprise) {
            return lab::reject(errc::not_permitted,
                               "enterprise: enterprise users ask only for their own enterprise");
        }
        request.enterprise = *by.data.enterprise;
    }
    if (auto valid = validate_service_request(request); !valid) {
        return valid.error();
    }
    if (!enterprises_.find_enterprise(request.enterprise)) {
        return lab::reject(errc::not_found,
                           "enterprise: " + request.enterprise.to_string() + " does not exist");
    }
    for (const auto id : request.instruments) {
        const auto instrument = enterprises_.find_instrument(id);
        if (!instrument) {
            return lab::reject(errc::not_found,
                               "instruments: " + id.to_string() + " does not exist");
        }
        if (instrument->data.owner != request.enterprise) {
            return lab::reject(errc::invalid_field,
                               "instruments: " + id.to_string() + " belongs to another enterprise");
        }
    }
    if (request.equipment && !bookings_.find_equipment(*request.equipment)) {
        return lab::reject(errc::not_found,
                           "equipment: " + request.equipment->to_string() + " does not exist");
    }
    return requests_.add_request(request, by.id, now, by.data.username);
}

Outcome<ServiceRequest> ServiceRequestService::find(ServiceRequestId id, const User& by) {
    auto found = requests_.find_request(id);
    if (!found || (!is_lab_staff(by) && by.data.enterprise != found->data.enterprise)) {
        return unknown_request(id);
    }
    return *found;
}

ServiceRequestPage ServiceRequestService::list(ServiceRequestFilter filter, const User& by) {
    if (!is_lab_staff(by)) {
        // No enterprise at all would list every request: an impossible id lists none.
        filter.enterprise = by.data.enterprise.value_or(EnterpriseId{-1});
    }
    filter.page = std::max(filter.page, 1);
    filter.per_page = std::clamp(filter.per_page, 1, 500);
    return requests_.list_requests(filter);
}

Outcome<ServiceRequest> ServiceRequestService::change(const ServiceRequest& before,
                                                      ServiceRequest after, const User& by) {
    if (!service_request_transition_allowed(before.status, after.status)) {
        return refused_transition(before, after.status);
    }
    if (!requests_.update_request(after, before.status, by.data.username)) {
        return lab::reject(errc::conflict,
                           "service request " + before.id.to_string() + " was changed meanwhile");
    }
    return *requests_.find_request(before.id);
}

Outcome<ServiceRequest> ServiceRequestService::accept(ServiceRequestId id, const User& by,
                                                      std::chrono::system_clock::time_point now) {
    if (!is_lab_staff(by)) {
        return staff_only("accept");
    }
    auto found = find(id, by);
    if (!found) {
        return found.error();
    }
    ServiceRequest after = *found;
    after.status = ServiceRequestStatus::accepted;
    after.handled_by = by.id;
    after.handled_at = now;
    return change(*found, after, by);
}

Outcome<ServiceRequest> ServiceRequestService::reject(ServiceRequestId id, const User& by,
                                                      const std::string& reason,
                                                      std::chrono::system_clock::time_point now) {
    if (!is_lab_staff(by)) {
        return staff_only("reject");
    }
    if (blank(reason)) {
        return lab::reject(errc::invalid_field, "reason: a rejection needs a reason");
    }
    auto found = find(id, by);
    if (!found) {
        return found.error();
    }
    ServiceRequest after = *found;
    after.status = ServiceRequestStatus::rejected;
    after.rejection_reason = reason;
    after.handled_by = by.id;
    after.handled_at = now;
    return change(*found, after, by);
}

Outcome<ServiceRequest> ServiceRequestService::ask(ServiceRequestId id, const User& by,
                                                   const std::string& question) {
    if (!is_lab_staff(by)) {
        return staff_only("ask back on");
    }
    if (blank(question)) {
        return lab::reject(errc::invalid_field, "question: must not be empty");
    }
    auto found = find(id, by);
    if (!found) {
        return found.error();
    }
    ServiceRequest after = *found;
    after.status = ServiceRequestStatus::question_asked;
    after.question = question;
    after.answer.clear();
    return change(*found, after, by);
}

Outcome<ServiceRequest> ServiceRequestService::answer(ServiceRequestId id, const User& by,
                                                      const std::string& text) {
    if (blank(text)) {
        return lab::reject(errc::invalid_field, "answer: must not be empty");
    }
    auto found = find(id, by);
    if (!found) {
        return found.error();
    }
    ServiceRequest after = *found;
    after.status = ServiceRequestStatus::submitted;
    after.answer = text;
    return change(*found, after, by);
}

Outcome<void> ServiceRequestService::check_conversion(const ServiceRequest& request,
                                                      const Conversion& conversion) {
    switch (request.data.kind) {
    case ServiceKind::calibration:
        if (conversion.jobs.empty() || !conversion.bookings.empty()) {
            return lab::reject(errc::invalid_field,
                               "jobs: a calibration request becomes one or more jobs");
        }
        for (const auto id : conversion.jobs) {
            const auto job = jobs_.find_job(id);
            if (!job) {
                return lab::reject(errc::not_found, "jobs: " + id.to_string() + " does not exist");
            }
            if (job->spec.enterprise != request.data.enterprise) {
                return lab::reject(errc::invalid_field,
                                   "jobs: " + id.to_string() + " is for another enterprise");
            }
        }
        return {};
    case ServiceKind::equipment_loan:
        if (conversion.bookings.empty() || !conversion.jobs.empty()) {
            return lab::reject(errc::invalid_field,
                               "bookings: a loan request becomes one or more bookings");
        }
        for (const auto id : conversion.bookings) {
            if (!bookings_.find_booking(id)) {
                return lab::reject(errc::not_found,
                                   "bookings: " + id.to_string() + " does not exist");
            }
        }
        return {};
    case ServiceKind::technical_advice:
        if (blank(conversion.written_answer)) {
            return lab::reject(errc::invalid_field,
                               "written_answer: technical advice is answered in writing");
        }
        return {};
    }
    return {};
}

Outcome<ServiceRequest> ServiceRequestService::convert(ServiceRequestId id, const User& by,
                                                       const Conversion& conversion) {
    if (!is_lab_staff(by)) {
        return staff_only("convert");
    }
    auto found = find(id, by);
    if (!found) {
        return found.error();
    }
    if (!service_request_transition_allowed(found->status, ServiceRequestStatus::completed)) {
        return refused_transition(*found, ServiceRequestStatus::completed);
    }
    if (auto valid = check_conversion(*found, conversion); !valid) {
        return valid.error();
    }
    ServiceRequest after = *found;
    after.status = ServiceRequestStatus::completed;
    after.jobs = conversion.jobs;
    after.bookings = conversion.bookings;
    after.written_answer = conversion.written_answer;
    return change(*found, after, by);
}

} // namespace callab::lab
