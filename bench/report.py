#!/usr/bin/python3
"""Runs every benchmark program in build/bin (`*_bench`, Google Benchmark, JSON output) and
the wrk load tests, then writes their figures into the generated blocks of
docs/BENCHMARKS.md: the text between `<!-- generated:NAME:begin -->` and
`<!-- generated:NAME:end -->` is replaced, everything around it (the explanations) is kept.
A program without a block gets one appended at the end of the document.

    report.py [--bin build/bin] [--out build/bench] [--only NAME...] [--short]
              [-- ARGS for each program]

Besides the `*_bench` programs: `http` (bench/wrk_load.py), `web_load` (bench/web_load.sh,
the instruments list over 100,000 instruments against nginx) and `live_load` (build/bin/
live_load, 200 WebSocket clients following a run). `--short` is a quick run for checking
the whole chain: one repetition of each program with a short minimum time, 3 s per wrk test.

Ratios are callab's time over its baseline's in the same run (RATIOS below). A new
program's pairs are added there.
"""

import argparse
import glob
import json
import os
import platform
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# program -> [(callab benchmark, baseline benchmark, what the ratio says)]
RATIOS = {
    "certificate_bench": [
        ("pdf_callab_certificate/3", "pdf_baseline_empty_cairo_page", "PDF of 3 points"),
        ("dcc_callab_write", "dcc_baseline_string_copy", "DCC with the PDF embedded")],
    "drivers_bench": [
        ("modbus_tcp_callab_client/2", "modbus_tcp_baseline_libmodbus/2",
         "Modbus TCP read of 2 registers"),
        ("modbus_tcp_callab_meter_reading", "modbus_tcp_baseline_libmodbus/1",
         "a typed reading against a bare 1-register read")],
    "issue_bench": [
        ("issue_callab_certificate", "issue_baseline_pdf_render_alone",
         "issuing one certificate against its PDF render alone")],
    "records_bench": [
        ("recall_list_callab", "baseline_sqlite3_recall", "recall list"),
        ("job_with_readings_callab", "baseline_sqlite3_select", "a job with 100 readings"),
        ("durable_reading_insert_callab", "baseline_sqlite3_insert", "durable reading insert")],
    "uncertainty_bench": [
        ("type_a_callab/10", "type_a_baseline_loops/10", "Type A of 10 readings"),
        ("type_a_callab/1000", "type_a_baseline_loops/1000", "Type A of 1000 readings")],
    "uncertainty_engine_bench": [
        ("gum_parsed_model", "gum_baseline_closed_form", "GUM, 10-input model"),
        ("mcm_additive_shortest", "mcm_numpy_baseline", "Monte Carlo 10⁶ trials vs numpy")],
}

DEFAULT_ARGS = ["--benchmark_repetitions=3", "--benchmark_report_aggregates_only=true"]
SHORT_ARGS = ["--benchmark_min_time=0.05"]


def machine():
    with open("/proc/cpuinfo") as f:
        names = [l.split(":", 1)[1].strip() for l in f if l.startswith("model name")]
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    compiler = subprocess.run(["c++", "--version"], capture_output=True,
                              text=True).stdout.splitlines()[0]
    return (f"{len(names)} × {names[0] if names else 'unknown'}, {platform.system()} "
            f"{platform.release()}, {compiler}, release preset (RelWithDebInfo), load average "
            f"{load} at the end, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


def run_program(path, out_dir, extra):
    name = os.path.basename(path)
    out = os.path.abspath(os.path.join(out_dir, f"{name}.json"))
    workdir = os.path.join(out_dir, name)  # records_bench keeps its database here
    os.makedirs(workdir, exist_ok=True)
    argv = [os.path.abspath(path), f"--benchmark_out={out}", "--benchmark_out_format=json"]
    argv += extra or DEFAULT_ARGS
    print(f"== {name}: {' '.join(argv[1:])}", flush=True)
    subprocess.run(argv, cwd=workdir, check=True)
    with open(out) as f:
        return " ".join([f"build/bin/{name}"] + argv[3:]), json.load(f)


def medians(data):
    """run name -> (real, cpu, unit, iterations): the median when repetitions were run."""
    result = {}
    for b in data["benchmarks"]:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = b.get("run_name", b["name"])
        result[name] = (b["real_time"], b["cpu_time"], b.get("time_unit", "ns"),
                        b.get("iterations", 0))
    return result


def fmt(value, unit):
    return f"{value:,.3g} {unit.replace('us', 'µs')}"


def program_block(name, command, data):
    rows = medians(data)
    lines = [f"`{command}` — machine: {machine()}.", "",
             "| benchmark | wall | CPU |", "|---|---|---|"]
    for run, (real, cpu, unit, _) in rows.items():
        lines.append(f"| `{run}` | {fmt(real, unit)} | {fmt(cpu, unit)} |")
    def find(key):  # a name, or the first run of it with arguments (`name/…`)
        return next((run for run in rows if run == key or run.startswith(key + "/")), None)
    pairs = [(find(c), find(b), what) for c, b, what in RATIOS.get(name, [])]
    pairs = [(c, b, what) for c, b, what in pairs if c and b]
    if pairs:
        lines += ["", "| ratio | callab / baseline (wall) | (CPU) |", "|---|---|---|"]
        for c, b, what in pairs:
            scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}
            cr, cc, cu, _ = rows[c]
            br, bc, bu, _ = rows[b]
            wall = cr * scale[cu] / (br * scale[bu])
            cpu = cc * scale[cu] / (bc * scale[bu]) if bc else float("nan")
            lines.append(f"| {what}: `{c}` / `{b}` | {wall:.3g} × | {cpu:.3g} × |")
    return "\n".join(lines)


def http_block(command, results):
    lines = [f"`{command}` — machine: {machine()}. wrk 1 thread, {results['connections']} "
             f"connections, {results['seconds']} s per test; `callab serve --threads 1` on "
             "SQLite against nginx with one worker serving the same bytes as files.", "",
             "| test | bytes | callab req/s | p50 | p99 | nginx req/s | p50 | p99 | "
             "callab / nginx (req/s) |", "|---|---|---|---|---|---|---|---|---|"]
    names = {"app_page": "`GET /` (the browser app's index.html, from memory)",
             "health": "`GET /api/health`",
             "booking_read": "`GET /api/bookings/{id}` (session lookup + booking, SQLite)",
             "booking_create": "`POST /api/bookings` (a new booking each, durable, 4 conn.)"}
    for key, label in names.items():
        r = results[key]
        c = r["callab"]
        n = r.get("nginx")
        cells = [label, str(r.get("bytes", "—")), f"{c['requests_per_s']:,.0f}",
                 f"{c['p50_ms']} ms", f"{c['p99_ms']} ms"]
        if n:
            cells += [f"{n['requests_per_s']:,.0f}", f"{n['p50_ms']} ms", f"{n['p99_ms']} ms",
                      f"{c['requests_per_s'] / n['requests_per_s']:.2f}"]
        else:
            cells += ["—", "—", "—", "—"]
        if c["non_2xx"]:
            cells[0] += f" ({c['non_2xx']} non-2xx)"
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def web_load_block(command, r):
    c, n = r["callab"], r["nginx"]
    lines = [f"`{command}` — machine: {machine()}. `GET /api/instruments?per_page=50` "
             f"({r['bytes']:,} bytes) over "
             f"{r['instruments']:,} instruments, signed in; wrk {r['wrk_threads']} threads, "
             f"{r['connections']} connections, {r['seconds']} s each; `callab serve --threads "
             f"{r['server_threads']}` on SQLite against nginx with {r['server_threads']} "
             "workers serving the same body as a file. Processor time is the server's (user + "
             "system, every process of it) over its run divided by the requests answered.", "",
             "| server | requests/s | p50 | p99 | processor time / request | requests | non-2xx |",
             "|---|---|---|---|---|---|---|"]
    for name, x in (("callab serve", c), ("nginx (baseline)", n)):
        lines.append(f"| {name} | {x['requests_per_s']:,.0f} | {x['p50_ms']:.3g} ms | "
                     f"{x['p99_ms']:.3g} ms | {x['cpu_us_per_request']:,.1f} µs | "
                     f"{x['requests']:,} | {x['non_2xx']} |")
    lines += ["", f"callab / nginx: {c['requests_per_s'] / n['requests_per_s']:.3f} of the request "
              f"rate, {c['cpu_us_per_request'] / n['cpu_us_per_request']:.1f} × the processor "
              f"time per request. At {c['cpu_us_per_request']:,.0f} µs per request, two idle "
              f"cores would answer at most {2e6 / c['cpu_us_per_request']:,.0f} requests/s "
              "(wrk itself needs some of them)."]
    if r.get("import_seconds"):
        lines.append(f"Building the database (`callab import` of both files): "
                     f"{r['import_seconds']:.1f} s.")
    return "\n".join(lines)


def live_load_block(command, r):
    lines = [f"`{command}` — machine: {machine()}. One reading stored every "
             f"{r['interval_ms']} ms over HTTP; delay = receipt by a client − the reading's "
             "`stored_at`.", "",
             "| run | clients | readings | clients that got every reading | median | p99 | max "
             "| run time |", "|---|---|---|---|---|---|---|---|"]
    for name in ("baseline", "loaded"):
        x = r[name]
        lines.append(f"| {name} | {x['clients']} | {x['readings']} | {x['complete']} | "
                     f"{x['median_ms']:.2f} ms | {x['p99_ms']:.2f} ms | {x['max_ms']:.2f} ms | "
                     f"{x['seconds']:.1f} s |")
    base = r["baseline"]["p99_ms"]
    if base > 0:
        lines += ["", f"p99 with {r['loaded']['clients']} clients / with one: "
                  f"{r['loaded']['p99_ms'] / base:.2f} ×."]
    return "\n".join(lines)


def replace_block(text, name, body):
    pattern = re.compile(rf"(<!-- generated:{name}:begin -->\n).*?(<!-- generated:{name}:end -->)",
                         re.S)
    if pattern.search(text):
        return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)
    return (text.rstrip("\n") + f"\n\n## `{name}`\n\n<!-- generated:{name}:begin -->\n{body}\n"
            f"<!-- generated:{name}:end -->\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "bin"))
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "bench"))
    parser.add_argument("--document", default=os.path.join(ROOT, "docs", "BENCHMARKS.md"))
    parser.add_argument("--only", nargs="*",
                        help="program names, `http` (wrk), `web_load`, `live_load`")
    parser.add_argument("--short", action="store_true", help="a quick run of everything")
    parser.add_argument("args", nargs="*", help="arguments for every benchmark program")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    began = time.time()
    wanted = lambda name: not args.only or name in args.only
    blocks = {}
    for path in sorted(glob.glob(os.path.join(args.bin, "*_bench"))):
        name = os.path.basename(path)
        if not wanted(name):
            continue
        command, data = run_program(path, args.out, args.args or (SHORT_ARGS if args.short
                                                                   else None))
        blocks[name] = program_block(name, command, data)
    if wanted("http"):
        out = os.path.join(args.out, "wrk.json")
        seconds = ["--seconds", "3"] if args.short else []
        command = " ".join(["bench/wrk_load.py --callab build/bin/callab"] + seconds +
                           ["--json build/bench/wrk.json"])
        print(f"== {command}", flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "wrk_load.py"), "--callab",
                        os.path.join(args.bin, "callab"), "--json", out] + seconds, check=True,
                       stdout=subprocess.DEVNULL)
        with open(out) as f:
            blocks["http"] = http_block(command, json.load(f))
    if wanted("web_load"):
        out = os.path.join(args.out, "web_load.json")
        duration = "3" if args.short else "20"
        command = f"DURATION={duration} bench/web_load.sh build"
        print(f"== {command}", flush=True)
        subprocess.run([os.path.join(ROOT, "bench", "web_load.sh"),
                        os.path.dirname(os.path.abspath(args.bin))], check=True,
                       env=dict(os.environ, DURATION=duration, JSON=out),
                       stdout=subprocess.DEVNULL)
        with open(out) as f:
            blocks["web_load"] = web_load_block(command, json.load(f))
    if wanted("live_load"):
        out = os.path.join(args.out, "live_load.json")
        argv = [os.path.join(args.bin, "live_load"), "--clients", "200", "--interval-ms", "20",
                "--json", out]
        command = "build/bin/live_load --clients 200 --interval-ms 20"
        print(f"== {command}", flush=True)
        subprocess.run(argv, check=True)
        with open(out) as f:
            blocks["live_load"] = live_load_block(command, json.load(f))
    minutes = (time.time() - began) / 60
    with open(args.document) as f:
        text = f.read()
    for name, body in blocks.items():
        text = replace_block(text, name, body)
    if not args.only:
        text = replace_block(text, "duration",
                             f"The last `./dev bench{' --short' if args.short else ''}` ran "
                             f"its programs and load tests in {minutes:.1f} minutes (after the "
                             f"build), load average {open('/proc/loadavg').read().split()[0]} "
                             "at the end.")
    with open(args.document, "w") as f:
        f.write(text)
    print(f"bench: wrote {', '.join(blocks)} into {os.path.relpath(args.document, ROOT)} "
          f"in {minutes:.1f} minutes")


if __name__ == "__main__":
    main()
