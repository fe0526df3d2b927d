// Enterprises and instruments: `/api/enterprises`, `/api/instruments`.
import { apiGet, apiPost } from './client';
import type { Enterprise, Instrument, PagedList } from './types';

/** The query string of a list request, leaving out empty values. */
export function listQuery(parameters: Record<string, string | number | undefined>): string {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(parameters)) {
        if (value !== undefined && value !== '') {
            query.set(name, String(value));
        }
    }
    const text = query.toString();
    return text === '' ? '' : `?${text}`;
}

export interface EnterpriseQuery {
    q?: string;
    page?: number;
    per_page?: number;
}

export function listEnterprises(query: EnterpriseQuery, signal?: AbortSignal): Promise<PagedList<Enterprise>> {
    return apiGet(`/api/enterprises${listQuery({ ...query })}`, signal);
}

export function getEnterprise(id: number, signal?: AbortSignal): Promise<Enterprise> {
    return apiGet(`/api/enterprises/${id}`, signal);
}

export function createEnterprise(enterprise: Omit<Enterprise, 'id'>): Promise<Enterprise> {
    return apiPost('/api/enterprises', enterprise);
}

export interface InstrumentQuery {
    enterprise_id?: number;
    kind?: string;
    serial?: string;
    page?: number;
    per_page?: number;
}

export function listInstruments(query: InstrumentQuery, signal?: AbortSignal): Promise<PagedList<Instrument>> {
    return apiGet(`/api/instruments${listQuery({ ...query })}`, signal);
}

export function getInstrument(id: number, signal?: AbortSignal): Promise<Instrument> {
    return apiGet(`/api/instruments/${id}`, signal);
}

export function createInstrument(instrument: Omit<Instrument, 'id'>): Promise<Instrument> {
    return apiPost('/api/instruments', instrument);
}
