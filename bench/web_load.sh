#!/usr/bin/env bash
# Load test of `GET /api/instruments?per_page=50` on `callab serve` over 100,000 instruments,
# next to nginx serving the same JSON body as a static file, in the same run.
#
#   bench/web_load.sh [BUILD_DIR]        (default: build; needs build/bin/callab)
#
# Environment: INSTRUMENTS (100000), DURATION seconds per run (20), CONNECTIONS (2),
# THREADS (2), SERVER_THREADS (2), JSON (a file to write the figures to, for bench/report.py),
# KEEP_DATABASE (1: reuse the database of an earlier run with the same INSTRUMENTS).
# Everything lives under BUILD_DIR/bench/web_load: the SQLite database, the server's log, a
# private nginx prefix with its own configuration on a free loopback port (nothing of the
# system's nginx is used), and wrk's reports. Besides wrk's figures, each server's processor
# time (user + system, all its processes) over its run is divided by the requests it
# answered: on a machine shared with other work, that cost per request is steadier than the
# request rate.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
callab=$build/bin/callab
instruments=${INSTRUMENTS:-100000}
duration=${DURATION:-20}
connections=${CONNECTIONS:-2}
threads=${THREADS:-2}
server_threads=${SERVER_THREADS:-2}
out=$build/bench/web_load
password='bench password 1'

[[ -x $callab ]] || { echo "web_load: $callab is missing; build the callab target" >&2; exit 1; }
for tool in wrk nginx curl; do
    command -v "$tool" >/dev/null || { echo "web_load: $tool is missing (scripts/install-deps)" >&2; exit 1; }
done

serve_pid=
nginx_pid=
cleanup() {
    [[ -n $serve_pid ]] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
    [[ -n $nginx_pid ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    return 0
}
trap cleanup EXIT

db="sqlite:$out/callab.db"
reuse=
if [[ ${KEEP_DATABASE:-} == 1 && -f $out/callab.db && $(cat "$out/instruments" 2>/dev/null) == "$instruments" ]]; then
    reuse=1
    rm -rf "$out/nginx"
else
    rm -rf "$out"
fi
mkdir -p "$out/nginx/html/api" "$out/nginx/logs" "$out/nginx/tmp"

# 1. The records: 10 enterprises and the instruments spread over them, each file imported in
#    one transaction (callab import, with the audit trail).
start=$(date +%s.%N)
loaded=$start
if [[ -z $reuse ]]; then
/usr/bin/python3 - "$out" "$instruments" <<'PY'
import sys
out, count = sys.argv[1], int(sys.argv[2])
chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
def credit_code(first17):
    total = sum(chars.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    check = 31 - total % 31
    return first17 + chars[0 if check == 31 else check]
codes = [credit_code("913301000000%05d" % n) for n in range(10)]
with open(f"{out}/enterprises.csv", "w") as f:
    f.write("name,credit_code,region,size,industry,contacts\n")
    for n, code in enumerate(codes):
        f.write(f"Load Test Enterprise {n},{code},Zhejiang/Hangzhou,small,instruments,\n")
with open(f"{out}/instruments.csv", "w") as f:
    f.write("kind,maker,model,serial,range_low,range_high,unit,resolution,owner_credit_code,regime\n")
    for n in range(count):
        f.write(f"ir_forehead_thermometer,Yuwell,YHW-2,SN{n:08d},32,42.5,degC,0.1,{codes[n % 10]},calibration\n")
PY
start=$(date +%s.%N)
"$callab" import enterprises "$out/enterprises.csv" --db "$db" >/dev/null
"$callab" import instruments "$out/instruments.csv" --db "$db" >/dev/null
loaded=$(date +%s.%N)
printf '%s\n' "$password" |
    "$callab" user add --db "$db" --username bench --role technician --password-stdin >/dev/null
echo "$instruments" >"$out/instruments"
fi

# 2. callab serve on a free loopback port.
"$callab" serve --db "$db" --host 127.0.0.1 --port 0 --threads "$server_threads" \
    >"$out/serve.out" 2>"$out/serve.log" &
serve_pid=$!
for _ in $(seq 100); do
    grep -q 'listening on' "$out/serve.out" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's|.*listening on \(http://[^/]*\)/.*|\1|p' "$out/serve.out")
[[ -n $url ]] || { echo "web_load: callab serve did not start (see $out/serve.log)" >&2; exit 1; }

# 3. Sign in; wrk sends the session cookie with every request.
curl -sf -c "$out/cookies" -H 'Content-Type: application/json' \
    -d "{\"username\": \"bench\", \"password\": \"$password\"}" "$url/api/session" >/dev/null
cookie=$(awk '$6 == "callab_session" { print $7 }' "$out/cookies")
[[ -n $cookie ]] || { echo "web_load: sign-in failed" >&2; exit 1; }
cat >"$out/session.lua" <<LUA
wrk.headers["Cookie"] = "callab_session=$cookie"
wrk.headers["Accept"] = "application/json"
LUA
target="/api/instruments?per_page=50"
curl -sf -b "callab_session=$cookie" "$url$target" >"$out/nginx/html/api/instruments.json"
total=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' \
    "$out/nginx/html/api/instruments.json")
[[ $total == "$instruments" ]] || { echo "web_load: the API lists $total instruments" >&2; exit 1; }

# 4. nginx: a private instance, its own prefix and configuration, on a free loopback port.
nginx_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$out/nginx/nginx.conf" <<CONF
worker_processes $server_threads;
daemon off;
master_process on;
pid $out/nginx/nginx.pid;
error_log $out/nginx/logs/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $out/nginx/tmp/body;
    proxy_temp_path $out/nginx/tmp/proxy;
    fastcgi_temp_path $out/nginx/tmp/fastcgi;
    uwsgi_temp_path $out/nginx/tmp/uwsgi;
    scgi_temp_path $out/nginx/tmp/scgi;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$nginx_port;
        root $out/nginx/html;
        location = /api/instruments { default_type application/json; try_files /api/instruments.json =404; }
    }
}
CONF
chmod -R a+rX "$out/nginx/html"
nginx -p "$out/nginx" -e "$out/nginx/logs/error.log" -c "$out/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$nginx_port$target" >/dev/null 2>&1 && break
    sleep 0.1
done
cmp -s <(curl -sf "http://127.0.0.1:$nginx_port$target") "$out/nginx/html/api/instruments.json" ||
    { echo "web_load: nginx does not serve the body (see $out/nginx/logs/error.log)" >&2; exit 1; }

# 5. The same load on both, one after the other; each server's processor time (clock ticks
#    of user + system time of the process and its children, i.e. nginx's workers) is read
#    before and after its run.
ticks() {
    local pid total=0
    for pid in "$1" $(pgrep -P "$1" || true); do
        total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
    done
    echo "$total"
}
run() { # URL REPORT PID
    local before after
    before=$(ticks "$3")
    wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$out/session.lua" "$1" | tee "$2"
    after=$(ticks "$3")
    echo $((after - before)) >"$2.ticks"
}
echo "== callab serve: GET $target over $instruments instruments"
run "$url$target" "$out/wrk_callab.txt" "$serve_pid"
echo "== nginx: the same body as a static file"
run "http://127.0.0.1:$nginx_port$target" "$out/wrk_nginx.txt" "$nginx_pid"

rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
p99() { awk '$1 == "99%" { print $2 }' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ { print }' "$1"; }
# Processor time per request in µs: the server's ticks over the requests wrk counted.
cpu_us() {
    awk -v t="$(cat "$1.ticks")" -v hz="$(getconf CLK_TCK)" \
        '/ requests in / { printf "%.1f", t / hz * 1e6 / $1 }' "$1"
}
callab_rps=$(rps "$out/wrk_callab.txt")
nginx_rps=$(rps "$out/wrk_nginx.txt")
load=$(cut -d' ' -f1 /proc/loadavg)
echo
echo "== summary ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))"
[[ -n $reuse ]] || awk -v a="$start" -v b="$loaded" -v n="$instruments" \
    'BEGIN { printf "database load: %.1f s for %d instruments\n", b - a, n }'
printf 'body: %s bytes\n' "$(stat -c %s "$out/nginx/html/api/instruments.json")"
printf 'callab serve: %s requests/s, p99 %s, %s µs processor time per request\n' \
    "$callab_rps" "$(p99 "$out/wrk_callab.txt")" "$(cpu_us "$out/wrk_callab.txt")"
printf 'nginx static: %s requests/s, p99 %s, %s µs processor time per request\n' \
    "$nginx_rps" "$(p99 "$out/wrk_nginx.txt")" "$(cpu_us "$out/wrk_nginx.txt")"
awk -v a="$callab_rps" -v b="$nginx_rps" 'BEGIN { printf "callab / nginx: %.3f\n", a / b }'
printf 'load average: %s\n' "$load"
errors "$out/wrk_callab.txt"
if [[ -n ${JSON:-} ]]; then
    /usr/bin/python3 - "$out" "$JSON" "$instruments" "$duration" "$connections" "$threads" \
        "$server_threads" "$load" "$(awk -v a="$start" -v b="$loaded" 'BEGIN { print b - a }')" \
        "$(getconf CLK_TCK)" <<'PY'
import json, os, re, sys
out, target, instruments, duration, connections, threads, server_threads, load, import_s, hz = sys.argv[1:]
def wrk(name):
    text = open(f"{out}/wrk_{name}.txt").read()
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    ticks = int(open(f"{out}/wrk_{name}.txt.ticks").read())
    def ms(label):
        m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        return float(m.group(1)) * {"us": 1e-3, "ms": 1, "s": 1e3}[m.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {"requests": requests, "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
            "p50_ms": ms("50%"), "p99_ms": ms("99%"), "cpu_s": ticks / int(hz),
            "cpu_us_per_request": ticks / int(hz) * 1e6 / requests,
            "non_2xx": int(errors.group(1)) if errors else 0}
json.dump({"instruments": int(instruments), "seconds": int(duration), "connections": int(connections),
           "wrk_threads": int(threads), "server_threads": int(server_threads), "load_average": float(load),
           "import_seconds": float(import_s) if float(import_s) > 0 else None,
           "bytes": os.path.getsize(f"{out}/nginx/html/api/instruments.json"),
           "callab": wrk("callab"), "nginx": wrk("nginx")}, open(target, "w"), indent=1)
PY
fi
