// The live run view's data: the readings and results of a job grouped per test point, the
// buttons its state offers, a device fault named in the run's pause reason, and which
// typed reading the run waits for. Pure, tested in tests/run_view.test.ts.
import type { PointResult, ReadingRole, RunJob } from '../api/runs';
import type { MeasurementResult } from '../api/types';

/** One test point as the run view shows it. */
export interface PointRow {
    /** 0-based, as the API counts test points. */
    point: number;
    nominal: number | undefined;
    /** Indications of the device under test, in the order taken. */
    device: number[];
    /** Readings of the reference. */
    reference: number[];
    result: PointResult | undefined;
    /** The run is at this point now. */
    current: boolean;
}

/** The API marks a reference reading by the `reference:` prefix of its source. */
export function isReferenceReading(source: string): boolean {
    return source.startsWith('reference:');
}

/**
 * The test points with their readings and results: every point the procedure has (when
 * `nominals` is given), measured or not, then any further point the readings name.
 */
export function pointRows(job: RunJob, nominals: readonly number[] = []): PointRow[] {
    const rows = new Map<number, PointRow>();
    const row = (point: number): PointRow => {
        let found = rows.get(point);
        if (found === undefined) {
            found = { point, nominal: nominals[point], device: [], reference: [], result: undefined, current: false };
            rows.set(point, found);
        }
        return found;
    };
    nominals.forEach((_, point) => row(point));
    for (const reading of job.readings) {
        const target = row(reading.test_point);
        (isReferenceReading(reading.source) ? target.reference : target.device).push(reading.value);
    }
    for (const result of job.run?.points ?? []) {
        const target = row(result.test_point);
        target.result = result;
        target.nominal = result.nominal;
    }
    // A server that runs no jobs (`callab demo`) sends no `run` at all.
    const run = job.run ?? null;
    if (run !== null && (run.state === 'running' || run.state === 'paused')) {
        row(run.current_point).current = true;
    }
    return [...rows.values()].sort((a, b) => a.point - b.point);
}

/** The error-versus-point chart's data: per computed point its nominal, error and U. */
export interface ErrorPoint {
    nominal: number;
    error: number;
    U: number;
}

export function errorPoints(job: RunJob): ErrorPoint[] {
    return (job.run?.points ?? [])
        .map((p) => ({ nominal: p.nominal, error: p.error, U: p.U }))
        .sort((a, b) => a.nominal - b.nominal);
}

export type RunAction = 'start' | 'pause' | 'resume' | 'abort';

/** The buttons the job's status and its run offer (the server still decides). */
export function runActions(job: RunJob): RunAction[] {
    const state = job.run?.state;
    if (job.status === 'draft' || job.status === 'returned') {
        return ['start'];
    }
    if (job.status !== 'measuring') {
        return [];
    }
    if (state === 'running') {
        return ['pause', 'abort'];
    }
    if (state === 'paused' || state === 'refused') {
        return ['resume', 'abort'];
    }
    // Measuring, but this server holds no run of it (restarted): it can be started again.
    return state === undefined ? ['start', 'abort'] : ['abort'];
}

/** Whether the view should keep refreshing: the run is on the bench or waiting. */
export function isActive(job: RunJob): boolean {
    return job.status === 'measuring' && (job.run?.state === 'running' || job.run?.state === 'paused');
}

/** A device fault the run paused on: the device and what it reported. */
export interface DeviceFault {
    device: string;
    message: string;
}

/** The run engine pauses on a device's failure with "device URI: cause (detail)". */
export function faultOf(reason: string): DeviceFault | undefined {
    const match = /^device (\S+): (.+)$/s.exec(reason);
    if (match === null) {
        return undefined;
    }
    return { device: match[1] ?? '', message: match[2] ?? '' };
}

/** The typed readings the run waits for ("enter reference readings at test point 1: …"). */
export function awaitedRole(reason: string): ReadingRole | undefined {
    if (reason.startsWith('enter reference ')) {
        return 'reference';
    }
    if (reason.startsWith('enter device under test ')) {
        return 'indication';
    }
    return undefined;
}

/** A problem the API named a field with, kept per field for the form to show at it. */
export function fieldErrors(field: string | undefined, message: string): Record<string, string> {
    return field === undefined || field === '' ? { form: message } : { [field]: message };
}

/** A point's result in the shape the budget table reads (its budget, u and ν_eff). */
export function pointAsResult(p: PointResult): MeasurementResult {
    return { n: p.n, mean: p.error, s: 0, u: p.u, dof: p.dof, p: 0.95, k: p.k, U: p.U, budget: p.budget };
}
