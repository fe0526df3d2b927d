// The shapes of the session, service request, activity and statistics endpoints
// (ui-web/src/authenticator.cpp, service_request_routes.cpp, activity_routes.cpp,
// statistics_routes.cpp).

export type Role = 'technician' | 'reviewer' | 'signatory' | 'manager' | 'admin' | 'enterprise_user';

export interface SessionUser {
    id: number;
    username: string;
    role: Role;
    enterprise_id: number | null;
    display_name: string;
}

/** `GET|POST /api/session`. */
export interface Session {
    csrf_token: string;
    user: SessionUser;
    expires_at: string;
}

export type ServiceKind = 'calibration' | 'equipment_loan' | 'technical_advice';
export type RequestStatus = 'submitted' | 'question_asked' | 'accepted' | 'rejected' | 'completed';

export interface ServiceRequest {
    id: number;
    enterprise_id: number;
    kind: ServiceKind;
    subject: string;
    details: string;
    instrument_ids: number[];
    equipment_id: number | null;
    submitted_by: number;
    submitted_at: string;
    status: RequestStatus;
    question: string;
    answer: string;
    rejection_reason: string;
    written_answer: string;
    handled_by: number | null;
    handled_at: string | null;
    job_ids: number[];
    booking_ids: number[];
}

export interface NewServiceRequest {
    kind: ServiceKind;
    subject: string;
    details?: string;
    enterprise_id?: number;
    instrument_ids?: number[];
    equipment_id?: number;
}

export interface Conversion {
    job_ids?: number[];
    booking_ids?: number[];
    written_answer?: string;
}

export type ActivityKind = 'visit' | 'training' | 'consultation';

export interface NewActivity {
    kind: ActivityKind;
    held_on: string;
    region: string;
    topic: string;
    enterprise_ids: number[];
    attendee_count?: number;
    attendees?: string[];
    problems_solved?: number;
    problem_descriptions?: string[];
}

export interface Activity extends Required<NewActivity> {
    id: number;
    recorded_by: string;
}

/** A paged list: `{"items", "total", "page", "per_page"}`. */
export interface PagedList<T> {
    items: T[];
    total: number;
    page: number;
    per_page: number;
}

export interface ServiceFigures {
    requests_received: number;
    requests_handled: number;
    visits: number;
    trainings: number;
    training_attendees: number;
    consultations: number;
    attendees: number;
    problems_solved: number;
}

export interface Statistics {
    from: string;
    to: string;
    enterprises_served: number;
    jobs: number;
    jobs_issued: number;
    free_jobs: number;
    fees_waived: number;
    fees_charged: number;
    bookings: number;
    booked_hours: number;
    standards_in_service: number;
    jobs_by_kind: Record<string, number>;
    services: ServiceFigures;
    requests_by_kind: { kind: ServiceKind; received: number; handled: number }[];
    by_region: {
        region: string;
        enterprises_served: number;
        jobs: number;
        free_jobs: number;
        fees_waived: number;
        services: ServiceFigures;
    }[];
    by_month: {
        period: string;
        jobs: number;
        free_jobs: number;
        fees_waived: number;
        services: ServiceFigures;
    }[];
}
