// The signed-in user, shared by the shell, the router's guard and the pages. The CSRF token
// lives in api/client.ts (memory only).
import { ApiError, onUnauthenticated, setCsrfToken } from '../api/client';
import { getSession, signIn, signOut } from '../api/session';
import type { SessionInfo, User } from '../api/types';
import type { SessionMode } from './access';

import { reactive } from 'vue';

export interface SessionState {
    /** Undefined until GET /api/session has answered. */
    mode: SessionMode | undefined;
    user: User | undefined;
}

export const session = reactive<SessionState>({ mode: undefined, user: undefined });

function accept(info: SessionInfo): void {
    setCsrfToken(info.csrf_token);
    session.user = info.user;
    session.mode = 'signed-in';
}

function forget(): void {
    setCsrfToken(undefined);
    session.user = undefined;
    session.mode = 'signed-out';
}

let loading: Promise<void> | undefined;

/**
 * Asks the server who is signed in, once: 401 is nobody, 404 a server without sign-in
 * (`callab demo`), which the app then runs open with only the job pages.
 */
export function loadSession(): Promise<void> {
    loading ??= getSession().then(accept, (cause: unknown) => {
        if (cause instanceof ApiError && cause.status === 404) {
            setCsrfToken(undefined);
            session.mode = 'open';
            return;
        }
        if (cause instanceof ApiError && cause.status === 401) {
            forget();
            return;
        }
        loading = undefined;
        throw cause;
    });
    return loading;
}

export async function login(username: string, password: string): Promise<void> {
    accept(await signIn(username, password));
}

export async function logout(): Promise<void> {
    try {
        await signOut();
    } finally {
        forget();
    }
}

/** Any 401 of the API: the session is over; `goToLogin` opens the sign-in page. */
export function watchUnauthenticated(goToLogin: () => void): void {
    onUnauthenticated(() => {
        if (session.mode === 'signed-in') {
            forget();
            goToLogin();
        }
    });
}
