// The status machines of jobs and bookings.
#include <callab/lab/booking.hpp>
#include <callab/lab/job_status.hpp>

namespace callab::lab {

bool job_transition_allowed(JobStatus from, JobStatus to) {
    using enum JobStatus;
    if (to == cancelled) {
        return from != issued && from != cancelled;
    }
    switch (from) {
    case draft:
        return to == measuring;
    case measuring:
        return to == measured;
    case measured:
        return to == reviewed || to == returned;
    case reviewed:
        return to == approved || to == returned;
    case approved:
        return to == issued || to == returned;
    case returned:
        return to == measuring;
    case issued:
    case cancelled:
        return false;
    }
    return false;
}

bool booking_transition_allowed(BookingStatus from, BookingStatus to) {
    using enum BookingStatus;
    switch (from) {
    case requested:
        return to == approved || to == rejected || to == cancelled;
    case approved:
        return to == checked_out || to == cancelled || to == no_show;
    case checked_out:
        return to == returned;
    case returned:
    case cancelled:
    case rejected:
    case no_show:
        return false;
    }
    return false;
}

bool booking_holds_slot(BookingStatus status) {
    return status == BookingStatus::requested || status == BookingStatus::approved ||
           status == BookingStatus::checked_out;
}

} // namespace callab::lab
