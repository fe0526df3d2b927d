import { liveUrl, parseLiveEvent, reconnectDelay, subscribeToJob, type LiveEnvironment, type LiveEvent } from '../src/api/live';

import { describe, expect, it } from 'vitest';

/** A WebSocket the test drives by hand. */
class FakeSocket {
    onmessage: ((message: MessageEvent) => void) | null = null;
    onclose: ((event: CloseEvent) => void) | null = null;
    closed: { code?: number; reason?: string } | undefined;
    constructor(readonly url: string) {}
    receive(data: unknown) {
        this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) } as MessageEvent);
    }
    drop() {
        this.onclose?.({ code: 1008, reason: 'too slow' } as CloseEvent);
    }
    close(code?: number, reason?: string) {
        this.closed = { code, reason };
        this.onclose?.({ code: code ?? 1000, reason: reason ?? '' } as CloseEvent);
    }
}

function fakeEnvironment(protocol = 'http:') {
    const sockets: FakeSocket[] = [];
    const timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
    const environment: LiveEnvironment = {
        createSocket: (url) => {
            const socket = new FakeSocket(url);
            sockets.push(socket);
            return socket as unknown as WebSocket;
        },
        page: { protocol, host: 'lab.example:8443' },
        setTimer: (callback, ms) => {
            const timer = { callback, ms, cleared: false };
            timers.push(timer);
            return timer;
        },
        clearTimer: (timer) => {
            (timer as { cleared: boolean }).cleared = true;
        },
    };
    return { environment, sockets, timers };
}

const state = { type: 'state', job_id: 4, state: 'running' };
const reading = {
    type: 'reading',
    job_id: 4,
    point: 0,
    role: 'reference',
    value: 35.02,
    unit: 'degC',
    at: '2026-11-27T10:00:00.000Z',
    stored_at: '2026-11-27T10:00:00.001000Z',
    source: 'reference:manual',
};

describe('live events', () => {
    it('reads the four kinds of frame and nothing else', () => {
        expect(parseLiveEvent(JSON.stringify(state))).toEqual(state);
        expect(parseLiveEvent(JSON.stringify(reading))?.type).toBe('reading');
        expect(parseLiveEvent('{"type":"fault","job_id":4,"device":"d","message":"timeout"}')?.type).toBe('fault');
        expect(parseLiveEvent('{"type":"gossip","job_id":4}')).toBeUndefined();
        expect(parseLiveEvent('{"type":"state"}')).toBeUndefined();
        expect(parseLiveEvent('not json')).toBeUndefined();
        expect(parseLiveEvent('null')).toBeUndefined();
    });
    it('connects to the page\'s own host, wss under https', () => {
        expect(liveUrl(4, { protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/api/live?job=4');
        expect(liveUrl(4, { protocol: 'https:', host: 'lab.example' })).toBe('wss://lab.example/api/live?job=4');
    });
    it('backs off from half a second, doubling, up to 15 s', () => {
        expect([0, 1, 2, 3, 4, 5, 6, 10].map(reconnectDelay)).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    });
});

describe('subscribeToJob', () => {
    it('hands on the events of its job in order', () => {
        const { environment, sockets } = fakeEnvironment('https:');
        const events: LiveEvent[] = [];
        subscribeToJob(4, (event) => events.push(event), environment);
        expect(sockets).toHaveLength(1);
        expect(sockets[0]!.url).toBe('wss://lab.example:8443/api/live?job=4');
        sockets[0]!.receive(state);
        sockets[0]!.receive({ ...reading, job_id: 5 });
        sockets[0]!.receive('garbage');
        sockets[0]!.receive(reading);
        expect(events.map((e) => e.type)).toEqual(['state', 'reading']);
    });
    it('reconnects with growing delays and starts again from the state', () => {
        const { environment, sockets, timers } = fakeEnvironment();
        const events: LiveEvent[] = [];
        subscribeToJob(4, (event) => events.push(event), environment);
        sockets[0]!.drop();
        expect(timers.map((t) => t.ms)).toEqual([500]);
        timers[0]!.callback();
        expect(sockets).toHaveLength(2);
        sockets[1]!.drop(); // refused again before any message
        expect(timers.map((t) => t.ms)).toEqual([500, 1000]);
        timers[1]!.callback();
        sockets[2]!.receive({ ...state, state: 'paused' });
        sockets[2]!.drop(); // it had answered: the backoff starts afresh
        expect(timers.map((t) => t.ms)).toEqual([500, 1000, 500]);
        expect(events).toEqual([{ ...state, state: 'paused' }]);
    });
    it('stops for good when unsubscribed, also while waiting to reconnect', () => {
        const { environment, sockets, timers } = fakeEnvironment();
        const stop = subscribeToJob(4, () => {}, environment);
        stop();
        expect(sockets[0]!.closed).toEqual({ code: 1000, reason: 'done' });
        expect(timers).toHaveLength(0);

        const second = fakeEnvironment();
        const stopLater = subscribeToJob(4, () => {}, second.environment);
        second.sockets[0]!.drop();
        stopLater();
        expect(second.timers[0]!.cleared).toBe(true);
        expect(second.sockets).toHaveLength(1);
    });
});
