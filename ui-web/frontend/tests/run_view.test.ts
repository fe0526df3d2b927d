import type { PointResult, RunJob } from '../src/api/runs';
import { errorChartOption } from '../src/charts/error_chart';
import {
    awaitedRole,
    errorPoints,
    faultOf,
    fieldErrors,
    isActive,
    pointAsResult,
    pointRows,
    runActions,
} from '../src/format/run_view';

import { describe, expect, it } from 'vitest';

function point(test_point: number, nominal: number, error: number, U: number): PointResult {
    return {
        test_point,
        nominal,
        n: 5,
        indication_mean: nominal + error,
        reference_mean: nominal,
        error,
        correction: -error,
        u: U / 2,
        dof: 40,
        k: 2.02,
        U,
        U_evaluated: U,
        cmc: null,
        conformity: 'pass',
        budget: [{ name: 'repeatability', u: 0.01, c: 1, contribution: 0.01, share: 1, dof: 4 }],
    };
}

function job(partial: Partial<RunJob>): RunJob {
    return {
        id: 4,
        title: 'IR forehead thermometer',
        instrument: 'YHW-2',
        quantity: 'object_temperature',
        unit: 'degC',
        resolution: 0.1,
        created_at: '2026-11-27T10:00:00.000Z',
        result: null,
        status: 'measuring',
        procedure_id: 1,
        instrument_id: 7,
        enterprise_id: 3,
        technician_id: 2,
        readings: [],
        run: null,
        ...partial,
    };
}

function reading(id: number, test_point: number, value: number, source: string) {
    return { id, test_point, value, unit: 'degC', source, taken_at: '2026-11-27T10:00:00.000Z', recorded_by: 't' };
}

describe('per test point', () => {
    it('groups device and reference readings by point, with the results and the current point', () => {
        const rows = pointRows(
            job({
                readings: [
                    reading(1, 0, 35.01, 'reference:scpi-tcp://127.0.0.1:5025'),
                    reading(2, 0, 35.1, 'modbus-tcp://127.0.0.1:1502'),
                    reading(3, 0, 35.2, 'manual'),
                    reading(4, 1, 37.0, 'reference:manual'),
                ],
                run: {
                    job_id: 4,
                    state: 'running',
                    pause_reason: '',
                    current_point: 1,
                    manual_indication: true,
                    points: [point(0, 35, 0.14, 0.12)],
                },
            }),
            [35, 37, 39],
        );
        expect(rows.map((r) => r.point)).toEqual([0, 1, 2]);
        expect(rows[0]?.device).toEqual([35.1, 35.2]);
        expect(rows[0]?.reference).toEqual([35.01]);
        expect(rows[0]?.result?.error).toBe(0.14);
        expect(rows[1]?.current).toBe(true);
        expect(rows[1]?.reference).toEqual([37.0]);
        expect(rows[2]).toEqual({ point: 2, nominal: 39, device: [], reference: [], result: undefined, current: false });
    });

    it('reads a job of a server that sends no run', () => {
        const { run: _, ...without } = job({ readings: [reading(1, 0, 35.1, 'manual')] });
        expect(pointRows(without as RunJob).map((r) => r.current)).toEqual([false]);
    });

    it('gives the points measured so far without the procedure', () => {
        const rows = pointRows(job({ readings: [reading(1, 2, 39.1, 'manual')] }));
        expect(rows.map((r) => [r.point, r.nominal])).toEqual([[2, undefined]]);
    });

    it('turns a point into the budget table’s shape', () => {
        const result = pointAsResult(point(1, 37, 0.1, 0.12));
        expect(result.u).toBe(0.06);
        expect(result.dof).toBe(40);
        expect(result.budget).toHaveLength(1);
    });
});

describe('the run’s state', () => {
    const run = (state: 'running' | 'paused' | 'finished', pause_reason = '') => ({
        job_id: 4,
        state,
        pause_reason,
        current_point: 0,
        manual_indication: false,
        points: [],
    });

    it('offers the buttons of the job status and run state', () => {
        expect(runActions(job({ status: 'draft' }))).toEqual(['start']);
        expect(runActions(job({ status: 'returned' }))).toEqual(['start']);
        expect(runActions(job({ run: run('running') }))).toEqual(['pause', 'abort']);
        expect(runActions(job({ run: run('paused') }))).toEqual(['resume', 'abort']);
        expect(runActions(job({ run: null }))).toEqual(['start', 'abort']);
        expect(runActions(job({ status: 'measured', run: run('finished') }))).toEqual([]);
    });

    it('refreshes only while the run is on the bench or waiting', () => {
        expect(isActive(job({ run: run('running') }))).toBe(true);
        expect(isActive(job({ run: run('paused') }))).toBe(true);
        expect(isActive(job({ status: 'measured', run: run('finished') }))).toBe(false);
        expect(isActive(job({ status: 'draft' }))).toBe(false);
    });

    it('names the device of a fault and the typed readings awaited', () => {
        expect(faultOf('device modbus-tcp://127.0.0.1:1502: timed out (no reply in 500 ms)')).toEqual({
            device: 'modbus-tcp://127.0.0.1:1502',
            message: 'timed out (no reply in 500 ms)',
        });
        expect(faultOf('paused at the technician\'s request')).toBeUndefined();
        expect(awaitedRole('enter device under test readings at test point 0: 2 of 5 stored')).toBe('indication');
        expect(awaitedRole('enter reference readings at test point 1: 0 of 5 stored')).toBe('reference');
        expect(awaitedRole('device x: y')).toBeUndefined();
    });

    it('keeps an API refusal at the field it names', () => {
        expect(fieldErrors('unit', 'unit: degF is not the procedure\'s degC')).toEqual({
            unit: 'unit: degF is not the procedure\'s degC',
        });
        expect(fieldErrors(undefined, 'conflict')).toEqual({ form: 'conflict' });
    });
});

describe('error versus point chart', () => {
    it('draws error ± U bars per point, sorted by nominal, with the MPE limits', () => {
        const data = job({
            run: {
                job_id: 4,
                state: 'finished',
                pause_reason: '',
                current_point: 1,
                manual_indication: false,
                points: [point(1, 37, -0.05, 0.12), point(0, 35, 0.1, 0.12)],
            },
        });
        const points = errorPoints(data);
        expect(points.map((p) => p.nominal)).toEqual([35, 37]);
        const option = errorChartOption(
            points,
            'degC',
            { error: 'Error', uncertainty: 'U', limit: 'MPE', nominal: 'Point' },
            'en',
            0.2,
        ) as { series: { name: string; data: number[][]; markLine?: { data: unknown[] } }[] };
        expect(option.series).toHaveLength(3);
        expect(option.series[0]?.data[0]?.[0]).toBe(35);
        expect(option.series[0]?.data[0]?.[1]).toBeCloseTo(-0.02, 12);
        expect(option.series[0]?.data[1]?.[1]).toBeCloseTo(0.22, 12);
        const errors = option.series[2];
        expect(errors?.data).toEqual([
            [35, 0.1],
            [37, -0.05],
        ]);
        expect(errors?.markLine?.data).toEqual([{ yAxis: 0.2 }, { yAxis: -0.2 }]);
    });
});
