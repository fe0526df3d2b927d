import type { Job } from '../src/api/types';
import { budgetChartOption } from '../src/charts/budget_chart';
import { readingsChartOption } from '../src/charts/readings_chart';
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

describe('readings chart', () => {
    it('plots each reading at its time, with the mean and the band y ± U', () => {
        const option = readingsChartOption(job, { reading: 'r', mean: 'm', band: 'b' }, 'en') as {
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
        const option = readingsChartOption({ ...job, result: null }, { reading: 'r', mean: 'm', band: 'b' }, 'en') as {
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
