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

/** GET `path` (e.g. `/api/jobs`) and parse the JSON answer as T. */
export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
        response = await fetch(path, {
            headers: { Accept: 'application/json' },
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
        throw errorFromResponse(response.status, response.statusText, text);
    }
    try {
        return JSON.parse(text) as T;
    } catch {
        throw new ApiError(response.status, 'bad_response', `${path} did not answer with JSON`);
    }
}
