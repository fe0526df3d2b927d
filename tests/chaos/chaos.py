#!/usr/bin/python3
"""Fault scenarios against real callab processes: each injects one kind of fault while
bookings, jobs and readings are written, then checks the records against what the clients
were told. Nothing acknowledged may be lost, nothing stored twice, no slot double-booked.

    chaos.py --callab build/bin/callab [--long] [--json FILE] SCENARIO...

Scenarios: scale-out, kill-server, kill-run, postgresql-restart, device-faults, disk-full
(or `all`). The short form is what `ctest -L chaos` runs; `--long` is what `./dev soak`
runs. Exit status 0 when every check held, 1 otherwise (the failed check on stderr).
"""

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from chaoslib import (BookingLedger, Client, JobLedger, Lab, Records, Run, ScenarioFailure,
                      book_continuously, check)

SLOTS = 24  # hours on the booking grid: few enough that clients contend for them


def technicians(count):
    return [(f"tech{i}", "technician") for i in range(count)]


def start_booking_lab(lab, servers=2, clients_per_server=3, equipment=3):
    """PostgreSQL, `servers` processes started together on the empty database, users,
    equipment and clients spread over the servers."""
    uri = lab.start_postgresql()
    started = [None] * servers
    errors = []

    def start(i):
        try:
            started[i] = lab.serve(uri, f"server-{i}")
        except Exception as e:  # reported below
            errors.append(e)
    threads = [threading.Thread(target=start, args=(i,)) for i in range(servers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(not errors, f"servers started together on an empty database: {errors}")
    lab.add_users(uri, [("manager", "manager")] + technicians(servers))
    equipment_ids = lab.add_equipment(started[0], equipment)
    # One user per server; the clients of a server share its session (signing in checks an
    # argon2id hash, which is slow on purpose).
    users = [Client(server, f"tech{i}") for i, server in enumerate(started)]
    clients = [users[i % servers] for i in range(servers * clients_per_server)]
    return uri, started, clients, equipment_ids


def cross_read(ledger, servers, sample=50):
    """Acknowledged bookings read back through every server give the same record."""
    reader = [Client(s, "manager") for s in servers]
    for c in reader:
        c.login()
    ids = list(ledger.acknowledged)[:sample]
    for booking_id in ids:
        for c in reader:
            status, body = c.request("GET", f"/api/bookings/{booking_id}")
            check(status == 200 and body["equipment_id"] == ledger.acknowledged[booking_id][0],
                  f"booking {booking_id} through port {c.server.port}: {status} {body}")


def job_workers(jobs, lab, uri, stop, count, extra=(), kill_after=None):
    """`count` threads running (and resuming) jobs until `stop` is set. With `kill_after`
    (seconds range) each run is killed with SIGKILL at a random moment and resumed."""
    def worker(index):
        rng = random.Random(100 + index)
        job = None
        while not stop.is_set():
            run = Run(lab.callab, uri, job, extra)
            if kill_after:
                time.sleep(rng.uniform(*kill_after))
                if run.process.poll() is None:
                    run.kill()
            run.wait()
            jobs.record(run)
            if not run.finished:
                with jobs.lock:
                    jobs.interrupted += 1
            job = None if run.finished else (run.job or job)
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(count)]
    for t in threads:
        t.start()
    return threads


def finish_jobs(jobs, lab, uri):
    """Resumes every job left unfinished, so its final readings can be checked."""
    for job in list(jobs.acknowledged):
        if job not in jobs.finished:
            jobs.run_to_completion(lab.callab, uri, job=job)


def summary(ledger=None, jobs=None, records=None, **extra):
    result = dict(extra)
    if ledger:
        result["bookings_acknowledged"] = len(ledger.acknowledged)
        result["booking_conflicts"] = ledger.conflicts
        result["booking_tries_unanswered"] = ledger.unanswered
        result["booking_failure_statuses"] = {str(k): v for k, v in
                                              ledger.failed_statuses.items()}
        result["bookings_stored_unacknowledged"] = ledger.verify(records)
        result["bookings_lost"] = 0
    if jobs:
        result["runs"] = jobs.runs
        result["runs_interrupted"] = jobs.interrupted
        result["jobs"] = len(jobs.acknowledged)
        result["jobs_finished"] = len(jobs.finished)
        result["readings_acknowledged"] = sum(len(r) for r in jobs.acknowledged.values())
        result["readings_stored"] = jobs.verify(records)
        result["readings_lost"] = 0
    return result


def scale_out(lab, long):
    """Two servers and two runs on one PostgreSQL, all at once."""
    seconds = 120 if long else 8
    uri, servers, clients, equipment = start_booking_lab(lab)
    ledger, jobs, stop = BookingLedger(), JobLedger(), threading.Event()
    threads = book_continuously(ledger, clients, equipment, SLOTS * (10 if long else 1), stop,
                                "scale")
    threads += job_workers(jobs, lab, uri, stop, 2)
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(timeout=120)
    finish_jobs(jobs, lab, uri)
    check(ledger.unanswered == 0, f"{ledger.unanswered} booking tries unanswered without a fault")
    cross_read(ledger, servers)
    result = summary(ledger, jobs, Records(uri), seconds=seconds, servers=len(servers))
    check(result["bookings_stored_unacknowledged"] == 0, "bookings stored without an answer")
    return result


def kill_server(lab, long):
    """SIGKILL of a server (in turn) while clients book through both; restarted each time."""
    seconds = 120 if long else 10
    uri, servers, clients, equipment = start_booking_lab(lab)
    ledger, stop = BookingLedger(), threading.Event()
    threads = book_continuously(ledger, clients, equipment, SLOTS * (10 if long else 1), stop,
                                "kill")
    kills = 0
    deadline = time.monotonic() + seconds
    rng = random.Random(7)
    while time.monotonic() < deadline:
        time.sleep(rng.uniform(1.0, 2.5))
        server = servers[kills % len(servers)]
        server.kill()
        kills += 1
        time.sleep(0.3)
        server.restart()
    time.sleep(1.0)
    stop.set()
    for t in threads:
        t.join(timeout=60)
    cross_read(ledger, servers)
    return summary(ledger, None, Records(uri), seconds=seconds, server_kills=kills)


def kill_run(lab, long):
    """SIGKILL of `callab run` at random moments, on SQLite and on PostgreSQL; each job is
    resumed until it finishes."""
    results = {}
    for backend in ("sqlite", "postgresql"):
        uri = lab.sqlite_uri("kill-run.db") if backend == "sqlite" else lab.start_postgresql()
        jobs, stop = JobLedger(), threading.Event()
        threads = job_workers(jobs, lab, uri, stop, 2, kill_after=(0.2, 2.5))
        time.sleep(100 if long else 6)
        stop.set()
        for t in threads:
            t.join(timeout=120)
        finish_jobs(jobs, lab, uri)
        records = Records(uri)
        results[backend] = summary(None, jobs, records)
        if backend == "sqlite":
            verdict = records.integrity_check()
            check(verdict == "ok", f"integrity_check after kills: {verdict}")
            results[backend]["integrity_check"] = verdict
    return results


def postgresql_restart(lab, long):
    """PostgreSQL stopped (fast shutdown) and started again under load from both servers
    and two runs: the servers reconnect, failed requests fail cleanly, none succeeds twice."""
    restarts = 8 if long else 2
    uri, servers, clients, equipment = start_booking_lab(lab)
    ledger, jobs, stop = BookingLedger(), JobLedger(), threading.Event()
    threads = book_continuously(ledger, clients, equipment, SLOTS * (10 if long else 1), stop,
                                "restart")
    threads += job_workers(jobs, lab, uri, stop, 2)
    probes = [Client(server, "manager", timeout=60) for server in servers]
    for probe in probes:
        probe.login()
    first_after = []
    for _ in range(restarts):
        time.sleep(10 if long else 2)
        lab.postgresql.stop("fast")
        time.sleep(1.0)
        lab.postgresql.start()
        # The first request after the restart must work: the servers reconnect at once, and
        # the session, kept in the database, is still valid.
        for probe in probes:
            status, body = probe.request("GET", "/api/session")
            first_after.append(status)
            check(status == 200, f"first request on port {probe.server.port} after the "
                                 f"restart: {status} {body}")
    time.sleep(2.0)
    stop.set()
    for t in threads:
        t.join(timeout=120)
    finish_jobs(jobs, lab, uri)
    statuses = set(ledger.failed_statuses)
    check(statuses <= {500}, f"failed requests answered {statuses}, expected 500 only")
    return summary(ledger, jobs, Records(uri), restarts=restarts,
                   first_requests_after_restart_ok=len(first_after))


def device_faults(lab, long):
    """The simulated thermometer drops, corrupts, cuts and refuses replies during runs; each
    run retries or pauses, is resumed, and stores no wrong value."""
    faults = ["timeout", "crc", "disconnect", "garbage", "exception"]
    rates = [0.1, 0.3] if long else [0.15]
    seeds = [1, 2, 3] if long else [1]
    results = {}
    for fault in faults:
        jobs = JobLedger()
        uri = lab.sqlite_uri(f"faults-{fault}.db")
        for rate in rates:
            for seed in seeds:
                # Each resumed run draws other faults: with the same seed the simulator
                # would fault the same request again and the job could not progress.
                jobs.run_to_completion(
                    lab.callab, uri,
                    extra=lambda attempt, f=fault, r=rate, s=seed: [
                        "--fault", f, "--fault-rate", str(r), "--seed", str(100 * s + attempt)])
        records = Records(uri)
        results[fault] = summary(None, jobs, records, rates=rates)
        verdict = records.integrity_check()
        check(verdict == "ok", f"{fault}: integrity_check {verdict}")
    return results


def mount_small_filesystem(lab, size):
    """A tmpfs of `size` for the SQLite directory, or None where mounting is not allowed."""
    directory = os.path.join(lab.root, "small")
    os.makedirs(directory)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", directory],
                      capture_output=True).returncode != 0:
        return None
    lab.mounts.append(directory)
    return directory


def disk_full(lab, long):
    """The file system under the SQLite database fills up during runs: the run stops with a
    clear error, the file passes PRAGMA integrity_check, every acknowledged reading is there,
    and once there is room again the job resumes and finishes."""
    directory = mount_small_filesystem(lab, "1m")
    method = "tmpfs of 1 MiB" if directory else "ulimit -f 1024 (1 MiB per file)"
    uri = lab.sqlite_uri(directory=directory)
    if directory is None:
        extra_prefix = ["bash", "-c", "trap '' XFSZ; ulimit -f 1024; exec \"$@\"", "run"]
    else:
        extra_prefix = []
    jobs = JobLedger()
    failure = None
    for _ in range(400 if long else 200):
        run = Run(lab.callab, uri) if not extra_prefix else \
            _limited_run(lab, uri, extra_prefix)
        code = run.wait()
        jobs.record(run)
        if code != 0:
            failure = (code, run.stderr.strip(), run.job)
            break
    check(failure is not None, "the file system never filled up")
    code, message, stopped_job = failure
    check(code == 1, f"exit status {code} when the disk is full: {message}")
    check(len(message.splitlines()) == 1 and ("full" in message or "disk I/O" in message),
          f"the message when the disk is full: {message!r}")
    records = Records(uri)
    verdict = records.integrity_check()
    check(verdict == "ok", f"integrity_check on a full disk: {verdict}")
    stored = jobs.verify(records)
    if directory:
        subprocess.run(["mount", "-o", "remount,size=64m", directory], check=True)
    resumed = stopped_job
    if stopped_job is not None:
        jobs.run_to_completion(lab.callab, uri, job=stopped_job)
    result = summary(None, jobs, records, method=method, error=message,
                     integrity_check=verdict, readings_stored_when_full=stored,
                     resumed_job=resumed)
    check(records.integrity_check() == "ok", "integrity_check after resuming")
    return result


def _limited_run(lab, uri, prefix):
    """`callab run` under a file-size limit, with SIGXFSZ ignored so that a write past the
    limit fails (EFBIG) instead of killing the process."""
    run = Run.__new__(Run)
    argv = prefix + [lab.callab, "run", "--db", uri]
    run.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
    run.job, run.readings, run.finished, run.stderr = None, {}, False, ""
    run._reader = threading.Thread(target=run._read, daemon=True)
    run._reader.start()
    return run


SCENARIOS = {
    "scale-out": scale_out,
    "kill-server": kill_server,
    "kill-run": kill_run,
    "postgresql-restart": postgresql_restart,
    "device-faults": device_faults,
    "disk-full": disk_full,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenarios", nargs="+", choices=list(SCENARIOS) + ["all"])
    parser.add_argument("--callab", required=True, help="the callab binary")
    parser.add_argument("--long", action="store_true", help="the long form (./dev soak)")
    parser.add_argument("--json", help="write the results to this file")
    parser.add_argument("--keep", action="store_true", help="keep the scenario's files")
    args = parser.parse_args()
    names = list(SCENARIOS) if "all" in args.scenarios else args.scenarios
    results = {}
    status = 0
    for name in names:
        lab = Lab(os.path.abspath(args.callab), keep=args.keep)
        started = time.monotonic()
        try:
            results[name] = SCENARIOS[name](lab, args.long)
            results[name]["duration_s"] = round(time.monotonic() - started, 1)
            results[name]["verdict"] = "held"
            print(f"chaos {name}: held {json.dumps(results[name])}", flush=True)
        except Exception as e:  # a failed check, or a process that did not behave
            if not isinstance(e, ScenarioFailure):
                e = ScenarioFailure(f"{type(e).__name__}: {e}")
            results[name] = {"verdict": "failed", "failure": str(e)}
            print(f"chaos {name}: FAILED: {e} (files in {lab.root})", file=sys.stderr)
            lab.keep = True
            status = 1
        finally:
            lab.close()
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    return status


if __name__ == "__main__":
    sys.exit(main())
