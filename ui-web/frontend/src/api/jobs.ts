import { apiGet } from './client';
import type { Job, Page } from './types';

export function listJobs(signal?: AbortSignal): Promise<Page<Job>> {
    return apiGet<Page<Job>>('/api/jobs', signal);
}

export function getJob(id: number, signal?: AbortSignal): Promise<Job> {
    return apiGet<Job>(`/api/jobs/${id}`, signal);
}
