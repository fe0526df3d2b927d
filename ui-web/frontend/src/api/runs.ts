// A job's run on the server's bench (`/api/jobs/{id}/run`, start, pause, resume, abort,
// typed readings) and the review chain's steps. Shapes as ui-web/src/run_json.cpp writes them.
import { apiGet } from './client';
import { apiSend } from './send';
import type { BudgetLine, Job, Reading } from './types';

export type RunState = 'running' | 'paused' | 'refused' | 'finished' | 'aborted';

export type Conformity = 'pass' | 'conditional_pass' | 'conditional_fail' | 'fail' | 'not_stated';

/** One computed test point of a run, as `GET /api/jobs/{id}` gives it per point. */
export interface PointResult {
    test_point: number;
    nominal: number;
    n: number;
    indication_mean: number;
    reference_mean: number;
    error: number;
    correction: number;
    u: number;
    dof: number | null;
    k: number;
    U: number;
    U_evaluated: number;
    cmc: number | null;
    conformity: Conformity | string;
    budget: BudgetLine[];
}

export interface Run {
    job_id: number;
    state: RunState;
    pause_reason: string;
    current_point: number;
    manual_indication: boolean;
    points: PointResult[];
}

export type JobStatus =
    | 'draft'
    | 'measuring'
    | 'measured'
    | 'returned'
    | 'reviewed'
    | 'approved'
    | 'issued'
    | 'cancelled';

/** A reading of a job with its test point (`GET /api/jobs/{id}` on `callab serve`). */
export interface PointReading extends Reading {
    test_point: number;
}

/** `GET /api/jobs/{id}` on `callab serve`: the job with its status, run and standards. */
export interface RunJob extends Omit<Job, 'readings'> {
    status: JobStatus;
    procedure_id: number | null;
    instrument_id: number | null;
    enterprise_id: number | null;
    technician_id: number | null;
    readings: PointReading[];
    run: Run | null;
    /** The point results: the held run's, else recomputed from the stored readings (empty
     *  until every point has its readings). */
    points?: PointResult[];
    standards?: { test_point: number; standard_id: number }[];
}

export type ReadingRole = 'indication' | 'reference';

export function getRunJob(id: number, signal?: AbortSignal): Promise<RunJob> {
    return apiGet<RunJob>(`/api/jobs/${id}`, signal);
}

export function startRun(id: number, manualIndication: boolean): Promise<Run> {
    return apiSend<Run>('POST', `/api/jobs/${id}/start`, { manual_indication: manualIndication });
}

export function pauseRun(id: number): Promise<Run> {
    return apiSend<Run>('POST', `/api/jobs/${id}/pause`, {});
}

export function resumeRun(id: number): Promise<Run> {
    return apiSend<Run>('POST', `/api/jobs/${id}/resume`, {});
}

export function abortRun(id: number): Promise<RunJob> {
    return apiSend<RunJob>('POST', `/api/jobs/${id}/abort`, {});
}

export function enterReading(id: number, value: number, unit: string, role: ReadingRole): Promise<PointReading> {
    return apiSend<PointReading>('POST', `/api/jobs/${id}/readings`, { value, unit, role });
}
