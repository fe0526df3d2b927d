// The lab's reference standards: `/api/standards`.
import { apiGet, apiPost } from './client';
import { listQuery } from './records';
import type { PagedList } from './types';

export type StandardStatus = 'in_service' | 'suspended' | 'retired';

export interface StandardCertificate {
    id: number;
    standard_id: number;
    version: number;
    number: string;
    issuer: string;
    calibrated_on: string;
    due_on: string;
    uncertainty: string;
}

export interface IntermediateCheck {
    checked_on: string;
    passed: boolean;
    result: string;
    checked_by: number;
}

export interface ChainLink {
    id: number;
    name: string;
    status: StandardStatus;
    national_standard: string;
}

export interface Standard {
    id: number;
    name: string;
    maker: string;
    model: string;
    serial: string;
    traceability_parent_id: number | null;
    national_standard: string;
    status: StandardStatus;
    due_on: string | null;
    usable: boolean;
    unusable_reason: string | null;
}

export interface StandardDetail extends Standard {
    certificates: StandardCertificate[];
    intermediate_checks: IntermediateCheck[];
    traceability: ChainLink[];
    traceability_complete: boolean;
}

export type NewStandard = Pick<Standard, 'name' | 'maker' | 'model' | 'serial' | 'national_standard'> & {
    traceability_parent_id?: number | null;
};

export type StatusAction = 'suspend' | 'retire' | 'reinstate';

export function listStandards(status: StandardStatus | '', signal?: AbortSignal): Promise<PagedList<Standard>> {
    return apiGet(`/api/standards${listQuery({ status, per_page: 500 })}`, signal);
}

export function getStandard(id: number, signal?: AbortSignal): Promise<StandardDetail> {
    return apiGet(`/api/standards/${id}`, signal);
}

export function addStandard(standard: NewStandard): Promise<Standard> {
    return apiPost('/api/standards', standard);
}

export function addStandardCertificate(id: number, certificate: Omit<StandardCertificate, 'id' | 'standard_id' | 'version'>): Promise<StandardCertificate> {
    return apiPost(`/api/standards/${id}/certificates`, certificate);
}

export function addIntermediateCheck(id: number, check: Omit<IntermediateCheck, 'checked_by'>): Promise<IntermediateCheck> {
    return apiPost(`/api/standards/${id}/checks`, check);
}

export function changeStandardStatus(id: number, action: StatusAction, reason: string): Promise<Standard> {
    return apiPost(`/api/standards/${id}/${action}`, { reason });
}
