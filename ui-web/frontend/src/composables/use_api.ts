// Loads data from the API for a page: `data`, `error` (an ApiError for <ApiErrorAlert>) and
// `loading`, with reload(). A load still running when the page goes away, or when reload()
// starts another, is aborted so its answer never lands on the wrong page.
import { ApiError } from '../api/client';

import { onBeforeUnmount, ref, shallowRef, type Ref, type ShallowRef } from 'vue';

export interface ApiState<T> {
    data: ShallowRef<T | undefined>;
    error: ShallowRef<ApiError | undefined>;
    loading: Ref<boolean>;
    reload: () => Promise<void>;
}

export function useApi<T>(load: (signal: AbortSignal) => Promise<T>): ApiState<T> {
    const data = shallowRef<T>();
    const error = shallowRef<ApiError>();
    const loading = ref(false);
    let controller: AbortController | undefined;

    async function reload(): Promise<void> {
        controller?.abort();
        const current = new AbortController();
        controller = current;
        loading.value = true;
        error.value = undefined;
        try {
            data.value = await load(current.signal);
        } catch (cause) {
            if (current.signal.aborted) {
                return;
            }
            error.value =
                cause instanceof ApiError
                    ? cause
                    : new ApiError(0, 'bad_response', cause instanceof Error ? cause.message : String(cause));
        } finally {
            if (controller === current) {
                loading.value = false;
            }
        }
    }

    onBeforeUnmount(() => controller?.abort());
    return { data, error, loading, reload };
}
