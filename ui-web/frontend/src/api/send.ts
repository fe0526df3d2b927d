// Requests that change something: JSON bodies with the session's CSRF token, which the
// server hands out when one signs in or asks for the session.
import { ApiError, errorFromResponse } from './client';

let csrfToken = '';

/** Remembers the token of the current session (empty after signing out). */
export function setCsrfToken(token: string): void {
    csrfToken = token;
}

/** `method` `path` with `body` as JSON; the answer parsed as T (undefined for 204). */
export async function apiSend<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (csrfToken !== '') {
        headers['X-CSRF-Token'] = csrfToken;
    }
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    let response: Response;
    try {
        response = await fetch(path, {
            method,
            headers,
            credentials: 'same-origin',
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    } catch (cause) {
        throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
    }
    const text = await response.text();
    if (!response.ok) {
        throw errorFromResponse(response.status, response.statusText, text);
    }
    if (text === '') {
        return undefined as T;
    }
    try {
        return JSON.parse(text) as T;
    } catch {
        throw new ApiError(response.status, 'bad_response', `${path} did not answer with JSON`);
    }
}
