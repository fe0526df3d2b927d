// Requests that change something: JSON bodies with the session's CSRF token, which
// api/client.ts keeps for the whole app.
import { apiRequest } from './client';

export { setCsrfToken } from './client';

/** `method` `path` with `body` as JSON; the answer parsed as T (undefined for 204). */
export function apiSend<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return apiRequest<T>(method, path, body);
}
