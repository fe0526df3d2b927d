// Issued certificates (`/api/certificates`), issuing a job (`POST /api/jobs/{id}/issue`),
// correcting a certificate (`POST /api/certificates/NUMBER/correct`) and the public verification (`/api/verify/NUMBER`). Field names exactly as the server writes them.
import { apiGet, apiRequest } from './client';
import type { Job, PagedList } from './types';

export type CertificateStatus = 'valid' | 'superseded' | 'revoked';

export interface Certificate {
    number: string;
    job_id: number;
    enterprise_id: number | null;
    instrument: { kind: string; maker: string; model: string; serial: string };
    status: CertificateStatus;
    /** The issue date, `YYYY-MM-DD`. */
    issued_at: string;
    issued_by: string;
    pdf_sha256: string;
    dcc_sha256: string;
    replaces?: string;
    superseded_by?: string;
    revocation_reason?: string;
}

/** `GET /api/verify/NUMBER`: what anyone may learn of a certificate. */
export interface Verification {
    number: string;
    status: CertificateStatus;
    superseded_by: string | null;
    replaces: string | null;
    revocation_reason: string | null;
    instrument: string;
    issue_date: string;
    pdf_sha256: string;
    dcc_sha256: string;
}

export interface CertificateQuery {
    page?: number;
    per_page?: number;
    /** `issued_at`, `number`, or either with `-` to descend. */
    sort?: string;
    status?: CertificateStatus | '';
    job_id?: number;
    enterprise_id?: number;
}

/** The query string of a certificate list: only the parameters given, in a fixed order. */
export function certificateQueryString(query: CertificateQuery): string {
    const parts: string[] = [];
    for (const key of ['page', 'per_page', 'sort', 'status', 'job_id', 'enterprise_id'] as const) {
        const value = query[key];
        if (value !== undefined && value !== '') {
            parts.push(`${key}=${encodeURIComponent(String(value))}`);
        }
    }
    return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** The API path of a certificate, or of its PDF (`pdf`) or DCC (`xml`). */
export function certificatePath(number: string, document?: 'pdf' | 'xml'): string {
    const base = `/api/certificates/${encodeURIComponent(number)}`;
    return document === undefined ? base : `${base}.${document}`;
}

export function listCertificates(query: CertificateQuery, signal?: AbortSignal): Promise<PagedList<Certificate>> {
    return apiGet<PagedList<Certificate>>(`/api/certificates${certificateQueryString(query)}`, signal);
}

export function getCertificate(number: string, signal?: AbortSignal): Promise<Certificate> {
    return apiGet<Certificate>(certificatePath(number), signal);
}

export function issueCertificate(jobId: number): Promise<Certificate> {
    return apiRequest<Certificate>('POST', `/api/jobs/${jobId}/issue`);
}

export function revokeCertificate(number: string, reason: string): Promise<Certificate> {
    return apiRequest<Certificate>('POST', `${certificatePath(number)}/revoke`, { reason });
}

/** Opens the job that corrects a valid certificate, with the amendment reason in both languages. */
export function correctCertificate(number: string, reasonZh: string, reasonEn: string): Promise<Job> {
    return apiRequest<Job>('POST', `${certificatePath(number)}/correct`, { reason_zh: reasonZh, reason_en: reasonEn });
}

export function verifyCertificate(number: string, signal?: AbortSignal): Promise<Verification> {
    return apiGet<Verification>(`/api/verify/${encodeURIComponent(number)}`, signal);
}
