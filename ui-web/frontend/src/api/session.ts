import { apiDelete, apiGet, apiPost } from './client';
import type { SessionInfo } from './types';

/** GET /api/session: who is signed in (401 when nobody, 404 on a server without sign-in). */
export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
    return apiGet<SessionInfo>('/api/session', signal);
}

/** POST /api/session: signs in; the answer carries the CSRF token. */
export function signIn(username: string, password: string): Promise<SessionInfo> {
    return apiPost<SessionInfo>('/api/session', { username, password });
}

/** DELETE /api/session: signs out. */
export function signOut(): Promise<void> {
    return apiDelete('/api/session');
}
