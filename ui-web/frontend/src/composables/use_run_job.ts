// A job with its run, kept fresh: `refresh()` loads it again and, while the run is on the
// bench or waiting for typed readings, schedules the next load a second later. Anything that
// learns of a change (a button, a live event) calls refresh() and nothing else.
import { subscribeToJob } from '../api/live';
import { getRunJob, type RunJob } from '../api/runs';
import { isActive } from '../format/run_view';
import { useApi, type ApiState } from './use_api';

import { onBeforeUnmount } from 'vue';

export const pollInterval = 1000;
/** Events arriving within this many milliseconds of the first load the job once. */
export const liveCoalesce = 100;

export interface RunJobState extends ApiState<RunJob> {
    refresh: () => Promise<void>;
}

export function useRunJob(id: () => number): RunJobState {
    const job = useApi((signal) => getRunJob(id(), signal));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    // Live events (/api/live) say that something changed; a burst of them (a point's readings)
    // becomes one load. The job is followed only while its run is active, and polling stays as
    // the fallback where the socket cannot connect.
    let liveTimer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | undefined;
    let followed: number | undefined; // the job unsubscribe() belongs to
    const onLiveEvent = () => {
        if (liveTimer === undefined) {
            liveTimer = setTimeout(() => {
                liveTimer = undefined;
                void refresh();
            }, liveCoalesce);
        }
    };

    async function refresh(): Promise<void> {
        clearTimeout(timer);
        await job.reload();
        const data = job.data.value;
        const active = !stopped && data !== undefined && isActive(data);
        if (unsubscribe !== undefined && (!active || followed !== id())) {
            unsubscribe();
            unsubscribe = undefined;
        }
        if (active) {
            followed = id();
            unsubscribe ??= subscribeToJob(followed, onLiveEvent);
            timer = setTimeout(() => void refresh(), pollInterval);
        }
    }

    onBeforeUnmount(() => {
        stopped = true;
        clearTimeout(timer);
        clearTimeout(liveTimer);
        unsubscribe?.();
    });
    return { ...job, reload: refresh, refresh };
}
