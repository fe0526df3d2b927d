// Free-calibration programmes: `/api/programmes`.
import { apiGet, apiPost } from './client';
import type { PagedList } from './types';

export interface Programme {
    id: number;
    name: string;
    starts_on: string;
    ends_on: string;
    eligible_sizes: string[];
    eligible_regions: string[];
    budget_cents: number;
    fees_waived_cents: number;
    budget_left_cents: number;
}

export type NewProgramme = Omit<Programme, 'id' | 'fees_waived_cents' | 'budget_left_cents'>;

export function listProgrammes(signal?: AbortSignal): Promise<PagedList<Programme>> {
    return apiGet('/api/programmes?per_page=500&sort=-id', signal);
}

export function addProgramme(programme: NewProgramme): Promise<Programme> {
    return apiPost('/api/programmes', programme);
}
