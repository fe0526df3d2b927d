#!/usr/bin/env bash
# Load test of `GET /api/instruments?per_page=50` on `callab serve` over 100,000 instruments,
# next to nginx serving the same JSON body as a static file, in the same run.
#
#   bench/web_load.sh [BUILD_DIR]        (default: build; needs build/bin/callab)
#
# Environment: INSTRUMENTS (100000), DURATION seconds per run (20), CONNECTIONS (2),
# THREADS (2), SERVER_THREADS (2). Everything lives under BUILD_DIR/bench/web_load: the
# SQLite database, the server's log, a private nginx prefix with its own configuration on a
# free loopback port (nothing of the system's nginx is used), and wrk's reports.
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

rm -rf "$out"
mkdir -p "$out/nginx/html/api" "$out/nginx/logs" "$out/nginx/tmp"
db="sqlite:$out/callab.db"

# 1. The records: 10 enterprises and the instruments spread over them, each file imported in
#    one transaction (callab import, with the audit trail).
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

# 5. The same load on both, one after the other.
run() {
    wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$out/session.lua" "$1" | tee "$2"
}
echo "== callab serve: GET $target over $instruments instruments"
run "$url$target" "$out/wrk_callab.txt"
echo "== nginx: the same body as a static file"
run "http://127.0.0.1:$nginx_port$target" "$out/wrk_nginx.txt"

rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
p99() { awk '$1 == "99%" { print $2 }' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ { print }' "$1"; }
callab_rps=$(rps "$out/wrk_callab.txt")
nginx_rps=$(rps "$out/wrk_nginx.txt")
echo
echo "== summary ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))"
awk -v a="$start" -v b="$loaded" -v n="$instruments" \
    'BEGIN { printf "database load: %.1f s for %d instruments\n", b - a, n }'
printf 'body: %s bytes\n' "$(stat -c %s "$out/nginx/html/api/instruments.json")"
printf 'callab serve: %s requests/s, p99 %s\n' "$callab_rps" "$(p99 "$out/wrk_callab.txt")"
printf 'nginx static: %s requests/s, p99 %s\n' "$nginx_rps" "$(p99 "$out/wrk_nginx.txt")"
awk -v a="$callab_rps" -v b="$nginx_rps" 'BEGIN { printf "callab / nginx: %.3f\n", a / b }'
errors "$out/wrk_callab.txt"
