// How the app writes numbers. Pure functions of their arguments (the locale included), so
// the rules are unit-tested (tests/number.test.ts) and every page writes a figure the same way.
//
// Uncertainties are stated to two significant digits and the measured value to the same
// decimal place (GUM, JCGM 100:2008, 7.2.6).

const maxDecimals = 12;

/** Shown for a figure that does not exist (NaN, ±Infinity where no meaning is defined). */
export const noValue = '—';

/** Decimal places that show `value` to `digits` significant digits (0 for |value| ≥ 10^digits). */
export function decimalsForSignificant(value: number, digits: number): number {
    if (!Number.isFinite(value) || value === 0) {
        return 0;
    }
    let decimals = digits - 1 - Math.floor(Math.log10(Math.abs(value)));
    // Rounding may carry into a new leading digit (0.0996 → 0.10): one decimal fewer then.
    const rounded = Number(Math.abs(value).toFixed(Math.min(Math.max(decimals, 0), maxDecimals)));
    if (rounded >= 10 ** (digits - decimals)) {
        decimals -= 1;
    }
    return Math.min(Math.max(decimals, 0), maxDecimals);
}

/** `value` with exactly `decimals` decimal places in the locale's notation. */
export function formatFixed(value: number, decimals: number, locale: string): string {
    if (!Number.isFinite(value)) {
        return noValue;
    }
    const places = Math.min(Math.max(Math.trunc(decimals), 0), maxDecimals);
    return new Intl.NumberFormat(locale, {
        minimumFractionDigits: places,
        maximumFractionDigits: places,
        useGrouping: false,
    }).format(value);
}

/** Decimal places for a result whose expanded uncertainty is `expanded`: U to two significant digits. */
export function resultDecimals(expanded: number): number {
    return decimalsForSignificant(expanded, 2);
}

/** An uncertainty (standard or expanded) to two significant digits. */
export function formatUncertainty(value: number, locale: string): string {
    return formatFixed(value, decimalsForSignificant(value, 2), locale);
}

/** Degrees of freedom: one decimal, ∞ for infinite (the API writes infinite as null). */
export function formatDegreesOfFreedom(dof: number | null, locale: string): string {
    if (dof === null || dof === Infinity) {
        return '∞';
    }
    return formatFixed(dof, 1, locale);
}

/** A share 0…1 as a percentage with one decimal. */
export function formatPercent(share: number, locale: string): string {
    if (!Number.isFinite(share)) {
        return noValue;
    }
    return new Intl.NumberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
    }).format(share);
}

/** A number with up to `digits` significant digits, for coefficients and table cells. */
export function formatSignificant(value: number, digits: number, locale: string): string {
    if (!Number.isFinite(value)) {
        return noValue;
    }
    return new Intl.NumberFormat(locale, {
        maximumSignificantDigits: digits,
        useGrouping: false,
    }).format(value);
}
