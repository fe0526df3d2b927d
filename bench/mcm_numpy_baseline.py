#!/usr/bin/python3
"""The named baseline of bench/uncertainty_engine_bench: the same Monte Carlo evaluation as
callab's (JCGM 101, additive model of four inputs, M trials, mean, standard deviation and the
shortest 95 % coverage interval), written the usual vectorised numpy way.

Usage: mcm_numpy_baseline.py TRIALS REPETITIONS
Prints the best wall time and the best processor time of one evaluation in seconds
(interpreter start-up excluded)."""
import sys
import time

import numpy as np


def evaluate(rng, trials, probability=0.95):
    x1 = rng.normal(0.0, 1.0, trials)
    x2 = rng.normal(0.0, 1.0, trials)
    x3 = rng.uniform(-np.sqrt(3.0), np.sqrt(3.0), trials)
    x4 = rng.uniform(-np.sqrt(3.0), np.sqrt(3.0), trials)
    y = x1 + x2 + x3 + x4
    mean = y.mean()
    u = y.std(ddof=1)
    q = int(np.floor(probability * trials + 0.5))
    ys = np.sort(y)
    widths = ys[q:] - ys[: trials - q]
    r = int(np.argmin(widths))
    return mean, u, ys[r], ys[r + q]


def main():
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rng = np.random.default_rng(1)
    best_wall = float("inf")
    best_cpu = float("inf")
    for _ in range(repetitions):
        start_wall = time.perf_counter()
        start_cpu = time.process_time()
        evaluate(rng, trials)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
        best_wall = min(best_wall, time.perf_counter() - start_wall)
    print(f"{best_wall:.6f} {best_cpu:.6f}")


if __name__ == "__main__":
    main()
