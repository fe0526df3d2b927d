import type { Job } from '../src/api/types';
import { budgetChartOption } from '../src/charts/budget_chart';
import { readingsChartOption, readingsPerPoint, type ReadingsChartLabels } from '../src/charts/readings_chart';
import { ApiError, errorFromResponse } from '../src/api/client';

import { describe, expect, it } from 'vitest';

const job: Job = {
    id: 1,
    title: 'IR at 37',
    instrument: 'FT-1',
    quantity: 'object_temperature',
    unit: 'degC',
    resolution: 0.1,
    created_at: '2026-11-27T10:00:00.000Z',
    readings: [
        { id: 1, value: 37.0, unit: 'degC', source: 'sim', taken_at: '2026-11-27T10:00:01.000Z', recorded_by: 'demo' },
        { id: 2, value: 37.2, unit: 'degC', source: 'sim', taken_at: '2026-11-27T10:00:02.000Z', recorded_by: 'demo' },
    ],
    result: {
        n: 2, mean: 37.1, s: 0.1414, u: 0.1080, dof: 1.39, p: 0.95, k: 7.0, U: 0.756,
        budget: [
            { name: 'resolution', u: 0.0289, c: 1, contribution: 0.0289, share: 0.0714, dof: null },
            { name: 'repeatability', u: 0.1, c: 1, contribution: 0.1, share: 0.9286, dof: 1 },
        ],
    },
};

const labels: ReadingsChartLabels = {
    reading: 'r',
    mean: 'm',
    band: 'b',
    point: (n, nominal) => (nominal === undefined ? `P${n}` : `P${n} at ${nominal}`),
    referenceMean: 'ref',
};

function pointResult(test_point: number, nominal: number, reference_mean: number) {
    return {
        test_point, nominal, n: 2, indication_mean: nominal, reference_mean, error: 0, correction: 0,
        u: 0.05, dof: null, k: 2, U: 0.1, U_evaluated: 0.1, cmc: null, conformity: 'pass', budget: [],
    } as never;
}

// Two test points, each with a reference reading that the chart leaves to the table.
const twoPoints = {
    unit: 'degC',
    result: job.result,
    readings: [
        { id: 1, value: 35.1, unit: 'degC', source: 'ir-thermometer', taken_at: '2026-11-27T10:00:01.000Z', recorded_by: 't', test_point: 0 },
        { id: 2, value: 35.02, unit: 'degC', source: 'reference:blackbody', taken_at: '2026-11-27T10:00:01.000Z', recorded_by: 't', test_point: 0 },
        { id: 3, value: 35.2, unit: 'degC', source: 'ir-thermometer', taken_at: '2026-11-27T10:00:02.000Z', recorded_by: 't', test_point: 0 },
        { id: 4, value: 37.3, unit: 'degC', source: 'ir-thermometer', taken_at: '2026-11-27T10:01:01.000Z', recorded_by: 't', test_point: 1 },
        { id: 5, value: 37.01, unit: 'degC', source: 'reference:blackbody', taken_at: '2026-11-27T10:01:01.000Z', recorded_by: 't', test_point: 1 },
    ],
    run: { points: [pointResult(0, 35, 35.02)] },
};

describe('readings per test point', () => {
    it('groups the device readings by point and leaves the reference readings out', () => {
        const points = readingsPerPoint(twoPoints);
        expect(points.map((p) => p.point)).toEqual([0, 1]);
        expect(points[0]!.data).toEqual([
            [Date.parse('2026-11-27T10:00:01.000Z'), 35.1],
            [Date.parse('2026-11-27T10:00:02.000Z'), 35.2],
        ]);
        expect(points[1]!.data).toEqual([[Date.parse('2026-11-27T10:01:01.000Z'), 37.3]]);
        expect(points[0]!.result?.reference_mean).toBe(35.02);
        expect(points[1]!.result).toBeUndefined();
    });

    it('draws one series per point, named by the point and its nominal, with the reference mean', () => {
        const option = readingsChartOption(twoPoints, labels, 'en') as {
            series: { name: string; markLine?: { data: { yAxis: number }[] }; markArea?: unknown }[];
        };
        expect(option.series.map((s) => s.name)).toEqual(['P1 at 35.00 °C', 'P2']);
        expect(option.series[0]!.markLine!.data[0]!.yAxis).toBe(35.02);
        expect(option.series[1]!.markLine).toBeUndefined();
        // The job's one summary over every point is not drawn on a multi-point job.
        expect(option.series.some((s) => s.markArea !== undefined)).toBe(false);
    });
});

describe('readings chart', () => {
    it('plots each reading at its time, with the mean and the band y ± U', () => {
        const option = readingsChartOption(job, labels, 'en') as {
            series: { data: number[][]; markLine: { data: { yAxis: number }[] }; markArea: { data: { yAxis: number }[][] } }[];
        };
        const series = option.series[0]!;
        expect(series.data).toEqual([
            [Date.parse('2026-11-27T10:00:01.000Z'), 37.0],
            [Date.parse('2026-11-27T10:00:02.000Z'), 37.2],
        ]);
        expect(series.markLine.data[0]!.yAxis).toBe(37.1);
        expect(series.markArea.data[0]![0]!.yAxis).toBeCloseTo(37.1 - 0.756, 12);
        expect(series.markArea.data[0]![1]!.yAxis).toBeCloseTo(37.1 + 0.756, 12);
    });

    it('has no mean or band while there is no result', () => {
        const option = readingsChartOption({ ...job, result: null }, labels, 'en') as {
            series: Record<string, unknown>[];
        };
        expect(option.series[0]!.markLine).toBeUndefined();
        expect(option.series[0]!.markArea).toBeUndefined();
    });
});

describe('budget chart', () => {
    it('shows each share in percent, largest at the top', () => {
        const option = budgetChartOption(job.result!.budget, (n) => n.toUpperCase(), 'en') as {
            yAxis: { data: string[] };
            series: { data: number[] }[];
        };
        expect(option.yAxis.data).toEqual(['RESOLUTION', 'REPEATABILITY']);
        expect(option.series[0]!.data[0]).toBeCloseTo(7.14, 10);
        expect(option.series[0]!.data[1]).toBeCloseTo(92.86, 10);
    });
});

describe('API errors', () => {
    it('keep the server’s code, message and field', () => {
        const error = errorFromResponse(404, 'Not Found', '{"error":"not_found","message":"job 9 does not exist"}');
        expect(error).toBeInstanceOf(ApiError);
        expect([error.status, error.code, error.message]).toEqual([404, 'not_found', 'job 9 does not exist']);
        const withField = errorFromResponse(422, '', '{"error":"invalid","message":"m","field":"start"}');
        expect(withField.field).toBe('start');
    });

    it('say so when the answer is not callab’s', () => {
        const error = errorFromResponse(502, 'Bad Gateway', '<html>proxy</html>');
        expect([error.code, error.message]).toEqual(['bad_response', 'HTTP 502 Bad Gateway']);
    });
});
