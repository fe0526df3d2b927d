import { apiGet } from './client';
import { queryString } from './service_requests';
import type { Statistics } from './service_types';

export function getStatistics(from: string, to: string, region: string, signal?: AbortSignal): Promise<Statistics> {
    return apiGet(`/api/statistics${queryString({ from, to, region })}`, signal);
}
