import { apiGet } from './client';
import { apiSend, setCsrfToken } from './send';
import type { Session } from './service_types';

export async function getSession(signal?: AbortSignal): Promise<Session> {
    const session = await apiGet<Session>('/api/session', signal);
    setCsrfToken(session.csrf_token);
    return session;
}

export async function signIn(username: string, password: string): Promise<Session> {
    const session = await apiSend<Session>('POST', '/api/session', { username, password });
    setCsrfToken(session.csrf_token);
    return session;
}

export async function signOut(): Promise<void> {
    await apiSend<void>('DELETE', '/api/session');
    setCsrfToken('');
}
