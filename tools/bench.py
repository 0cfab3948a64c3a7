#!/usr/bin/env python3
"""bench.py: reproducible performance figures for reqsim.

    tools/bench.py sim [--reqsim PATH] [--budget N] [--repeat R] [--json]

    tools/bench.py stress [--seconds S] [--tsan-seconds S] [--json]   (tools/stress_bench.py)

    tools/bench.py fuzz [execs|ttb] [--seconds N] [--rows REGEX] [--seeds S]
                        [--max-time T] [--jobs J] [--json]           (tools/fuzz_bench.py)

`stress` puts the simulator's time to the first violation of every bug
variant beside the time on real threads (reqsim-stress, native and TSan
builds), and prints the correct core's latency percentiles on real threads.

`fuzz` measures the fuzz engines' exec/s (libFuzzer with and without
sanitizers, AFL++) with interleaving feedback on and off, and libFuzzer's
time to the first violation of every bug variant, with and without feedback,
beside PCT.

`sim` measures the raw simulator speed: the SB litmus scenario under TSO,
explored with the random strategy, once per context switch implementation
(asm and ucontext), R times each.  It reports the median steps/s and
schedules/s, the asm/ucontext ratio and two goals (PASS/MISS).

A benchmark never fails on a missed goal.  Exit status: 0 when the figures
were measured (whatever they are), 2 when reqsim is missing, fails to run or
prints something that cannot be parsed, or on a usage error.

Standard library only.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Sequence

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
DEFAULT_REQSIM = REPO_ROOT / "build" / "default" / "reqsim"
BUILD_HINT = "cmake --preset default && cmake --build --preset default"

EXIT_OK = 0
EXIT_ERROR = 2

# The `sim` benchmark: fixed workload, so that figures compare across commits.
SIM_SCENARIO = "sb"
SIM_MODEL = "tso"
SIM_STRATEGY = "random"
SIM_SWITCHES = ("asm", "ucontext")
SIM_DEFAULT_BUDGET = 1_000_000
SIM_DEFAULT_REPEAT = 3
SIM_UCONTEXT_DIVISOR = 4  # ucontext is slow: run it on budget/4 schedules
GOAL_ASM_STEPS_PER_S = 10_000_000
GOAL_ASM_OVER_UCONTEXT = 20.0


class BenchError(Exception):
    """A failure that makes the figures meaningless (exit 2, one line)."""


class ParseError(BenchError):
    """reqsim's output does not contain a parsable 'explored ...' line."""


# ---- parsing -----------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Explored:
    """The figures of one `reqsim explore` final line."""

    scenario: str
    model: str
    arch: str
    bugs: str
    strategy: str
    seed: int
    schedules: int
    steps: int
    violating: int
    distinct: int
    seconds: float
    steps_per_s: float
    schedules_per_s: float


_EXPLORED_RE = re.compile(
    r"^explored scenario=(?P<scenario>\S+) model=(?P<model>\S+) arch=(?P<arch>\S+)"
    r"(?P<params>(?: [A-Za-z_]+=-?\d+)*)"
    r" bugs=(?P<bugs>\S+) strategy=(?P<strategy>\S+) seed=(?P<seed>\d+):"
    r" (?P<schedules>\d+) schedules, (?P<steps>\d+) steps,"
    r" (?P<violating>\d+) violating \((?P<distinct>\d+) distinct\),"
    r" (?P<seconds>\d+(?:\.\d+)?)s,"
    r" (?P<steps_per_s>\d+(?:\.\d+)?) steps/s,"
    r" (?P<schedules_per_s>\d+(?:\.\d+)?) schedules/s"
    r"(?: \[[^\]]*\])?\s*$"
)


def parse_explored(output: str) -> Explored:
    """Parse the last 'explored ...' line of reqsim explore's stdout.

    Raises ParseError (one-line message) when there is none or it is malformed.
    """
    lines = [ln for ln in output.splitlines() if ln.startswith("explored ")]
    if not lines:
        raise ParseError("no 'explored ...' line in reqsim output")
    line = lines[-1].rstrip()
    m = _EXPLORED_RE.match(line)
    if not m:
        raise ParseError(f"cannot parse reqsim output line: {line[:200]!r}")
    g = m.groupdict()
    return Explored(
        scenario=g["scenario"], model=g["model"], arch=g["arch"], bugs=g["bugs"],
        strategy=g["strategy"], seed=int(g["seed"]),
        schedules=int(g["schedules"]), steps=int(g["steps"]),
        violating=int(g["violating"]), distinct=int(g["distinct"]),
        seconds=float(g["seconds"]), steps_per_s=float(g["steps_per_s"]),
        schedules_per_s=float(g["schedules_per_s"]),
    )


# ---- running reqsim -------------------------------------------------------------------

def pin_cpu() -> int | None:
    """The CPU to pin to with taskset, or None when taskset is unavailable.

    CPU 0 when this process may run there, else the lowest CPU it may use.
    """
    if shutil.which("taskset") is None:
        return None
    try:
        allowed = os.sched_getaffinity(0)
    except (AttributeError, OSError):
        return 0
    if not allowed:
        return None
    return 0 if 0 in allowed else min(allowed)


def find_build_id(out_dir: Path) -> str | None:
    """The build id recorded in a .sched file reqsim saved, if any."""
    for sched in sorted(out_dir.glob("*.sched")):
        try:
            with sched.open(encoding="utf-8", errors="replace") as f:
                for _, line in zip(range(64), f):
                    if line.startswith("build "):
                        return line.split(None, 1)[1].strip() or None
        except OSError:
            continue
    return None


def file_sha256(path: Path) -> str | None:
    try:
        h = hashlib.sha256()
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def run_explore(cmd: Sequence[str], timeout: float) -> Explored:
    """Run one reqsim explore command and parse its figures.

    Exit 0 (clean) and 1 (violations found: SB under TSO has one) both count
    as success; anything else is a BenchError.
    """
    try:
        proc = subprocess.run(list(cmd), capture_output=True, text=True,
                              timeout=timeout, check=False)
    except FileNotFoundError as e:
        raise BenchError(f"cannot run {cmd[0]}: {e.strerror}") from e
    except PermissionError as e:
        raise BenchError(f"cannot run {cmd[0]}: {e.strerror}") from e
    except subprocess.TimeoutExpired as e:
        raise BenchError(f"reqsim timed out after {timeout:g}s: {shlex.join(cmd)}") from e
    if proc.returncode not in (0, 1):
        err = proc.stderr.strip().splitlines()
        detail = err[-1] if err else "(no message)"
        raise BenchError(f"reqsim exited with status {proc.returncode}: {detail}")
    return parse_explored(proc.stdout)


# ---- the sim benchmark ------------------------------------------------------------------

@dataclasses.dataclass
class SwitchResult:
    switch: str
    budget: int
    runs: list[Explored]

    @property
    def schedules(self) -> int:  # per run (deterministic for a fixed seed)
        return self.runs[0].schedules

    @property
    def steps(self) -> int:  # per run
        return self.runs[0].steps

    @property
    def total_steps(self) -> int:
        return sum(r.steps for r in self.runs)

    @property
    def total_seconds(self) -> float:
        return sum(r.seconds for r in self.runs)

    @property
    def median_seconds(self) -> float:
        return float(statistics.median(r.seconds for r in self.runs))

    @property
    def median_steps_per_s(self) -> float:
        return float(statistics.median(r.steps_per_s for r in self.runs))

    @property
    def median_schedules_per_s(self) -> float:
        return float(statistics.median(r.schedules_per_s for r in self.runs))

    def to_json(self) -> dict[str, Any]:
        return {
            "budget": self.budget,
            "schedules": self.schedules,
            "steps": self.steps,
            "seconds": self.median_seconds,
            "steps_per_s": self.median_steps_per_s,
            "schedules_per_s": self.median_schedules_per_s,
            "total_steps": self.total_steps,
            "total_seconds": self.total_seconds,
            "runs": [dataclasses.asdict(r) for r in self.runs],
        }


def ratio(a: float, b: float) -> float | None:
    return a / b if b > 0 else None


def sim_budget(switch: str, budget: int) -> int:
    if switch == "ucontext":
        return max(1, budget // SIM_UCONTEXT_DIVISOR)
    return budget


def sim_command(reqsim: Path, switch: str, budget: int, out_dir: Path,
                cpu: int | None) -> list[str]:
    cmd = [str(reqsim), "explore", SIM_SCENARIO, "--model", SIM_MODEL,
           "--strategy", SIM_STRATEGY, "--budget", str(budget), "-q",
           "--out", str(out_dir), "--switch", switch]
    if cpu is not None:
        cmd = ["taskset", "-c", str(cpu)] + cmd
    return cmd


def cmd_sim(args: argparse.Namespace) -> int:
    reqsim = Path(args.reqsim) if args.reqsim else DEFAULT_REQSIM
    if not reqsim.is_file():
        if args.reqsim:
            raise BenchError(f"{reqsim}: no such file")
        raise BenchError(f"{reqsim} not found; build it first: {BUILD_HINT}")
    if not os.access(reqsim, os.X_OK):
        raise BenchError(f"{reqsim}: not executable")
    reqsim = reqsim.resolve()
    cpu = None if args.no_pin else pin_cpu()
    log: Callable[[str], None] = (
        (lambda s: None) if not args.verbose
        else (lambda s: print(s, file=sys.stderr, flush=True)))

    commands: list[str] = []
    results: dict[str, SwitchResult] = {}
    build_id: str | None = None
    with tempfile.TemporaryDirectory(prefix="reqsim-bench-") as tmp:
        for switch in SIM_SWITCHES:
            budget = sim_budget(switch, args.budget)
            out_dir = Path(tmp) / switch
            out_dir.mkdir()
            cmd = sim_command(reqsim, switch, budget, out_dir, cpu)
            commands.append(shlex.join(cmd))
            runs: list[Explored] = []
            for i in range(args.repeat):
                log(f"bench: {switch} run {i + 1}/{args.repeat} ({budget} schedules)")
                runs.append(run_explore(cmd, args.timeout))
            results[switch] = SwitchResult(switch, budget, runs)
            build_id = build_id or find_build_id(out_dir)

    asm, uc = results["asm"], results["ucontext"]
    steps_ratio = ratio(asm.median_steps_per_s, uc.median_steps_per_s)
    sched_ratio = ratio(asm.median_schedules_per_s, uc.median_schedules_per_s)
    goals = [
        {"goal": f"asm >= {GOAL_ASM_STEPS_PER_S:,} steps/s",
         "value": asm.median_steps_per_s, "target": float(GOAL_ASM_STEPS_PER_S),
         "pass": asm.median_steps_per_s >= GOAL_ASM_STEPS_PER_S},
        {"goal": f"asm >= {GOAL_ASM_OVER_UCONTEXT:g}x ucontext (steps/s)",
         "value": steps_ratio, "target": GOAL_ASM_OVER_UCONTEXT,
         "pass": steps_ratio is not None and steps_ratio >= GOAL_ASM_OVER_UCONTEXT},
    ]
    report: dict[str, Any] = {
        "benchmark": "sim",
        "reqsim": str(reqsim),
        "build_id": build_id,
        "reqsim_sha256": file_sha256(reqsim),
        "pinned_cpu": cpu,
        "scenario": SIM_SCENARIO,
        "model": SIM_MODEL,
        "strategy": SIM_STRATEGY,
        "seed": asm.runs[0].seed,
        "repeat": args.repeat,
        "switches": {name: r.to_json() for name, r in results.items()},
        "ratio": {"steps_per_s": steps_ratio, "schedules_per_s": sched_ratio},
        "goals": goals,
        "commands": commands,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_sim_report(report, results)
    return EXIT_OK


def _fmt_ratio(r: float | None) -> str:
    return "n/a (ucontext rate is 0)" if r is None else f"{r:.1f}x"


def print_sim_report(report: dict[str, Any], results: dict[str, SwitchResult]) -> None:
    sha = report["reqsim_sha256"]
    print(f"reqsim:   {report['reqsim']}")
    print(f"build:    {report['build_id'] or 'unknown'}"
          + (f" (binary sha256 {sha[:16]})" if sha else ""))
    cpu = report["pinned_cpu"]
    print("pinning:  " + (f"taskset -c {cpu} (one core)" if cpu is not None
                          else "none (taskset not found or --no-pin)"))
    print(f"workload: scenario={report['scenario']} model={report['model']} "
          f"strategy={report['strategy']} seed={report['seed']}, "
          f"median of {report['repeat']} run(s) per switch")
    print()
    hdr = (f"{'switch':<9} {'schedules':>11} {'steps':>12} {'seconds':>8} "
           f"{'steps/s':>12} {'schedules/s':>12}")
    print(hdr)
    print("-" * len(hdr))
    for r in results.values():
        print(f"{r.switch:<9} {r.schedules:>11,} {r.steps:>12,} {r.median_seconds:>8.3f} "
              f"{r.median_steps_per_s:>12,.0f} {r.median_schedules_per_s:>12,.0f}")
    print()
    print("per switch: schedules and steps per run; seconds, steps/s and schedules/s "
          "are medians")
    for r in results.values():
        print(f"  {r.switch}: total {r.total_steps:,} steps in {r.total_seconds:.3f}s "
              f"over {len(r.runs)} run(s)")
    print()
    print(f"asm/ucontext: steps/s {_fmt_ratio(report['ratio']['steps_per_s'])}, "
          f"schedules/s {_fmt_ratio(report['ratio']['schedules_per_s'])}")
    print()
    print("goals:")
    for g in report["goals"]:
        print(f"  {'PASS' if g['pass'] else 'MISS'}  {g['goal']}")
    print()
    print("commands (the --out directories were temporary and are gone):")
    for c in report["commands"]:
        print(f"  {c}")


# ---- command line -----------------------------------------------------------------------

def positive_int(text: str) -> int:
    try:
        v = int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return v


def positive_float(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not v > 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
    return v




# ---- the per-scenario benchmark -------------------------------------------------------

SCEN_NAMES = ("dekker", "payload", "kick_only", "tlb_flush", "outside_guest_mode",
              "halt", "mixed", "async_pf", "kick_all", "its")
SCEN_MODELS = ("sc", "tso", "pso")


def cmd_scenarios(args: argparse.Namespace) -> int:
    """Schedules/s of every request-core scenario (default parameters, random
    strategy, x86), per model: how many schedules a campaign covers."""
    reqsim = Path(args.reqsim) if args.reqsim else DEFAULT_REQSIM
    if not reqsim.exists():
        raise BenchError(f"{reqsim} not found; build it first: {BUILD_HINT}")
    cpu = None if args.no_pin else pin_cpu()
    rows = []
    with tempfile.TemporaryDirectory(prefix="reqsim-bench-") as tmp:
        for name in SCEN_NAMES:
            for model in SCEN_MODELS:
                cmd = [str(reqsim), "explore", name, "--model", model, "--strategy",
                       "random", "--budget", str(args.budget), "--seed", "1", "-q",
                       "--out", str(Path(tmp) / name)]
                if cpu is not None:
                    cmd = ["taskset", "-c", str(cpu)] + cmd
                e = run_explore(cmd, args.timeout)
                rows.append({"scenario": name, "model": model, "schedules": e.schedules,
                             "steps": e.steps, "seconds": e.seconds,
                             "steps_per_schedule": e.steps / max(e.schedules, 1),
                             "schedules_per_s": e.schedules_per_s,
                             "steps_per_s": e.steps_per_s, "violating": e.violating})
    if args.json:
        print(json.dumps({"benchmark": "scenarios", "budget": args.budget,
                          "pinned_cpu": cpu, "rows": rows}, indent=2))
        return EXIT_OK
    print(f"request-core scenarios, default parameters, x86, random strategy, seed 1, "
          f"{args.budget:,} schedules each" + (f", pinned to cpu {cpu}" if cpu is not None
                                              else ""))
    print(f"{'scenario':<20} {'model':<5} {'steps/sched':>11} {'schedules/s':>12} "
          f"{'steps/s':>12} {'violating':>9}")
    for r in rows:
        print(f"{r['scenario']:<20} {r['model']:<5} {r['steps_per_schedule']:>11.1f} "
              f"{r['schedules_per_s']:>12,.0f} {r['steps_per_s']:>12,.0f} "
              f"{r['violating']:>9}")
    print(f"command: {reqsim} explore SCENARIO --model MODEL --strategy random "
          f"--budget {args.budget} --seed 1 -q --out DIR")
    return EXIT_OK


# ---- time to the first violation (issue 6's table) -------------------------------------

TTB_MODEL_ORDER = ("sc", "tso", "pso", "wmm")


def verdict_rows(reqsim: Path) -> list[dict[str, Any]]:
    """The expected-verdict table, from `reqsim list --verdicts --tsv`."""
    p = subprocess.run([str(reqsim), "list", "--verdicts", "--tsv"], capture_output=True,
                       text=True, check=False)
    if p.returncode != 0:
        raise BenchError(f"reqsim list --verdicts failed: {p.stderr.strip()[:200]}")
    rows = []
    for line in p.stdout.splitlines():
        f = line.split("\t")
        if len(f) != 4 + len(TTB_MODEL_ORDER):
            raise BenchError(f"cannot parse verdict row: {line[:120]!r}")
        rows.append({"scenario": f[0], "bug": f[1], "params": f[2], "arch": f[3],
                     "expect": dict(zip(TTB_MODEL_ORDER, f[4:]))})
    return rows


def time_to_bug(reqsim: Path, row: dict[str, Any], model: str, strategy: str, seed: int,
                budget: int, out: Path, timeout: float) -> tuple[int | None, float]:
    """Schedules and seconds until the first violation (None: not found)."""
    arch = "arm64" if row["arch"] == "arm64" else "x86"
    cmd = [str(reqsim), "explore", row["scenario"], "--model", model, "--arch", arch,
           "--strategy", strategy, "--seed", str(seed), "--budget", str(budget),
           "--stop-on-first", "-q", "--out", str(out)]
    if row["bug"] != "-":
        cmd += ["--bug", row["bug"]]
    for kv in row["params"].split():
        cmd += ["--param", kv]
    e = run_explore(cmd, timeout)
    return (e.schedules if e.violating else None), e.seconds


def cmd_explore_bench(args: argparse.Namespace) -> int:
    """Per bug variant (one model where it is Sometimes), the median over
    seeds of schedules and seconds to the first violation for random and
    PCT, and the same for dfs (one run: it has no seed)."""
    reqsim = Path(args.reqsim) if args.reqsim else DEFAULT_REQSIM
    if not reqsim.exists():
        raise BenchError(f"{reqsim} not found; build it first: {BUILD_HINT}")
    results = []
    with tempfile.TemporaryDirectory(prefix="reqsim-ttb-") as tmp:
        for row in verdict_rows(reqsim):
            if row["bug"] == "-":
                continue
            model = next((m for m in TTB_MODEL_ORDER if row["expect"][m] == "Sometimes"), None)
            if model is None:
                continue
            cell = {"scenario": row["scenario"], "bug": row["bug"], "params": row["params"],
                    "arch": row["arch"], "model": model}
            for strategy in ("random", "pct", "dfs"):
                seeds = [1] if strategy == "dfs" else list(range(1, args.seeds + 1))
                found, secs = [], []
                for sd in seeds:
                    n, t = time_to_bug(reqsim, row, model, strategy, sd,
                                       args.dfs_budget if strategy == "dfs" else args.budget,
                                       Path(tmp) / "o", args.timeout)
                    found.append(n)
                    secs.append(t)
                hits = [n for n in found if n is not None]
                cell[strategy] = {
                    "found": f"{len(hits)}/{len(found)}",
                    "median_schedules": statistics.median(hits) if len(hits) * 2 > len(found)
                    else None,
                    "median_seconds": statistics.median(secs)}
            results.append(cell)
    if args.json:
        print(json.dumps({"benchmark": "time-to-bug", "seeds": args.seeds,
                          "budget": args.budget, "dfs_budget": args.dfs_budget,
                          "rows": results}, indent=2))
        return EXIT_OK
    print(f"time to the first violation: median over {args.seeds} seeds (random, pct), "
          f"one dfs run; budget {args.budget:,} ({args.dfs_budget:,} for dfs)")
    print(f"{'scenario':<19} {'bug':<27} {'params':<16} {'model':<5} "
          f"{'random':>16} {'pct':>16} {'dfs':>16}")
    for c in results:
        cols = []
        for strategy in ("random", "pct", "dfs"):
            r = c[strategy]
            ms = r["median_schedules"]
            cols.append(f"{ms:>7.0f} {r['median_seconds']:6.3f}s" if ms is not None
                        else f"{'-':>7} {r['found']:>7}")
        print(f"{c['scenario']:<19} {c['bug']:<27} {(c['params'] or '-')[:16]:<16} "
              f"{c['model']:<5} " + " ".join(f"{x:>16}" for x in cols))
    print("columns: median schedules to the first violation and median seconds "
          "('-' and found/tried when most runs found nothing)")
    return EXIT_OK


# ---- the results store and the report (issue 8) ------------------------------------------

def _synthetic_trace(rng: "random.Random", n_threads: int, steps: int) -> list[dict[str, Any]]:
    """A trace shaped like reqsim's: threads stepping on named locations."""
    labels = [("load", "READ_ONCE(vcpu->requests)", "vcpu{}->requests"),
              ("store", "smp_store_release(&vcpu->mode)", "vcpu{}->mode"),
              ("rmw", "set_bit(req & KVM_REQUEST_MASK)", "vcpu{}->requests"),
              ("rmw", "cmpxchg(&vcpu->mode)", "vcpu{}->mode"),
              ("fence", "smp_mb()", None), ("irq", "local_irq_disable()", None)]
    out = []
    for i in range(steps):
        tid = rng.randrange(n_threads)
        op, label, loc = labels[rng.randrange(len(labels))]
        r: dict[str, Any] = {"step": i, "time": i, "kind": "step", "tid": tid,
                             "thread": f"vcpu{tid}" if tid == 0 else f"req{tid - 1}",
                             "op": op, "file": "kvm_main.c", "line": 40 + i % 300,
                             "func": "fn", "label": label, "value": rng.randrange(2),
                             "buffered": False, "forwarded": False, "older_store": False}
        if loc:
            r["loc"] = loc.format(0)
        r["text"] = f"{label} -> {r['value']}"
        out.append(r)
    return out


def make_results_store(db: Path, campaigns: int, violations: int, runs_per_campaign: int,
                       seed: int = 1) -> None:
    """A store of the given size (bulk SQL in one transaction: setup, not measured)."""
    import random
    import store as storemod
    import story as storymod
    rng = random.Random(seed)
    st = storemod.open_store(db)
    t0 = 1_700_000_000.0
    scen = ["dekker", "payload", "halt", "mixed", "tlb_flush", "async_pf", "its", "kick_all"]
    kinds = ["missed-request", "lost-wakeup", "stale-payload", "wait-not-honoured",
             "its-command"]
    with st.tx() as c:
        run_ids: list[tuple[int, int]] = []
        for ci in range(campaigns):
            start = t0 + ci * 86400
            cur = c.execute("INSERT INTO campaigns(name, started, ended, git_rev, host, config,"
                            " status, elapsed, reqsim_build) VALUES(?,?,?,?,?,?,?,?,?)",
                            (f"nightly {ci}", start, start + 180, f"{ci:012x}", "bench",
                             json.dumps({"budget_s": 180, "jobs": 2, "seed": ci}), "done", 180,
                             "bench"))
            cid = int(cur.lastrowid)
            for k in range(runs_per_campaign):
                cur = c.execute(
                    "INSERT INTO runs(campaign_id, cell, engine, scenario, params, model, arch,"
                    " bugs, executions, seconds, state, started, ended, first_violation_s,"
                    " expected, coverage) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (cid, k, ("pct", "random", "dfs")[k % 3], scen[k % len(scen)], "",
                     ("sc", "tso", "pso", "wmm")[k % 4], "x86", "" if k % 2 else "some-bug",
                     rng.randrange(10**6), 3.0, "violations" if k % 2 == 0 else "clean",
                     start + k * 3, start + k * 3 + 3, 0.1 if k % 2 == 0 else None,
                     "Sometimes" if k % 2 == 0 else "Never", None))
                rid = int(cur.lastrowid)
                run_ids.append((cid, rid))
                c.executemany("INSERT INTO samples(run_id, t, executions, violations) "
                              "VALUES(?,?,?,?)", [(rid, t, t * 1000, t // 2) for t in range(3)])
        for vi in range(violations):
            cid, rid = run_ids[vi * len(run_ids) // max(violations, 1)]
            nthreads = 2 + vi % 3
            recs = _synthetic_trace(rng, nthreads, 14 + vi % 60)
            jsonl = "".join(json.dumps(r) + "\n" for r in recs)
            perfetto = json.dumps({"traceEvents": [
                {"name": r["text"], "ph": "X", "ts": r["time"], "dur": 1, "pid": 1,
                 "tid": r["tid"]} for r in recs]})
            sto = storymod.tell(recs, kind=kinds[vi % len(kinds)], step=len(recs))
            sched = "reqsim-schedule 1\nscenario dekker\n" + " ".join(
                f"t{r['tid']}" for r in recs) + "\n"
            first = t0 + (cid - 1) * 86400 + vi % 180
            cur = c.execute(
                "INSERT INTO violations(signature, kind, scenario, model, arch, bugs, params,"
                " message, sites, step, first_seen, last_seen, hits, engine, origin,"
                " first_campaign_id, first_run_id, schedule, min_schedule, schedule_len,"
                " orig_len, steps, trace_hash, trace_summary, decisive, trace_jsonl,"
                " trace_perfetto) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (f"{rng.getrandbits(64):016x}", kinds[vi % len(kinds)], scen[vi % len(scen)],
                 "tso", "x86", "some-bug", "", "vcpu0 runs in guest mode with a request "
                 "pending", json.dumps(["kvm_main.c:320 kvm_guest_run guest_run()"]),
                 len(recs), first, first + 3600, 1 + vi % 7, "pct",
                 f"explore strategy=pct seed=1 run={vi}", cid, rid, sched, sched, len(recs),
                 len(recs) * 2, len(recs), f"{vi:016x}", sto.sentence,
                 json.dumps({"key": sto.key_steps}), storemod.compress(jsonl),
                 storemod.compress(perfetto)))
            c.execute("INSERT INTO findings(violation_id, run_id, campaign_id, found, t_run,"
                      " origin, new) VALUES(?,?,?,?,?,?,1)",
                      (int(cur.lastrowid), rid, cid, first, 0.1, "bench"))
    st.close()


def cmd_report_bench(args: argparse.Namespace) -> int:
    """Build time of the report for a store of --campaigns x --violations."""
    import report as reportmod
    # /tmp can be much slower at creating files than the build tree (it is on
    # the machine this was written on); the site has ~40,000 files
    base = REPO_ROOT / "build" if (REPO_ROOT / "build").is_dir() else None
    with tempfile.TemporaryDirectory(prefix="reqsim-report-bench-", dir=base) as tmp:
        db = Path(args.keep or tmp) / "bench.db"
        if db.exists():
            db.unlink()
        db.parent.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        make_results_store(db, args.campaigns, args.violations, args.runs)
        setup = time.perf_counter() - t
        times, cpus = [], []
        for k in range(args.repeat):
            # a cold build into a fresh directory each time (deleting ~30,000
            # files first would time the file system's deletes, not the build)
            out = Path(args.keep or tmp) / f"report{k}"
            if out.exists():
                shutil.rmtree(out)
            c0 = os.times()
            t = time.perf_counter()
            n = reportmod.build_site(db, out)
            times.append(time.perf_counter() - t)
            c1 = os.times()
            cpus.append(sum(c1[:4]) - sum(c0[:4]))
        c0 = os.times()
        t = time.perf_counter()
        warm = reportmod.build_site(db, out)  # nothing changed: a rebuild
        warm_s = time.perf_counter() - t
        warm_cpu = sum(os.times()[:4]) - sum(c0[:4])
        files = [f for f in out.rglob("*") if f.is_file()]
        for k in range(args.repeat - 1):
            shutil.rmtree(Path(args.keep or tmp) / f"report{k}", ignore_errors=True)
        size = sum(f.stat().st_size for f in files)
        res = {"benchmark": "report", "campaigns": args.campaigns,
               "violations": args.violations, "runs_per_campaign": args.runs,
               "store_bytes": db.stat().st_size, "setup_s": setup,
               "build_s": statistics.median(times), "builds": times,
               "cpu_s": statistics.median(cpus), "pages": n, "dir": str(out.parent),
               "rebuild_s": warm_s, "rebuild_cpu_s": warm_cpu,
               "rebuild_written": warm["written"],
               "files": len(files), "site_bytes": size, "goal_s": 10.0,
               "pass": statistics.median(times) < 10.0}
    if args.json:
        print(json.dumps(res, indent=2))
        return EXIT_OK
    print(f"report build: {args.campaigns} campaigns ({args.runs} runs each), "
          f"{args.violations:,} violations; store {res['store_bytes'] / 1e6:.1f} MB "
          f"(made in {setup:.1f}s)")
    print(f"  cold build {res['build_s']:.2f}s wall, {res['cpu_s']:.2f}s CPU in all "
          f"processes (median of {args.repeat}, each into a fresh directory, "
          f"{os.cpu_count()} cores); {res['files']:,} files, {size / 1e6:.1f} MB in "
          f"{res['dir']}")
    print(f"  all cold builds (s): {', '.join(f'{x:.2f}' for x in times)}; load average "
          f"{os.getloadavg()[0]:.1f} at the end")
    print(f"  rebuild with nothing changed: {warm_s:.2f}s wall, {warm_cpu:.2f}s CPU, "
          f"{warm['written']} files rewritten")
    print(f"  goal: under 10 s (cold build): {'PASS' if res['pass'] else 'MISS'}")
    print(f"command: tools/bench.py report --campaigns {args.campaigns} "
          f"--violations {args.violations} --runs {args.runs}")
    return EXIT_OK


_STORE_WRITER = r"""
import sys, time, pathlib
sys.path.insert(0, sys.argv[1])
import store
st = store.open_store(sys.argv[2]); who = sys.argv[3]; n = int(sys.argv[4])
go = pathlib.Path(sys.argv[5])
while not go.exists(): time.sleep(0.001)
t = time.perf_counter()
for i in range(n):
    st.record_finding(campaign_id=None, run_id=None, source=None,
                      v={"signature": f"{who}{i:08d}", "kind": "k", "scenario": "s",
                         "min_schedule": "x" * 200, "trace_jsonl": "{}\n" * 40})
print(time.perf_counter() - t)
"""


def cmd_store_bench(args: argparse.Namespace) -> int:
    """Insert throughput of the store: one transaction per finding, as campaigns write."""
    import store as storemod
    res: dict[str, Any] = {"benchmark": "store", "rows": args.rows}
    trace = "".join(json.dumps(r) + "\n" for r in
                    _synthetic_trace(__import__("random").Random(1), 2, 40))
    with tempfile.TemporaryDirectory(prefix="reqsim-store-bench-") as tmp:
        db = Path(tmp) / "s.db"
        st = storemod.open_store(db)
        t = time.perf_counter()
        for i in range(args.rows):
            st.record_finding(campaign_id=None, run_id=None, source=None,
                              v={"signature": f"{i:016x}", "kind": "missed-request",
                                 "scenario": "dekker", "min_schedule": "t0 t1 " * 20,
                                 "trace_jsonl": trace, "trace_perfetto": trace,
                                 "story": "s" * 200})
        res["new_violations_per_s"] = args.rows / (time.perf_counter() - t)
        t = time.perf_counter()
        for i in range(args.rows):
            st.record_finding(campaign_id=None, run_id=None, source=None,
                              v={"signature": f"{i % 100:016x}", "kind": "missed-request",
                                 "scenario": "dekker"})
        res["hits_per_s"] = args.rows / (time.perf_counter() - t)
        cid = st.begin_campaign(name="b", config={}, git_rev=None, host=None, reqsim_build=None)
        st.add_runs(cid, [{"cell": 0, "engine": "pct", "scenario": "s", "model": "sc",
                           "arch": "x86"}])
        rid = st.runs(cid)[0]["id"]
        t = time.perf_counter()
        for i in range(args.rows):
            st.update_run_with_sample(rid, float(i), {"executions": i}, (i, 0, None))
        res["samples_per_s"] = args.rows / (time.perf_counter() - t)
        st.close()
        go = Path(tmp) / "go"
        procs = [subprocess.Popen([sys.executable, "-c", _STORE_WRITER,
                                   str(Path(__file__).resolve().parent), str(db), w,
                                   str(args.rows), str(go)], stdout=subprocess.PIPE,
                                  text=True) for w in ("A", "B")]
        time.sleep(0.5)
        t = time.perf_counter()
        go.touch()
        outs = [p.communicate()[0] for p in procs]
        wall = time.perf_counter() - t
        if any(p.returncode for p in procs):
            raise BenchError("a concurrent writer failed")
        with storemod.open_store(db) as st2:
            got = st2.q1("SELECT COUNT(*) FROM violations WHERE signature LIKE 'A%' OR "
                         "signature LIKE 'B%'")[0]
        res["two_writers_rows_per_s"] = 2 * args.rows / wall
        res["two_writers_rows_kept"] = got
        del outs
    if args.json:
        print(json.dumps(res, indent=2))
        return EXIT_OK
    print(f"store insert throughput ({args.rows:,} rows each; one transaction per row, "
          "WAL, synchronous=NORMAL)")
    print(f"  new violations (full record, compressed traces): "
          f"{res['new_violations_per_s']:,.0f}/s")
    print(f"  hits on known signatures:                        {res['hits_per_s']:,.0f}/s")
    print(f"  run figures + time-series sample:                {res['samples_per_s']:,.0f}/s")
    print(f"  two processes at once (new violations):          "
          f"{res['two_writers_rows_per_s']:,.0f}/s together, {got:,} of "
          f"{2 * args.rows:,} rows kept")
    print(f"command: tools/bench.py store --rows {args.rows}")
    return EXIT_OK


# ---- dfs proofs: with and without partial-order reduction (issue 6) ------------------------

PROOF_CONFIGS = [
    ("sb+mbs", "", "sc,tso"), ("mp+wmb", "", "sc,tso"), ("iriw", "", "sc,tso"),
    ("handshake", "vcpus=1 requesters=2", "sc,tso"),
    ("handshake", "vcpus=2 requesters=2", "sc,tso"),
    ("handshake", "vcpus=2 requesters=3", "sc,tso"),
    ("handshake", "vcpus=3 requesters=3", "sc,tso"),
    ("dekker", "vcpus=1 requesters=1 rounds=1 entries=0", "sc,tso"),
    ("dekker", "vcpus=1 requesters=1 rounds=2 entries=0", "sc,tso"),
    ("dekker", "vcpus=1 requesters=2 rounds=3 entries=0", "sc,tso"),
    ("dekker", "vcpus=1 requesters=2 rounds=3", "sc,tso"),
    ("dekker", "vcpus=2 requesters=2 rounds=2", "tso"),
    ("payload", "vcpus=1 requesters=1 entries=0", "sc,tso"),
]
# The largest configuration of each family proven in --timeout: ladders of
# growing parameters, walked until the first one that does not complete.
LADDERS = {
    "dekker": ["rounds=1", "rounds=2", "requesters=2 rounds=2", "requesters=2 rounds=3",
               "vcpus=2 requesters=2 rounds=1", "vcpus=2 requesters=2 rounds=2",
               "vcpus=2 requesters=2 rounds=3"],
    "payload": ["", "requesters=2", "vcpus=2 requesters=2", "vcpus=2 requesters=3"],
    "tlb_flush": ["", "vcpus=2", "vcpus=2 walks=2", "vcpus=3 walks=2"],
    "halt": ["", "wakers=2", "vcpus=2", "vcpus=2 wakers=2"],
    "async_pf": ["pages=1 snapshot=0 gup=0", "pages=1 gup=0", "pages=1", "", "vcpus=2"],
    "kick_all": ["vcpus=1 retries=0 entries=0 irqs=0", "vcpus=1 entries=0", "vcpus=1", "",
                 "rounds=2"],
    "its": ["writers=2 rounds=1", "", "writers=3", "writers=3 rounds=3"],
    "handshake": ["vcpus=1 requesters=2", "vcpus=2 requesters=2", "vcpus=2 requesters=3",
                  "vcpus=3 requesters=3", "vcpus=3 requesters=4", "vcpus=4 requesters=4"],
}
_DFS_RE = re.compile(r"^dfs .*: (?P<mode>DPOR \+ sleep sets|no reduction), (?P<runs>\d+) "
                     r"schedules run to the end, (?P<cut>\d+) cut as equivalent, "
                     r"(?P<beh>\d+) behaviours.*; search (?P<verdict>.*)$", re.M)
_STATEFUL_RE = re.compile(r"^stateful .*: (?P<stored>\d+) states stored, (?P<matched>\d+) "
                          r"matched, (?P<trans>\d+) transitions, .*; table (?P<table>[\d.]+) "
                          r"MiB, (?P<bps>[\d.]+) bytes/state, peak (?P<peak>[\d.]+) MiB; "
                          r"omission probability (?P<omit>\S+); search (?P<verdict>.*)$", re.M)


def proof_run(reqsim: Path, engine: str, scenario: str, params: str, model: str,
              budget: int, timeout: float, jobs: int) -> dict[str, Any]:
    """One proof attempt: engine dpor, brute (dfs without reduction) or
    stateful; complete, seconds and the engine's counts."""
    cmd = [str(reqsim), "explore", scenario, "--model", model, "-q",
           "--out", "/tmp/reqsim-proof"]
    if engine == "stateful":
        cmd += ["--strategy", "stateful"]
    else:
        cmd += ["--strategy", "dfs", "--budget", str(budget), "--jobs", str(jobs)]
        if engine == "brute":
            cmd.append("--no-reduction")
    for kv in params.split():
        cmd += ["--param", kv]
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"complete": False, "seconds": timeout, "count": None,
                "note": f"timeout {timeout:.0f}s"}
    secs = time.monotonic() - t0
    if engine == "stateful":
        m = _STATEFUL_RE.search(p.stdout)
        if p.returncode not in (0, 1) or not m:
            raise BenchError(f"reqsim explore {scenario} failed: {p.stderr.strip()[:200]}")
        return {"complete": m["verdict"].startswith("complete"), "seconds": secs,
                "count": int(m["stored"]), "matched": int(m["matched"]),
                "transitions": int(m["trans"]), "bytes_per_state": float(m["bps"]),
                "peak_mib": float(m["peak"]), "omission": float(m["omit"]),
                "note": m["verdict"][:40]}
    m = _DFS_RE.search(p.stdout)
    if p.returncode not in (0, 1) or not m:
        raise BenchError(f"reqsim explore {scenario} failed: {p.stderr.strip()[:200]}")
    return {"complete": m["verdict"].startswith("complete"), "seconds": secs,
            "count": int(m["runs"]) + int(m["cut"]), "behaviours": int(m["beh"]),
            "note": m["verdict"][:40]}


def _col(r: dict[str, Any] | None, width: int = 12) -> str:
    if r is None:
        return f"{'':>{width}} {'':>8}"
    if r["count"] is None:
        return f"{'-':>{width}} {r['seconds']:>7.1f}s"
    mark = "" if r["complete"] else "+"
    return f"{r['count']:>{width - 1},}{mark or ' '} {r['seconds']:>7.2f}s"


def largest_proven(reqsim: Path, engine: str, family: str, model: str, args) -> str:
    best = "none"
    for params in LADDERS[family]:
        r = proof_run(reqsim, engine, family, params, model, args.budget, args.timeout,
                      args.jobs)
        if args.verbose:
            print(f"{engine} {family} {params or '-'} {model}: {r}", file=sys.stderr)
        if not r["complete"]:
            break
        best = f"{params or '(defaults)'} ({r['seconds']:.1f}s)"
    return best


def cmd_proof_bench(args: argparse.Namespace) -> int:
    """Proof time of correct configurations (no bug): the stateless dfs with
    partial-order reduction, brute force, and the stateful search, side by
    side; a complete, clean search is a proof."""
    reqsim = Path(args.reqsim) if args.reqsim else DEFAULT_REQSIM
    if not reqsim.exists():
        raise BenchError(f"{reqsim} not found; build it first: {BUILD_HINT}")
    engines = args.engines.split(",")
    for e in engines:
        if e not in ("dpor", "brute", "stateful"):
            raise BenchError(f"--engines: unknown engine '{e}' (dpor, brute, stateful)")
    if args.largest:
        rows = []
        families = args.families.split(",") if args.families else list(LADDERS)
        for family in families:
            if family not in LADDERS:
                raise BenchError(f"--families: no ladder for '{family}' "
                                 f"({', '.join(LADDERS)})")
            for model in args.models.split(","):
                row = {"family": family, "model": model}
                for e in engines:
                    row[e] = largest_proven(reqsim, e, family, model, args)
                rows.append(row)
        if args.json:
            print(json.dumps({"benchmark": "largest-proof", "timeout": args.timeout,
                              "rows": rows}, indent=2))
            return EXIT_OK
        print(f"largest configuration proven in {args.timeout:.0f}s per family "
              f"(ladders in tools/bench.py LADDERS)")
        for r in rows:
            print(f"{r['family']:<10} {r['model']:<4} " +
                  "  ".join(f"{e}: {r[e]}" for e in engines))
        return EXIT_OK
    rows = []
    wanted = set(args.models.split(","))
    for scenario, params, models in PROOF_CONFIGS:
        for model in models.split(","):
            if model not in wanted:
                continue
            row = {"scenario": scenario, "params": params, "model": model}
            for e in engines:
                row[e] = proof_run(reqsim, e, scenario, params, model, args.budget,
                                   args.timeout, args.jobs)
            rows.append(row)
            if args.verbose:
                print(f"{scenario} {params} {model}: {row}", file=sys.stderr)
    if args.json:
        print(json.dumps({"benchmark": "proof", "budget": args.budget,
                          "timeout": args.timeout, "rows": rows}, indent=2))
        return EXIT_OK
    print(f"proofs of correct configurations: dfs budget {args.budget:,} schedules, "
          f"timeout {args.timeout:.0f}s per search, --jobs {args.jobs} (dfs)")
    head = {"dpor": f"{'DPOR schedules':>12} {'seconds':>8}",
            "brute": f"{'brute force':>12} {'seconds':>8}",
            "stateful": f"{'states':>12} {'seconds':>8} {'B/state':>7} {'peak MiB':>8}"}
    print(f"{'scenario':<10} {'params':<40} {'model':<5} " +
          " | ".join(head[e] for e in engines))
    for r in rows:
        cols = []
        for e in engines:
            c = _col(r[e])
            if e == "stateful":
                st = r[e]
                c += (f" {st['bytes_per_state']:>7.1f} {st['peak_mib']:>8.1f}"
                      if st["count"] is not None else f" {'':>7} {'':>8}")
            cols.append(c)
        print(f"{r['scenario']:<10} {(r['params'] or '-'):<40} {r['model']:<5} " +
              " | ".join(cols))
    print("'+': the search stopped at the budget or timeout (incomplete, no proof); "
          "B/state: peak memory (state table + checkpoints) per state stored")
    return EXIT_OK


def cmd_stress_bench(args: argparse.Namespace) -> int:
    """Real threads against the simulator (tools/stress_bench.py)."""
    import stress_bench
    return stress_bench.cmd_stress(args, sys.modules[__name__])


def cmd_fuzz_bench(args: argparse.Namespace) -> int:
    """Fuzz engines: exec/s and time to the first violation (tools/fuzz_bench.py)."""
    import fuzz_bench
    return fuzz_bench.cmd_fuzz(args, sys.modules[__name__])


def cmd_mutate_bench(args: argparse.Namespace) -> int:
    """The full mutation run (tools/mutate.py run) with its wall time."""
    import mutate
    out = args.out or tempfile.mkdtemp(prefix="reqsim-mutate-")
    t0 = time.monotonic()
    argv = ["run", "--out", out, "--jobs", str(args.jobs)]
    if args.op:
        argv += ["--op", args.op]
    rc = mutate.main(argv)
    secs = time.monotonic() - t0
    if rc != 0:
        raise BenchError(f"tools/mutate.py run exited {rc} (results in {out})")
    with open(os.path.join(out, "report.json"), encoding="utf-8") as f:
        rep = json.load(f)
    fig = {"seconds": round(secs, 1), "jobs": args.jobs, "mutants": len(rep["mutants"]),
           "score": rep["score"], "detected": rep["detected"], "scored": rep["scored"],
           "counts": rep["counts"], "out": out}
    if args.json:
        print(json.dumps(fig))
    else:
        print(f"bench mutate: {fig['mutants']} mutants in {secs:.0f} s on {args.jobs} jobs; "
              f"score {rep['detected']}/{rep['scored']}"
              + (f" = {100 * rep['score']:.1f}%" if rep["score"] is not None else "")
              + f"; results in {out}")
    return EXIT_OK


def cmd_cluster_bench(args: argparse.Namespace) -> int:
    """A fixed --schedules campaign on the local process pool (--jobs SLOTS) and
    on a local Dask cluster of SLOTS one-thread workers on 127.0.0.1: wall
    time, executions/s and overhead per cell; the two stores must agree."""
    import sqlite3
    import campaign_cluster as cc
    reqsim = Path(args.reqsim) if args.reqsim else DEFAULT_REQSIM
    if not reqsim.exists():
        raise BenchError(f"{reqsim} not found; build it first: {BUILD_HINT}")
    if not cc.debian_python_has_distributed():
        raise BenchError("Debian's python3 has no distributed package (tools/bootstrap.sh "
                         "installs python3-distributed)")
    camp = str(Path(__file__).resolve().parent / "campaign.py")
    matrix = ["--schedules", str(args.schedules), "--engines", args.engines,
              "--scenarios", args.scenarios, "--models", args.models, "--no-build", "-q",
              "--reqsim", str(reqsim)]
    res: dict[str, Any] = {"benchmark": "cluster", "slots": args.workers,
                           "schedules_per_cell": args.schedules}

    def figures(db: Path, wall: float) -> dict[str, Any]:
        con = sqlite3.connect(db)
        try:
            cells, execs = con.execute("SELECT COUNT(*), SUM(executions) FROM runs").fetchone()
            sigs = con.execute("SELECT signature, hits FROM violations ORDER BY 1").fetchall()
        finally:
            con.close()
        return {"wall_s": wall, "cells": cells, "executions": execs,
                "executions_per_s": execs / wall, "cell_s": wall * args.workers / cells,
                "violations": len(sigs), "_sigs": sigs}

    with tempfile.TemporaryDirectory(prefix="reqsim-cluster-bench-") as tmp:
        t = Path(tmp)
        t0 = time.perf_counter()
        p = subprocess.run(["python3", camp, *matrix, "--jobs", str(args.workers),
                            "--db", str(t / "local.db"), "--work", str(t / "lw")],
                           capture_output=True, text=True)
        if p.returncode != 0:
            raise BenchError(f"local campaign failed: {p.stderr.strip()[-300:]}")
        res["local"] = figures(t / "local.db", time.perf_counter() - t0)
        with cc.LocalCluster(args.workers, t) as cl:
            addr = cl.start()
            t0 = time.perf_counter()
            p = subprocess.run(["python3", camp, *matrix, "--jobs", "1", "--cluster", addr,
                                "--db", str(t / "cluster.db"), "--work", str(t / "cw")],
                               capture_output=True, text=True)
            if p.returncode != 0:
                raise BenchError(f"cluster campaign failed: {p.stderr.strip()[-300:]}")
            res["cluster"] = figures(t / "cluster.db", time.perf_counter() - t0)
    loc, clu = res["local"], res["cluster"]
    res["same_violations_and_hits"] = loc.pop("_sigs") == clu.pop("_sigs")
    res["overhead_per_cell_s"] = (clu["wall_s"] - loc["wall_s"]) * args.workers / clu["cells"]
    if args.json:
        print(json.dumps(res, indent=2, sort_keys=True))
        return EXIT_OK
    print(f"cluster bench: {clu['cells']} cells x {args.schedules} schedules "
          f"({args.scenarios}; {args.engines}; {args.models}), {args.workers} slots")
    for name, r in (("local pool", loc), (f"{args.workers}-worker cluster", clu)):
        print(f"  {name:<18} {r['wall_s']:7.1f} s  {r['executions']:>10,} executions  "
              f"{r['executions_per_s']:>9,.0f}/s  {r['cell_s']:.3f} s per cell-slot  "
              f"{r['violations']} violations")
    print(f"  overhead of the cluster: {res['overhead_per_cell_s'] * 1000:+.0f} ms per cell; "
          f"same violations and hits: {'yes' if res['same_violations_and_hits'] else 'NO'}")
    return EXIT_OK


SUBCOMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "sim": cmd_sim,
    "scenarios": cmd_scenarios,
    "explore": cmd_explore_bench,
    "report": cmd_report_bench,
    "store": cmd_store_bench,
    "proof": cmd_proof_bench,
    "stress": cmd_stress_bench,
    "fuzz": cmd_fuzz_bench,
    "mutate": cmd_mutate_bench,
    "cluster": cmd_cluster_bench,
}




def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="bench.py",
        description="Reproducible reqsim benchmarks. A missed goal is reported, "
                    "never an error: exit 0 when figures were measured, 2 when "
                    "reqsim is missing, fails or prints unparsable output.",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    s = sub.add_parser(
        "sim", help="raw simulator speed: SB/TSO/random, asm vs ucontext switch",
        description=(
            f"Explore scenario {SIM_SCENARIO} under {SIM_MODEL} with the "
            f"{SIM_STRATEGY} strategy, once per context switch "
            f"({', '.join(SIM_SWITCHES)}), R times each, pinned to one core "
            f"when taskset exists; report median steps/s and schedules/s, the "
            f"asm/ucontext ratio, and the goals asm >= "
            f"{GOAL_ASM_STEPS_PER_S:,} steps/s and asm >= "
            f"{GOAL_ASM_OVER_UCONTEXT:g}x ucontext."),
    )
    s.add_argument("--reqsim", metavar="PATH",
                   help=f"reqsim binary (default: {DEFAULT_REQSIM.relative_to(REPO_ROOT)} "
                        "under the repository root)")
    s.add_argument("--budget", type=positive_int, default=SIM_DEFAULT_BUDGET, metavar="N",
                   help=f"schedules per asm run (default {SIM_DEFAULT_BUDGET}); "
                        f"ucontext runs N/{SIM_UCONTEXT_DIVISOR}")
    s.add_argument("--repeat", type=positive_int, default=SIM_DEFAULT_REPEAT, metavar="R",
                   help=f"runs per switch; medians are reported (default {SIM_DEFAULT_REPEAT})")
    s.add_argument("--json", action="store_true", help="print one JSON object instead")
    s.add_argument("--no-pin", action="store_true", help="do not pin to one core")
    s.add_argument("--timeout", type=positive_float, default=600.0, metavar="SECONDS",
                   help="limit per reqsim run (default 600)")
    s.add_argument("-v", "--verbose", action="store_true",
                   help="progress lines on stderr")
    c = sub.add_parser(
        "scenarios", help="schedules/s of every request-core scenario and model",
        description="Explore every request-core scenario (default parameters, x86, "
                    "random strategy, seed 1) under SC, TSO and PSO and report "
                    "steps per schedule, schedules/s and steps/s.")
    c.add_argument("--reqsim", metavar="PATH", help="reqsim binary")
    c.add_argument("--budget", type=positive_int, default=20000, metavar="N",
                   help="schedules per scenario and model (default 20000)")
    c.add_argument("--json", action="store_true", help="print one JSON object instead")
    c.add_argument("--no-pin", action="store_true", help="do not pin to one core")
    c.add_argument("--timeout", type=positive_float, default=600.0, metavar="SECONDS",
                   help="limit per reqsim run (default 600)")
    e = sub.add_parser(
        "explore", help="time and schedules to the first violation per bug variant",
        description="For every bug variant of the expected-verdict table (at the "
                    "first model where it is Sometimes): median schedules and seconds "
                    "to the first violation over seeds for random and PCT, and one "
                    "dfs run.")
    e.add_argument("--reqsim", metavar="PATH", help="reqsim binary")
    e.add_argument("--seeds", type=positive_int, default=5, metavar="N",
                   help="seeds per strategy (default 5)")
    e.add_argument("--budget", type=positive_int, default=20000, metavar="N",
                   help="schedules per random/PCT run (default 20000)")
    e.add_argument("--dfs-budget", type=positive_int, default=200000, metavar="N",
                   help="schedules for the dfs run (default 200000)")
    e.add_argument("--json", action="store_true", help="print one JSON object instead")
    e.add_argument("--timeout", type=positive_float, default=600.0, metavar="SECONDS",
                   help="limit per reqsim run (default 600)")
    r = sub.add_parser(
        "report", help="report build time for a big store (goal: 100 campaigns, 10,000 "
                       "violations in under 10 s)",
        description="Make a synthetic store (campaigns, runs with samples, violations with "
                    "traces like reqsim's) and time tools/report.py's build of it.")
    r.add_argument("--campaigns", type=positive_int, default=100, metavar="N")
    r.add_argument("--violations", type=positive_int, default=10000, metavar="N")
    r.add_argument("--runs", type=positive_int, default=60, metavar="N",
                   help="runs (matrix cells) per campaign (default 60)")
    r.add_argument("--repeat", type=positive_int, default=1, metavar="R")
    r.add_argument("--keep", metavar="DIR", help="keep the store and the site in DIR")
    r.add_argument("--json", action="store_true", help="print one JSON object instead")
    w = sub.add_parser(
        "store", help="store insert throughput (one process, then two at once)",
        description="Insert findings, hits and samples through tools/store.py the way "
                    "campaigns do (one transaction each) and report rows/s.")
    w.add_argument("--rows", type=positive_int, default=5000, metavar="N")
    w.add_argument("--json", action="store_true", help="print one JSON object instead")
    f = sub.add_parser(
        "proof", help="proof time: dfs (DPOR, brute force) and the stateful search",
        description="For correct configurations (litmus, the bare handshake, dekker, "
                    "payload): dfs with partial-order reduction, brute force and the "
                    "stateful search, each to completion or the budget/timeout; schedules "
                    "or states, seconds, bytes per state.  --largest: the largest "
                    "configuration of each scenario family each engine proves within "
                    "--timeout.")
    f.add_argument("--reqsim", metavar="PATH", help="reqsim binary")
    f.add_argument("--models", default="sc,tso", metavar="M,M",
                   help="models (default sc,tso)")
    f.add_argument("--budget", type=positive_int, default=5000000, metavar="N",
                   help="schedules per search (default 5,000,000)")
    f.add_argument("--timeout", type=positive_float, default=60.0, metavar="SECONDS",
                   help="limit per search (default 60)")
    f.add_argument("--jobs", type=positive_int, default=1, metavar="N")
    f.add_argument("--engines", default="dpor,brute,stateful", metavar="E,E",
                   help="engines: dpor, brute, stateful (default all three)")
    f.add_argument("--largest", action="store_true",
                   help="the largest configuration per family proven within --timeout")
    f.add_argument("--families", metavar="F,F",
                   help="--largest: only these families (default all)")
    f.add_argument("--json", action="store_true", help="print one JSON object instead")
    f.add_argument("-v", "--verbose", action="store_true")
    m = sub.add_parser(
        "mutate", help="the full mutation run of core/ (tools/mutate.py) and its time",
        description="Every mutant of core/ through the fixed detection protocol "
                    "(tools/mutate.py --help); prints the time, the score and where the "
                    "table is. Resumable with --out.")
    m.add_argument("--jobs", type=positive_int, default=os.cpu_count() or 1, metavar="N")
    m.add_argument("--out", metavar="DIR", help="results (default: a new temporary directory)")
    m.add_argument("--op", metavar="OP,OP", help="only these operators")
    m.add_argument("--json", action="store_true", help="print one JSON object instead")
    c2 = sub.add_parser(
        "cluster", help="a campaign on the local pool vs a local Dask cluster",
        description="The same fixed --schedules campaign on the local process pool "
                    "(--jobs WORKERS) and on a Dask cluster of WORKERS one-thread workers "
                    "on 127.0.0.1 (started and stopped here): wall time, executions/s, "
                    "overhead per cell, and whether the stores agree.")
    c2.add_argument("--reqsim", metavar="PATH", help="reqsim binary")
    c2.add_argument("--workers", type=positive_int, default=2, metavar="N")
    c2.add_argument("--schedules", type=positive_int, default=2000, metavar="N")
    c2.add_argument("--engines", default="pct,random,dfs", metavar="E,E")
    c2.add_argument("--scenarios", default="dekker,halt", metavar="S,S")
    c2.add_argument("--models", default="sc,tso", metavar="M,M")
    c2.add_argument("--json", action="store_true", help="print one JSON object instead")
    import stress_bench
    stress_bench.add_parser(sub, positive_int, positive_float)
    import fuzz_bench
    fuzz_bench.add_parser(sub, positive_int, positive_float)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    first = next((a for a in argv if not a.startswith("-")), None)
    if first is not None and first not in SUBCOMMANDS and "-h" not in argv \
            and "--help" not in argv:
        print(f"bench.py: unknown subcommand '{first}' (available: "
              f"{', '.join(SUBCOMMANDS)}; try 'bench.py --help')", file=sys.stderr)
        return EXIT_ERROR
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return SUBCOMMANDS[args.command](args)
    except BenchError as e:
        print(f"bench.py: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("bench.py: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
