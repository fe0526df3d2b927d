// The one way the app talks to the server: fetch() on same-origin JSON endpoints, and every
// failure turned into an ApiError that pages show with <ApiErrorAlert>.
import type { ApiErrorBody } from './types';

/** A failed request: the server's `{"error","message"}`, or the transport's failure. */
export class ApiError extends Error {
    /** HTTP status; 0 when no answer arrived. */
    readonly status: number;
    /** The server's error code (`not_found`, …), `network` or `bad_response`. */
    readonly code: string;
    readonly field: string | undefined;

    constructor(status: number, code: string, message: string, field?: string) {
        super(message);
        this.name = 'ApiError';
        this.status = status;
        this.code = code;
        this.field = field;
    }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const body = value as Record<string, unknown>;
    return typeof body.error === 'string' && typeof body.message === 'string';
}

/** Turns a non-2xx answer into an ApiError, keeping the server's code and message. */
export function errorFromResponse(status: number, statusText: string, body: string): ApiError {
    try {
        const parsed: unknown = JSON.parse(body);
        if (isErrorBody(parsed)) {
            return new ApiError(status, parsed.error, parsed.message, parsed.field);
        }
    } catch {
        // not JSON: a proxy or the network stack answered, not callab
    }
    return new ApiError(status, 'bad_response', `HTTP ${status} ${statusText}`.trim());
}

// The session's CSRF token, kept in memory only (never in storage): sent as X-CSRF-Token on
// every request that changes something.
let csrfToken: string | undefined;

/** Sets (or, with undefined, forgets) the CSRF token sent on state-changing requests. */
export function setCsrfToken(token: string | undefined): void {
    csrfToken = token;
}

export function currentCsrfToken(): string | undefined {
    return csrfToken;
}

// Called when an API request other than /api/session is answered 401: the session has ended,
// and the app sends the user to the sign-in page.
let unauthenticatedHandler: ((error: ApiError) => void) | undefined;

export function onUnauthenticated(handler: ((error: ApiError) => void) | undefined): void {
    unauthenticatedHandler = handler;
}

/** The headers of a request: JSON both ways, and the CSRF token unless it only reads. */
export function requestHeaders(method: string, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (hasBody) {
        headers['Content-Type'] = 'application/json';
    }
    const reads = method === 'GET' || method === 'HEAD';
    if (!reads && csrfToken !== undefined) {
        headers['X-CSRF-Token'] = csrfToken;
    }
    return headers;
}

/** GET `path` (e.g. `/api/jobs`) and parse the JSON answer as T. */
export function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
    return apiRequest<T>('GET', path, undefined, signal);
}

/** POST `body` as JSON to `path` with the CSRF token; the JSON answer as T. */
export function apiPost<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return apiRequest<T>('POST', path, body, signal);
}

/** DELETE `path` with the CSRF token. */
export function apiDelete(path: string, signal?: AbortSignal): Promise<void> {
    return apiRequest<void>('DELETE', path, undefined, signal);
}

/** Any method; a 204 answer is undefined. */
export async function apiRequest<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
        response = await fetch(path, {
            method,
            headers: requestHeaders(method, body !== undefined),
            body: body === undefined ? undefined : JSON.stringify(body),
            credentials: 'same-origin',
            signal,
        });
    } catch (cause) {
        if (cause instanceof DOMException && cause.name === 'AbortError') {
            throw cause;
        }
        throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
    }
    const text = await response.text();
    if (!response.ok) {
        const error = errorFromResponse(response.status, response.statusText, text);
        if (response.status === 401 && !path.startsWith('/api/session')) {
            unauthenticatedHandler?.(error);
        }
        throw error;
    }
    if (response.status === 204 || text === '') {
        return undefined as T;
    }
    try {
        return JSON.parse(text) as T;
    } catch {
        throw new ApiError(response.status, 'bad_response', `${path} did not answer with JSON`);
    }
}
