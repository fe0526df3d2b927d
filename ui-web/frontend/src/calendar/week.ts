// The arithmetic of the bookings calendar: weeks, days and 30-minute slots in the lab's time
// (each piece of equipment carries the lab's `utc_offset_minutes`; the browser's own time zone
// plays no part), the blocked time of a piece of equipment, and where a booking is drawn.
// Pure: times are milliseconds since the epoch (UTC), tested in tests/week.test.ts.

/** The length of one row of the calendar, in minutes. */
export const slotMinutes = 30;

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** The members of an equipment record the calendar reads. */
export interface BookableHours {
    bookable_days: string[];
    /** "HH:MM", lab time. */
    bookable_from: string;
    /** "HH:MM", lab time; "24:00" is the end of the day. */
    bookable_to: string;
    utc_offset_minutes: number;
    blocked: boolean;
}

/** The members of a booking the calendar reads. */
export interface CalendarBooking {
    id: number;
    equipment_id: number;
    /** "YYYY-MM-DDTHH:MM:SSZ" */
    start: string;
    end: string;
    /** The end of the service buffer after the booking. */
    blocked_until: string;
    status: string;
}

/** A span of time, [start, end), in milliseconds since the epoch. */
export interface Interval {
    start: number;
    end: number;
}

/** The minutes of the day the calendar shows, [from, to). */
export interface HourRange {
    from: number;
    to: number;
}

/** Minutes since midnight of "HH:MM". */
export function minutesOfDay(text: string): number {
    const match = /^(\d{2}):(\d{2})$/.exec(text);
    if (!match) {
        throw new RangeError(`'${text}' is not a time of day HH:MM`);
    }
    return Number(match[1]) * 60 + Number(match[2]);
}

/** Monday 00:00 in the lab's time of the week that holds `instant`, as UTC milliseconds. */
export function weekStart(instant: number, utcOffsetMinutes: number): number {
    const offset = utcOffsetMinutes * minuteMs;
    const day = Math.floor((instant + offset) / dayMs);
    // 1 January 1970 was a Thursday: day 0 is weekday 3 counting from Monday.
    const weekday = (((day + 3) % 7) + 7) % 7;
    return (day - weekday) * dayMs - offset;
}

/** The week `weeks` weeks after (before, when negative) the week starting at `start`. */
export function addWeeks(start: number, weeks: number): number {
    return start + weeks * 7 * dayMs;
}

/** 00:00 lab time of day `day` (0 = Monday) of the week starting at `week`. */
export function dayStart(week: number, day: number): number {
    return week + day * dayMs;
}

/**
 * The hours shown: from the earliest opening to the latest closing of the equipment, widened
 * to whole hours; 08:00–18:00 when there is none.
 */
export function visibleHours(equipment: readonly BookableHours[]): HourRange {
    if (equipment.length === 0) {
        return { from: 8 * 60, to: 18 * 60 };
    }
    const from = Math.min(...equipment.map((e) => minutesOfDay(e.bookable_from)));
    const to = Math.max(...equipment.map((e) => minutesOfDay(e.bookable_to)));
    return { from: Math.floor(from / 60) * 60, to: Math.min(24 * 60, Math.ceil(to / 60) * 60) };
}

/** The number of rows of a day. */
export function slotCount(range: HourRange): number {
    return Math.ceil((range.to - range.from) / slotMinutes);
}

/** The start of row `slot` of day `day`. */
export function slotTime(week: number, day: number, slot: number, range: HourRange): number {
    return dayStart(week, day) + (range.from + slot * slotMinutes) * minuteMs;
}

/** The row under a point `offset` pixels below the top of a column of rows `rowHeight` high. */
export function slotAt(offset: number, rowHeight: number, range: HourRange): number {
    const slot = Math.floor(offset / rowHeight);
    return Math.min(Math.max(slot, 0), slotCount(range) - 1);
}

/** The time a drag from row `first` to row `last` of one day covers, whichever way it went. */
export function dragSelection(week: number, day: number, first: number, last: number, range: HourRange): Interval {
    const top = Math.min(first, last);
    const bottom = Math.max(first, last);
    return {
        start: slotTime(week, day, top, range),
        end: Math.min(slotTime(week, day, bottom + 1, range), dayStart(week, day) + range.to * minuteMs),
    };
}

export function overlaps(a: Interval, b: Interval): boolean {
    return a.start < b.end && b.start < a.end;
}

/** Whether a booking in this state keeps others out of its slot (and its buffer). */
export function holdsSlot(status: string): boolean {
    return status === 'requested' || status === 'approved' || status === 'checked_out';
}

/** Whether the calendar draws a booking in this state. */
export function isDrawn(status: string): boolean {
    return holdsSlot(status) || status === 'returned';
}

/** Sorts intervals and joins those that touch or overlap. */
export function merge(intervals: readonly Interval[]): Interval[] {
    const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
    const out: Interval[] = [];
    for (const interval of sorted) {
        const last = out[out.length - 1];
        if (last !== undefined && interval.start <= last.end) {
            last.end = Math.max(last.end, interval.end);
        } else {
            out.push({ ...interval });
        }
    }
    return out;
}

/** The bookable time of a piece of equipment in the week starting at `week`. */
export function bookableIntervals(equipment: BookableHours, week: number): Interval[] {
    const from = minutesOfDay(equipment.bookable_from);
    const to = minutesOfDay(equipment.bookable_to);
    const out: Interval[] = [];
    weekdays.forEach((name, day) => {
        if (equipment.bookable_days.includes(name) && to > from) {
            out.push({ start: dayStart(week, day) + from * minuteMs, end: dayStart(week, day) + to * minuteMs });
        }
    });
    return out;
}

/** Why a stretch of time cannot be booked. */
export type BlockedReason = 'closed' | 'past' | 'buffer' | 'unusable';

export interface BlockedInterval extends Interval {
    reason: BlockedReason;
}

/**
 * The time of the shown hours of the week that cannot be booked, by reason: outside the
 * bookable hours, already past at `now`, in the service buffer after a booking, or (when the
 * equipment is blocked: its standard overdue or suspended) everything from now on.
 */
export function blockedIntervals(
    equipment: BookableHours,
    week: number,
    range: HourRange,
    bookings: readonly CalendarBooking[],
    now: number,
): BlockedInterval[] {
    const out: BlockedInterval[] = [];
    const bookable = bookableIntervals(equipment, week);
    for (let day = 0; day < 7; ++day) {
        const shown = {
            start: dayStart(week, day) + range.from * minuteMs,
            end: dayStart(week, day) + range.to * minuteMs,
        };
        let cursor = shown.start;
        for (const open of bookable.filter((i) => overlaps(i, shown))) {
            if (open.start > cursor) {
                out.push({ start: cursor, end: open.start, reason: 'closed' });
            }
            cursor = Math.max(cursor, open.end);
        }
        if (cursor < shown.end) {
            out.push({ start: cursor, end: shown.end, reason: 'closed' });
        }
        if (now > shown.start) {
            out.push({ start: shown.start, end: Math.min(now, shown.end), reason: 'past' });
        }
        if (equipment.blocked && now < shown.end) {
            out.push({ start: Math.max(now, shown.start), end: shown.end, reason: 'unusable' });
        }
    }
    for (const booking of bookings) {
        if (!holdsSlot(booking.status)) {
            continue;
        }
        const end = Date.parse(booking.end);
        const until = Date.parse(booking.blocked_until);
        if (until > end) {
            out.push({ start: end, end: until, reason: 'buffer' });
        }
    }
    return out.filter((i) => i.end > i.start);
}

/** Where an interval is drawn in the column of day `day`: fractions of the column's height. */
export function placement(
    interval: Interval,
    week: number,
    day: number,
    range: HourRange,
): { top: number; height: number } | undefined {
    const top = dayStart(week, day) + range.from * minuteMs;
    const bottom = dayStart(week, day) + range.to * minuteMs;
    const start = Math.max(interval.start, top);
    const end = Math.min(interval.end, bottom);
    if (end <= start) {
        return undefined;
    }
    return { top: (start - top) / (bottom - top), height: (end - start) / (bottom - top) };
}

/** Whether a wanted interval is clear of the blocked time and of the bookings holding a slot. */
export function isFree(wanted: Interval, blocked: readonly Interval[], bookings: readonly CalendarBooking[]): boolean {
    if (blocked.some((b) => overlaps(b, wanted))) {
        return false;
    }
    return !bookings.some(
        (b) => holdsSlot(b.status) && overlaps({ start: Date.parse(b.start), end: Date.parse(b.blocked_until) }, wanted),
    );
}

/** The API's form of a time: "YYYY-MM-DDTHH:MM:SSZ". */
export function apiTime(instant: number): string {
    return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function pad(n: number): string {
    return String(n).padStart(2, '0');
}

/** "HH:MM" in the lab's time. */
export function labClock(instant: number, utcOffsetMinutes: number): string {
    const local = new Date(instant + utcOffsetMinutes * minuteMs);
    return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** "YYYY-MM-DD" in the lab's time. */
export function labDate(instant: number, utcOffsetMinutes: number): string {
    const local = new Date(instant + utcOffsetMinutes * minuteMs);
    return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
}

/** The labels of the rows: "HH:MM" of each slot. */
export function rowLabels(range: HourRange): string[] {
    return Array.from({ length: slotCount(range) }, (_, slot) => {
        const minutes = range.from + slot * slotMinutes;
        return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
    });
}
