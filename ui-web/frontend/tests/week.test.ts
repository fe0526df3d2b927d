import {
    addWeeks,
    apiTime,
    blockedIntervals,
    bookableIntervals,
    dragSelection,
    isFree,
    labClock,
    labDate,
    merge,
    minutesOfDay,
    placement,
    rowLabels,
    slotAt,
    slotCount,
    visibleHours,
    weekStart,
    type BookableHours,
    type CalendarBooking,
} from '../src/calendar/week';

import { describe, expect, it } from 'vitest';

const at = (text: string): number => Date.parse(text);

const beijing: BookableHours = {
    bookable_days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    bookable_from: '08:30',
    bookable_to: '17:00',
    utc_offset_minutes: 480,
    blocked: false,
};

describe('weeks in the lab time', () => {
    it('starts a week on Monday 00:00 of the lab, whatever the UTC day', () => {
        // Sunday 2031-01-05 20:00 UTC is already Monday 04:00 in Beijing.
        expect(apiTime(weekStart(at('2031-01-05T20:00:00Z'), 480))).toBe('2031-01-05T16:00:00Z');
        // ... but still Sunday in UTC, whose week began on Monday 2030-12-30.
        expect(apiTime(weekStart(at('2031-01-05T20:00:00Z'), 0))).toBe('2030-12-30T00:00:00Z');
        // West of Greenwich: Monday 03:00 UTC is Sunday 22:00 in UTC-5.
        expect(apiTime(weekStart(at('2031-01-06T03:00:00Z'), -300))).toBe('2030-12-30T05:00:00Z');
    });
    it('steps whole weeks back and forth', () => {
        const week = weekStart(at('2031-01-08T10:00:00Z'), 480);
        expect(apiTime(addWeeks(week, 1))).toBe('2031-01-12T16:00:00Z');
        expect(apiTime(addWeeks(week, -1))).toBe('2030-12-29T16:00:00Z');
        expect(labDate(week, 480)).toBe('2031-01-06');
    });
    it('reads times of day, 24:00 included, and refuses others', () => {
        expect(minutesOfDay('08:30')).toBe(510);
        expect(minutesOfDay('24:00')).toBe(1440);
        expect(() => minutesOfDay('8:30')).toThrow(RangeError);
    });
});

describe('rows', () => {
    it('shows from the earliest opening to the latest closing in whole hours', () => {
        const late = { ...beijing, bookable_from: '10:00', bookable_to: '19:15' };
        expect(visibleHours([beijing, late])).toEqual({ from: 480, to: 1200 });
        expect(visibleHours([])).toEqual({ from: 480, to: 1080 });
        expect(slotCount({ from: 480, to: 1200 })).toBe(24);
        expect(rowLabels({ from: 480, to: 600 })).toEqual(['08:00', '08:30', '09:00', '09:30']);
    });
    it('finds the row under the pointer, kept inside the day', () => {
        const range = { from: 480, to: 600 };
        expect(slotAt(0, 20, range)).toBe(0);
        expect(slotAt(59, 20, range)).toBe(2);
        expect(slotAt(-5, 20, range)).toBe(0);
        expect(slotAt(500, 20, range)).toBe(3);
    });
    it('turns a drag in either direction into the time it covers', () => {
        const week = weekStart(at('2031-01-08T10:00:00Z'), 480);
        const range = { from: 480, to: 1020 };
        // Wednesday, rows 2..5 = 09:00-11:00 Beijing = 01:00-03:00 UTC.
        const down = dragSelection(week, 2, 2, 5, range);
        expect(apiTime(down.start)).toBe('2031-01-08T01:00:00Z');
        expect(apiTime(down.end)).toBe('2031-01-08T03:00:00Z');
        expect(dragSelection(week, 2, 5, 2, range)).toEqual(down);
        expect(labClock(down.start, 480)).toBe('09:00');
    });
});

describe('blocked time', () => {
    const week = weekStart(at('2031-01-08T10:00:00Z'), 480);
    const range = visibleHours([beijing]);
    const longBefore = at('2030-01-01T00:00:00Z');

    it('knows the bookable hours of each bookable day', () => {
        const open = bookableIntervals(beijing, week);
        expect(open).toHaveLength(5);
        expect(apiTime(open[0]!.start)).toBe('2031-01-06T00:30:00Z');
        expect(apiTime(open[0]!.end)).toBe('2031-01-06T09:00:00Z');
    });
    it('blocks the time outside the bookable hours and whole closed days', () => {
        const blocked = blockedIntervals(beijing, week, range, [], longBefore);
        const monday = blocked.filter((b) => b.start < at('2031-01-06T16:00:00Z'));
        expect(monday.map((b) => [apiTime(b.start), apiTime(b.end), b.reason])).toEqual([
            ['2031-01-06T00:00:00Z', '2031-01-06T00:30:00Z', 'closed'],
        ]);
        const saturday = blocked.filter((b) => labDate(b.start, 480) === '2031-01-11');
        expect(saturday.map((b) => [apiTime(b.start), apiTime(b.end)])).toEqual([
            ['2031-01-11T00:00:00Z', '2031-01-11T09:00:00Z'],
        ]);
    });
    it('blocks the past, the service buffer after a booking, and everything of unusable equipment', () => {
        const now = at('2031-01-08T02:00:00Z'); // Wednesday 10:00 in Beijing
        const booking: CalendarBooking = {
            id: 1,
            equipment_id: 1,
            start: '2031-01-09T01:00:00Z',
            end: '2031-01-09T02:00:00Z',
            blocked_until: '2031-01-09T02:30:00Z',
            status: 'approved',
        };
        const cancelled = { ...booking, id: 2, status: 'cancelled', start: '2031-01-10T01:00:00Z', end: '2031-01-10T02:00:00Z', blocked_until: '2031-01-10T02:30:00Z' };
        const blocked = blockedIntervals(beijing, week, range, [booking, cancelled], now);
        expect(blocked.filter((b) => b.reason === 'buffer').map((b) => [apiTime(b.start), apiTime(b.end)])).toEqual([
            ['2031-01-09T02:00:00Z', '2031-01-09T02:30:00Z'],
        ]);
        const past = merge(blocked.filter((b) => b.reason === 'past'));
        expect(apiTime(past[past.length - 1]!.end)).toBe('2031-01-08T02:00:00Z');
        const unusable = blockedIntervals({ ...beijing, blocked: true }, week, range, [], now).filter((b) => b.reason === 'unusable');
        expect(apiTime(unusable[0]!.start)).toBe('2031-01-08T02:00:00Z');
        expect(unusable).toHaveLength(5); // the rest of Wednesday and the four days after it
        // Free: Thursday 11:00-12:00 after the buffer; taken: 10:00-10:30 (the booking's own
        // slot) and 10:00-10:30's buffer; closed: Saturday.
        expect(isFree({ start: at('2031-01-09T03:00:00Z'), end: at('2031-01-09T04:00:00Z') }, blocked, [booking])).toBe(true);
        expect(isFree({ start: at('2031-01-09T01:30:00Z'), end: at('2031-01-09T02:00:00Z') }, blocked, [booking])).toBe(false);
        expect(isFree({ start: at('2031-01-09T02:00:00Z'), end: at('2031-01-09T02:30:00Z') }, blocked, [booking])).toBe(false);
        expect(isFree({ start: at('2031-01-11T01:00:00Z'), end: at('2031-01-11T02:00:00Z') }, blocked, [booking])).toBe(false);
    });
});

describe('drawing', () => {
    it('places an interval as fractions of the day column, clipped to the hours shown', () => {
        const week = weekStart(at('2031-01-08T10:00:00Z'), 480);
        const range = { from: 480, to: 1080 }; // 08:00-18:00 Beijing, 600 minutes
        const booking = { start: at('2031-01-06T01:00:00Z'), end: at('2031-01-06T02:30:00Z') }; // 09:00-10:30
        expect(placement(booking, week, 0, range)).toEqual({ top: 60 / 600, height: 90 / 600 });
        expect(placement(booking, week, 1, range)).toBeUndefined();
        const early = { start: at('2031-01-05T22:00:00Z'), end: at('2031-01-06T00:30:00Z') }; // 06:00-08:30
        expect(placement(early, week, 0, range)).toEqual({ top: 0, height: 30 / 600 });
    });
    it('joins touching intervals', () => {
        expect(merge([{ start: 5, end: 8 }, { start: 0, end: 5 }, { start: 10, end: 12 }, { start: 3, end: 3 }])).toEqual([
            { start: 0, end: 8 },
            { start: 10, end: 12 },
        ]);
    });
});
