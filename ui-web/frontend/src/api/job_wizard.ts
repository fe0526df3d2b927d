// What the job wizard reads (`GET /api/job-choices`) and sends (`POST /api/jobs`).
import { apiGet, apiPost } from './client';
import type { InstrumentKind } from './types';
import type { RunJob } from './runs';

/** A procedure version a job may follow (the latest of its code). */
export interface ProcedureChoice {
    id: number;
    code: string;
    version: number;
    kind: InstrumentKind;
    method_reference: string;
    unit: string;
    test_points: number[];
    point_conditions: string[];
    readings_per_point: number;
    maximum_permissible_error: number;
    fee_cents: number;
}

/** A standard of the lab, with whether it may be used today and, when not, why. */
export interface StandardChoice {
    id: number;
    name: string;
    maker: string;
    model: string;
    serial: string;
    status: 'in_service' | 'suspended' | 'retired';
    certificate: { number: string; due_on: string; uncertainty: string } | null;
    usable: boolean;
    reason: string | null;
}

export interface JobChoices {
    procedures: ProcedureChoice[];
    standards: StandardChoice[];
    /** The day usability was judged on, YYYY-MM-DD. */
    date: string;
}

/** The body of `POST /api/jobs`. */
export interface NewJobBody {
    title: string;
    instrument: string;
    quantity: string;
    unit: string;
    resolution: number;
    enterprise_id: number;
    instrument_id: number;
    procedure_id: number;
    programme_id?: number;
    fee_cents: number;
    standards: { test_point: number; standard_id: number }[];
}

export function getJobChoices(instrumentId: number, signal?: AbortSignal): Promise<JobChoices> {
    return apiGet<JobChoices>(`/api/job-choices?instrument_id=${instrumentId}`, signal);
}

export function createJob(body: NewJobBody): Promise<RunJob> {
    return apiPost<RunJob>('/api/jobs', body);
}
