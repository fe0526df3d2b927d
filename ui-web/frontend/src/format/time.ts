// Dates and times in the reader's language and time zone (the API writes UTC, ISO 8601).

/** Date and time to the second, e.g. "2026-11-27 13:05:09" in zh-CN. */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
        return iso;
    }
    return new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hour12: false,
        timeZone,
    }).format(date);
}

/** Time of day to the millisecond, for readings taken a fraction of a second apart. */
export function formatTimeOfDay(iso: string, locale: string, timeZone?: string): string {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
        return iso;
    }
    return new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        fractionalSecondDigits: 3,
        hour12: false,
        timeZone,
    }).format(date);
}
