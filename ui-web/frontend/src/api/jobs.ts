import { apiGet, apiRequest } from './client';
import type { Job, Page, PagedList } from './types';

export function listJobs(signal?: AbortSignal): Promise<Page<Job>> {
    return apiGet<Page<Job>>('/api/jobs', signal);
}

export function getJob(id: number, signal?: AbortSignal): Promise<Job> {
    return apiGet<Job>(`/api/jobs/${id}`, signal);
}

/** A job as the lists and the review chain see it: the fields the queues show. */
export interface QueuedJob extends Job {
    status: string;
    enterprise_id: number | null;
    technician_id: number | null;
    reviewer_id: number | null;
    approver_id: number | null;
}

/** The jobs in one status, newest first (`GET /api/jobs?status=`). */
export function listJobsInStatus(status: string, page: number, perPage: number, signal?: AbortSignal): Promise<PagedList<QueuedJob>> {
    return apiGet<PagedList<QueuedJob>>(`/api/jobs?status=${encodeURIComponent(status)}&page=${page}&per_page=${perPage}`, signal);
}

/** review (accept the measured job), approve, or return for rework with a reason. */
export function advanceJob(id: number, step: 'review' | 'approve'): Promise<QueuedJob> {
    return apiRequest<QueuedJob>('POST', `/api/jobs/${id}/${step}`);
}

export function returnJob(id: number, reason: string): Promise<QueuedJob> {
    return apiRequest<QueuedJob>('POST', `/api/jobs/${id}/return`, { reason });
}
