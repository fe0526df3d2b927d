// The dashboard's sources besides the jobs: the recall due list, running jobs, today's
// bookings and the most recent certificates.
import type { CertificateSummary, JobSummary, RecallList } from './booking_types';
import { apiGet } from './client';
import type { PagedList } from './types';
import { certificatesOrNone, documentsPath } from '../format/dashboard';

export function listRecallDue(withinDays: number, signal?: AbortSignal): Promise<RecallList> {
    return apiGet(`/api/recall?within_days=${withinDays}`, signal);
}

export function listRunningJobs(signal?: AbortSignal): Promise<PagedList<JobSummary>> {
    return apiGet('/api/jobs?status=measuring&per_page=10', signal);
}

let certificatesServed: Promise<boolean> | undefined;

/** Whether this server has the certificate list: asked once, from its OpenAPI document. */
function serverListsCertificates(signal?: AbortSignal): Promise<boolean> {
    certificatesServed ??= apiGet<unknown>('/api/openapi.json', signal)
        .then((document) => documentsPath(document, '/api/certificates'))
        .catch(() => {
            certificatesServed = undefined;
            return false;
        });
    return certificatesServed;
}

/** The five certificates issued last; none on a server without the certificate list. */
export async function recentCertificates(signal?: AbortSignal): Promise<CertificateSummary[]> {
    if (!(await serverListsCertificates(signal))) {
        return [];
    }
    return certificatesOrNone(() =>
        apiGet<{ items: CertificateSummary[] }>('/api/certificates?per_page=5&sort=-issued_at', signal),
    );
}
