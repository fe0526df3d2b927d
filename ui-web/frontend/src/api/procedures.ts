// Procedure versions: `/api/procedures`.
import { apiGet } from './client';
import { listQuery } from './records';
import type { PagedList } from './types';

export interface UncertaintyInput {
    name: string;
    value: number;
    distribution: string;
}

export interface EnvironmentLimit {
    quantity: string;
    unit: string;
    low: number;
    high: number;
}

export interface Procedure {
    id: number;
    code: string;
    version: number;
    kind: string;
    method_reference: string;
    test_points: number[];
    unit: string;
    readings_per_point: number;
    stabilisation_tolerance: number;
    stabilisation_seconds: number;
    uncertainty_inputs: UncertaintyInput[];
    environment_limits: EnvironmentLimit[];
    point_conditions: string[];
    maximum_permissible_error: number;
    decision_rule: 'simple_acceptance' | 'guard_band' | 'non_binary';
    guard_band_factor: number;
    certificate_kind: 'calibration' | 'verification';
    fee_cents: number;
}

export function listProcedures(latest: boolean, signal?: AbortSignal): Promise<PagedList<Procedure>> {
    return apiGet(`/api/procedures${listQuery({ latest: latest ? 'true' : undefined, per_page: 500 })}`, signal);
}

export function getProcedure(id: number, signal?: AbortSignal): Promise<Procedure> {
    return apiGet(`/api/procedures/${id}`, signal);
}
