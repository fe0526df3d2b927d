// The job page's result per test point: nominal value, the means of the device under test and
// of the reference, the error, U with k and the conformity statement, from GET /api/jobs/{id}'s
// run.points. Each row is rounded to its own U (GUM 7.2.6: U to two significant digits, the
// values to the same decimal place).
import type { PointResult } from '../api/runs';
import { formatFixed, formatUncertainty, resultDecimals } from './number';

export interface PointResultRow {
    point: number;
    nominal: string;
    indication: string;
    reference: string;
    error: string;
    U: string;
    k: string;
    conformity: string;
}

export function pointResultRows(points: readonly PointResult[], locale: string): PointResultRow[] {
    return [...points]
        .sort((a, b) => a.test_point - b.test_point)
        .map((p) => {
            const decimals = resultDecimals(p.U);
            return {
                point: p.test_point + 1,
                nominal: formatFixed(p.nominal, decimals, locale),
                indication: formatFixed(p.indication_mean, decimals, locale),
                reference: formatFixed(p.reference_mean, decimals, locale),
                error: formatFixed(p.error, decimals, locale),
                U: formatUncertainty(p.U, locale),
                k: formatFixed(p.k, 2, locale),
                conformity: p.conformity,
            };
        });
}
