// Who is signed in, shared by every page that needs a session: read once from the server,
// then kept until one signs in or out.
import { ApiError } from '../api/client';
import { getSession, signIn as startSession, signOut as endSession } from '../api/session';
import type { Session } from '../api/service_types';

import { computed, ref, shallowRef } from 'vue';

const session = shallowRef<Session>();
const checked = ref(false);

export function useSession() {
    async function refresh(): Promise<void> {
        try {
            session.value = await getSession();
        } catch (cause) {
            if (!(cause instanceof ApiError)) {
                throw cause;
            }
            session.value = undefined;
        } finally {
            checked.value = true;
        }
    }

    async function signIn(username: string, password: string): Promise<void> {
        session.value = await startSession(username, password);
    }

    async function signOut(): Promise<void> {
        await endSession();
        session.value = undefined;
    }

    const isStaff = computed(() => session.value !== undefined && session.value.user.role !== 'enterprise_user');
    return { session, checked, isStaff, refresh, signIn, signOut };
}
