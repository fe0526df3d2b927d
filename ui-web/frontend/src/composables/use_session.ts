// Who is signed in, for the pages of the service window: a view of the app's one session
// (session/session.ts), so that signing in or out anywhere shows everywhere.
import type { Session } from '../api/service_types';
import { loadSession, login, logout, session as state } from '../session/session';

import { computed } from 'vue';

const session = computed<Pick<Session, 'user'> | undefined>(() => (state.user === undefined ? undefined : { user: state.user }));
const checked = computed(() => state.mode !== undefined);

export function useSession() {
    async function refresh(): Promise<void> {
        await loadSession();
    }
    const isStaff = computed(() => session.value !== undefined && session.value.user.role !== 'enterprise_user');
    return { session, checked, isStaff, refresh, signIn: login, signOut: logout };
}
