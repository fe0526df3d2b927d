#!/usr/bin/python3
"""Writes the results of `chaos.py --long --json` and `soak.py --json` into the generated
blocks of docs/RELIABILITY.md (between `<!-- generated:NAME:begin -->` and
`<!-- generated:NAME:end -->`); the text around the blocks is left as written.

    reliability_report.py --chaos CHAOS.json --soak SOAK.json --command "CMD" RELIABILITY.md
"""

import argparse
import json
import platform
import re
import subprocess
import time


def machine():
    cpu = "unknown processor"
    try:
        with open("/proc/cpuinfo") as f:
            names = [l.split(":", 1)[1].strip() for l in f if l.startswith("model name")]
        cpu = f"{len(names)} × {names[0]}" if names else cpu
    except OSError:
        pass
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    postgres = subprocess.run(["/usr/lib/postgresql/15/bin/postgres", "--version"],
                              capture_output=True, text=True).stdout.strip()
    return (f"{cpu}, {platform.system()} {platform.release()}, {postgres}, load average "
            f"{load} when the report was written, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


def number(result, key):
    value = result.get(key)
    return "—" if value is None else str(value)


def chaos_rows(chaos):
    rows = ["| scenario | fault injected | duration | acknowledged | stored without an answer "
            "| lost | verdict |", "|---|---|---|---|---|---|---|"]
    for name, result in chaos.items():
        parts = {sub: r for sub, r in result.items() if isinstance(r, dict) and sub != "booking_failure_statuses"}
        if parts:  # one row per backend or per fault
            rows += [row(f"{name} ({sub})", r, result) for sub, r in parts.items()]
        else:
            rows.append(row(name, result, result))
    return "\n".join(rows)


def row(name, r, outer):
    injected = []
    for key in ("server_kills", "restarts", "runs_interrupted"):
        if key in r:
            injected.append(f"{key.replace('_', ' ')}: {r[key]}")
    if r.get("booking_tries_unanswered"):
        statuses = ", ".join(f"{v} × {k}" for k, v in r.get("booking_failure_statuses", {}).items())
        injected.append(f"booking tries unanswered: {r['booking_tries_unanswered']}"
                        + (f" ({statuses}, the rest no answer)" if statuses else " (no answer)"))
    if "method" in r:
        injected.append(r["method"])
    if "rates" in r:
        injected.append(f"fault rates {r['rates']}")
    acknowledged = []
    if "bookings_acknowledged" in r:
        acknowledged.append(f"{r['bookings_acknowledged']} bookings")
    if "readings_acknowledged" in r:
        acknowledged.append(f"{r['readings_acknowledged']} readings of {r.get('jobs', '?')} jobs")
    extra = []
    if "bookings_stored_unacknowledged" in r:
        extra.append(f"{r['bookings_stored_unacknowledged']} bookings")
    if "readings_stored" in r and "readings_acknowledged" in r:
        extra.append(f"{r['readings_stored'] - r['readings_acknowledged']} readings")
    lost = "0" if outer.get("verdict") == "held" else "see failure"
    verdict = outer.get("verdict", "")
    if outer.get("failure"):
        verdict += ": " + outer["failure"]
    return (f"| {name} | {'; '.join(injected) or '—'} | {outer.get('duration_s', '—')} s | "
            f"{', '.join(acknowledged) or '—'} | {', '.join(extra) or '—'} | {lost} | {verdict} |")


def soak_rows(soak):
    lines = [f"{soak['servers']} servers, {soak['clients']} clients, {soak['minutes']} minutes, "
             f"{soak['requests']} requests ({soak['errors']} failed), "
             f"{soak['bookings_acknowledged']} bookings and {soak['readings_acknowledged']} "
             f"readings ({soak['runs']} runs) acknowledged, all stored.",
             "",
             "| t (s) | RSS server 1 (MiB) | RSS server 2 (MiB) | requests | p50 (ms) | p95 (ms) "
             "| p99 (ms) | max (ms) |",
             "|---|---|---|---|---|---|---|---|"]
    for s in soak["samples"]:
        rss = [f"{v / 1024:.1f}" if v else "—" for v in s["rss_kib"]]
        lines.append(f"| {s['t_s']} | {rss[0]} | {rss[1]} | {s['requests']} | {s['p50_ms']} | "
                     f"{s['p95_ms']} | {s['p99_ms']} | {s['max_ms']} |")
    growth = ", ".join(f"{g / 1024:.1f}" for g in soak["rss_growth_after_warmup_kib"])
    lines += ["",
              f"Resident memory growth after warm-up: {growth} MiB (bound "
              f"{soak['rss_growth_bound_kib'] / 1024:.0f} MiB per server). p99 latency: "
              f"{soak['p99_warm_ms']} ms after warm-up, {soak['p99_last_ms']} ms at the end "
              f"(bound {soak['p99_bound_ms']:.1f} ms). Verdict: **{soak['verdict']}**."]
    return "\n".join(lines)


def replace_block(text, name, body):
    pattern = re.compile(rf"(<!-- generated:{name}:begin -->\n).*?(<!-- generated:{name}:end -->)",
                         re.S)
    if not pattern.search(text):
        raise SystemExit(f"reliability_report: no generated:{name} block in the document")
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chaos", required=True)
    parser.add_argument("--soak", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("document")
    args = parser.parse_args()
    with open(args.chaos) as f:
        chaos = json.load(f)
    with open(args.soak) as f:
        soak = json.load(f)
    with open(args.document) as f:
        text = f.read()
    header = f"Command: `{args.command}`. Machine: {machine()}."
    text = replace_block(text, "faults", header + "\n\n" + chaos_rows(chaos))
    text = replace_block(text, "soak", soak_rows(soak))
    with open(args.document, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
