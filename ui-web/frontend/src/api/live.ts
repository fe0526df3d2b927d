// The live events of a run over the WebSocket `/api/live?job=ID` (docs/api.md, "Live runs").
// The server sends the job's current state first, then every event of the run as it happens.
import type { BudgetLine } from './types';

/** The run's state: running, paused, refused, finished, aborted, or idle (no run here). */
export interface LiveStateEvent {
    type: 'state';
    job_id: number;
    state: 'idle' | 'running' | 'paused' | 'refused' | 'finished' | 'aborted';
    /** Why it paused, was refused or stopped. */
    message?: string;
}

/** A reading, the moment it was stored. */
export interface LiveReadingEvent {
    type: 'reading';
    job_id: number;
    point: number;
    role: 'device' | 'reference';
    value: number;
    unit: string;
    /** When it was taken: ISO 8601, UTC, milliseconds. */
    at: string;
    /** When it was stored: ISO 8601, UTC, microseconds. */
    stored_at: string;
    /** The device URI, or "manual" (reference readings prefixed "reference:"). */
    source: string;
}

/** A test point's result, as GET /api/jobs/{id} gives it per point. */
export interface LivePointResult {
    test_point: number;
    nominal: number;
    n: number;
    indication_mean: number;
    reference_mean: number;
    error: number;
    correction: number;
    u: number;
    dof: number | null;
    k: number;
    U: number;
    U_evaluated: number;
    cmc: number | null;
    conformity: string;
    budget: BudgetLine[];
}

export interface LivePointEvent {
    type: 'point';
    job_id: number;
    point: number;
    result: LivePointResult;
}

/** A device of the bench failed; a `paused` state follows. */
export interface LiveFaultEvent {
    type: 'fault';
    job_id: number;
    device: string;
    message: string;
}

export type LiveEvent = LiveStateEvent | LiveReadingEvent | LivePointEvent | LiveFaultEvent;

const eventTypes = new Set(['state', 'reading', 'point', 'fault']);

/** The event of a text frame, or undefined for anything that is not one. */
export function parseLiveEvent(text: string): LiveEvent | undefined {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null) {
        return undefined;
    }
    const event = parsed as { type?: unknown; job_id?: unknown };
    if (typeof event.type !== 'string' || !eventTypes.has(event.type) || typeof event.job_id !== 'number') {
        return undefined;
    }
    return parsed as LiveEvent;
}

/** `ws://HOST/api/live?job=ID`, or `wss://` when the page came over HTTPS. */
export function liveUrl(jobId: number, page: { protocol: string; host: string }): string {
    const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${page.host}/api/live?job=${jobId}`;
}

/** Milliseconds before reconnect attempt `attempt` (0, 1, …): 0.5 s doubling up to 15 s. */
export function reconnectDelay(attempt: number): number {
    return Math.min(500 * 2 ** Math.max(0, attempt), 15000);
}

/** What subscribeToJob needs from its surroundings; tests pass their own. */
export interface LiveEnvironment {
    createSocket(url: string): WebSocket;
    page: { protocol: string; host: string };
    setTimer(callback: () => void, ms: number): unknown;
    clearTimer(timer: unknown): void;
}

function browserEnvironment(): LiveEnvironment {
    return {
        createSocket: (url) => new WebSocket(url),
        page: window.location,
        setTimer: (callback, ms) => setTimeout(callback, ms),
        clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    };
}

/**
 * Follows job `jobId`: calls `onEvent` for every event, the current state first. When the
 * connection drops (server restart, network, a client too slow to keep up) it reconnects
 * after 0.5 s, 1 s, 2 s, … up to 15 s, and starts again with the current state. Returns the
 * function that stops following.
 */
export function subscribeToJob(
    jobId: number,
    onEvent: (event: LiveEvent) => void,
    environment: LiveEnvironment = browserEnvironment(),
): () => void {
    let socket: WebSocket | undefined;
    let timer: unknown;
    let attempt = 0;
    let stopped = false;

    const connect = () => {
        timer = undefined;
        const current = environment.createSocket(liveUrl(jobId, environment.page));
        socket = current;
        current.onmessage = (message: MessageEvent) => {
            const event = typeof message.data === 'string' ? parseLiveEvent(message.data) : undefined;
            if (event && event.job_id === jobId) {
                attempt = 0; // the server answers: the next drop starts the backoff afresh
                onEvent(event);
            }
        };
        current.onclose = () => {
            if (stopped || socket !== current) {
                return;
            }
            socket = undefined;
            timer = environment.setTimer(connect, reconnectDelay(attempt));
            attempt += 1;
        };
    };

    connect();
    return () => {
        stopped = true;
        if (timer !== undefined) {
            environment.clearTimer(timer);
        }
        socket?.close(1000, 'done');
        socket = undefined;
    };
}
