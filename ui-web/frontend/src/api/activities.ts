import { apiGet } from './client';
import { apiSend } from './send';
import { queryString } from './service_requests';
import type { Activity, ActivityKind, NewActivity, PagedList } from './service_types';

export interface ActivityQuery {
    from?: string;
    to?: string;
    kind?: ActivityKind | '';
    page?: number;
    per_page?: number;
}

export function listActivities(params: ActivityQuery, signal?: AbortSignal): Promise<PagedList<Activity>> {
    return apiGet(`/api/activities${queryString({ ...params })}`, signal);
}

export function addActivity(activity: NewActivity): Promise<Activity> {
    return apiSend('POST', '/api/activities', activity);
}
