// The audit trail (managers, administrators): `/api/audit`.
import { apiGet } from './client';
import { listQuery } from './records';
import type { PagedList } from './types';

export interface AuditEntry {
    sequence: number;
    at: string;
    actor: string;
    entity: string;
    entity_id: string;
    action: string;
    before: string;
    after: string;
    previous_hash: string;
    hash: string;
}

export interface AuditQuery {
    entity?: string;
    entity_id?: string;
    actor?: string;
    from?: string;
    to?: string;
    page?: number;
    per_page?: number;
}

export interface AuditVerification {
    intact: boolean;
    entries: number;
    last_hash: string;
    broken_at?: number;
    reason?: string;
}

export function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<PagedList<AuditEntry>> {
    return apiGet(`/api/audit${listQuery({ ...query })}`, signal);
}

export function verifyAudit(signal?: AbortSignal): Promise<AuditVerification> {
    return apiGet('/api/audit/verify', signal);
}
