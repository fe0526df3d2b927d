import { ApiError, apiGet, apiPost, onUnauthenticated, requestHeaders, setCsrfToken } from '../src/api/client';
import { listQuery } from '../src/api/records';

import { afterEach, describe, expect, it, vi } from 'vitest';

function answer(status: number, body: string): Response {
    return new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => {
    setCsrfToken(undefined);
    onUnauthenticated(undefined);
    vi.unstubAllGlobals();
});

describe('request headers', () => {
    it('sends the CSRF token on changes only', () => {
        setCsrfToken('abc');
        expect(requestHeaders('POST', true)).toEqual({
            Accept: 'application/json',
            'Content-Type': 'application/json',
            'X-CSRF-Token': 'abc',
        });
        expect(requestHeaders('DELETE', false)['X-CSRF-Token']).toBe('abc');
        expect(requestHeaders('GET', false)['X-CSRF-Token']).toBeUndefined();
    });
    it('sends no token before sign-in', () => {
        expect(requestHeaders('POST', true)['X-CSRF-Token']).toBeUndefined();
    });
});

describe('requests', () => {
    it('posts JSON with the token and reads the answer', async () => {
        setCsrfToken('t0k');
        const fetch = vi.fn().mockResolvedValue(answer(201, '{"id": 7}'));
        vi.stubGlobal('fetch', fetch);
        await expect(apiPost('/api/enterprises', { name: 'x' })).resolves.toEqual({ id: 7 });
        const [path, init] = fetch.mock.calls[0] as [string, RequestInit];
        expect(path).toBe('/api/enterprises');
        expect(init.method).toBe('POST');
        expect(init.body).toBe('{"name":"x"}');
        expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('t0k');
    });
    it('reports a 401 of the API, but not of /api/session', async () => {
        const seen: ApiError[] = [];
        onUnauthenticated((error) => seen.push(error));
        const body = '{"error": "unauthenticated", "message": "sign in first"}';
        vi.stubGlobal('fetch', vi.fn().mockImplementation(() => Promise.resolve(answer(401, body))));
        await expect(apiGet('/api/instruments')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
        await expect(apiGet('/api/session')).rejects.toMatchObject({ status: 401 });
        expect(seen.length).toBe(1);
    });
    it('reads a 204 as nothing', async () => {
        vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(204, '')));
        await expect(apiPost('/api/x', {})).resolves.toBeUndefined();
    });
});

describe('list query', () => {
    it('leaves out empty values and encodes the rest', () => {
        expect(listQuery({ serial: 'A B', kind: '', page: 2, enterprise_id: undefined })).toBe('?serial=A+B&page=2');
        expect(listQuery({})).toBe('');
    });
});
