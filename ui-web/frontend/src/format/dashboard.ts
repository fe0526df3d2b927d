// The dashboard's data shaping: today's span, the cards a role gets, and the rows of each card
// from the API's answers. Pure, tested in tests/dashboard.test.ts.
import type { Booking, CertificateSummary, Equipment, RecallDue } from '../api/booking_types';
import { ApiError } from '../api/client';
import type { Role } from '../api/types';
import { apiTime, isDrawn } from '../calendar/week';

export type DashboardCard = 'recall' | 'running' | 'today' | 'certificates';

/** The cards of the dashboard by role: the recall due list is the lab staff's. */
export function dashboardCards(role: Role | undefined): DashboardCard[] {
    if (role === undefined) {
        return [];
    }
    return role === 'enterprise_user' ? ['running', 'today', 'certificates'] : ['recall', 'running', 'today', 'certificates'];
}

/** Today from 00:00 to 24:00 in the browser's time, in the API's form. */
export function todaySpan(now: Date): { from: string; to: string } {
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    return { from: apiTime(start.getTime()), to: apiTime(end.getTime()) };
}

function clock(date: Date): string {
    return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

export interface TodayRow {
    id: number;
    equipment: string;
    /** "HH:MM–HH:MM" in the browser's time. */
    time: string;
    purpose: string;
    status: Booking['status'];
}

/** Today's bookings that take place (not cancelled, rejected or missed), by start. */
export function todayRows(bookings: readonly Booking[], equipment: readonly Equipment[]): TodayRow[] {
    const names = new Map(equipment.map((e) => [e.id, e.name]));
    return bookings
        .filter((b) => isDrawn(b.status))
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id - b.id)
        .map((b) => ({
            id: b.id,
            equipment: names.get(b.equipment_id) ?? `#${b.equipment_id}`,
            time: `${clock(new Date(b.start))}–${clock(new Date(b.end))}`,
            purpose: b.purpose,
            status: b.status,
        }));
}

/** The recall lines most urgent first (overdue ones first of all), at most `limit`. */
export function recallRows(items: readonly RecallDue[], limit: number): (RecallDue & { overdue: boolean })[] {
    return [...items]
        .sort((a, b) => a.days_left - b.days_left || a.schedule_id - b.schedule_id)
        .slice(0, limit)
        .map((item) => ({ ...item, overdue: item.days_left < 0 }));
}

/**
 * The recent certificates, or none when the server has no certificate list (404, or 503
 * without the store): an empty card, not an error. Other failures stay errors.
 */
export async function certificatesOrNone(
    load: () => Promise<{ items: CertificateSummary[] }>,
): Promise<CertificateSummary[]> {
    try {
        return (await load()).items;
    } catch (cause) {
        if (cause instanceof ApiError && (cause.status === 404 || cause.status === 503)) {
            return [];
        }
        throw cause;
    }
}

/** Whether the server's OpenAPI document lists a path (to ask only for what it has). */
export function documentsPath(openapi: unknown, path: string): boolean {
    if (typeof openapi !== 'object' || openapi === null) {
        return false;
    }
    const paths = (openapi as { paths?: unknown }).paths;
    return typeof paths === 'object' && paths !== null && path in paths;
}
