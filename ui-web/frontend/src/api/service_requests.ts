import { apiGet } from './client';
import { apiSend } from './send';
import type { Conversion, NewServiceRequest, PagedList, RequestStatus, ServiceRequest } from './service_types';

export interface RequestQuery {
    status?: RequestStatus | '';
    page?: number;
    per_page?: number;
}

/** The query string of a list request: only the parameters that are set. */
export function queryString(params: Record<string, string | number | undefined>): string {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
        if (value !== undefined && value !== '') {
            query.set(name, String(value));
        }
    }
    const text = query.toString();
    return text === '' ? '' : `?${text}`;
}

export function listRequests(params: RequestQuery, signal?: AbortSignal): Promise<PagedList<ServiceRequest>> {
    return apiGet(`/api/service-requests${queryString({ ...params })}`, signal);
}

export function submitRequest(request: NewServiceRequest): Promise<ServiceRequest> {
    return apiSend('POST', '/api/service-requests', request);
}

export function acceptRequest(id: number): Promise<ServiceRequest> {
    return apiSend('POST', `/api/service-requests/${id}/accept`);
}

export function rejectRequest(id: number, reason: string): Promise<ServiceRequest> {
    return apiSend('POST', `/api/service-requests/${id}/reject`, { reason });
}

export function askRequest(id: number, question: string): Promise<ServiceRequest> {
    return apiSend('POST', `/api/service-requests/${id}/ask`, { question });
}

export function answerRequest(id: number, answer: string): Promise<ServiceRequest> {
    return apiSend('POST', `/api/service-requests/${id}/answer`, { answer });
}

export function convertRequest(id: number, conversion: Conversion): Promise<ServiceRequest> {
    return apiSend('POST', `/api/service-requests/${id}/convert`, conversion);
}
