import { apiGet } from './client';
import type { Health } from './types';

export function getHealth(signal?: AbortSignal): Promise<Health> {
    return apiGet<Health>('/api/health', signal);
}
