import type { PointResult } from '../src/api/runs';
import { pointResultRows } from '../src/format/point_results';

import { describe, expect, it } from 'vitest';

function point(test_point: number, nominal: number, indication: number, reference: number, U: number): PointResult {
    return {
        test_point,
        nominal,
        n: 5,
        indication_mean: indication,
        reference_mean: reference,
        error: indication - reference,
        correction: reference - indication,
        u: U / 2,
        dof: null,
        k: 2,
        U,
        U_evaluated: U,
        cmc: null,
        conformity: 'pass',
        budget: [],
    };
}

describe('pointResultRows', () => {
    it('gives one row per test point in order, each rounded to its own U', () => {
        const rows = pointResultRows([point(1, 37, 37.06, 36.982, 0.123), point(0, 35, 35.1, 34.9876, 0.0456)], 'en');
        expect(rows.map((r) => r.point)).toEqual([1, 2]);
        // U = 0.0456 → 0.046: three decimals for the values of point 1.
        expect(rows[0]).toEqual({
            point: 1,
            nominal: '35.000',
            indication: '35.100',
            reference: '34.988',
            error: '0.112',
            U: '0.046',
            k: '2.00',
            conformity: 'pass',
        });
        // U = 0.123 → 0.12: two decimals for point 2.
        expect(rows[1]?.error).toBe('0.08');
        expect(rows[1]?.reference).toBe('36.98');
        expect(rows[1]?.U).toBe('0.12');
    });

    it('is empty for a job without point results', () => {
        expect(pointResultRows([], 'zh-CN')).toEqual([]);
    });
});
