// The JSON shapes of `/api/equipment`, `/api/bookings`, `/api/recall` and the dashboard's
// other sources (ui-web/src/equipment_json.cpp, booking_routes.cpp, recall_routes.cpp).
import type { Weekday } from '../calendar/week';

/** `GET /api/equipment/{id}` and the items of `GET /api/equipment`. */
export interface Equipment {
    id: number;
    name: string;
    standard_id: number | null;
    approval_required: boolean;
    service_buffer_minutes: number;
    bookable_days: Weekday[];
    bookable_from: string;
    bookable_to: string;
    utc_offset_minutes: number;
    /** The standard behind it is overdue, suspended or retired today. */
    blocked: boolean;
    blocked_reason: string;
    /** Only on `GET /api/equipment/{id}`. */
    usage_hours?: number;
    usage_hours_30_days?: number;
}

export type BookingStatus = 'requested' | 'approved' | 'checked_out' | 'returned' | 'cancelled' | 'rejected' | 'no_show';

export const bookingStatuses: readonly BookingStatus[] = [
    'requested',
    'approved',
    'checked_out',
    'returned',
    'cancelled',
    'rejected',
    'no_show',
];

export interface Booking {
    id: number;
    equipment_id: number;
    start: string;
    end: string;
    purpose: string;
    requested_by: number;
    on_behalf_of: number | null;
    job_id: number | null;
    status: BookingStatus;
    blocked_until: string;
    checked_out_at: string | null;
    returned_at: string | null;
    condition_out: string;
    condition_in: string;
    reason: string;
    /**
     * Set by `GET /api/bookings?busy=true` on another party's booking that an enterprise user
     * may see only as taken time: then only id, equipment_id, start, end, status and
     * blocked_until are sent.
     */
    busy?: boolean;
}

/** `POST /api/bookings`. */
export interface NewBooking {
    equipment_id: number;
    start: string;
    end: string;
    purpose: string;
    on_behalf_of?: number;
    repeat?: { every: 'day' | 'week'; count: number };
}

/** What the API keeps of a conflicting booking the user may not see in full. */
export interface ConflictingBooking {
    id: number;
    start: string;
    end: string;
}

/** One occurrence of a series that was not booked. */
export interface SkippedOccurrence {
    error: string;
    message: string;
    field?: string;
    start: string;
    end: string;
    conflicting_booking?: ConflictingBooking | null;
}

/** The answer to a booking with `repeat`. */
export interface BookedSeries {
    booked: Booking[];
    skipped: SkippedOccurrence[];
}

/** One line of `GET /api/recall`. */
export interface RecallDue {
    schedule_id: number;
    item: string;
    item_id: number;
    kind: string;
    due_on: string;
    days_left: number;
    interval_days: number;
    lead_days: number;
    responsible_id: number | null;
}

export interface RecallList {
    items: RecallDue[];
    total: number;
    date: string;
    within_days: number;
}

/** The members of a job the dashboard reads (`GET /api/jobs?status=measuring`). */
export interface JobSummary {
    id: number;
    title: string;
    instrument: string;
    status?: string;
    created_at: string;
}

/** The members of a certificate the dashboard reads (`GET /api/certificates`). */
export interface CertificateSummary {
    number: string;
    job_id: number;
    status: string;
    issued_at: string;
    instrument?: { kind: string; maker: string; model: string; serial: string };
}
