// Which status changes the app offers on a booking: the server's rules (docs/api.md,
// bookings), so that nobody is shown a button the API would refuse. The server decides.
import type { Booking } from '../api/booking_types';
import type { BookingAction } from '../api/bookings';
import type { Role } from '../api/types';

const staff: readonly Role[] = ['technician', 'reviewer', 'signatory', 'manager', 'admin'];

/** A no-show may be recorded this long after the start at the earliest. */
export const noShowAfterMinutes = 30;

export interface Viewer {
    id: number;
    role: Role;
}

function isParty(booking: Booking, viewer: Viewer): boolean {
    return booking.requested_by === viewer.id || booking.on_behalf_of === viewer.id;
}

function mayDecide(viewer: Viewer): boolean {
    return viewer.role === 'manager' || viewer.role === 'admin';
}

/** The actions `viewer` may take on `booking` at `now`, in the order the app shows them. */
export function bookingActions(booking: Booking, viewer: Viewer, now: number): BookingAction[] {
    const isStaff = staff.includes(viewer.role);
    const handles = isStaff || isParty(booking, viewer);
    const out: BookingAction[] = [];
    switch (booking.status) {
        case 'requested':
            if (mayDecide(viewer)) {
                out.push('approve', 'reject');
            }
            if (isParty(booking, viewer) || mayDecide(viewer)) {
                out.push('cancel');
            }
            break;
        case 'approved':
            if (handles) {
                out.push('check-out');
            }
            if (isParty(booking, viewer) || mayDecide(viewer)) {
                out.push('cancel');
            }
            if (isStaff && now >= Date.parse(booking.start) + noShowAfterMinutes * 60_000) {
                out.push('no-show');
            }
            break;
        case 'checked_out':
            if (handles) {
                out.push('return');
            }
            break;
        default:
            break;
    }
    return out;
}

/** Whether an action asks for a note: a reason (required to reject) or the condition. */
export function noteOf(action: BookingAction): 'reason' | 'condition' | undefined {
    if (action === 'reject' || action === 'cancel') {
        return 'reason';
    }
    if (action === 'check-out' || action === 'return') {
        return 'condition';
    }
    return undefined;
}

/** Whether the note is required (the API refuses a rejection without a reason). */
export function noteRequired(action: BookingAction): boolean {
    return action === 'reject';
}
