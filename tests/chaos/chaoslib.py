"""What the fault scenarios share: a private PostgreSQL, `callab serve` and `callab run`
processes, an HTTP client of the API, and read access to the records for the checks.

Only Debian's Python standard library is used (run with /usr/bin/python3). Every process
started here is stopped by `Lab.close()`, also when a scenario fails.
"""

import contextlib
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import threading
import time

PG_BIN = "/usr/lib/postgresql/15/bin"
PASSWORD = "chaos-password-1"


class ScenarioFailure(AssertionError):
    """A check of a scenario did not hold."""


def check(condition, message):
    if not condition:
        raise ScenarioFailure(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid):
    """Resident memory of a process in KiB (VmRSS), or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


class PostgreSQL:
    """A private PostgreSQL 15 server on a free loopback port, run as the postgres user."""

    def __init__(self, root):
        self.root = os.path.join(root, "postgresql")
        self.data = os.path.join(self.root, "data")
        os.makedirs(self.root)
        shutil.chown(self.root, "postgres", "postgres")
        self.port = free_port()
        self._as_postgres([f"{PG_BIN}/initdb", "-D", self.data, "-A", "trust", "-U",
                           "postgres", "-E", "UTF8", "--no-sync"])
        self.start()

    def _as_postgres(self, argv):
        subprocess.run(["runuser", "-u", "postgres", "--"] + argv, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self):
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c max_connections=200")
        self._as_postgres([f"{PG_BIN}/pg_ctl", "-D", self.data, "-l",
                           os.path.join(self.root, "server.log"), "-w", "-t", "60", "-o",
                           options, "start"])

    def stop(self, mode="fast"):
        self._as_postgres([f"{PG_BIN}/pg_ctl", "-D", self.data, "-m", mode, "-w", "stop"])

    def create_database(self, name):
        subprocess.run([f"{PG_BIN}/createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U",
                        "postgres", name], check=True)
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def close(self):
        try:
            self.stop("immediate")
        except subprocess.CalledProcessError:
            pass


class Records:
    """Reads the records straight from the database, to check what the API acknowledged."""

    def __init__(self, uri):
        self.uri = uri

    def rows(self, query):
        if self.uri.startswith("sqlite:"):
            path = self.uri[len("sqlite:"):]
            with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                                    timeout=30)) as db:
                return [tuple(str(v) for v in row) for row in db.execute(query)]
        out = subprocess.run(["psql", "-X", "-A", "-t", "-F", "\t", "-d", self.uri, "-c", query],
                             check=True, capture_output=True, text=True).stdout
        return [tuple(line.split("\t")) for line in out.splitlines() if line]

    def bookings(self):
        """{id: (equipment, start_us, blocked_until_us, purpose)} of the bookings that hold
        their slot."""
        rows = self.rows("SELECT id, equipment_id, start_us, blocked_until_us, purpose "
                         "FROM booking WHERE status IN ('requested', 'approved', "
                         "'checked_out')")
        return {int(r[0]): (int(r[1]), int(r[2]), int(r[3]), r[4]) for r in rows}

    def readings(self, job):
        """{id: (test_point, source, value)} of a job's readings."""
        rows = self.rows(f"SELECT id, test_point, source, value FROM reading WHERE job_id = {job}")
        return {int(r[0]): (int(r[1]), r[2], float(r[3])) for r in rows}

    def integrity_check(self):
        """SQLite's own verdict on the file: 'ok' or the damage it found."""
        path = self.uri[len("sqlite:"):]
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            return "; ".join(row[0] for row in db.execute("PRAGMA integrity_check"))


def check_no_overlap(bookings):
    """No two held bookings of one equipment overlap (service buffer included)."""
    by_equipment = {}
    for booking_id, (equipment, start, blocked_until, _) in bookings.items():
        by_equipment.setdefault(equipment, []).append((start, blocked_until, booking_id))
    for equipment, spans in by_equipment.items():
        spans.sort()
        for (s1, e1, id1), (s2, _, id2) in zip(spans, spans[1:]):
            check(s2 >= e1, f"equipment {equipment}: bookings {id1} and {id2} overlap")


class Server:
    """One `callab serve` process on a free loopback port."""

    def __init__(self, callab, uri, log_path, threads=2):
        self.callab, self.uri, self.log_path, self.threads = callab, uri, log_path, threads
        self.port = None
        self.process = None
        self.start()

    def start(self):
        log = open(self.log_path, "a")
        port = self.port or 0
        self.process = subprocess.Popen(
            [self.callab, "serve", "--db", self.uri, "--host", "127.0.0.1", "--port", str(port),
             "--threads", str(self.threads)],
            stdout=subprocess.PIPE, stderr=log, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            self.process.kill()
            raise ScenarioFailure(f"callab serve did not start: {line!r} (log {self.log_path})")
        self.port = int(match.group(1))

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def restart(self):
        """Starts again on the same port (retrying while the port is still held), else on a
        new one: the clients follow `self.port`."""
        for _ in range(20):
            try:
                self.start()
                return
            except ScenarioFailure:
                time.sleep(0.1)
        self.port = None
        self.start()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class ApiError(Exception):
    """A request that got no answer (connection refused or reset, timeout)."""


class SignInRefused(Exception):
    """A sign-in answered with something else than 200."""


class Client:
    """A signed-in user of one server: cookie and CSRF token kept between requests."""

    def __init__(self, server, username, timeout=30):
        self.server, self.username, self.timeout = server, username, timeout
        self.cookie = None
        self.csrf = None
        self.last_booking = None

    def request(self, method, path, body=None):
        """(status, JSON body); raises ApiError when no answer came."""
        headers = {}
        data = None
        if body is not None:
            data = json.dumps(body)
            headers["Content-Type"] = "application/json"
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.csrf and method not in ("GET", "HEAD"):
            headers["X-CSRF-Token"] = self.csrf
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port,
                                                timeout=self.timeout)
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            text = response.read()
            cookie = response.getheader("Set-Cookie")
        except (OSError, http.client.HTTPException) as e:
            raise ApiError(f"{method} {path} on port {self.server.port}: {e}") from e
        finally:
            connection.close()
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        try:
            return response.status, json.loads(text) if text else None
        except ValueError:
            return response.status, None

    def login(self):
        status, body = self.request("POST", "/api/session",
                                    {"username": self.username, "password": PASSWORD})
        if status != 200:
            raise SignInRefused(f"sign-in of {self.username}: {status} {body}")
        self.csrf = body["csrf_token"]

    def ensure_login(self):
        if self.csrf is None:
            self.login()


def iso(microseconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(microseconds // 1_000_000))


# Bookings are made on this grid: BOOKING_BASE plus whole hours, far enough ahead that no
# run of the scenarios reaches the past.
BOOKING_BASE_US = int(time.mktime((2031, 1, 6, 0, 0, 0, 0, 0, 0)) - time.timezone) * 1_000_000
HOUR_US = 3600 * 1_000_000


class BookingLedger:
    """What the clients were told, for the checks: each acknowledged booking (201) with the
    request it answered, and each try whose outcome the client could not know."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acknowledged = {}  # booking id -> (equipment, start_us, purpose)
        self.conflicts = 0
        self.unanswered = 0  # no answer or 5xx: the client cannot know whether it was stored
        self.failed_statuses = {}

    def book(self, client, equipment, slot, purpose):
        """Asks for one hour at `slot`; records and returns the outcome
        ('booked', 'conflict', 'unanswered')."""
        start = BOOKING_BASE_US + slot * HOUR_US
        body = {"equipment_id": equipment, "start": iso(start), "end": iso(start + HOUR_US),
                "purpose": purpose}
        try:
            client.ensure_login()
            status, answer = client.request("POST", "/api/bookings", body)
        except (ApiError, SignInRefused):
            with self.lock:
                self.unanswered += 1
            client.csrf = None
            return "unanswered"
        with self.lock:
            if status == 201:
                check(answer["id"] not in self.acknowledged,
                      f"booking id {answer['id']} acknowledged twice")
                self.acknowledged[answer["id"]] = (equipment, start, purpose)
                client.last_booking = answer["id"]
                return "booked"
            if status == 409:
                self.conflicts += 1
                return "conflict"
            if status == 401:
                client.csrf = None  # the session is gone (e.g. the server restarted): sign in
            self.unanswered += 1
            self.failed_statuses[status] = self.failed_statuses.get(status, 0) + 1
            return "unanswered"

    def verify(self, records):
        """Every acknowledged booking is stored as acknowledged, none is stored twice, no slot
        is double-booked. Returns the number of stored bookings no client was told about."""
        stored = records.bookings()
        for booking_id, (equipment, start, purpose) in self.acknowledged.items():
            check(booking_id in stored, f"acknowledged booking {booking_id} is not stored")
            s_equipment, s_start, _, s_purpose = stored[booking_id]
            check((s_equipment, s_start, s_purpose) == (equipment, start, purpose),
                  f"booking {booking_id} is stored as {stored[booking_id]}, "
                  f"acknowledged as {(equipment, start, purpose)}")
        purposes = {}
        for booking_id, (_, _, _, purpose) in stored.items():
            purposes.setdefault(purpose, []).append(booking_id)
        for purpose, ids in purposes.items():
            check(len(ids) == 1, f"request '{purpose}' stored {len(ids)} times: {ids}")
        check_no_overlap(stored)
        return len(stored) - len(self.acknowledged)


class Run:
    """One `callab run` process: a calibration job on a simulated bench. Every reading it
    prints has been stored (committed) before the line is written."""

    def __init__(self, callab, uri, job=None, extra=()):
        argv = [callab, "run"] + ([str(job)] if job else []) + ["--db", uri] + list(extra)
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True)
        self.job = job
        self.readings = {}  # id -> (point, source, value) as printed
        self.finished = False
        self.stderr = ""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.process.stdout:
            words = line.split()
            if words[:1] == ["job"] and self.job is None:
                self.job = int(words[1])
            elif words[:1] == ["reading"] and len(words) >= 6:
                self.readings[int(words[1])] = (int(words[3]), words[4], float(words[5]))
            elif words[:1] == ["finished"]:
                self.finished = True

    def wait(self, timeout=120):
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=10)
        self.stderr = self.process.stderr.read()
        return self.process.returncode

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        return self.wait()


# The IRT-FOREHEAD procedure `callab run` uses: three points, five readings each.
POINTS = {0: 35.0, 1: 37.0, 2: 39.0}
READINGS_PER_POINT = 5


class JobLedger:
    """The readings each job's runs printed (acknowledged), for the checks."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acknowledged = {}  # job -> {reading id: (point, source, value)}
        self.finished = set()
        self.runs = 0
        self.interrupted = 0

    def record(self, run):
        with self.lock:
            self.runs += 1
            if run.job is not None:
                self.acknowledged.setdefault(run.job, {}).update(run.readings)
                if run.finished:
                    self.finished.add(run.job)

    def run_to_completion(self, callab, uri, extra=(), attempts=20, job=None, before_retry=None):
        """Runs (and resumes) one job until it finishes; returns its id. A run that stops
        (paused by a device fault, the database away) is resumed. `extra` is a list of
        arguments, or a function of the attempt number giving them."""
        for attempt in range(attempts):
            run = Run(callab, uri, job, extra(attempt) if callable(extra) else extra)
            run.wait()
            self.record(run)
            job = run.job or job
            if run.finished:
                return job
            with self.lock:
                self.interrupted += 1
            if before_retry:
                before_retry()
            time.sleep(0.2)
        raise ScenarioFailure(f"job {job} did not finish in {attempts} runs")

    def verify(self, records, tolerance=0.5):
        """Every printed reading is stored with the same values; each finished job holds
        exactly its readings per point (none twice); every indication is near its point."""
        total = 0
        for job, printed in self.acknowledged.items():
            stored = records.readings(job)
            for reading_id, (point, source, value) in printed.items():
                check(reading_id in stored, f"job {job}: acknowledged reading {reading_id} "
                                            "is not stored")
                s_point, s_source, s_value = stored[reading_id]
                check(s_point == point and s_source == source and abs(s_value - value) < 1e-6,
                      f"job {job}: reading {reading_id} stored as {stored[reading_id]}, "
                      f"printed as {(point, source, value)}")
            for reading_id, (point, source, value) in stored.items():
                check(point in POINTS, f"job {job}: reading {reading_id} at unknown point")
                check(abs(value - POINTS[point]) <= tolerance,
                      f"job {job}: reading {reading_id} ({source}) is {value}, "
                      f"point {POINTS[point]}")
            if job in self.finished:
                for point in POINTS:
                    indications = [r for r in stored.values()
                                   if r[0] == point and not r[1].startswith("reference:")]
                    check(len(indications) == READINGS_PER_POINT,
                          f"job {job} point {point}: {len(indications)} indications stored")
            total += len(stored)
        return total


class Lab:
    """A scenario's processes and files; `close()` stops them all and removes the files."""

    def __init__(self, callab, keep=False):
        self.callab = callab
        self.root = tempfile.mkdtemp(prefix="callab-chaos-")
        os.chmod(self.root, 0o755)
        self.keep = keep
        self.servers = []
        self.postgresql = None
        self.mounts = []

    def sqlite_uri(self, name="callab.db", directory=None):
        return f"sqlite:{os.path.join(directory or self.root, name)}"

    def start_postgresql(self):
        self.postgresql = PostgreSQL(self.root)
        return self.postgresql.create_database("callab_chaos")

    def callab_command(self, *argv, stdin=None):
        return subprocess.run([self.callab] + list(argv), input=stdin, capture_output=True,
                              text=True, check=True).stdout

    def add_users(self, uri, names_roles):
        for name, role in names_roles:
            self.callab_command("user", "add", "--db", uri, "--username", name, "--role", role,
                                "--password-stdin", stdin=PASSWORD + "\n")

    def serve(self, uri, name):
        server = Server(self.callab, uri, os.path.join(self.root, f"{name}.log"))
        self.servers.append(server)
        return server

    def add_equipment(self, server, count):
        manager = Client(server, "manager")
        manager.login()
        ids = []
        for i in range(count):
            status, body = manager.request("POST", "/api/equipment",
                                           {"name": f"Blackbody BB-{i + 1}"})
            check(status == 201, f"equipment: {status} {body}")
            ids.append(body["id"])
        return ids

    def close(self):
        for server in self.servers:
            server.stop()
        if self.postgresql:
            self.postgresql.close()
        for mount in self.mounts:
            if subprocess.run(["umount", mount], capture_output=True).returncode != 0:
                subprocess.run(["umount", "-l", mount], check=False)
        if not self.keep:
            shutil.rmtree(self.root, ignore_errors=True)


def book_continuously(ledger, clients, equipment, slots, stop, prefix, pause=0.0):
    """Each client books random slots until `stop` is set; every request has its own
    purpose text, so a request stored twice would show."""
    def worker(index, client):
        rng = random.Random(index)
        n = 0
        while not stop.is_set():
            n += 1
            outcome = ledger.book(client, rng.choice(equipment), rng.randrange(slots),
                                  f"{prefix}-{index}-{n}")
            if pause or outcome == "unanswered":
                time.sleep(max(pause, 0.05))
    threads = [threading.Thread(target=worker, args=(i, c), daemon=True)
               for i, c in enumerate(clients)]
    for t in threads:
        t.start()
    return threads
