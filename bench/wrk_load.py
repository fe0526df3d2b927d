#!/usr/bin/python3
"""HTTP load on `callab serve` with wrk, against nginx serving the same bytes as static
files in the same run (the baseline: the fastest way to answer a request at all).

    wrk_load.py --callab build/bin/callab [--seconds S] [--connections C] --json OUT.json

Both servers get one core's worth: `callab serve --threads 1` and nginx with one worker
process; wrk runs with one thread and C connections over loopback. Each test reports
requests per second and the 50th/99th percentile latency.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time

PASSWORD = "bench-password-1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, body=json.dumps(body) if body is not None else None,
                       headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response, data


def start_callab(callab, root):
    uri = f"sqlite:{root}/callab.db"
    for name, role in (("manager", "manager"), ("tech", "technician")):
        subprocess.run([callab, "user", "add", "--db", uri, "--username", name, "--role", role,
                        "--password-stdin"], input=PASSWORD + "\n", text=True, check=True,
                       capture_output=True)
    process = subprocess.Popen([callab, "serve", "--db", uri, "--port", "0", "--threads", "1"],
                               stdout=subprocess.PIPE, stderr=open(f"{root}/serve.log", "w"),
                               text=True)
    port = int(re.search(r":(\d+)/", process.stdout.readline()).group(1))
    return process, port


def sign_in(port, username):
    response, data = request(port, "POST", "/api/session",
                             {"username": username, "password": PASSWORD},
                             {"Content-Type": "application/json"})
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    return cookie, json.loads(data)["csrf_token"]


def start_nginx(root, files):
    www = os.path.join(root, "www")
    os.makedirs(www)
    for name, data in files.items():
        with open(os.path.join(www, name), "wb") as f:
            f.write(data)
    port = free_port()
    config = os.path.join(root, "nginx.conf")
    with open(config, "w") as f:
        f.write(f"""daemon off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/nginx-body;
    proxy_temp_path {root}/nginx-proxy;
    fastcgi_temp_path {root}/nginx-fastcgi;
    uwsgi_temp_path {root}/nginx-uwsgi;
    scgi_temp_path {root}/nginx-scgi;
    types {{ text/html html; application/json json; }}
    server {{
        listen 127.0.0.1:{port};
        root {www};
    }}
}}
""")
    os.chmod(root, 0o755)
    process = subprocess.Popen(["nginx", "-c", config, "-p", root],
                               stderr=open(f"{root}/nginx-start.log", "w"))
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            time.sleep(0.05)
    raise SystemExit("wrk_load: nginx did not start (see nginx-start.log)")


def parse_latency(text):
    units = {"us": 1e-3, "ms": 1.0, "s": 1000.0}
    value = re.match(r"([\d.]+)(us|ms|s)", text)
    return float(value.group(1)) * units[value.group(2)]


def wrk(url, seconds, connections, headers=(), script=None):
    argv = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for h in headers:
        argv += ["-H", h]
    if script:
        argv += ["-s", script]
    out = subprocess.run(argv + [url], capture_output=True, text=True, check=True).stdout
    result = {"requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for p in ("50", "99"):
        result[f"p{p}_ms"] = round(parse_latency(re.search(rf"\s{p}%\s+(\S+)", out).group(1)), 3)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["non_2xx"] = int(errors.group(1)) if errors else 0
    result["requests"] = int(re.search(r"(\d+) requests in", out).group(1))
    return result


BOOKING_SCRIPT = """
counter = 0
request = function()
    counter = counter + 1
    local start = 1924992000 + counter * 3600
    local body = string.format(
        '{"equipment_id": %d, "start": "%s", "end": "%s", "purpose": "wrk %d"}',
        EQUIPMENT, os.date("!%Y-%m-%dT%H:%M:%SZ", start),
        os.date("!%Y-%m-%dT%H:%M:%SZ", start + 3600), counter)
    return wrk.format("POST", "/api/bookings", nil, body)
end
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--callab", required=True)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--json", required=True)
    args = parser.parse_args()
    root = tempfile.mkdtemp(prefix="callab-wrk-")
    callab = nginx = None
    try:
        callab, port = start_callab(os.path.abspath(args.callab), root)
        cookie, csrf = sign_in(port, "manager")
        json_headers = {"Cookie": cookie, "X-CSRF-Token": csrf,
                        "Content-Type": "application/json"}
        response, data = request(port, "POST", "/api/equipment", {"name": "Blackbody BB-1"},
                                 json_headers)
        equipment = json.loads(data)["id"]
        response, data = request(port, "POST", "/api/bookings",
                                 {"equipment_id": equipment, "start": "2030-06-03T08:00:00Z",
                                  "end": "2030-06-03T09:00:00Z", "purpose": "read by wrk"},
                                 json_headers)
        booking = json.loads(data)["id"]
        _, index = request(port, "GET", "/")
        _, health = request(port, "GET", "/api/health")
        _, booking_json = request(port, "GET", f"/api/bookings/{booking}", None,
                                  {"Cookie": cookie})
        nginx, static_port = start_nginx(root, {"index.html": index, "health.json": health,
                                                "booking.json": booking_json})
        script = os.path.join(root, "bookings.lua")
        with open(script, "w") as f:
            f.write(f'wrk.headers["Cookie"] = "{cookie}"\n'
                    f'wrk.headers["X-CSRF-Token"] = "{csrf}"\n'
                    'wrk.headers["Content-Type"] = "application/json"\n'
                    + BOOKING_SCRIPT.replace("EQUIPMENT", str(equipment)))
        callab_url = f"http://127.0.0.1:{port}"
        nginx_url = f"http://127.0.0.1:{static_port}"
        s, c = args.seconds, args.connections
        results = {
            "seconds": s, "connections": c,
            "app_page": {"callab": wrk(f"{callab_url}/", s, c),
                         "nginx": wrk(f"{nginx_url}/index.html", s, c),
                         "bytes": len(index)},
            "health": {"callab": wrk(f"{callab_url}/api/health", s, c),
                       "nginx": wrk(f"{nginx_url}/health.json", s, c),
                       "bytes": len(health)},
            "booking_read": {"callab": wrk(f"{callab_url}/api/bookings/{booking}", s, c,
                                           [f"Cookie: {cookie}"]),
                             "nginx": wrk(f"{nginx_url}/booking.json", s, c),
                             "bytes": len(booking_json)},
            "booking_create": {"callab": wrk(f"{callab_url}/", s, 4, script=script)},
        }
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
        print(json.dumps(results, indent=2))
    finally:
        for process in (callab, nginx):
            if process:
                process.send_signal(signal.SIGTERM if process is callab else signal.SIGQUIT)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
