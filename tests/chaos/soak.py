#!/usr/bin/python3
"""A steady load on two `callab serve` processes sharing one PostgreSQL, with a `callab run`
writing readings beside them, for MINUTES minutes. Every interval it samples each server's
resident memory and the latency of the requests answered in that interval.

    soak.py --callab build/bin/callab --minutes N [--json FILE]

Bounds (exit status 1 when one is exceeded, 0 otherwise): after the first fifth of the run
(warm-up: pools, caches and allocator arenas fill), each server's resident memory grows by
at most RSS_GROWTH_BOUND_KIB, and the 99th percentile latency of the last interval is at
most LATENCY_GROWTH_BOUND times that of the first interval after warm-up (or 50 ms, when
that is more). Every acknowledged booking and reading must be stored, as in chaos.py.
"""

import argparse
import json
import os
import random
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from chaoslib import (ApiError, BookingLedger, Client, JobLedger, Lab, Records, Run, check,
                      rss_kib)
from chaos import start_booking_lab

RSS_GROWTH_BOUND_KIB = 16 * 1024
LATENCY_GROWTH_BOUND = 3.0
LATENCY_FLOOR_MS = 50.0
CLIENTS_PER_SERVER = 3
PAUSE_S = 0.01  # between one client's requests: a busy lab, not a saturating benchmark


class LatencyLog:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples = []  # (seconds, 'ok' | 'error')
        self.total = 0

    def add(self, seconds, ok):
        with self.lock:
            self.samples.append((seconds, ok))
            self.total += 1

    def take(self):
        with self.lock:
            samples, self.samples = self.samples, []
        return samples


def percentile(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def client_loop(client, ledger, log, equipment, stop, index):
    """A user's mix: a booking, reading it back, the session, and the health check."""
    rng = random.Random(index)
    n = 0
    while not stop.is_set():
        n += 1
        started = time.perf_counter()
        # 1,400,000 hours from 2031 end before 2191: the API refuses times after 2199.
        outcome = ledger.book(client, rng.choice(equipment), rng.randrange(1_400_000),
                              f"soak-{index}-{n}")
        log.add(time.perf_counter() - started, outcome != "unanswered")
        reads = ["/api/session", "/api/health"]
        if client.last_booking:
            reads.insert(0, f"/api/bookings/{client.last_booking}")
        for path in reads:
            started = time.perf_counter()
            try:
                status, _ = client.request("GET", path)
                ok = status == 200
            except ApiError:
                ok = False
            log.add(time.perf_counter() - started, ok)
        time.sleep(PAUSE_S)


def run_loop(lab, uri, jobs, stop):
    while not stop.is_set():
        run = Run(lab.callab, uri)
        run.wait(timeout=300)
        jobs.record(run)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--callab", required=True)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--json")
    args = parser.parse_args()

    lab = Lab(os.path.abspath(args.callab))
    try:
        uri, servers, clients, equipment = start_booking_lab(
            lab, clients_per_server=CLIENTS_PER_SERVER)
        ledger, jobs, log, stop = BookingLedger(), JobLedger(), LatencyLog(), threading.Event()
        threads = [threading.Thread(target=client_loop,
                                    args=(c, ledger, log, equipment, stop, i), daemon=True)
                   for i, c in enumerate(clients)]
        threads.append(threading.Thread(target=run_loop, args=(lab, uri, jobs, stop),
                                        daemon=True))
        for t in threads:
            t.start()
        duration = args.minutes * 60
        interval = max(5.0, duration / 40)
        samples = []
        started = time.monotonic()
        while time.monotonic() - started < duration:
            time.sleep(min(interval, duration - (time.monotonic() - started)))
            taken = log.take()
            latencies = [s * 1000 for s, _ in taken]
            samples.append({
                "t_s": round(time.monotonic() - started, 1),
                "rss_kib": [rss_kib(s.process.pid) for s in servers],
                "requests": len(taken),
                "errors": sum(1 for _, ok in taken if not ok),
                "p50_ms": round(percentile(latencies, 50), 2),
                "p95_ms": round(percentile(latencies, 95), 2),
                "p99_ms": round(percentile(latencies, 99), 2),
                "max_ms": round(max(latencies, default=0.0), 2),
            })
            print(f"soak {json.dumps(samples[-1])}", flush=True)
        stop.set()
        for t in threads:
            t.join(timeout=300)

        records = Records(uri)
        warm = samples[max(1, len(samples) // 5)] if len(samples) > 1 else samples[0]
        last = samples[-1]
        growth = [b - a for a, b in zip(warm["rss_kib"], last["rss_kib"])]
        latency_bound = max(LATENCY_FLOOR_MS, LATENCY_GROWTH_BOUND * warm["p99_ms"])
        result = {
            "minutes": args.minutes,
            "servers": len(servers),
            "clients": len(clients),
            "requests": log.total,
            "errors": sum(s["errors"] for s in samples),
            "samples": samples,
            "rss_growth_after_warmup_kib": growth,
            "rss_growth_bound_kib": RSS_GROWTH_BOUND_KIB,
            "p99_warm_ms": warm["p99_ms"],
            "p99_last_ms": last["p99_ms"],
            "p99_bound_ms": latency_bound,
            "bookings_acknowledged": len(ledger.acknowledged),
            "bookings_stored_unacknowledged": ledger.verify(records),
            "runs": jobs.runs,
            "readings_acknowledged": sum(len(r) for r in jobs.acknowledged.values()),
            "readings_stored": jobs.verify(records),
        }
        failures = []
        if any(g > RSS_GROWTH_BOUND_KIB for g in growth):
            failures.append(f"resident memory grew by {growth} KiB after warm-up "
                            f"(bound {RSS_GROWTH_BOUND_KIB} KiB)")
        if last["p99_ms"] > latency_bound:
            failures.append(f"p99 latency {last['p99_ms']} ms at the end, bound "
                            f"{latency_bound} ms")
        if result["errors"]:
            failures.append(f"{result['errors']} requests failed")
        result["verdict"] = "held" if not failures else "failed: " + "; ".join(failures)
        if args.json:
            with open(args.json, "w") as f:
                json.dump(result, f, indent=2)
        print(f"soak: {result['verdict']}", flush=True)
        check(not failures, "; ".join(failures))
        return 0
    finally:
        lab.close()


if __name__ == "__main__":
    sys.exit(main())
