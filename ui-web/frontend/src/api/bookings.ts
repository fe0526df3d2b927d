// Shared equipment and its bookings: `/api/equipment`, `/api/bookings`.
import { ApiError, apiGet, apiPost, errorFromResponse, requestHeaders } from './client';
import type { BookedSeries, Booking, BookingStatus, ConflictingBooking, Equipment, NewBooking } from './booking_types';
import { listQuery } from './records';
import type { PagedList } from './types';

export function listEquipment(signal?: AbortSignal): Promise<PagedList<Equipment>> {
    return apiGet('/api/equipment?per_page=500&sort=name', signal);
}

export function getEquipment(id: number, signal?: AbortSignal): Promise<Equipment> {
    return apiGet(`/api/equipment/${id}`, signal);
}

export interface BookingQuery {
    equipment_id?: number;
    user_id?: number;
    status?: BookingStatus | '';
    /** Bookings ending after this time. */
    from?: string;
    /** Bookings starting before this time. */
    to?: string;
    /** Also the bookings of others, as taken time only (for enterprise users' calendars). */
    busy?: boolean;
    page?: number;
    per_page?: number;
}

export function listBookings(query: BookingQuery, signal?: AbortSignal): Promise<PagedList<Booking>> {
    const { busy, ...rest } = query;
    return apiGet(`/api/bookings${listQuery({ ...rest, busy: busy ? 'true' : undefined })}`, signal);
}

/** A refused booking: the API's error and, for 409, the booking that holds the slot. */
export class BookingRefused extends ApiError {
    readonly conflicting: ConflictingBooking | undefined;

    constructor(error: ApiError, conflicting: ConflictingBooking | undefined) {
        super(error.status, error.code, error.message, error.field);
        this.name = 'BookingRefused';
        this.conflicting = conflicting;
    }
}

function conflictingOf(body: unknown): ConflictingBooking | undefined {
    if (typeof body !== 'object' || body === null) {
        return undefined;
    }
    const found = (body as { conflicting_booking?: unknown }).conflicting_booking;
    if (typeof found !== 'object' || found === null || typeof (found as ConflictingBooking).id !== 'number') {
        return undefined;
    }
    return found as ConflictingBooking;
}

/**
 * `POST /api/bookings`: the booking (or, with `repeat`, the series). A refusal is thrown as a
 * BookingRefused carrying the conflicting booking the server names.
 */
export async function book(wanted: NewBooking): Promise<Booking | BookedSeries> {
    let response: Response;
    try {
        response = await fetch('/api/bookings', {
            method: 'POST',
            headers: requestHeaders('POST', true),
            body: JSON.stringify(wanted),
            credentials: 'same-origin',
        });
    } catch (cause) {
        throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
    }
    const text = await response.text();
    let body: unknown;
    try {
        body = JSON.parse(text);
    } catch {
        body = undefined;
    }
    if (!response.ok) {
        const error = errorFromResponse(response.status, response.statusText, text);
        const series = body as Partial<BookedSeries> | undefined;
        const firstSkipped = series?.skipped?.[0];
        const conflicting = conflictingOf(body) ?? (firstSkipped ? conflictingOf(firstSkipped) : undefined);
        if (firstSkipped !== undefined && error.code === 'bad_response') {
            throw new BookingRefused(new ApiError(response.status, firstSkipped.error, firstSkipped.message, firstSkipped.field), conflicting);
        }
        throw new BookingRefused(error, conflicting);
    }
    if (body === undefined) {
        throw new ApiError(response.status, 'bad_response', '/api/bookings did not answer with JSON');
    }
    return body as Booking | BookedSeries;
}

/** The status changes of a booking and the note each carries. */
export type BookingAction = 'approve' | 'reject' | 'check-out' | 'return' | 'cancel' | 'no-show';

export function actOnBooking(id: number, action: BookingAction, note?: string): Promise<Booking> {
    const member = action === 'check-out' || action === 'return' ? 'condition' : 'reason';
    const body = note === undefined || note === '' ? {} : { [member]: note };
    return apiPost(`/api/bookings/${id}/${action}`, body);
}

/** The iCalendar feeds, as absolute addresses to paste into a calendar program. */
export function equipmentFeed(origin: string, id: number): string {
    return `${origin}/api/equipment/${id}/calendar.ics`;
}

export function myFeed(origin: string): string {
    return `${origin}/api/users/me/calendar.ics`;
}
