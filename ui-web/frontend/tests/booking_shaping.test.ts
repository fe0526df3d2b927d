import type { Booking, Equipment, RecallDue } from '../src/api/booking_types';
import { ApiError } from '../src/api/client';
import { bookingActions, noteOf, noteRequired } from '../src/calendar/booking_actions';
import { dayRuns, filterEquipment, isBookable } from '../src/format/equipment';
import { certificatesOrNone, dashboardCards, documentsPath, recallRows, todayRows, todaySpan } from '../src/format/dashboard';

import { describe, expect, it } from 'vitest';

const booking: Booking = {
    id: 7,
    equipment_id: 2,
    start: '2031-01-08T01:00:00Z',
    end: '2031-01-08T02:00:00Z',
    purpose: 'IR thermometer calibration',
    requested_by: 10,
    on_behalf_of: 11,
    job_id: null,
    status: 'requested',
    blocked_until: '2031-01-08T02:30:00Z',
    checked_out_at: null,
    returned_at: null,
    condition_out: '',
    condition_in: '',
    reason: '',
};
const start = Date.parse(booking.start);

describe('booking actions by role and state', () => {
    it('lets managers decide a request and the parties cancel it', () => {
        expect(bookingActions(booking, { id: 1, role: 'manager' }, start)).toEqual(['approve', 'reject', 'cancel']);
        expect(bookingActions(booking, { id: 10, role: 'technician' }, start)).toEqual(['cancel']);
        expect(bookingActions(booking, { id: 11, role: 'enterprise_user' }, start)).toEqual(['cancel']);
        expect(bookingActions(booking, { id: 12, role: 'technician' }, start)).toEqual([]);
    });
    it('hands an approved booking out to its parties and lab staff; a no-show 30 minutes after the start', () => {
        const approved = { ...booking, status: 'approved' as const };
        expect(bookingActions(approved, { id: 12, role: 'technician' }, start)).toEqual(['check-out']);
        expect(bookingActions(approved, { id: 12, role: 'technician' }, start + 30 * 60_000)).toEqual(['check-out', 'no-show']);
        expect(bookingActions(approved, { id: 11, role: 'enterprise_user' }, start + 60 * 60_000)).toEqual(['check-out', 'cancel']);
        expect(bookingActions(approved, { id: 99, role: 'enterprise_user' }, start)).toEqual([]);
    });
    it('takes back what is out, and nothing after', () => {
        expect(bookingActions({ ...booking, status: 'checked_out' }, { id: 12, role: 'reviewer' }, start)).toEqual(['return']);
        expect(bookingActions({ ...booking, status: 'returned' }, { id: 1, role: 'admin' }, start)).toEqual([]);
    });
    it('asks for a reason or the condition, and requires the reason of a rejection', () => {
        expect(noteOf('reject')).toBe('reason');
        expect(noteOf('return')).toBe('condition');
        expect(noteOf('approve')).toBeUndefined();
        expect(noteRequired('reject')).toBe(true);
        expect(noteRequired('cancel')).toBe(false);
    });
});

describe('dashboard data', () => {
    it('gives lab staff the recall card and enterprise users the others', () => {
        expect(dashboardCards('technician')).toEqual(['recall', 'running', 'today', 'certificates']);
        expect(dashboardCards('enterprise_user')).toEqual(['running', 'today', 'certificates']);
        expect(dashboardCards(undefined)).toEqual([]);
    });
    it('spans today in the browser time', () => {
        const span = todaySpan(new Date(2031, 0, 8, 15, 20));
        expect(Date.parse(span.to) - Date.parse(span.from)).toBe(24 * 3600_000);
        expect(new Date(span.from).getHours()).toBe(0);
        expect(new Date(span.from).getDate()).toBe(8);
    });
    it('lists today’s bookings that take place, by start, with the equipment’s name', () => {
        const equipment = [{ id: 2, name: 'Blackbody BB-1' } as Equipment];
        const later = { ...booking, id: 8, start: '2031-01-08T03:00:00Z', end: '2031-01-08T04:00:00Z', status: 'approved' as const };
        const cancelled = { ...booking, id: 9, status: 'cancelled' as const };
        const other = { ...booking, id: 10, equipment_id: 5 };
        const rows = todayRows([later, cancelled, booking, other], equipment);
        expect(rows.map((r) => r.id)).toEqual([7, 10, 8]);
        expect(rows[0]!.equipment).toBe('Blackbody BB-1');
        expect(rows[1]!.equipment).toBe('#5');
        expect(rows[0]!.time).toMatch(/^\d{2}:\d{2}–\d{2}:\d{2}$/);
    });
    it('puts overdue recall lines first and keeps the first few', () => {
        const line = (id: number, days: number): RecallDue => ({
            schedule_id: id,
            item: `item ${id}`,
            item_id: id,
            kind: 'calibration',
            due_on: '2031-01-08',
            days_left: days,
            interval_days: 365,
            lead_days: 30,
            responsible_id: null,
        });
        const rows = recallRows([line(1, 12), line(2, -3), line(3, 0), line(4, 20)], 3);
        expect(rows.map((r) => [r.schedule_id, r.overdue])).toEqual([
            [2, true],
            [3, false],
            [1, false],
        ]);
    });
    it('shows no certificates where the server has no list, and keeps other failures', async () => {
        await expect(certificatesOrNone(() => Promise.reject(new ApiError(404, 'not_found', 'no route')))).resolves.toEqual([]);
        await expect(certificatesOrNone(() => Promise.reject(new ApiError(503, 'unavailable', 'no store')))).resolves.toEqual([]);
        await expect(certificatesOrNone(() => Promise.reject(new ApiError(500, 'internal', 'failed')))).rejects.toThrow('failed');
        await expect(certificatesOrNone(() => Promise.resolve({ items: [{ number: 'C-1', job_id: 1, status: 'valid', issued_at: '' }] }))).resolves.toHaveLength(1);
        expect(documentsPath({ paths: { '/api/certificates': {} } }, '/api/certificates')).toBe(true);
        expect(documentsPath({ paths: {} }, '/api/certificates')).toBe(false);
        expect(documentsPath(null, '/api/certificates')).toBe(false);
    });
});

describe('equipment list', () => {
    const base: Equipment = {
        id: 1,
        name: 'Blackbody BB-1',
        standard_id: 3,
        approval_required: false,
        service_buffer_minutes: 30,
        bookable_days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        bookable_from: '08:00',
        bookable_to: '18:00',
        utc_offset_minutes: 480,
        blocked: false,
        blocked_reason: '',
    };
    const items: Equipment[] = [
        base,
        { ...base, id: 2, name: 'Power analyser PA-2', approval_required: true, blocked: true, blocked_reason: 'overdue' },
        { ...base, id: 3, name: 'Spare blackbody', bookable_days: [] },
    ];
    const none = { name: '', status: '', approval: '', bookable: '' } as const;
    it('filters by name, state, approval and whether it can be booked', () => {
        expect(filterEquipment(items, none).map((e) => e.id)).toEqual([1, 2, 3]);
        expect(filterEquipment(items, { ...none, name: 'BLACKBODY' }).map((e) => e.id)).toEqual([1, 3]);
        expect(filterEquipment(items, { ...none, status: 'blocked' }).map((e) => e.id)).toEqual([2]);
        expect(filterEquipment(items, { ...none, approval: 'none' }).map((e) => e.id)).toEqual([1, 3]);
        expect(filterEquipment(items, { ...none, bookable: 'no' }).map((e) => e.id)).toEqual([3]);
        expect(isBookable({ ...base, bookable_from: '10:00', bookable_to: '10:00' })).toBe(false);
    });
    it('reads the bookable days as runs', () => {
        expect(dayRuns(['mon', 'tue', 'wed', 'thu', 'fri'])).toEqual([['mon', 'fri']]);
        expect(dayRuns(['mon', 'wed', 'sat', 'sun'])).toEqual([['mon'], ['wed'], ['sat', 'sun']]);
        expect(dayRuns([])).toEqual([]);
    });
});
