"""stress_bench.py: `bench.py stress`, real threads against the simulator.

For every bug variant of the expected-verdict table (at the first model where
it is Sometimes, as `bench.py explore` does), and for the native-only rows
(plain-mode-read, kick_only's request-less kick):

  * the simulator's time to the first violation: median over seeds of
    `reqsim explore --stop-on-first` with PCT and with random;
  * the native build's time to the first violation: `reqsim-stress ...
    --stop-on-first` with a time budget ("not found in N s" otherwise);
  * the same for the ThreadSanitizer build, which also stops at the first
    TSan report (halt_on_error=1): "TSan report at X s".

Then the correct core's latency distribution on real threads (p50/p90/p99/
max of each scenario's latency series; native and TSan builds).

Real threads are not deterministic and this machine is shared: every figure
is one run (or --repeat runs) with its seed printed; the load average is
printed with the table.  Standard library only; called from bench.py, which
passes itself as `b` (its BenchError, run_explore, time_to_bug).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RESULT_RE = re.compile(
    r"^result (?P<verdict>clean|violation) scenario=(?P<scenario>\S+) arch=(?P<arch>\S+) "
    r"bugs=(?P<bugs>\S+) seed=(?P<seed>\d+) threads=(?P<threads>\d+) "
    r"seconds=(?P<seconds>[\d.]+) rounds=(?P<rounds>\d+) requests=(?P<requests>\d+) "
    r"violations=(?P<violations>\d+) first_violation_s=(?P<first>\S+) "
    r"latency=(?P<latency>\S+) samples=(?P<samples>\d+) p50_ns=(?P<p50>\d+) "
    r"p90_ns=(?P<p90>\d+) p99_ns=(?P<p99>\d+) max_ns=(?P<max>\d+)$", re.M)
VIOLATION_RE = re.compile(r"^VIOLATION (\S+) at ([\d.]+)s", re.M)

# (scenario, bug, params of the verdict row) -> the native configuration, or
# a string saying why that row is not run on real threads.  The exceptions
# only: a row of a scenario that reqsim-stress runs (`reqsim-stress list
# --tsv`) and not listed here gets native_args(), derived from its
# parameters.
NATIVE_MAP: dict[tuple[str, str, str], list[str] | str] = {
    ("dekker", "no-mb-after-in-guest-mode", ""): ["dekker"],
    ("dekker", "no-mb-before-mode-read", "mask=1"): ["dekker", "--param", "mask=1"],
    ("dekker", "wait-in-guest-predicate", "dead=1"):
        "dead=1 (KVM_REQ_VM_DEAD) is not run natively; see tlb_flush, outside_guest_mode",
    ("dekker", "check-before-in-guest-mode", "dead=1"):
        "dead=1 (KVM_REQ_VM_DEAD) is not run natively",
    ("dekker", "check-before-in-guest-mode", ""): ["dekker"],
    ("dekker", "kick-without-request", ""): ["dekker"],
    ("payload", "no-wmb-before-request", ""): ["payload"],
    ("payload", "no-mb-after-check-request", ""): ["payload"],
    ("payload", "no-mb-after-in-guest-mode", ""): ["payload"],
    ("kick_only", "-", ""): ["kick_only"],
    ("tlb_flush", "wait-in-guest-predicate", ""): ["tlb_flush", "--threads", "3"],
    ("tlb_flush", "no-mb-after-in-guest-mode", ""): ["tlb_flush", "--threads", "3"],
    ("tlb_flush", "check-before-in-guest-mode", ""): ["tlb_flush", "--threads", "3"],
    ("outside_guest_mode", "wait-in-guest-predicate", ""):
        ["outside_guest_mode", "--threads", "3"],
    ("halt", "check-block-ignores-requests", ""): ["halt"],
    ("halt", "no-mb-after-in-guest-mode", ""): ["halt"],
    ("mixed", "no-mb-after-in-guest-mode", ""): ["mixed"],
    ("mixed", "check-before-in-guest-mode", ""): ["mixed"],
    ("async_pf", "apf-halt-no-recheck", "pv=0"): ["async_pf", "--param", "pv=0"],
    ("async_pf", "apf-halt-in-snapshot", "pv=0"):
        "the migration snapshot reads vCPU-owned state plainly: not run natively",
    ("async_pf", "apf-drop-on-reset", "reset=1"): ["async_pf", "--param", "reset=1"],
    ("async_pf", "apf-worker-touches-queue", "reset=3 pages=4"):
        ["async_pf", "--param", "reset=3", "--param", "pages=4"],
    ("kick_all", "kick-all-clear-before-wait", ""): ["kick_all"],
    ("kick_all", "kick-all-clear-before-wait", "retries=0"):
        ["kick_all", "--param", "retries=0"],
    ("kick_all", "kick-all-clear-before-wait", "vcpus=1 entries=0 irqs=0 retries=0"):
        ["kick_all", "--threads", "2", "--param", "retries=0"],
    ("its", "its-lock-dropping", ""): ["its"],
    ("its", "its-lock-dropping", "toggles=0"): ["its", "--param", "toggles=0"],
    ("its", "its-lock-dropping", "cbaser=1"): "the CBASER rewrite is not run natively",
    ("its", "its-outside-cmd-lock", ""): ["its"],
    ("its", "its-outside-cmd-lock", "toggles=0"): ["its", "--param", "toggles=0"],
}
# rows only real threads have (the simulator has no data-race oracle: a plain
# access is not a decision point there)
NATIVE_ONLY = [("dekker", "plain-mode-read", "", ["dekker"])]
# latency runs besides one default run of every stress scenario not named here
LATENCY_RUNS = [["dekker"], ["dekker", "--param", "mask=1"], ["halt"],
                ["tlb_flush", "--threads", "3"], ["outside_guest_mode", "--threads", "3"],
                ["kick_all", "--threads", "3"], ["its", "--threads", "3"]]
# scenarios whose latency series is empty (no latency= in `reqsim-stress list`)
NO_LATENCY = {"async_pf"}


def stress_list(stress: Path) -> dict[str, tuple[list[str], list[str]]]:
    """`reqsim-stress list --tsv`: scenario -> (archs, parameter names)."""
    p = subprocess.run([str(stress), "list", "--tsv"], capture_output=True, text=True)
    out: dict[str, tuple[list[str], list[str]]] = {}
    for line in p.stdout.splitlines():
        f = line.split("\t")
        if len(f) == 3:
            out[f[0]] = (f[1].split(","), [x for x in f[2].split(",") if x])
    return out


def native_args(row: dict[str, Any],
                native: dict[str, tuple[list[str], list[str]]]) -> list[str] | str | None:
    """The native configuration of a verdict row: NATIVE_MAP's, else the
    scenario with the row's parameters if reqsim-stress has them all; None
    if reqsim-stress has no such scenario."""
    key = (row["scenario"], row["bug"], row["params"])
    if key in NATIVE_MAP:
        return NATIVE_MAP[key]
    if row["scenario"] not in native:
        return None
    names = native[row["scenario"]][1]
    params = row["params"].split()
    missing = [p.split("=")[0] for p in params if p.split("=")[0] not in names]
    if missing:
        return f"parameter {', '.join(missing)} is not run natively"
    return [row["scenario"]] + [x for p in params for x in ("--param", p)]
MODEL_ORDER = ("sc", "tso", "pso", "wmm")


def default_paths(b: Any) -> tuple[Path, Path]:
    d = b.DEFAULT_REQSIM.parent
    return d / "reqsim-stress", d / "reqsim-stress-tsan"


def run_stress(binary: Path, args: list[str], seconds: float, seed: int, tsan: bool,
               timeout: float, b: Any, stop_on_first: bool = True) -> dict[str, Any]:
    """One reqsim-stress run; the time of the first violation or TSan report."""
    cmd = [str(binary)] + args + ["--seconds", f"{seconds:g}", "--seed", str(seed)]
    if stop_on_first:
        cmd.append("--stop-on-first")
    env = dict(os.environ)
    if tsan:
        env["TSAN_OPTIONS"] = "halt_on_error=1 exitcode=66"
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env,
                           check=False)
    except subprocess.TimeoutExpired as e:
        raise b.BenchError(f"{' '.join(cmd)} did not finish within {timeout:g} s") from e
    wall = time.monotonic() - t0
    out = {"command": " ".join(cmd), "rc": p.returncode, "wall_s": wall}
    if tsan and "WARNING: ThreadSanitizer:" in p.stderr:
        m = re.search(r"WARNING: ThreadSanitizer: ([a-z-]+(?: [a-z-]+)*)", p.stderr)
        out.update(found="tsan", kind=m.group(1) if m else "report", at_s=wall)
        return out
    r = RESULT_RE.search(p.stdout)
    v = VIOLATION_RE.search(p.stdout)
    if p.returncode == 2 or (r is None and v is None):
        raise b.BenchError(f"{' '.join(cmd)}: exit {p.returncode}, no result line: "
                           f"{(p.stderr or p.stdout).strip()[:200]}")
    if v is not None:
        out.update(found="violation", kind=v.group(1), at_s=float(v.group(2)))
    elif "VIOLATION crash" in p.stdout:
        out.update(found="violation", kind="crash", at_s=wall)
    else:
        out.update(found=None)
    if r is not None:
        out["result"] = r.groupdict()
    return out


def sim_time(b: Any, reqsim: Path, row: dict[str, Any], model: str, seeds: int,
             budget: int, timeout: float) -> dict[str, Any]:
    """Median seconds/schedules to the first violation, PCT and random."""
    res = {"model": model}
    with tempfile.TemporaryDirectory(prefix="reqsim-sb-") as tmp:
        for strategy in ("pct", "random"):
            found, secs = [], []
            for sd in range(1, seeds + 1):
                n, t = b.time_to_bug(reqsim, row, model, strategy, sd, budget,
                                     Path(tmp) / "o", timeout)
                found.append(n)
                secs.append(t)
            hits = [n for n in found if n is not None]
            res[strategy] = {"found": f"{len(hits)}/{len(found)}",
                             "median_schedules": statistics.median(hits) if hits else None,
                             "median_seconds": statistics.median(secs)}
    return res


def fmt_s(t: float) -> str:
    return f"{t * 1e3:.2f} ms" if t < 0.1 else f"{t:.2f} s"


def fmt_native(r: dict[str, Any] | None, budget: float) -> str:
    if r is None:
        return "-"
    if r.get("found") == "tsan":
        return f"TSan {r['kind']} {fmt_s(r['at_s'])}"
    if r.get("found") == "violation":
        return f"{fmt_s(r['at_s'])} ({r['kind']})"
    return f"not found in {budget:g} s"


def fmt_sim(s: dict[str, Any] | None) -> str:
    if not s:
        return "-"
    best = []
    for strategy in ("pct", "random"):
        x = s[strategy]
        if x["median_schedules"] is not None:
            best.append((x["median_seconds"], strategy, x))
    if not best:
        return f"not found ({s['model']})"
    secs, strategy, x = min(best, key=lambda t: t[0])
    # reqsim explore prints seconds with 3 decimals
    t = "< 1 ms" if secs < 0.001 else fmt_s(secs)
    return f"{t} ({strategy}, {x['median_schedules']:.0f} sched, {s['model']})"


def load_avg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def cmd_stress(args: argparse.Namespace, b: Any) -> int:
    reqsim = Path(args.reqsim) if args.reqsim else b.DEFAULT_REQSIM
    dstress, dtsan = default_paths(b)
    stress = Path(args.stress) if args.stress else dstress
    tsan = Path(args.stress_tsan) if args.stress_tsan else dtsan
    for p in [stress] + ([] if args.latency_only else [reqsim]):
        if not p.exists():
            raise b.BenchError(f"{p} not found; build it first: {b.BUILD_HINT}")
    have_tsan = tsan.exists() and not args.no_tsan
    native = stress_list(stress)
    load0 = load_avg()
    rows = []
    todo: list[tuple[dict[str, Any], list[str] | str, str | None]] = []
    if not args.latency_only:
        for row in b.verdict_rows(reqsim):
            model = next((m for m in MODEL_ORDER if row["expect"][m] == "Sometimes"), None)
            if model is None:
                continue
            nargs = native_args(row, native)
            if nargs is None:
                continue
            if args.only and row["scenario"] not in args.only:
                continue
            todo.append((row, nargs, model))
        for sc, bug, params, nargs in NATIVE_ONLY:
            if not args.only or sc in args.only:
                todo.append(({"scenario": sc, "bug": bug, "params": params, "arch": "both"},
                              nargs, None))
    for row, nargs, model in todo:
        cell: dict[str, Any] = {"scenario": row["scenario"], "bug": row["bug"],
                                "params": row["params"]}
        if args.verbose:
            print(f"... {row['scenario']} {row['bug']} {row['params']}", file=sys.stderr)
        cell["sim"] = (sim_time(b, reqsim, row, model, args.sim_seeds, args.sim_budget,
                                args.timeout) if model else None)
        if isinstance(nargs, str):
            cell["not_native"] = nargs
        else:
            bug = ["--bug", row["bug"]] if row["bug"] != "-" else []
            arch = (["--arch", "arm64"] if row["arch"] == "arm64" and
                    "arm64" in native.get(nargs[0], ([], []))[0] else [])
            full = nargs + bug + arch
            cell["native_args"] = " ".join(full)
            cell["native"] = [run_stress(stress, full, args.seconds, sd, False, args.timeout, b)
                              for sd in range(1, args.repeat + 1)]
            if have_tsan:
                cell["tsan"] = [run_stress(tsan, full, args.tsan_seconds, sd, True,
                                           args.timeout, b)
                                for sd in range(1, args.repeat + 1)]
        rows.append(cell)
    lat = []
    named = {r[0] for r in LATENCY_RUNS}
    for nargs in LATENCY_RUNS + [[sc] for sc in native if sc not in named | NO_LATENCY]:
        if args.only and nargs[0] not in args.only:
            continue
        for build, binary in (("native", stress), ("tsan", tsan)):
            if build == "tsan" and not have_tsan:
                continue
            r = run_stress(binary, nargs, args.latency_seconds, 1, build == "tsan",
                           args.timeout, b, stop_on_first=False)
            lat.append({"args": " ".join(nargs), "build": build, **(r.get("result") or {}),
                        "found": r.get("found")})
    report = {"benchmark": "stress", "cpus": os.cpu_count(), "load_before": load0,
              "load_after": load_avg(), "seconds": args.seconds,
              "tsan_seconds": args.tsan_seconds, "repeat": args.repeat,
              "sim_seeds": args.sim_seeds, "sim_budget": args.sim_budget,
              "rows": rows, "latency": lat}
    if args.json:
        print(json.dumps(report, indent=2))
        return b.EXIT_OK
    print_report(report)
    return b.EXIT_OK


def print_report(rep: dict[str, Any]) -> None:
    print(f"time to the first violation: simulator (median of {rep['sim_seeds']} seeds, "
          f"best of PCT/random, budget {rep['sim_budget']:,} schedules) vs real threads "
          f"(native and TSan builds, {rep['repeat']} run(s) each, seeds 1..; budgets "
          f"{rep['seconds']:g} s / {rep['tsan_seconds']:g} s)")
    print(f"machine: {rep['cpus']} CPUs, load average {rep['load_before']} before, "
          f"{rep['load_after']} after")
    if rep["rows"]:
        print()
        print("| scenario | bug | params | simulator | native | TSan build |")
        print("|---|---|---|---|---|---|")
    for c in rep["rows"]:
        if "not_native" in c:
            nat = tsn = "n/a: " + c["not_native"]
        else:
            nat = "; ".join(fmt_native(r, rep["seconds"]) for r in c["native"])
            tsn = ("; ".join(fmt_native(r, rep["tsan_seconds"]) for r in c["tsan"])
                   if "tsan" in c else "-")
        print(f"| {c['scenario']} | {c['bug']} | {c['params'] or '-'} | {fmt_sim(c['sim'])} "
              f"| {nat} | {tsn} |")
    if rep["latency"]:
        print()
        print("latency on real threads, correct core (one run each):")
        print()
        print("| run | build | series | samples | p50 | p90 | p99 | max |")
        print("|---|---|---|---|---|---|---|---|")
        for x in rep["latency"]:
            if "p50" not in x:
                print(f"| {x['args']} | {x['build']} | (no result: {x.get('found')}) |||||")
                continue
            print(f"| {x['args']} | {x['build']} | {x['latency']} | {int(x['samples']):,} "
                  f"| {fmt_ns(x['p50'])} | {fmt_ns(x['p90'])} | {fmt_ns(x['p99'])} "
                  f"| {fmt_ns(x['max'])} |")
    print()
    print("commands: reqsim-stress ARGS --bug BUG --seconds S --seed N --stop-on-first "
          "(TSan: TSAN_OPTIONS=halt_on_error=1); reqsim explore SCENARIO --model M "
          "--strategy pct|random --seed N --stop-on-first")


def fmt_ns(v: Any) -> str:
    n = int(v)
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} ms"
    if n >= 1_000:
        return f"{n / 1e3:.1f} us"
    return f"{n} ns"


def add_parser(sub: Any, positive_int: Any, positive_float: Any) -> None:
    s = sub.add_parser(
        "stress", help="time to the first violation on real threads vs the simulator",
        description="For every bug variant (first model where it is Sometimes): the "
                    "simulator's median time to the first violation (PCT, random) beside "
                    "the time on real threads with the native build and the TSan build "
                    "(not found within the budget is reported as such); then the correct "
                    "core's latency percentiles on real threads.")
    s.add_argument("--reqsim", metavar="PATH", help="reqsim binary")
    s.add_argument("--stress", metavar="PATH", help="reqsim-stress (default: next to reqsim)")
    s.add_argument("--stress-tsan", metavar="PATH",
                   help="reqsim-stress-tsan (default: next to reqsim)")
    s.add_argument("--no-tsan", action="store_true", help="skip the TSan build")
    s.add_argument("--seconds", type=positive_float, default=20.0, metavar="S",
                   help="native budget per bug variant and run (default 20)")
    s.add_argument("--tsan-seconds", type=positive_float, default=20.0, metavar="S",
                   help="TSan budget per bug variant and run (default 20)")
    s.add_argument("--latency-seconds", type=positive_float, default=5.0, metavar="S",
                   help="length of each latency run (default 5)")
    s.add_argument("--repeat", type=positive_int, default=1, metavar="N",
                   help="native/TSan runs per bug variant, seeds 1..N (default 1)")
    s.add_argument("--sim-seeds", type=positive_int, default=3, metavar="N",
                   help="simulator seeds per strategy (default 3)")
    s.add_argument("--sim-budget", type=positive_int, default=20000, metavar="N",
                   help="simulator schedules per run (default 20000)")
    s.add_argument("--only", action="append", metavar="SCENARIO",
                   help="only this scenario (repeatable)")
    s.add_argument("--latency-only", action="store_true", help="only the latency table")
    s.add_argument("--json", action="store_true", help="print one JSON object instead")
    s.add_argument("--timeout", type=positive_float, default=600.0, metavar="SECONDS",
                   help="limit per process (default 600)")
    s.add_argument("-v", "--verbose", action="store_true", help="progress on stderr")
