#!/usr/bin/env python3
"""campaign.py: run a matrix of engines over reqsim's scenarios and record every
violation in the SQLite store.

    tools/campaign.py --budget 180s                       # the default matrix
    tools/campaign.py --budget 1h --engines pct,random,libfuzzer,afl --scenarios dekker,halt
    tools/campaign.py --schedules 20000                   # fixed schedules per reqsim cell
    tools/campaign.py --resume                            # continue the last interrupted one
    tools/campaign.py --list                              # print the matrix and exit

The matrix is scenarios x models x archs x bug sets x engines:
  engines   random, pct, dfs (reqsim explore), libfuzzer, afl (fuzz/ targets)
  bug sets  'verdicts' (default): the configurations of `reqsim list --verdicts`
            (bug and parameters, with the arch they apply to) for request-core
            scenarios, and no bug plus each bug for the litmus scenarios;
            'none'; 'each' (no bug, then each bug alone); or explicit sets
            'a+b;c;-' ('-' is no bug)
  archs     'auto' (default): the arch column of the verdict table, x86 for
            litmus scenarios; or a list.  Either way a scenario is never run on
            an arch it does not support (`reqsim list scenarios --tsv`; a reqsim
            without that listing counts every scenario on every arch); --list
            shows what was left out of the matrix and why

Parallelism (all cores, --jobs N): a random/pct cell runs `reqsim explore
--jobs N`, a libFuzzer cell `-fork=N`, an AFL++ cell one main and N-1
secondary instances; dfs (one thread in reqsim) runs N cells at once.  The
time budget is shared out as equal core-seconds per cell, re-planned each
time a cell starts, so early finishers give their time to the rest.  The
budget is a target: every cell runs at least one slice, so a big matrix has
a floor (the default one, 1452 cells, about 85 s on 2 cores).

Every finding (a .sched from reqsim, a crash file from a fuzzer) is replayed
with reqsim, deduplicated by signature, minimized and traced when new
(`reqsim minimize`, `replay --trace jsonl|perfetto`), given its story
(tools/story.py) and committed to the store at once.  Killing the campaign
(Ctrl-C, kill -9) loses nothing recorded; --resume continues where it
stopped (finished cells are skipped, files already recorded are not recorded
again, random/pct cells continue with their next seed; it takes the campaign's
recorded configuration, so no matrix option, and refuses a campaign whose
campaign.py still runs).  Identity of every
finding: the .sched origin (strategy, seed, run) or the crash file, plus the
campaign's configuration in the store.

Before anything is written to the store, every option is checked (names,
ranges as reqsim accepts them, empty values) and so is everything the
campaign needs: the store and its directory writable (SQLite creates -wal
and -shm files next to it), the work directory creatable, the binaries
present, executable and of the right kind (reqsim prints its build id; a
resumed campaign needs the build it started with), and no output of the
campaign may land on the store or one of its inputs.  A failed check is one
line on stderr, exit 2, and the store is left as it was.  Commands printed
for pasting (the resume hint, the store query) are shell-quoted.

After the cells, every violation of the store is re-checked on the
campaign's build and gets its status there (tools/recheck.py: reproduces,
fixed, other, unfit-found/gone, ...; --no-recheck skips it).

--cluster tcp://HOST:PORT runs the cells as tasks on a Dask distributed
cluster instead of the local pool (tools/campaign_cluster.py: same cell code
on the workers, only this process writes the store, every worker must run
the same reqsim build); it needs Debian's python3-distributed and re-runs
this script under /usr/bin/python3 when the current interpreter lacks it.

Exit status: 0 the campaign ran to its end (violations or not; failed cells
are listed), 1 the campaign ran but every one of its cells failed (the first
failure is printed; nothing was tested), 2 usage or setup error (one line on
stderr, nothing written), 130 interrupted (resume with the printed command;
the campaign is left resumable at any point).
Standard library only (Dask with --cluster).
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import math
import os
import re
import select
import shlex
import shutil
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzzseeds  # noqa: E402
import safeio  # noqa: E402
import store as storemod  # noqa: E402
import story as storymod  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT / "corpus"

ENGINES = ("random", "pct", "dfs", "libfuzzer", "afl")
REQSIM_ENGINES = ("random", "pct", "dfs")
DEFAULT_ENGINES = ("pct", "random", "dfs")
MODELS = ("sc", "tso", "pso", "wmm")
ARCHS = ("x86", "arm64")

EXIT_OK, EXIT_ALL_FAILED, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130

# Limits of the options, as reqsim's parser (cli/reqsim.c parse_num) and the
# store accept them: reqsim takes seeds 0..2^64-1, but the store keeps a
# cell's seed in an SQLite INTEGER (signed 64 bits); --budget N of explore is
# at most 2^40 schedules (a dfs cell runs --schedules N as one explore), and
# explore --jobs at most 64 (a random/pct cell uses min(--jobs, 64) cores).
SEED_MAX = (1 << 63) - 1
SCHEDULES_MAX = 1 << 40
REQSIM_JOBS_MAX = 64
JOBS_MAX = 1024
BUDGET_MAX = 366 * 24 * 3600.0
INTERRUPT_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

SLICE_FIRST = 2000            # schedules in the first slice of a random/pct cell
SLICE_MIN, SLICE_MAX = 200, 5_000_000
SLICE_SECONDS = 2.0           # target length of a slice (what a kill -9 can lose)
SLICE_SCHEDULES = 100_000     # slice size in --schedules mode (deterministic seeds)
DFS_CALIBRATION = 2000
MIN_WALL = {"random": 0.0, "pct": 0.0, "dfs": 0.0, "libfuzzer": 5.0, "afl": 12.0}
MINIMIZE_TIMEOUT = 120.0
TRACE_LINES_MAX = 3000        # longer jsonl traces keep their first and last lines
PERFETTO_BYTES_MAX = 8 << 20
CRASHES_PER_CELL_MAX = 2000   # crash files replayed per fuzzer cell (the rest counted)
POLL = 0.02


class CampaignError(Exception):
    """Setup or usage error: one line, exit 2."""


class Interrupted(Exception):
    pass


# ---- small helpers -----------------------------------------------------------------------

def parse_duration(text: str) -> float:
    m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|s|m|min|h)?\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (e.g. 180s, 5m, 1h)")
    v = float(m.group(1)) * {"ms": 0.001, "s": 1, None: 1, "m": 60, "min": 60,
                             "h": 3600}[m.group(2)]
    if not v > 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
    if v > BUDGET_MAX:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is out of range (max "
                                         f"{int(BUDGET_MAX // 3600)}h)")
    return v


def _parse_int(text: str, lo: int, hi: int) -> int:
    """A decimal integer in [lo, hi] (ASCII digits only, as reqsim reads them)."""
    t = text.strip()
    if not re.fullmatch(r"-?[0-9]+", t):
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}")
    if len(t.lstrip("-")) > 30:
        v = -(10 ** 30) if t.startswith("-") else 10 ** 30  # out of range either way
    else:
        v = int(t)
    if v < lo:
        raise argparse.ArgumentTypeError(f"{t[:40]} is out of range (min {lo})")
    if v > hi:
        raise argparse.ArgumentTypeError(f"{t[:40]} is out of range (max {hi})")
    return v


def int_arg(lo: int, hi: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        return _parse_int(text, lo, hi)
    parse.__name__ = "integer"
    return parse


positive_int = int_arg(1, SCHEDULES_MAX)


def csv_list(text: str) -> list[str]:
    return [t for t in re.split(r"[,\s]+", text.strip()) if t]


def run_cmd(cmd: Sequence[str], *, timeout: float | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a helper to its end.  Its own session: a Ctrl-C in the terminal reaches
    only the campaign, which stops the helper (a helper killed by the terminal's
    SIGINT would look like a failed replay and lose the finding)."""
    try:
        p = subprocess.run(list(cmd), capture_output=True, text=True, timeout=timeout,
                           cwd=cwd, env=env, check=False, preexec_fn=safeio.die_with_parent,
                           stdin=subprocess.DEVNULL, start_new_session=True,
                           errors="replace")
    except OSError as e:
        raise CampaignError(f"cannot run {cmd[0]}: {e.strerror}") from None
    if p.returncode in tuple(-s for s in INTERRUPT_SIGNALS):
        # killed from outside while the campaign goes on: not a result, and
        # nothing may be concluded (or marked as done) from it
        raise Interrupted()
    return p


def probe(cmd: Sequence[str], timeout: float = 20.0, limit: int = 1 << 16) -> tuple[int, str]:
    """Run a binary we do not trust yet: stdin closed, at most `limit` bytes of
    output, killed after `timeout` s.  (exit status or -1, stdout text)."""
    try:
        proc = subprocess.Popen(list(cmd), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, start_new_session=True,
                                preexec_fn=safeio.die_with_parent)
    except (OSError, ValueError) as e:
        raise CampaignError(f"{cmd[0]}: cannot run ({getattr(e, 'strerror', None) or e})"
                            ) from None
    assert proc.stdout is not None
    out = bytearray()
    eof = False
    deadline = time.monotonic() + timeout
    try:
        fd = proc.stdout.fileno()
        while len(out) < limit:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                break
            chunk = os.read(fd, limit - len(out))
            if not chunk:
                eof = True
                break
            out += chunk
        if eof:
            try:
                proc.wait(timeout=max(0.05, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
    finally:
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
            proc.wait()
        proc.stdout.close()
    rc = proc.returncode if eof else -1
    return rc, bytes(out).decode("utf-8", errors="replace")


def git_revision() -> str | None:
    try:
        rev = subprocess.run(["git", "-C", str(REPO_ROOT), "rev-parse", "--short=12", "HEAD"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
        if not rev:
            return None
        dirty = subprocess.run(["git", "-C", str(REPO_ROOT), "status", "--porcelain",
                                "--untracked-files=no"], capture_output=True, text=True,
                               timeout=10).stdout.strip()
        return rev + ("-dirty" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return None


# ---- what reqsim offers ------------------------------------------------------------------

@dataclasses.dataclass
class Scenario:
    name: str
    litmus: bool
    bugs: list[str]
    params: list[str]


@dataclasses.dataclass
class Verdict:
    scenario: str
    bug: str        # '-' for none
    params: str     # 'a=1 b=2' or ''
    arch: str       # both | x86 | arm64
    expect: dict[str, str]  # model -> Never/Sometimes


_BUILD_RE = re.compile(r"^reqsim build ([0-9A-Za-z._-]+)", re.M)


def reqsim_build_id(reqsim: Path) -> str:
    """The build id `reqsim version` prints; CampaignError when the binary is
    not a reqsim (prints none)."""
    rc, out = probe([str(reqsim), "version"])
    m = _BUILD_RE.search(out)
    if rc != 0 or not m:
        raise CampaignError(f"{reqsim}: not a reqsim binary (`{shlex.quote(str(reqsim))} "
                            f"version` printed no build id, exit {rc})")
    return m.group(1)


def source_build_id() -> str | None:
    """The build id CMake computes for this source tree, or None."""
    import recheck as recheckmod
    return recheckmod.tree_build_id(REPO_ROOT)


_ARCHS_TSV_RE = re.compile(r"^([^\t\s]+)\t([a-z0-9_]+(?:,[a-z0-9_]+)*)(?:\t.*)?$")


def scenario_archs(reqsim: Path) -> dict[str, tuple[str, ...]] | None:
    """The archs each scenario supports, from `reqsim list scenarios --tsv`
    (one line per scenario: NAME<TAB>ARCHS, ARCHS a comma list).  None when the
    binary does not print that (older builds): every scenario then counts as
    supporting every arch."""
    try:
        p = run_cmd([str(reqsim), "list", "scenarios", "--tsv"], timeout=60)
    except subprocess.TimeoutExpired:
        return None
    if p.returncode != 0:
        return None
    out: dict[str, tuple[str, ...]] = {}
    for line in p.stdout.splitlines():
        if not line.strip():
            continue
        m = _ARCHS_TSV_RE.match(line)
        if not m:
            return None
        out[m.group(1)] = tuple(a for a in ARCHS if a in m.group(2).split(","))
    return out or None


def reqsim_catalogue(reqsim: Path) -> tuple[dict[str, Scenario], list[Verdict], str]:
    build_id = reqsim_build_id(reqsim)  # first: is it a reqsim at all
    try:
        p = run_cmd([str(reqsim), "list", "scenarios"], timeout=60)
        v = run_cmd([str(reqsim), "list", "--verdicts", "--tsv"], timeout=60)
    except subprocess.TimeoutExpired:
        raise CampaignError(f"{reqsim} list: timed out") from None
    if p.returncode != 0:
        raise CampaignError(f"{reqsim} list scenarios failed (exit {p.returncode})")
    scen: dict[str, Scenario] = {}
    cur: Scenario | None = None
    for line in p.stdout.splitlines():
        m = re.match(r"^  (\S+)\s+(.*)$", line)
        if m and not line.startswith("   "):
            cur = Scenario(m.group(1), m.group(2).startswith("litmus"), [], [])
            scen[cur.name] = cur
            continue
        m = re.match(r"^\s+--bug (\S+)", line)
        if m and cur:
            cur.bugs.append(m.group(1))
        m = re.match(r"^\s+--param (\w+)=N", line)
        if m and cur:
            cur.params.append(m.group(1))
    if not scen:
        raise CampaignError(f"{reqsim} list scenarios printed no scenario")
    # the verdict table decides the matrix and the expected verdicts: a table
    # that cannot be read is an error, never a silently smaller matrix
    if v.returncode != 0:
        raise CampaignError(f"{reqsim} list --verdicts --tsv failed (exit {v.returncode})")
    verdicts = []
    for line in v.stdout.splitlines():
        if not line.strip():
            continue
        f = line.split("\t")
        if len(f) != 4 + len(MODELS) or f[3] not in ("both", *ARCHS):
            raise CampaignError(f"{reqsim} list --verdicts --tsv: unexpected line "
                                f"{line[:120]!r}")
        verdicts.append(Verdict(f[0], f[1], f[2].strip(), f[3], dict(zip(MODELS, f[4:]))))
    return scen, verdicts, build_id


# ---- the matrix ---------------------------------------------------------------------------

def build_matrix(args: argparse.Namespace, scen: dict[str, Scenario],
                 verdicts: list[Verdict],
                 supported: dict[str, tuple[str, ...]] | None = None
                 ) -> tuple[list[dict[str, Any]], list[str]]:
    """The cells, and a line for each part of the asked matrix left out (why).

    supported: the archs of each scenario (scenario_archs); a scenario is never
    run on an arch it does not support, whatever --archs says."""
    names = list(scen) if args.scenarios in (None, "all") else csv_list(args.scenarios)
    for n in names:
        if n not in scen:
            raise CampaignError(f"unknown scenario '{n}' (see 'reqsim list scenarios')")
    models = MODELS if args.models in (None, "all") else tuple(csv_list(args.models))
    for m in models:
        if m not in MODELS:
            raise CampaignError(f"unknown model '{m}' (models: {', '.join(MODELS)})")
    engines = csv_list(args.engines) if args.engines is not None else list(DEFAULT_ENGINES)
    for e in engines:
        if e not in ENGINES:
            raise CampaignError(f"unknown engine '{e}' (engines: {', '.join(ENGINES)})")
    archs_opt = args.archs or "auto"
    if archs_opt != "auto":
        for a in csv_list(archs_opt):
            if a not in ARCHS:
                raise CampaignError(f"unknown arch '{a}' (archs: {', '.join(ARCHS)}, auto)")
    bug_sets = args.bug_sets or "verdicts"
    if bug_sets not in ("verdicts", "each", "none"):
        for s in bug_sets.split(";"):
            for b in [x for x in s.strip().split("+") if x and x != "-"]:
                if not any(b in sc.bugs for sc in scen.values()):
                    raise CampaignError(f"unknown bug '{b}' (see 'reqsim list bugs')")
    cores = args.jobs
    left_out: dict[str, int] = {}

    def leave(text: str) -> None:
        left_out[text] = left_out.get(text, 0) + 1

    configs: list[tuple[str, str, str, tuple[str, ...]]] = []  # scenario, bugs, params, archs
    for n in names:
        sc = scen[n]
        can = supported.get(n, ARCHS) if supported is not None else ARCHS
        rows = [v for v in verdicts if v.scenario == n]
        if bug_sets == "verdicts" and rows:
            sets = [(v.bug if v.bug != "-" else "", v.params, v.arch) for v in rows]
        elif bug_sets in ("verdicts", "each"):
            sets = [("", "", "x86" if sc.litmus else "both")]
            sets += [(b, "", "x86" if sc.litmus else "both") for b in sc.bugs]
        elif bug_sets == "none":
            sets = [("", "", "x86" if sc.litmus else "both")]
        else:
            sets = []
            for s in bug_sets.split(";"):
                s = s.strip()
                bugs = [] if s in ("", "-") else [b for b in s.split("+") if b]
                missing = [b for b in bugs if b not in sc.bugs]
                if missing:
                    leave(f"{n} with bug set '{s}': {missing[0]} is not a bug of {n}")
                else:
                    sets.append((",".join(bugs), "", "x86" if sc.litmus else "both"))
            if not sets:
                continue
        for bugs, params, arch in sets:
            if archs_opt == "auto":
                wanted = ARCHS if arch == "both" else (arch,)
            else:
                wanted = tuple(csv_list(archs_opt))
            archs = []
            for a in wanted:
                if a not in can:
                    leave(f"{n} on {a}: {n} supports {','.join(can) or 'no arch'} only "
                          "(reqsim list scenarios --tsv)")
                elif arch not in ("both", a):
                    leave(f"{n} on {a}: litmus programs run on {arch} only" if sc.litmus else
                          f"{n} on {a}: the verdict table applies it to {arch} only "
                          "(reqsim list --verdicts)")
                else:
                    archs.append(a)
            if archs:
                configs.append((n, bugs, params, tuple(archs)))
    cells: list[dict[str, Any]] = []
    for n, bugs, params, archs in configs:
        for m in models:
            for a in archs:
                for e in engines:
                    expected = None
                    for v in verdicts:
                        if (v.scenario == n and (v.bug if v.bug != "-" else "") == bugs
                                and v.params == params and v.arch in ("both", a)):
                            expected = v.expect.get(m)
                    ncores = 1 if e == "dfs" else \
                        min(cores, REQSIM_JOBS_MAX) if e in ("random", "pct") else cores
                    cells.append({"cell": len(cells), "engine": e, "scenario": n,
                                  "params": params, "model": m, "arch": a, "bugs": bugs,
                                  "expected": expected, "seed": args.seed,
                                  "cores": ncores})
    notes = [f"left out: {t}" + (f" ({k} configurations)" if k > 1 else "")
             for t, k in left_out.items()]
    if not cells:
        why = f"; {notes[0][len('left out: '):]}" if notes else ""
        raise CampaignError("the matrix is empty (check --scenarios, --bug-sets, --archs)"
                            + why)
    return cells, notes


def config_flags(cell: dict[str, Any]) -> list[str]:
    out = ["--model", cell["model"], "--arch", cell["arch"]]
    for p in cell["params"].split():
        out += ["--param", p]
    for b in [b for b in cell["bugs"].split(",") if b]:
        out += ["--bug", b]
    return out


FUZZ_FORMS = ("abstract", "bytes")


def fuzz_env(cell: dict[str, Any], form: str = "abstract") -> dict[str, str]:
    """The fuzz targets' configuration for a cell.  form: the input form the
    targets mutate (REQSIM_FUZZ_FORM): "abstract" schedules through the
    custom mutator (the default), or "bytes", one byte per decision."""
    env = dict(os.environ)
    env.update({"REQSIM_FUZZ_SCENARIO": cell["scenario"], "REQSIM_FUZZ_MODEL": cell["model"],
                "REQSIM_FUZZ_ARCH": cell["arch"], "REQSIM_FUZZ_BUGS": cell["bugs"],
                "REQSIM_FUZZ_PARAMS": cell["params"], "REQSIM_FUZZ_FORM": form})
    if form == "abstract":  # the classes measured with it (bench.py fuzz ttb)
        env["REQSIM_FUZZ_FEEDBACK"] = fuzzseeds.ABSTRACT_FEEDBACK
    return env


def afl_mutator(afl: Path) -> Path | None:
    """The AFL++ custom mutator built beside the AFL++ target, if any."""
    m = afl.parent / "reqsim-afl-mutator.so"
    return m if m.is_file() else None


# ---- building ------------------------------------------------------------------------------

def build(preset: str, target: str, jobs: int, log: Path, root: Path) -> Path:
    """Configure (once) and build one target of a CMake preset in root/preset;
    returns the build directory.  Errors are one line."""
    bdir = root / preset
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "a") as lf:
        steps = []
        if not (bdir / "build.ninja").exists() and not (bdir / "Makefile").exists():
            steps.append(["cmake", "--preset", preset, "-B", str(bdir)])
        steps.append(["cmake", "--build", str(bdir), "--target", target, "-j", str(jobs)])
        for cmd in steps:
            lf.write("$ " + shlex.join(cmd) + "\n")
            lf.flush()
            try:
                p = subprocess.run(cmd, cwd=REPO_ROOT, stdout=lf, stderr=subprocess.STDOUT,
                                   check=False, preexec_fn=safeio.die_with_parent)
            except FileNotFoundError:
                raise CampaignError("cmake not found (run tools/bootstrap.sh)") from None
            if p.returncode != 0:
                raise CampaignError(f"building {target} (preset {preset}) failed; see {log}")
    return bdir


# ---- checks before anything is written ------------------------------------------------------
#
# A campaign writes its rows only after all of these passed, so a campaign that
# cannot run leaves no trace in the store (and nothing for --resume to pick up).

def _perm(path: Path | str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "missing"
    return f"mode {stat.S_IMODE(st.st_mode):04o}, owner uid {st.st_uid}, we are uid {os.geteuid()}"


def check_dir_creatable(path: Path, what: str) -> None:
    """path is a writable directory, or can be created (its first existing
    ancestor is a writable directory)."""
    p = Path(os.path.abspath(path))
    while True:
        try:
            st = os.stat(p)
            break
        except (FileNotFoundError, NotADirectoryError):
            if p.parent == p:
                raise CampaignError(f"{what} {path}: no existing ancestor directory") from None
            p = p.parent
        except OSError as e:
            raise CampaignError(f"{what} {path}: cannot look at {p} ({e.strerror})") from None
    if not stat.S_ISDIR(st.st_mode):
        raise CampaignError(f"{what} {path}: {p} is not a directory")
    if not os.access(p, os.W_OK | os.X_OK):
        verb = "is not writable" if p == Path(os.path.abspath(path)) else \
            "cannot be created: its directory " + str(p) + " is not writable"
        raise CampaignError(f"{what} {path} {verb} (write permission denied; {_perm(p)})")


def check_store(db: Path, *, must_exist: bool) -> bool:
    """Everything writing to the store needs, checked without writing anything.
    True when the store exists (and is a reqsim store), False when it will be
    created."""
    try:
        st = os.stat(db)
    except (FileNotFoundError, NotADirectoryError):
        st = None
    except OSError as e:
        raise CampaignError(f"--db {db}: cannot look at it ({e.strerror})") from None
    if st is None:
        if must_exist:
            raise CampaignError(f"{db}: no such store (run a campaign first)")
        check_dir_creatable(db.parent, f"--db {db}: cannot create the store: directory")
        return False
    if stat.S_ISDIR(st.st_mode):
        raise CampaignError(f"--db {db}: is a directory, not a store file")
    if not stat.S_ISREG(st.st_mode):
        raise CampaignError(f"--db {db}: not a regular file")
    if not os.access(db, os.R_OK):
        raise CampaignError(f"{db}: the store is not readable (read permission denied; "
                            f"{_perm(db)})")
    if st.st_size > 0:
        app, ver, tables = storemod.inspect(db)  # read-only; refuses foreign files
        storemod.validate(db, app, ver, tables)
    if not os.access(db, os.W_OK):
        raise CampaignError(f"{db}: the store is not writable (write permission denied or "
                            f"immutable; {_perm(db)})")
    parent = Path(os.path.abspath(db)).parent
    if not os.access(parent, os.W_OK | os.X_OK):
        raise CampaignError(f"{parent}: the store's directory is not writable (SQLite "
                            f"creates {db.name}-wal and {db.name}-shm there; write permission "
                            f"denied; {_perm(parent)})")
    for suffix in ("-wal", "-shm", "-journal"):
        side = Path(str(db) + suffix)
        if side.exists() and not os.access(side, os.R_OK | os.W_OK):
            raise CampaignError(f"{side}: not writable (SQLite needs it; permission denied; "
                                f"{_perm(side)})")
    return True


def check_executable(path: Path, what: str, hint: str) -> Path:
    try:
        st = os.stat(path)
    except OSError as e:
        raise CampaignError(f"{path}: no {what} ({e.strerror}){hint}") from None
    if not stat.S_ISREG(st.st_mode):
        raise CampaignError(f"{path}: not a file, so not the {what}")
    if not os.access(path, os.X_OK):
        raise CampaignError(f"{path}: the {what} is not executable (execute permission "
                            f"denied; {_perm(path)})")
    return Path(os.path.realpath(path))


FUZZ_MARKS = {"libfuzzer": (b"LLVMFuzzerTestOneInput", b"INFO: Seed: "),
              "afl": (b"__AFL_SHM_ID", b"##SIG_AFL_PERSISTENT##")}


def check_fuzz_target(path: Path, engine: str) -> None:
    """The binary is a target of that fuzzer (its runtime's strings are in it)."""
    marks = FUZZ_MARKS[engine]
    keep = max(len(m) for m in marks)
    tail = b""
    try:
        with open(path, "rb") as f:
            while True:
                chunk = f.read(1 << 20)
                if not chunk:
                    break
                buf = tail + chunk
                if any(m in buf for m in marks):
                    return
                tail = buf[-keep:]
    except OSError as e:
        raise CampaignError(f"{path}: cannot read the {engine} target ({e.strerror})") from None
    raise CampaignError(f"{path}: not a {engine} target (no {marks[0].decode()} in it)")


def _same_file(a: Path | str, b: Path | str) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


WORK_OUTPUT_RE = re.compile(r"c[0-9]+(-[0-9]+)?|build\.log")


def check_outputs(db: Path, work_root: Path, inputs: dict[str, Path]) -> None:
    """Nothing the campaign writes (the store, the work directory's build.log
    and c<ID> directories) may be the store or one of the campaign's inputs."""
    named = [("the store", db)] + [(k, v) for k, v in inputs.items() if v is not None]
    for name, path in named[1:]:
        if _same_file(db, path):
            raise CampaignError(f"--db {db} is {name}; refusing to write the store over it")
    wr = os.path.realpath(work_root)
    for name, path in named:
        if _same_file(work_root, path):
            raise CampaignError(f"--work {work_root} is {name}; the campaign would write "
                                "over it")
        r = os.path.realpath(path)
        if r.startswith(wr.rstrip(os.sep) + os.sep):
            first = os.path.relpath(r, wr).split(os.sep)[0]
            if WORK_OUTPUT_RE.fullmatch(first):
                raise CampaignError(f"{path}: {name} is where the campaign writes its files "
                                    f"(--work {work_root}); refusing to write over it")


def pasteable(script: str, *args: str) -> str:
    """A command line for the user to paste: this directory's tool `script`
    (as a path from the current directory when it is under it), every argument
    quoted for the shell."""
    path = (Path(__file__).resolve().parent / script)
    try:
        shown = os.path.relpath(path)
        if shown.startswith(".."):
            shown = str(path)
        elif os.sep not in shown:
            shown = "." + os.sep + shown
    except ValueError:
        shown = str(path)
    cmd = [shown, *args] if os.access(path, os.X_OK) else ["python3", shown, *args]
    return shlex.join(cmd)


@contextlib.contextmanager
def signals_deferred() -> Any:
    """Ctrl-C, SIGTERM and SIGHUP wait until the block is done (kept for after)."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, INTERRUPT_SIGNALS)
    except (OSError, ValueError):  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def block_signals_for_good() -> None:
    """Stop reacting to interruptions (the cleanup of an interrupted campaign
    must finish); pending ones are dropped by discard_blocked_signals()."""
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, INTERRUPT_SIGNALS)
    except (OSError, ValueError):
        pass


def discard_blocked_signals() -> None:
    try:
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    except (OSError, ValueError):
        return
    mine = [s for s in INTERRUPT_SIGNALS if s in blocked]
    if not mine:
        return
    handlers = {s: signal.signal(s, signal.SIG_IGN) for s in mine}  # drops pending ones
    signal.pthread_sigmask(signal.SIG_UNBLOCK, mine)
    for s, h in handlers.items():
        signal.signal(s, h)


def _write_atomic(path: Path, data: bytes) -> None:
    """A file a user keeps: written to a temporary file and renamed over it."""
    safeio.atomic_write(path, data)


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


# ---- the progress line ----------------------------------------------------------------------

class Progress:
    def __init__(self, total_cells: int, budget_s: float | None, quiet: bool) -> None:
        self.total = total_cells
        self.budget = budget_s
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.t0 = time.monotonic()
        self.last = 0.0
        self.width = 0

    def show(self, *, elapsed: float, done: int, execs: int, viol: int, new: int,
             running: str, force: bool = False) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        if not force and now - self.last < (0.5 if self.tty else 30.0):
            return
        self.last = now
        frac = min(1.0, elapsed / self.budget) if self.budget else done / max(self.total, 1)
        bar = "#" * int(frac * 24) + "-" * (24 - int(frac * 24))
        tm = (f"{_mmss(elapsed)}/{_mmss(self.budget)}" if self.budget else _mmss(elapsed))
        line = (f"[{bar}] {tm}  cells {done}/{self.total}  execs "
                f"{storemod.fmt_count(execs)}  violations {viol} ({new} new)  {running}")
        if self.tty:
            cols = shutil.get_terminal_size((100, 20)).columns
            line = line[: cols - 1]
            self._write("\r" + line + " " * max(0, self.width - len(line)))
            self.width = len(line)
        else:
            self._write(line + "\n")

    @staticmethod
    def _write(text: str) -> None:
        """Progress is best effort: a closed terminal or pipe never stops a campaign."""
        try:
            sys.stderr.write(text)
            sys.stderr.flush()
        except (OSError, ValueError):
            pass

    def done(self) -> None:
        if self.tty and not self.quiet and self.width:
            self._write("\n")
            self.width = 0

    def note(self, text: str) -> None:
        if self.quiet:
            return
        if self.tty and self.width:
            self._write("\r" + " " * self.width + "\r")
            self.width = 0
        self._write(text + "\n")


def _mmss(s: float | None) -> str:
    if s is None:
        return "-"
    s = int(s)
    return f"{s // 60}:{s % 60:02d}" if s < 3600 else f"{s // 3600}h{(s % 3600) // 60:02d}m"


# ---- recording findings -----------------------------------------------------------------------

class Recorder:
    """Replays, deduplicates, minimizes, traces and stores findings."""

    def __init__(self, st: storemod.Store, reqsim: Path, campaign_id: int,
                 note: Callable[[str], None]) -> None:
        self.st = st
        self.reqsim = reqsim
        self.campaign_id = campaign_id
        self.note = note
        self.new = 0
        self.sigs: set[str] = set()
        # signatures another store already holds in full (a cell run on a
        # cluster worker: the coordinator's store): not minimized again
        self.known: set[str] = set()

    def sched(self, run: "CellRun", path: Path, source: str, engine: str,
              t_run: float | None) -> bool:
        """Record the violation of one .sched file.  False: it did not reproduce."""
        if self.st.is_ingested(run.run_id, source):
            return True
        try:
            p = run_cmd([str(self.reqsim), "replay", str(path)], timeout=300)
        except subprocess.TimeoutExpired:
            p = subprocess.CompletedProcess([], -1, "", "replay timed out after 300 s")
        v = storymod.parse_replay(p.stdout)
        if p.returncode != 1 or v is None or "signature" not in v:
            err = (p.stderr.strip().splitlines() or [f"exit {p.returncode}"])[-1]
            run.anomaly(f"{path.name}: replay does not reproduce ({err})")
            self.st.mark_ingested(run.run_id, source)
            return False
        cell = run.cell
        rec: dict[str, Any] = {
            "signature": v["signature"], "kind": v["kind"], "scenario": cell["scenario"],
            "model": cell["model"], "arch": cell["arch"], "bugs": cell["bugs"],
            "params": cell["params"], "engine": engine, "origin": sched_origin(path),
        }
        if not self.st.known_signature(v["signature"]) and v["signature"] not in self.known:
            rec.update(self.full_record(path, v, run.work))
        vid, new = self.st.record_finding(campaign_id=self.campaign_id, run_id=run.run_id,
                                          source=source, v=rec, t_run=t_run)
        if vid >= 0:
            self.sigs.add(v["signature"])
            run.found_sigs.add(v["signature"])
        if new:
            self.new += 1
            self.note(f"new violation {v['signature']} {v['kind']} in {cell['scenario']} "
                      f"{storemod.config_str(cell)} ({engine})")
        return True

    def full_record(self, path: Path, v: dict[str, Any], work: Path) -> dict[str, Any]:
        """Minimize, replay with traces, tell the story."""
        out: dict[str, Any] = {"message": v.get("message"), "sites": v.get("sites", []),
                               "step": v.get("step"), "orig_len": v.get("decisions")}
        out["schedule"] = _read_text(path)
        mpath = work / (path.name[: -len(".sched")] + ".min.sched")
        jpath = work / (mpath.name + ".jsonl")
        ppath = work / (mpath.name + ".perfetto.json")
        # what a killed session may have left half-written is made again, never read
        for stale in (mpath, jpath, ppath):
            _unlink(stale)
        notes = []
        try:
            m = run_cmd([str(self.reqsim), "minimize", str(path), "--save", str(mpath)],
                        timeout=MINIMIZE_TIMEOUT)
            ok = m.returncode == 1 and mpath.exists()
        except subprocess.TimeoutExpired:
            ok = False
            notes.append(f"minimize timed out after {MINIMIZE_TIMEOUT:.0f}s")
        if not ok:
            mpath = path
            notes.append("not minimized: the original schedule is shown")
        out["min_schedule"] = _read_text(mpath)
        if mpath == path:
            jpath = work / (mpath.name + ".jsonl")
            ppath = work / (mpath.name + ".perfetto.json")
            _unlink(jpath)
            _unlink(ppath)
        try:
            r = run_cmd([str(self.reqsim), "replay", str(mpath), "--trace", "jsonl", "-o",
                         str(jpath)], timeout=300)
        except subprocess.TimeoutExpired:
            r = subprocess.CompletedProcess([], -1, "", "")
            _unlink(jpath)
            notes.append("the traced replay timed out")
        mv = storymod.parse_replay(r.stdout) or v
        out.update({"step": mv.get("step", out["step"]), "message": mv.get("message"),
                    "sites": mv.get("sites", out["sites"]),
                    "schedule_len": mv.get("decisions"), "steps": mv.get("steps"),
                    "trace_hash": mv.get("trace_hash")})
        jsonl = _read_text(jpath) if r.returncode == 1 and jpath.exists() else ""
        if r.returncode not in (1, -1):
            notes.append(f"the traced replay failed (exit {r.returncode}); no trace stored")
        recs = storymod.parse_jsonl(jsonl)
        st = storymod.tell(recs, kind=v["kind"], step=mv.get("step"),
                           message=mv.get("message") or "", sites=mv.get("sites", []))
        out["story"] = st.sentence
        out["decisive"] = {"key": st.key_steps, "named": st.decisive_steps,
                           "victim": st.victim}
        lines = jsonl.splitlines()
        if len(lines) > TRACE_LINES_MAX:
            head, tail = TRACE_LINES_MAX // 6, TRACE_LINES_MAX - TRACE_LINES_MAX // 6
            skipped = len(lines) - head - tail
            lines = lines[:head] + [f"# {skipped} steps omitted"] + lines[-tail:]
            notes.append(f"trace has {len(recs)} steps; {skipped} middle steps omitted "
                         "(replay the schedule for all)")
        out["trace_jsonl"] = "\n".join(lines) + ("\n" if lines else "")
        try:
            rp = run_cmd([str(self.reqsim), "replay", str(mpath), "--trace", "perfetto", "-o",
                          str(ppath)], timeout=300)
            why = None if rp.returncode == 1 and ppath.exists() else \
                f"its replay failed (exit {rp.returncode})"
        except subprocess.TimeoutExpired:
            why = "its replay timed out"
        if why is None and ppath.stat().st_size > PERFETTO_BYTES_MAX:
            why = "too big"
        if why is None:
            out["trace_perfetto"] = _read_text(ppath)
        else:
            notes.append(f"Perfetto trace not stored ({why}); make it with "
                         "reqsim replay FILE --trace perfetto -o F")
        out["trace_note"] = "; ".join(notes) or None
        return out


def sched_origin(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for _, line in zip(range(64), f):
                if line.startswith("origin "):
                    return line[7:].strip()
    except OSError:
        pass
    return None


def _read_text(p: Path) -> str:
    try:
        return p.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


# ---- cells ---------------------------------------------------------------------------------

class CellRun:
    """One cell being run: a state machine driven by poll()."""

    def __init__(self, camp: "Campaign", cell: dict[str, Any], row: Any) -> None:
        self.camp = camp
        self.cell = cell
        self.run_id = int(row["id"])
        self.engine = cell["engine"]
        self.cores = int(cell["cores"])
        self.work = camp.work / f"cell-{cell['cell']:05d}"
        self.work.mkdir(parents=True, exist_ok=True)
        self.progress: dict[str, Any] = json.loads(row["progress"] or "{}")
        self.executions = int(row["executions"] or 0)
        self.violating = int(row["violating"] or 0)
        self.seconds_before = float(row["seconds"] or 0.0)
        self.first_s = row["first_violation_s"]
        self.first_execs = row["first_violation_execs"]
        self.coverage = row["coverage"]
        self.found_sigs: set[str] = set()
        self.anomalies: list[str] = []
        self.proc: subprocess.Popen[bytes] | None = None
        self.procs: list[subprocess.Popen[bytes]] = []
        self.t_start = time.monotonic()
        self.allot = 0.0
        self.finished = False
        self.state = "running"
        self.detail: str | None = None
        self.last_scan = 0.0
        self.afl_log_pos = 0                  # afl_seed_crashes: log read up to here
        self.afl_seed_names: list[str] = []
        self.session_slices = 0
        self.rate_key = (cell["scenario"], cell["params"], cell["engine"], cell["model"])

    # -- bookkeeping -------------------------------------------------------------------

    def elapsed(self) -> float:
        return self.seconds_before + (time.monotonic() - self.t_start)

    def anomaly(self, text: str) -> None:
        self.anomalies.append(text)
        self.camp.progress.note(f"cell {self.cell['cell']}: {text}")

    def save(self, sample: bool = True) -> None:
        fields = {"executions": self.executions, "seconds": round(self.elapsed(), 3),
                  "violating": self.violating, "coverage": self.coverage,
                  "progress": self.progress, "first_violation_s": self.first_s,
                  "first_violation_execs": self.first_execs}
        if self.anomalies:
            fields["detail"] = "; ".join(self.anomalies[-5:])[:1000]
        self.camp.st.update_run_with_sample(
            self.run_id, round(self.elapsed(), 3), fields,
            (self.executions, self._found_count(), self.coverage)
            if sample else None)

    def _found_count(self) -> int:
        r = self.camp.st.q1("SELECT COUNT(DISTINCT violation_id) FROM findings WHERE run_id=?",
                            (self.run_id,))
        return int(r[0]) if r else 0

    def note_first(self, t: float | None, execs: int | None) -> None:
        if self.first_s is None and t is not None:
            self.first_s = round(t, 3)
            self.first_execs = execs

    def start(self, allot: float) -> None:
        self.allot = allot
        self.t_start = time.monotonic()
        self.camp.st.set_run(self.run_id, state="running",
                             started=self.camp.st.run(self.run_id)["started"] or time.time())
        self.recover()
        getattr(self, f"start_{'reqsim' if self.engine in ('random', 'pct') else self.engine}")()

    def finish(self, state: str | None = None, detail: str | None = None) -> None:
        self.finished = True
        n = self._found_count()
        self.state = state or ("violations" if n else "clean")
        if detail:
            self.anomalies.append(detail)
        self.save()
        self.camp.st.set_run(self.run_id, state=self.state, ended=time.time(),
                             findings=n, detail=("; ".join(self.anomalies[-5:])[:1000]
                                                 if self.anomalies else None))

    def stop(self) -> None:
        for p in self.procs + ([self.proc] if self.proc else []):
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except OSError:
                    pass
        deadline = time.monotonic() + 3
        for p in self.procs + ([self.proc] if self.proc else []):
            try:
                p.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except OSError:
                    pass
                p.wait()

    def spawn(self, cmd: list[str], log: Path, env: dict[str, str] | None = None,
              cwd: Path | None = None) -> subprocess.Popen[bytes]:
        lf = open(log, "ab")
        try:
            return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=lf,
                                    stderr=subprocess.STDOUT, env=env, cwd=cwd,
                                    start_new_session=True, preexec_fn=safeio.die_with_parent)
        except OSError as e:
            raise CampaignError(f"cannot run {cmd[0]}: {e.strerror}") from None
        finally:
            lf.close()

    # -- recovery of files left by an interrupted session ----------------------------------

    def recover(self) -> None:
        """Record what a killed session left behind (idempotent)."""
        if self.engine in ("random", "pct"):
            for d in sorted(self.work.glob("slice-*")):
                self.ingest_dir(d, f"{d.name}/")
        elif self.engine == "dfs":
            for d in sorted(self.work.glob("dfs-*")):
                self.ingest_dir(d, "")
        else:
            self.scan_crashes(final=True)

    def _explored(self, sl: dict[str, Any], rc: int, prefix: str) -> dict[str, Any] | None:
        """The finished slice's 'explored' figures, or None after finishing
        the cell with an error (reqsim failed or printed no summary).  The
        schedules a failing slice saved are recorded first: a finished cell is
        never looked at again."""
        text = _read_text(sl["log"])
        self.proc = None
        if rc not in (0, 1):
            self.ingest_dir(sl["out"], prefix)
            err = (text.strip().splitlines() or [f"exit {rc}"])[-1]
            self.finish("error", f"reqsim explore exit {rc}: {err[:300]}")
            return None
        try:
            return parse_explored(text)
        except CampaignError as e:
            self.ingest_dir(sl["out"], prefix)
            self.finish("error", str(e))
            return None

    def ingest_dir(self, d: Path, prefix: str, min_age: float = 0.0) -> None:
        now = time.time()
        for f in sorted(d.glob("*.sched")):
            if f.name.endswith(".min.sched"):
                continue
            try:
                if min_age and now - f.stat().st_mtime < min_age:
                    continue
            except OSError:
                continue
            self.camp.rec.sched(self, f, prefix + f.name, self.engine, self.elapsed())

    # -- random / pct: slices of reqsim explore --jobs N ---------------------------------------

    def start_reqsim(self) -> None:
        self.next_slice()

    def next_slice(self) -> None:
        pg = self.progress
        k = int(pg.get("slices", 0))
        done_sched = int(pg.get("schedules", 0))
        if self.camp.schedules is not None:
            left = self.camp.schedules - done_sched
            if left <= 0:
                self.finish()
                return
            n = min(left, SLICE_SCHEDULES)
        else:
            remaining = self.allot - (time.monotonic() - self.t_start)
            if self.session_slices > 0 and remaining <= 0:
                self.finish()
                return
            rate = pg.get("rate") or self.camp.rates.get(self.rate_key)
            if not rate:
                n = SLICE_FIRST
            else:
                n = int(rate * max(0.05, min(SLICE_SECONDS, remaining)))
                n = max(SLICE_MIN, min(SLICE_MAX, n))
        self.session_slices += 1
        seed = int(self.cell["seed"]) + k
        out = self.work / f"slice-{k:05d}"
        out.mkdir(exist_ok=True)
        cmd = [str(self.camp.reqsim), "explore", self.cell["scenario"], *config_flags(self.cell),
               "--strategy", self.engine, "--budget", str(n), "--seed", str(seed),
               "--out", str(out), "-q"]
        if self.cores > 1:
            cmd += ["--jobs", str(self.cores)]
        self.slice = {"k": k, "n": n, "seed": seed, "out": out, "t0": time.monotonic(),
                      "log": out / "explore.log", "execs_before": self.executions}
        self.proc = self.spawn(cmd, out / "explore.log")

    def poll_reqsim(self) -> None:
        assert self.proc is not None
        rc = self.proc.poll()
        if rc is None:
            if time.monotonic() - self.last_scan > 1.0:
                self.last_scan = time.monotonic()
                self.ingest_dir(self.slice["out"], f"{self.slice['out'].name}/", min_age=1.0)
            return
        sl = self.slice
        ex = self._explored(sl, rc, f"{sl['out'].name}/")
        if ex is None:
            return
        dt = max(time.monotonic() - sl["t0"], 1e-3)
        self.executions += ex["schedules"]
        self.violating += ex["violating"]
        first_run = None
        for f in sorted(sl["out"].glob("*.sched")):
            if f.name.endswith(".min.sched"):
                continue
            m = re.search(r"run=(\d+)", sched_origin(f) or "")
            if m:
                first_run = min(first_run, int(m.group(1))) if first_run is not None \
                    else int(m.group(1))
        self.ingest_dir(sl["out"], f"{sl['out'].name}/")
        if first_run is not None:
            frac = (first_run + 1) / max(sl["n"], 1)
            self.note_first(self.seconds_before + (sl["t0"] - self.t_start) + frac * dt,
                            sl["execs_before"] + first_run + 1)
        self.progress.update({"slices": sl["k"] + 1,
                              "schedules": int(self.progress.get("schedules", 0)) + ex["schedules"],
                              "rate": ex["schedules"] / dt, "last_seed": sl["seed"]})
        self.camp.rates[self.rate_key] = ex["schedules"] / dt
        self.save()
        self.next_slice()

    # -- dfs --------------------------------------------------------------------------------

    def start_dfs(self) -> None:
        self.dfs_phase = 0
        n = self.camp.schedules if self.camp.schedules is not None else DFS_CALIBRATION
        self.dfs_launch(n)

    def dfs_launch(self, n: int) -> None:
        out = self.work / f"dfs-{self.dfs_phase}"
        out.mkdir(exist_ok=True)
        cmd = [str(self.camp.reqsim), "explore", self.cell["scenario"], *config_flags(self.cell),
               "--strategy", "dfs", "--budget", str(n), "--out", str(out), "-q"]
        self.slice = {"n": n, "out": out, "t0": time.monotonic(), "log": out / "explore.log"}
        self.proc = self.spawn(cmd, out / "explore.log")

    def poll_dfs(self) -> None:
        assert self.proc is not None
        sl = self.slice
        rc = self.proc.poll()
        if rc is None:
            if time.monotonic() - self.last_scan > 1.0:
                self.last_scan = time.monotonic()
                self.ingest_dir(sl["out"], "", min_age=1.0)
            limit = max(self.allot * 3, self.allot + 10)
            if time.monotonic() - sl["t0"] > limit:
                self.stop()
                self.proc = None
                self.ingest_dir(sl["out"], "")
                self.finish(None, f"dfs run stopped after {limit:.0f}s (budget estimate "
                                  "was off); figures are from the calibration run")
            return
        ex = self._explored(sl, rc, "")
        if ex is None:
            return
        dt = max(time.monotonic() - sl["t0"], 1e-3)
        self.ingest_dir(sl["out"], "")
        # dfs is deterministic: a longer run repeats the shorter one, so its
        # figures replace the calibration's instead of adding to them
        self.executions = ex["schedules"]
        self.violating = ex["violating"]
        complete = "[complete" in ex["suffix"]
        self.progress.update({"dfs_complete": complete, "schedules": ex["schedules"]})
        if self.found_sigs and self.first_s is None:
            self.note_first(dt, None)
        self.save()
        remaining = self.allot - (time.monotonic() - self.t_start)
        if complete or self.dfs_phase > 0 or self.camp.schedules is not None:
            self.finish(None, "dfs complete" if complete else "dfs incomplete (budget)")
            return
        if remaining < 0.2:
            self.finish(None, "dfs incomplete (budget)")
            return
        rate = ex["schedules"] / dt
        self.dfs_phase = 1
        self.dfs_launch(max(DFS_CALIBRATION * 2, int(rate * remaining)))

    # -- libFuzzer ----------------------------------------------------------------------------

    def pct_k(self) -> int:
        """PCT's k for the seed inputs: the default run's decisions, as
        explore takes it (0, read as 64, when that run fails)."""
        try:
            r = run_cmd([str(self.camp.reqsim), "run", self.cell["scenario"],
                         *config_flags(self.cell), "--strategy", "default"], timeout=300)
        except subprocess.TimeoutExpired:
            return 0
        return fuzzseeds.pct_k(r.stdout)

    def abstract_seeds(self, directory: Path) -> None:
        """The abstract form's seed inputs (tools/fuzzseeds.py): PCT schedules
        first, and under SC the default policy's; k is asked of reqsim only
        when one is missing."""
        model = self.cell["model"]
        if fuzzseeds.missing(directory, model=model):
            fuzzseeds.write_seeds(directory, k=self.pct_k(), model=model)

    def start_libfuzzer(self) -> None:
        corpus = self.work / "corpus"
        art = self.work / "artifacts"
        corpus.mkdir(exist_ok=True)
        art.mkdir(exist_ok=True)
        if self.camp.fuzz_form == "abstract":
            self.abstract_seeds(corpus)
        cmd = [str(self.camp.libfuzzer), f"-artifact_prefix={art}/", "-print_final_stats=1"]
        if self.camp.schedules is not None:
            cmd += [f"-runs={self.camp.schedules}"]
        else:
            secs = max(1, int(round(self.allot)))
            cmd += [f"-fork={self.cores}", "-ignore_crashes=1", f"-max_total_time={secs}"]
        cmd.append(str(corpus))
        seeds = CORPUS_DIR / self.cell["scenario"]
        if seeds.is_dir():
            cmd.append(str(seeds))
        self.fz_log = self.work / f"libfuzzer-{int(self.progress.get('sessions', 0))}.log"
        self.progress["sessions"] = int(self.progress.get("sessions", 0)) + 1
        self.exec_base = self.executions
        self.proc = self.spawn(cmd, self.fz_log, env=fuzz_env(self.cell, self.camp.fuzz_form),
                               cwd=self.work)

    _LF_RE = re.compile(rb"#(\d+)[:\s].*?cov: (\d+) ft: (\d+)")

    def poll_libfuzzer(self) -> None:
        assert self.proc is not None
        rc = self.proc.poll()
        if time.monotonic() - self.last_scan > 1.0 or rc is not None:
            self.last_scan = time.monotonic()
            try:
                with open(self.fz_log, "rb") as f:
                    f.seek(max(0, f.seek(0, 2) - 65536))
                    tail = f.read()
            except OSError:
                tail = b""
            ms = list(self._LF_RE.finditer(tail))
            if ms:
                self.executions = self.exec_base + int(ms[-1].group(1))
                self.coverage = int(ms[-1].group(2))
            self.scan_crashes(final=rc is not None)
            self.save()
        if rc is None:
            if time.monotonic() - self.t_start > self.allot + 60:
                self.stop()
                self.finish(None, "libFuzzer did not stop at -max_total_time; stopped")
            return
        self.proc = None
        if rc not in (0, 1, 77) and not self.found_sigs and self.executions == 0:
            err = _tail_line(self.fz_log)
            self.finish("error", f"libFuzzer exit {rc}: {err[:300]}")
            return
        self.finish()

    def crash_files(self) -> list[Path]:
        if self.engine == "libfuzzer":
            return sorted(p for p in (self.work / "artifacts").glob("*")
                          if p.name.startswith(("crash-", "timeout-", "oom-", "leak-")))
        out = self.work / "afl-out"
        return self.afl_seed_crashes() + sorted(p for p in out.glob("*/crashes/id:*"))

    def afl_seed_crashes(self) -> list[Path]:
        """The seed inputs afl-fuzz's dry run skipped as crashing: it warns
        and keeps no crash file, so a seed input that violates would be lost.
        Read from the main instance's log (every instance dry-runs the same
        inputs), the part not read yet; the input is its queue entry."""
        log = self.work / "afl-0.log"
        try:
            with open(log, "rb") as f:
                f.seek(self.afl_log_pos)
                data = f.read()
        except OSError:
            data = b""
        end = data.rfind(b"\n") + 1  # a line still being written: next time
        self.afl_log_pos += end
        for m in fuzzseeds.AFL_SEED_CRASH_RE.finditer(data[:end].decode(errors="replace")):
            name = m.group(1)
            if name not in self.afl_seed_names:
                self.afl_seed_names.append(name)
        queue = self.work / "afl-out" / "main" / "queue"
        return [queue / n for n in self.afl_seed_names if (queue / n).is_file()]

    def scan_crashes(self, final: bool) -> None:
        done = int(self.progress.get("crashes_seen", 0))
        files = self.crash_files()
        now = time.time()
        for f in files:
            source = str(f.relative_to(self.work))
            if self.camp.st.is_ingested(self.run_id, source):
                continue
            try:
                st = f.stat()
            except OSError:
                continue
            if not final and now - st.st_mtime < 0.5:
                continue  # may still be written
            if done >= CRASHES_PER_CELL_MAX:
                self.progress["crashes_skipped"] = int(self.progress.get("crashes_skipped",
                                                                         0)) + 1
                continue
            done += 1
            self.violating += 1
            sched = self.work / "sched" / (re.sub(r"[^0-9A-Za-z_.-]", "_", source) + ".sched")
            sched.parent.mkdir(exist_ok=True)
            _unlink(sched)  # a killed session's half-written one
            try:
                r = run_cmd([str(self.camp.reqsim), "run", self.cell["scenario"],
                             *config_flags(self.cell), "--bytes", str(f), "--save",
                             str(sched)], timeout=300)
            except subprocess.TimeoutExpired:
                r = subprocess.CompletedProcess([], -1, "", "")
            if r.returncode != 1 or not sched.exists():
                self.anomaly(f"{source}: crash does not reproduce under reqsim run --bytes "
                             f"(exit {r.returncode})")
                self.camp.st.mark_ingested(self.run_id, source)
                continue
            t_rel = self.crash_time(f, st.st_mtime)
            before = len(self.found_sigs)
            self.camp.rec.sched(self, sched, source, self.engine, t_rel)
            if len(self.found_sigs) > before or self.first_s is None:
                self.note_first(t_rel, None)
        self.progress["crashes_seen"] = done

    def crash_time(self, f: Path, mtime: float) -> float:
        m = re.search(r"time:(\d+)", f.name)
        if m and self.engine == "afl":
            return self.seconds_before + int(m.group(1)) / 1000.0
        return max(0.0, self.seconds_before + (mtime - self.wall_start))

    # -- AFL++ ---------------------------------------------------------------------------

    def start_afl(self) -> None:
        out = self.work / "afl-out"
        seeds = CORPUS_DIR / self.cell["scenario"]
        inp = seeds if seeds.is_dir() and any(seeds.iterdir()) else self.work / "seed"
        if self.camp.fuzz_form == "abstract":
            inp = self.work / "seed-abstract"
            self.abstract_seeds(inp)
        elif inp == self.work / "seed":
            inp.mkdir(exist_ok=True)
            _write_atomic(inp / "zero", b"\x00")
        env = fuzz_env(self.cell, self.camp.fuzz_form)
        mut = afl_mutator(self.camp.afl) if self.camp.fuzz_form == "abstract" else None
        if mut is not None:  # abstract schedules only (fuzz/afl_mutator.c)
            env.update({"AFL_CUSTOM_MUTATOR_LIBRARY": str(mut), "AFL_CUSTOM_MUTATOR_ONLY": "1"})
        env.update({"AFL_NO_UI": "1", "AFL_SKIP_CPUFREQ": "1", "AFL_NO_AFFINITY": "1",
                    "AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES": "1", "AFL_FAST_CAL": "1",
                    "AFL_NO_CRASH_README": "1", "AFL_AUTORESUME": "1"})
        # Not AFL_SKIP_BIN_CHECK: it also skips the persistent-mode check,
        # and the target then forks once per input (4 k instead of 30 k+
        # exec/s on dekker).
        limit = (["-E", str(self.camp.schedules)] if self.camp.schedules is not None
                 else ["-V", str(max(1, int(round(self.allot))))])
        self.procs = []
        self.exec_base = self.executions
        for i in range(self.cores):
            role = ["-M", "main"] if i == 0 else ["-S", f"s{i}"]
            cmd = ["afl-fuzz", "-i", str(inp), "-o", str(out), *role, *limit, "--",
                   str(self.camp.afl)]
            self.procs.append(self.spawn(cmd, self.work / f"afl-{i}.log", env=env,
                                         cwd=self.work))

    def poll_afl(self) -> None:
        rcs = [p.poll() for p in self.procs]
        if time.monotonic() - self.last_scan > 1.0 or all(r is not None for r in rcs):
            self.last_scan = time.monotonic()
            execs, cov = 0, None
            for stats in (self.work / "afl-out").glob("*/fuzzer_stats"):
                kv = dict(re.findall(r"^(\w+)\s*:\s*(\S+)", _read_text(stats), re.M))
                execs += int(kv.get("execs_done", "0") or 0)
                if kv.get("edges_found", "").isdigit():
                    cov = max(cov or 0, int(kv["edges_found"]))
            self.executions = max(self.executions, self.exec_base + execs)
            self.coverage = cov if cov is not None else self.coverage
            self.scan_crashes(final=all(r is not None for r in rcs))
            self.save()
        if any(r is None for r in rcs):
            if time.monotonic() - self.t_start > self.allot + 60:
                self.stop()
                self.finish(None, "afl-fuzz did not stop at -V; stopped")
            return
        if all(r != 0 for r in rcs) and self.executions == self.exec_base:
            if self.afl_seed_names and self._found_count():
                # afl-fuzz stops when every seed input crashes; each instance
                # ran each once, and the violations are recorded (above)
                self.executions += len(self.afl_seed_names) * len(self.procs)
                self.finish(None, f"afl-fuzz stopped at its dry run: all "
                                  f"{len(self.afl_seed_names)} seed inputs violate")
                return
            self.finish("error", f"afl-fuzz exit {rcs[0]}: "
                                 f"{_tail_line(self.work / 'afl-0.log')[:300]}")
            return
        self.finish()

    # -- driver -------------------------------------------------------------------------

    def poll(self) -> None:
        if self.finished:
            return
        if self.engine in ("random", "pct"):
            if self.proc is not None:
                self.poll_reqsim()
        else:
            getattr(self, f"poll_{self.engine}")()

    @property
    def wall_start(self) -> float:
        return time.time() - (time.monotonic() - self.t_start)


def _tail_line(path: Path) -> str:
    lines = [ln for ln in _read_text(path).splitlines() if ln.strip()]
    return re.sub(r"\x1b\[[0-9;]*m", "", lines[-1]) if lines else "(no output)"


_EXPLORED_RE = re.compile(
    r"^explored .*?: (?P<schedules>\d+) schedules, (?P<steps>\d+) steps,"
    r" (?P<violating>\d+) violating \((?P<distinct>\d+) distinct\),"
    r" (?P<seconds>\d+(?:\.\d+)?)s,.*?schedules/s(?P<suffix>.*)$")


def parse_explored(text: str) -> dict[str, Any]:
    lines = [ln for ln in text.splitlines() if ln.startswith("explored ")]
    if not lines:
        raise CampaignError("reqsim explore printed no 'explored ...' line")
    m = _EXPLORED_RE.match(lines[-1].rstrip())
    if not m:
        raise CampaignError(f"cannot parse reqsim output: {lines[-1][:200]!r}")
    return {"schedules": int(m["schedules"]), "steps": int(m["steps"]),
            "violating": int(m["violating"]), "distinct": int(m["distinct"]),
            "seconds": float(m["seconds"]), "suffix": m["suffix"].strip()}


# ---- the campaign ----------------------------------------------------------------------

class Campaign:
    def __init__(self, st: storemod.Store, campaign_id: int, cfg: dict[str, Any],
                 work: Path, progress: Progress) -> None:
        self.st = st
        self.id = campaign_id
        self.cfg = cfg
        self.work = work
        self.progress = progress
        self.reqsim = Path(cfg["reqsim"])
        self.libfuzzer = Path(cfg.get("libfuzzer") or "reqsim-fuzz-libfuzzer")
        self.afl = Path(cfg.get("afl") or "reqsim-fuzz-afl")
        self.jobs = int(cfg["jobs"])
        self.budget = cfg.get("budget_s")
        self.schedules = cfg.get("schedules")
        self.fuzz_form = cfg.get("fuzz_form") or "abstract"
        self.rec = Recorder(st, self.reqsim, campaign_id, progress.note)
        self.rec.sigs = {r[0] for r in st.q(
            "SELECT DISTINCT v.signature FROM findings f JOIN violations v ON "
            "v.id=f.violation_id WHERE f.campaign_id=?", (campaign_id,))}
        self.rates: dict[tuple[str, ...], float] = {}
        # polled between cells' polls: True stops the campaign as Ctrl-C does
        # (a cell run on a cluster worker whose campaign was cancelled)
        self.should_stop: Callable[[], bool] | None = None
        self.rec.new = int(st.q1("SELECT COUNT(*) FROM findings WHERE campaign_id=? AND new=1",
                                 (campaign_id,))[0])

    def run(self, elapsed_before: float) -> None:
        cells = {c["cell"]: c for c in self.cfg["cells"]}
        rows = {r["cell"]: r for r in self.st.runs(self.id)}
        todo = [cells[i] for i in sorted(cells)
                if rows[i]["state"] in ("pending", "running", "interrupted")]
        todo.sort(key=lambda c: (-int(c["cores"]), c["cell"]))
        done_cells = len(cells) - len(todo)
        t0 = time.monotonic()
        deadline = (t0 + max(0.0, self.budget - elapsed_before)) if self.budget else None
        running: list[CellRun] = []
        last_elapsed_save = 0.0
        exec_done = sum(int(r["executions"] or 0) for r in rows.values()
                        if r["state"] not in ("pending", "running", "interrupted"))
        self.running = running
        try:
            while todo or running:
                free = self.jobs - sum(r.cores for r in running)
                while todo and (int(todo[0]["cores"]) <= free or not running):
                    cell = todo.pop(0)
                    cr = CellRun(self, cell, self.st.run(rows[cell["cell"]]["id"]))
                    allot = self.allotment(cell, deadline, len(todo) + 1, running)
                    running.append(cr)  # from here on, stopped if the campaign is
                    cr.start(allot)
                    if cr.finished:
                        running.remove(cr)
                        done_cells += 1
                        exec_done += cr.executions
                    free = self.jobs - sum(r.cores for r in running)
                changed = False
                for cr in list(running):
                    cr.poll()
                    if cr.finished:
                        running.remove(cr)
                        done_cells += 1
                        exec_done += cr.executions
                        changed = True
                now = time.monotonic()
                if now - last_elapsed_save > 5:
                    last_elapsed_save = now
                    self.st.set_campaign(self.id, elapsed=round(elapsed_before + now - t0, 3))
                self.progress.show(
                    elapsed=elapsed_before + now - t0, done=done_cells,
                    execs=exec_done + sum(r.executions for r in running),
                    viol=len(self.rec.sigs), new=self.rec.new,
                    running=", ".join(f"{r.engine} {r.cell['scenario']} {r.cell['model']}"
                                      for r in running[:2]))
                if self.should_stop is not None and self.should_stop():
                    raise Interrupted()
                if not changed:
                    lone = running[0].proc if len(running) == 1 and not todo else None
                    if lone is not None:
                        # one cell left (a cluster worker's cell, --jobs 1): its
                        # process ending wakes us at once instead of a poll later
                        with contextlib.suppress(subprocess.TimeoutExpired):
                            lone.wait(timeout=POLL)
                    else:
                        time.sleep(POLL)
        except BaseException as exc:
            # Interrupted (Ctrl-C, SIGTERM, SIGHUP) or failed: stop the children and
            # leave the campaign resumable.  What the running cells left on disk is
            # recorded now after an interruption (and by --resume in any case).  A
            # second Ctrl-C cuts this short; the campaign stays resumable (its
            # state 'running', the cells' too, are resumed like 'interrupted').
            interrupted = isinstance(exc, (KeyboardInterrupt, Interrupted))
            for cr in running:
                with contextlib.suppress(Exception):
                    cr.stop()
            for cr in running:
                try:
                    if interrupted:
                        cr.recover()
                    cr.save()
                    self.st.set_run(cr.run_id, state="interrupted")
                except (storemod.StoreError, sqlite3.Error, OSError, CampaignError):
                    pass
            with contextlib.suppress(storemod.StoreError, sqlite3.Error):
                self.st.set_campaign(self.id, status="interrupted",
                                     elapsed=round(elapsed_before + time.monotonic() - t0, 3))
            if interrupted:
                raise Interrupted() from None
            raise
        self.progress.show(elapsed=elapsed_before + time.monotonic() - t0, done=done_cells,
                           execs=exec_done, viol=len(self.rec.sigs), new=self.rec.new,
                           running="", force=True)
        self.progress.done()
        self.st.set_campaign(self.id, status="done", ended=time.time(),
                             elapsed=round(elapsed_before + time.monotonic() - t0, 3))

    def allotment(self, cell: dict[str, Any], deadline: float | None, left: int,
                  running: list[CellRun]) -> float:
        """Wall seconds for a cell: an equal share of the remaining core-seconds."""
        if deadline is None:
            return math.inf
        remaining = max(0.0, deadline - time.monotonic())
        share = remaining * self.jobs / max(left, 1)
        return max(MIN_WALL[cell["engine"]], share / int(cell["cores"]))


# ---- command line --------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    p = storemod.cli_parser("campaign.py", __doc__)
    p.add_argument("--db", default=str(storemod.DEFAULT_DB),
                   help="the store (default results/reqsim.db; created when missing)")
    b = p.add_mutually_exclusive_group()
    b.add_argument("--budget", type=parse_duration, metavar="DURATION",
                   help="wall-clock budget of the whole campaign: 180s, 5m, 1h "
                        f"(default 180s, at most {int(BUDGET_MAX // 3600)}h)")
    b.add_argument("--schedules", type=positive_int, metavar="N",
                   help="instead of a time budget: N schedules per random/pct/dfs cell "
                        "(libFuzzer -runs=N, AFL++ -E N); deterministic for reqsim engines; "
                        f"1 to {SCHEDULES_MAX}")
    p.add_argument("--engines", metavar="LIST",
                   help=f"comma list of {', '.join(ENGINES)} (default "
                        f"{','.join(DEFAULT_ENGINES)})")
    p.add_argument("--scenarios", metavar="LIST", help="comma list, or all (default)")
    p.add_argument("--models", metavar="LIST", help="comma list of sc,tso,pso,wmm, or all "
                                                    "(default)")
    p.add_argument("--archs", metavar="LIST",
                   help="comma list of x86,arm64, or auto (default: what the verdict table "
                        "says); a scenario is never run on an arch it does not support")
    p.add_argument("--bug-sets", metavar="SETS",
                   help="verdicts (default), none, each, or 'a+b;c;-'")
    p.add_argument("--seed", type=int_arg(0, SEED_MAX), metavar="S",
                   help=f"base seed, 0 to {SEED_MAX} (default 1); slice k of a random/pct "
                        "cell runs seed S+k")
    p.add_argument("--jobs", "-j", type=int_arg(1, JOBS_MAX), metavar="N",
                   help=f"cores to use (default: all; a random/pct cell uses at most "
                        f"{REQSIM_JOBS_MAX})")
    p.add_argument("--name", help="a name for the campaign")
    p.add_argument("--work", metavar="DIR",
                   help="where schedules, crash files and fuzzer corpora go "
                        "(default: campaigns/ next to the store)")
    p.add_argument("--reqsim", metavar="PATH",
                   help="reqsim binary (default build/default; with --resume: the one the "
                        "campaign started with, or one of the same build)")
    p.add_argument("--libfuzzer", metavar="PATH", help="libFuzzer target (default: build "
                                                       "it with the fuzz preset)")
    p.add_argument("--afl", metavar="PATH", help="AFL++ target (default: build it with the "
                                                 "afl preset)")
    p.add_argument("--fuzz-form", choices=FUZZ_FORMS, default="abstract",
                   help="input form of the libFuzzer and AFL++ cells: abstract schedules "
                        "(default; the custom mutators of fuzz/mutator.c) or bytes (one "
                        "byte per scheduler decision, the engines' own mutations)")
    p.add_argument("--no-build", action="store_true", help="do not run cmake")
    p.add_argument("--build-root", metavar="DIR",
                   help="where the presets build (default build/: build/default, "
                        "build/fuzz, build/afl)")
    p.add_argument("--resume", nargs="?", const="last", metavar="ID",
                   help="continue campaign ID (default: the last unfinished one) with its "
                        "recorded configuration")
    p.add_argument("--list", action="store_true",
                   help="print the matrix (and what was left out of it, and why) and exit")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress line")
    p.add_argument("--cluster", metavar="ADDRESS",
                   help="run the cells on the Dask cluster whose scheduler is at ADDRESS "
                        "(tcp://HOST:PORT); needs python3-distributed (tools/bootstrap.sh); "
                        "--jobs is then the cores of one cell (default 1); with --resume: "
                        "the scheduler to continue on (default: the recorded one)")
    p.add_argument("--worker-root", metavar="DIR",
                   help="with --cluster: the reqsim checkout on the workers (default: this "
                        "checkout's path); binaries inside this checkout are looked up at "
                        "the same place under DIR")
    p.add_argument("--no-recheck", action="store_true",
                   help="do not re-check the store's violations on this build after the "
                        "cells (by default every violation of the store gets its status on "
                        "the campaign's build: tools/recheck.py)")
    return p


PATH_OPTIONS = ("db", "work", "reqsim", "libfuzzer", "afl", "build_root", "worker_root")
TEXT_OPTIONS = ("engines", "scenarios", "models", "archs", "bug_sets", "name", "cluster")
# what a resumed campaign takes from its recorded configuration
CONFIG_OPTIONS = ("budget", "schedules", "engines", "scenarios", "models", "archs",
                  "bug_sets", "seed", "jobs", "name", "work", "libfuzzer", "afl", "build_root",
                  "list")
BUG_NAME_RE = re.compile(r"[A-Za-z0-9_.-]+")
CLUSTER_RE = re.compile(r"(?:tcp|tls)://(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):([0-9]{1,5})")
# what a worker's tools/campaign.py must speak (tools/campaign_cluster.py)
CLUSTER_PROTOCOL = 1


def _opt(name: str) -> str:
    return "--" + name.replace("_", "-")


def _check_names(opt: str, items: list[str], allowed: Sequence[str], kind: str,
                 special: str) -> None:
    if not items:
        raise CampaignError(f"{opt}: empty list")
    seen: set[str] = set()
    for x in items:
        if x == special:
            raise CampaignError(f"{opt}: '{special}' cannot be combined with other values")
        if x not in allowed:
            raise CampaignError(f"unknown {kind} '{x}' ({kind}s: {', '.join(allowed)}"
                                f"{', ' + special if special else ''})")
        if x in seen:
            raise CampaignError(f"{opt}: '{x}' given twice")
        seen.add(x)


def check_options(args: argparse.Namespace) -> None:
    """Every option, before anything is run or written.  Raises CampaignError."""
    for name in PATH_OPTIONS + TEXT_OPTIONS + ("resume",):
        v = getattr(args, name)
        if v is None:
            continue
        if not v.strip():
            raise CampaignError(f"{_opt(name)}: empty value (leave the option out for the "
                                "default)")
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            raise CampaignError(f"{_opt(name)}: not valid UTF-8") from None
    for name in ("engines", "scenarios", "models", "archs", "bug_sets"):
        if getattr(args, name) is not None:
            setattr(args, name, getattr(args, name).strip())
    if args.cluster is not None:
        m = CLUSTER_RE.fullmatch(args.cluster.strip())
        if not m or not 0 < int(m.group(1)) < 65536:
            raise CampaignError(f"--cluster: not a scheduler address: {args.cluster!r} "
                                "(give tcp://HOST:PORT)")
    if args.worker_root is not None and args.cluster is None:
        raise CampaignError("--worker-root needs --cluster")
    if args.name is not None and re.search(r"[\x00-\x1f\x7f]", args.name):
        raise CampaignError("--name: control characters (newlines, tabs, ...) are not allowed")
    if args.resume is not None:
        given = [o for o in CONFIG_OPTIONS if getattr(args, o) not in (None, False)]
        if given:
            raise CampaignError(f"--resume continues a campaign with its recorded "
                                f"configuration; {_opt(given[0])} cannot be given with it")
        if args.resume != "last":
            try:
                _parse_int(args.resume, 1, SEED_MAX)
            except argparse.ArgumentTypeError:
                raise CampaignError(f"--resume: not a campaign id: {args.resume!r}") from None
        return
    engines = csv_list(args.engines) if args.engines is not None else list(DEFAULT_ENGINES)
    _check_names("--engines", engines, ENGINES, "engine", "")
    if args.models is not None and args.models.strip() != "all":
        _check_names("--models", csv_list(args.models), MODELS, "model", "all")
    if args.archs is not None and args.archs.strip() != "auto":
        _check_names("--archs", csv_list(args.archs), ARCHS, "arch", "auto")
    if args.scenarios is not None and args.scenarios.strip() != "all":
        names = csv_list(args.scenarios)
        if not names:
            raise CampaignError("--scenarios: empty list")
        for n in names:
            if n == "all":
                raise CampaignError("--scenarios: 'all' cannot be combined with other values")
            if names.count(n) > 1:
                raise CampaignError(f"--scenarios: '{n}' given twice")
    if args.bug_sets is not None:
        args.bug_sets = args.bug_sets.strip()
        if args.bug_sets not in ("verdicts", "each", "none"):
            sets = [x.strip() for x in args.bug_sets.split(";")]
            for bs in sets:
                if bs in ("", "-"):
                    continue
                bugs = bs.split("+")
                for b in bugs:
                    if not BUG_NAME_RE.fullmatch(b) or b == "-":
                        raise CampaignError(f"--bug-sets: bad bug set {bs!r} (bug names "
                                            "joined by '+', sets by ';', '-' for no bug)")
                    if bugs.count(b) > 1:
                        raise CampaignError(f"--bug-sets: '{b}' twice in the set {bs!r}")
            norm = ["-" if x in ("", "-") else "+".join(sorted(x.split("+"))) for x in sets]
            for x in norm:
                if norm.count(x) > 1:
                    raise CampaignError(f"--bug-sets: the set '{x}' is given twice")
    if args.seed is None:
        args.seed = 1
    if args.jobs is None:
        args.jobs = 1 if args.cluster else max(1, min(os.cpu_count() or 1, JOBS_MAX))


def resolve_binaries(args: argparse.Namespace, engines: set[str], log: Path) -> dict[str, str]:
    """The binaries of the campaign (built first unless --no-build), checked:
    present, executable, the right kind.  Raises CampaignError."""
    out: dict[str, str] = {}
    root = Path(getattr(args, "build_root", None) or REPO_ROOT / "build")
    if args.reqsim:
        reqsim = Path(args.reqsim)
    else:
        reqsim = root / "default" / "reqsim"
        if not args.no_build:
            build("default", "reqsim", args.jobs, log, root)
    out["reqsim"] = str(check_executable(
        reqsim, "reqsim binary", "" if args.reqsim else
        "; build it: cmake --preset default && cmake --build --preset default"))
    if "libfuzzer" in engines:
        lf = Path(args.libfuzzer) if args.libfuzzer else \
            root / "fuzz" / "fuzz" / "reqsim-fuzz-libfuzzer"
        if not args.libfuzzer and not args.no_build:
            build("fuzz", "reqsim-fuzz-libfuzzer", args.jobs, log, root)
        out["libfuzzer"] = str(check_executable(
            lf, "libFuzzer target", "" if args.libfuzzer else
            "; build it: cmake --preset fuzz && cmake --build --preset fuzz"))
        check_fuzz_target(Path(out["libfuzzer"]), "libfuzzer")
    if "afl" in engines:
        if shutil.which("afl-fuzz") is None:
            raise CampaignError("afl-fuzz not found (apt-get install afl++, or "
                                "tools/bootstrap.sh)")
        af = Path(args.afl) if args.afl else root / "afl" / "fuzz" / "reqsim-fuzz-afl"
        if not args.afl and not args.no_build:
            build("afl", "reqsim-fuzz-afl", args.jobs, log, root)
            if getattr(args, "fuzz_form", "abstract") == "abstract":  # its custom mutator (fuzz/afl_mutator.c)
                build("afl", "reqsim-afl-mutator", args.jobs, log, root)
        out["afl"] = str(check_executable(
            af, "AFL++ target", "" if args.afl else
            "; build it: cmake --preset afl && cmake --build --preset afl"))
        check_fuzz_target(Path(out["afl"]), "afl")
    return out


def _inputs(bins: dict[str, str]) -> dict[str, Path]:
    names = {"reqsim": "the reqsim binary", "libfuzzer": "the libFuzzer target",
             "afl": "the AFL++ target"}
    return {names[k]: Path(v) for k, v in bins.items() if k in names and v}


def print_matrix(cells: list[dict[str, Any]], left_out: list[str]) -> None:
    for c in cells:
        print(f"{c['cell']:5d}  {c['engine']:<9} {c['scenario']:<20} "
              f"{storemod.config_str(c):<60} cores={c['cores']} expected="
              f"{c['expected'] or '-'}")
    for line in left_out:
        print(line)
    print(f"{len(cells)} cells")


def _one_line(text: Any, n: int = 400) -> str:
    t = " ".join(str(text).split())
    return t if len(t) <= n else t[: n - 3] + "..."


def summary(st: storemod.Store, campaign_id: int, db: str) -> int:
    """Print the campaign's summary; its exit status (EXIT_ALL_FAILED when every
    cell failed, with the first failure on stderr)."""
    runs = st.runs(campaign_id)
    states: dict[str, int] = {}
    for r in runs:
        states[r["state"]] = states.get(r["state"], 0) + 1
    vs = st.violations(campaign_id)
    new = st.q("SELECT COUNT(*) FROM findings WHERE campaign_id=? AND new=1", (campaign_id,))
    c = st.campaign(campaign_id)
    print(f"campaign {campaign_id}: {len(runs)} cells (" +
          ", ".join(f"{k} {v}" for k, v in sorted(states.items())) + f"), "
          f"{sum(r['executions'] for r in runs):,} executions, "
          f"{storemod.fmt_duration(c['elapsed'])}; {len(vs)} distinct violations, "
          f"{new[0][0]} new")
    failed = [r for r in runs if r["state"] == "error"]
    first_failure = ""
    if failed:
        r = failed[0]
        first_failure = _one_line(f"cell {r['cell']} {r['engine']} {r['scenario']} "
                                  f"{storemod.config_str(r)}: {r['detail'] or 'no detail'}")
        print(f"  {len(failed)} cells failed; the first: {first_failure}")
    unexpected = [r for r in runs if r["expected"] == "Never" and r["findings"]]
    missed = [r for r in runs if r["expected"] == "Sometimes" and r["state"] == "clean"]
    if unexpected:
        print(f"  {len(unexpected)} cells expected Never found violations:")
        for r in unexpected[:10]:
            print(f"    cell {r['cell']} {r['engine']} {r['scenario']} {storemod.config_str(r)}")
    if missed:
        print(f"  {len(missed)} cells expected Sometimes stayed clean within their budget")
    for v in vs:
        print(f"  {v['signature']}  {v['kind']:<24} {v['scenario']:<18} "
              f"{storemod.config_str(v)}  hits {v['hits']}")
    print(f"store: {db}  ({pasteable('store.py', '--db', db, 'list', 'violations')})")
    sys.stdout.flush()
    if runs and len(failed) == len(runs):
        print(f"campaign.py: every cell of campaign {campaign_id} failed ({len(runs)} of "
              f"{len(runs)}), nothing was tested; the first: {first_failure}",
              file=sys.stderr)
        return EXIT_ALL_FAILED
    return EXIT_OK


def list_matrix(args: argparse.Namespace) -> int:
    bins = resolve_binaries(args, set(), Path(os.devnull))
    reqsim = Path(bins["reqsim"])
    scen, verdicts, _ = reqsim_catalogue(reqsim)
    cells, left_out = build_matrix(args, scen, verdicts, scenario_archs(reqsim))
    print_matrix(cells, left_out)
    return EXIT_OK


def _claim_work_dir(root: Path, n: int) -> Path:
    """A new directory root/cNNNNN (the campaign id it will most likely get), or
    cNNNNN-K when that is taken: never one holding another campaign's files."""
    root.mkdir(parents=True, exist_ok=True)
    for k in range(1, 1000):
        d = root / (f"c{n:05d}" if k == 1 else f"c{n:05d}-{k}")
        try:
            d.mkdir()
            return d
        except FileExistsError:
            continue
    raise CampaignError(f"{root}: no free campaign directory c{n:05d}-K")


def start_campaign(args: argparse.Namespace, progress: Progress,
                   state: dict[str, Any]) -> int:
    db = Path(args.db)
    work_root = Path(args.work) if args.work else Path(os.path.abspath(db)).parent / "campaigns"
    engines = set(csv_list(args.engines) if args.engines is not None else DEFAULT_ENGINES)
    root = Path(args.build_root or REPO_ROOT / "build")
    given = {"reqsim": args.reqsim or str(root / "default" / "reqsim"),
             "libfuzzer": args.libfuzzer if "libfuzzer" in engines else None,
             "afl": args.afl if "afl" in engines else None}
    check_outputs(db, work_root, _inputs({k: v for k, v in given.items() if v}))
    check_store(db, must_exist=False)
    check_dir_creatable(work_root, "--work")
    bins = resolve_binaries(args, engines & {"libfuzzer", "afl"}, work_root / "build.log")
    check_outputs(db, work_root, _inputs(bins))
    reqsim = Path(bins["reqsim"])
    scen, verdicts, build_id = reqsim_catalogue(reqsim)
    cells, left_out = build_matrix(args, scen, verdicts, scenario_archs(reqsim))
    if args.cluster:
        cluster_preflight(args.cluster.strip(), {
            **bins, "worker_root": os.path.abspath(args.worker_root) if args.worker_root
            else None, "schedules": args.schedules}, build_id)
    if not args.reqsim and args.no_build:
        src = source_build_id()
        if src and src != build_id:
            progress.note(f"note: {reqsim} is build {build_id}, the sources are {src} "
                          "(stale binary: rebuild, or drop --no-build)")
    # Everything is checked: from here on the campaign is written, in one
    # transaction for the campaign (with its work directory) and one for its
    # cells; --resume completes a campaign cut between the two.
    st = storemod.open_store(db)
    state["st"], state["db"] = st, str(db)
    nxt = int(st.q1("SELECT COALESCE(MAX(id), 0) + 1 FROM campaigns")[0])
    work = _claim_work_dir(work_root, nxt)
    cfg = {"budget_s": args.budget, "schedules": args.schedules, "jobs": args.jobs,
           "seed": args.seed, "engines": args.engines or ",".join(DEFAULT_ENGINES),
           "scenarios": args.scenarios or "all", "models": args.models or "all",
           "archs": args.archs or "auto", "bug_sets": args.bug_sets or "verdicts",
           "argv": state["argv"], **bins, "cells": cells, "left_out": left_out,
           "cluster": args.cluster.strip() if args.cluster else None,
           "worker_root": os.path.abspath(args.worker_root) if args.worker_root else None,
           "work": str(Path(os.path.abspath(work))), "pid": os.getpid(),
           "no_recheck": bool(args.no_recheck), "fuzz_form": getattr(args, "fuzz_form", "abstract")}
    # the build the campaign runs: its core build id, and the git commit (and
    # dirty flag) of the sources it was built from, when they are a checkout
    import recheck as recheckmod
    commit, dirty = recheckmod.build_commit(reqsim, build_id)
    name = args.name or (f"{storemod.fmt_duration(args.budget)} campaign"
                         if args.budget else f"{args.schedules} schedules/cell")
    try:
        with signals_deferred():
            cid = st.begin_campaign(name=name, config=cfg, git_rev=git_revision(),
                                    host=socket.gethostname(), reqsim_build=build_id,
                                    git_commit=commit, git_dirty=dirty)
            state["cid"] = cid
            st.add_runs(cid, cells)
    except BaseException:
        if state.get("cid") is None:
            with contextlib.suppress(OSError):
                work.rmdir()
        raise
    progress.note(f"campaign {cid}: {len(cells)} cells, "
                  + (f"budget {storemod.fmt_duration(args.budget)}" if args.budget
                     else f"{args.schedules} schedules per cell")
                  + (f", on the cluster {args.cluster.strip()}" if args.cluster
                     else f", {args.jobs} cores") + f"; store {db}"
                  + (f"; {len(left_out)} parts of the matrix left out (see --list)"
                     if left_out else ""))
    return run_campaign(st, cid, cfg, work, progress, 0.0, str(db))


def run_campaign(st: storemod.Store, cid: int, cfg: dict[str, Any], work: Path,
                 progress: Progress, elapsed_before: float, db: str) -> int:
    work.mkdir(parents=True, exist_ok=True)
    progress.total = len(cfg["cells"])
    progress.budget = cfg.get("budget_s")
    if cfg.get("cluster"):
        import campaign_cluster
        campaign_cluster.ClusterCampaign(sys.modules[__name__], st, cid, cfg, work,
                                         progress).run(elapsed_before)
    else:
        Campaign(st, cid, cfg, work, progress).run(elapsed_before)
    if not cfg.get("no_recheck"):
        import recheck as recheckmod
        # every violation of the store gets its status on this build; until the
        # re-check ends the campaign is resumable (--resume re-checks the rest)
        t0 = time.monotonic()
        st.set_campaign(cid, status="running")
        line = recheckmod.recheck_campaign(st, Path(cfg["reqsim"]), work / "recheck", cid,
                                           progress.note)
        spent = float(st.campaign(cid)["elapsed"] or 0) + time.monotonic() - t0
        st.set_campaign(cid, status="done", ended=time.time(), elapsed=round(spent, 3))
        print(line)
    return summary(st, cid, db)


def _legacy_work(cfg: dict[str, Any], db: Path, cid: int) -> Path:
    """The work directory of a campaign recorded by an older campaign.py (which
    stored it only after creating the campaign): from its command line."""
    work = None
    try:
        ns, _ = build_parser().parse_known_args([str(a) for a in cfg.get("argv") or []])
        work = ns.work
    except SystemExit:
        pass
    root = Path(work) if work else Path(os.path.abspath(db)).parent / "campaigns"
    return root / f"c{cid:05d}"


def resume_campaign(args: argparse.Namespace, progress: Progress,
                    state: dict[str, Any]) -> int:
    db = Path(args.db)
    check_store(db, must_exist=True)
    st = storemod.open_store(db, create=False)
    state["st"], state["db"] = st, str(db)
    cid = resume_target(st, args.resume)
    row = st.campaign(cid)
    cfg = json.loads(row["config"])
    if args.cluster:
        cfg["cluster"] = args.cluster.strip()
        if args.worker_root:
            cfg["worker_root"] = os.path.abspath(args.worker_root)
    if cfg.get("cluster"):
        reexec_for_cluster(state["argv"])
    elapsed_before = float(row["elapsed"] or 0)
    work = Path(cfg["work"]) if cfg.get("work") else _legacy_work(cfg, db, cid)
    check_dir_creatable(work, "the campaign's work directory")
    engines = {c["engine"] for c in cfg["cells"]}
    ns = argparse.Namespace(reqsim=args.reqsim or cfg["reqsim"], libfuzzer=cfg.get("libfuzzer"),
                            afl=cfg.get("afl"), no_build=True, jobs=cfg["jobs"],
                            build_root=None)
    bins = resolve_binaries(ns, engines & {"libfuzzer", "afl"}, work / "build.log")
    build_id = reqsim_build_id(Path(bins["reqsim"]))
    recorded = row["reqsim_build"]
    if recorded and recorded != "unknown" and build_id != recorded:
        raise CampaignError(f"--resume: {bins['reqsim']} is build {build_id}, campaign {cid} "
                            f"ran with build {recorded} (its schedules would not mean the "
                            "same); start a new campaign, or pass --reqsim with that build")
    check_outputs(db, work.parent, _inputs(bins))
    if _same_file(db, work) or os.path.realpath(db).startswith(
            os.path.realpath(work).rstrip(os.sep) + os.sep):
        raise CampaignError(f"{db}: the store is inside the campaign's work directory {work}")
    cfg.update(bins)
    cfg["work"] = str(work)
    cfg["pid"] = os.getpid()
    if cfg.get("cluster"):
        cluster_preflight(cfg["cluster"], cfg, build_id)
    cfg["no_recheck"] = bool(cfg.get("no_recheck") or args.no_recheck)
    if row["git_commit"] is None:  # a campaign started by an older campaign.py
        import recheck as recheckmod
        commit, dirty = recheckmod.build_commit(Path(bins["reqsim"]), build_id)
        if commit is not None:
            st.set_campaign(cid, git_commit=commit, git_dirty=int(bool(dirty)))
    with signals_deferred():
        st.add_runs(cid, cfg["cells"])  # a campaign cut before its cells were written
        st.set_campaign(cid, status="running", config=cfg)
        state["cid"] = cid
    progress.note(f"campaign {cid}: resuming ({storemod.fmt_duration(elapsed_before)} "
                  "already spent)")
    return run_campaign(st, cid, cfg, work, progress, elapsed_before, str(db))


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    args = build_parser().parse_args(argv)
    if args.budget is None and args.schedules is None and not args.resume:
        args.budget = 180.0
    progress = Progress(0, None, args.quiet)
    state: dict[str, Any] = {"st": None, "cid": None, "db": args.db,
                             "argv": list(sys.argv[1:] if argv is None else argv)}

    def on_term(signum: int, frame: Any) -> None:
        raise Interrupted()

    old_handlers = {sig: signal.signal(sig, on_term) for sig in (signal.SIGTERM, signal.SIGHUP)}

    def leave_resumable() -> str:
        """The campaign (if one was written) is marked interrupted; the hint."""
        cid, st = state["cid"], state["st"]
        if cid is None:
            return ""
        if st is not None:
            with contextlib.suppress(Exception):
                if st.campaign(cid)["status"] == "running":
                    st.set_campaign(cid, status="interrupted")
        return pasteable("campaign.py", "--db", state["db"], "--resume", str(cid))

    try:
        check_options(args)
        if args.cluster and not args.list:
            reexec_for_cluster(state["argv"])
        if args.list:
            return list_matrix(args)
        if args.resume:
            return resume_campaign(args, progress, state)
        return start_campaign(args, progress, state)
    except (Interrupted, KeyboardInterrupt):
        block_signals_for_good()
        progress.done()
        hint = leave_resumable()
        if hint:
            print(f"campaign.py: interrupted; everything found so far is in the store; "
                  f"continue with: {hint}", file=sys.stderr)
        else:
            print("campaign.py: interrupted before the campaign started; nothing was "
                  "written", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # stdout closed (campaign.py --list | head)
        with contextlib.suppress(OSError, ValueError):
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, sys.stdout.fileno())
            os.close(fd)
        hint = leave_resumable()
        return EXIT_ERROR if hint and state["st"] is not None and \
            state["st"].campaign(state["cid"])["status"] != "done" else EXIT_OK
    except Exception as e:  # noqa: BLE001 - every failure is one line, exit 2
        if os.environ.get("REQSIM_TRACEBACK"):
            raise
        block_signals_for_good()
        progress.done()
        if isinstance(e, (CampaignError, storemod.StoreError)):
            msg = str(e)
        elif isinstance(e, OSError):
            msg = (f"{e.filename}: {e.strerror}" if e.filename and e.strerror
                   else f"{e.strerror or e}")
        elif isinstance(e, sqlite3.Error):
            msg = f"{state['db']}: {e}"
        else:
            tb, where = e.__traceback__, ""
            while tb is not None:
                where = f" at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno} " \
                        f"in {tb.tb_frame.f_code.co_name}"
                tb = tb.tb_next
            msg = (f"internal error: {type(e).__name__}: {e}{where} (REQSIM_TRACEBACK=1 "
                   "shows the traceback)")
        hint = leave_resumable()
        print(f"campaign.py: {_one_line(msg, 600)}"
              + (f" (campaign {state['cid']} is left resumable: {hint})" if hint else ""),
              file=sys.stderr)
        return EXIT_ERROR
    finally:
        if state["st"] is not None:
            with contextlib.suppress(Exception):
                state["st"].close()
        discard_blocked_signals()
        for sig, h in old_handlers.items():
            signal.signal(sig, h)


def reexec_for_cluster(argv: list[str]) -> None:
    """--cluster needs python3-distributed, which Debian installs for its own
    /usr/bin/python3: run campaign.py again with that interpreter when this one
    lacks it (a pyenv python3 first on PATH).  Nothing is written before."""
    import campaign_cluster
    py = campaign_cluster.interpreter_for_cluster()
    if py is None:
        return
    if not py:
        raise CampaignError("--cluster needs the Dask distributed package for Python "
                            "(Debian: python3-distributed; tools/bootstrap.sh installs it)")
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(py, [py, str(Path(__file__).resolve()), *argv])


def cluster_preflight(address: str, cfg: dict[str, Any], build_id: str) -> None:
    """Before the campaign is written: the scheduler answers, a worker is
    there, and every worker runs this build.  CampaignError otherwise."""
    import campaign_cluster
    me = sys.modules[__name__]
    spec = campaign_cluster.cell_spec(me, cfg, build_id)
    client, _ = campaign_cluster.connect_checked(me, address, spec, lambda _t: None)
    with contextlib.suppress(Exception):
        client.close(timeout=5)


def _alive_elsewhere(row: Any, cfg: dict[str, Any]) -> int | None:
    """The pid of the campaign.py still running this campaign, if any."""
    pid = cfg.get("pid")
    if row["status"] != "running" or not isinstance(pid, int) or pid == os.getpid():
        return None
    if row["host"] and row["host"] != socket.gethostname():
        return None
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return pid if b"campaign" in cmd else None


def _resumable_config(row: Any) -> dict[str, Any] | None:
    try:
        cfg = json.loads(row["config"] or "{}")
    except ValueError:
        return None
    keys = ("cell", "engine", "scenario", "model", "arch")
    if not isinstance(cfg, dict) or not isinstance(cfg.get("cells"), list) or \
            not cfg["cells"] or not isinstance(cfg.get("jobs"), int) or \
            not isinstance(cfg.get("reqsim"), str) or \
            not all(isinstance(c, dict) and all(k in c for k in keys) for c in cfg["cells"]):
        return None
    return cfg


def resume_target(st: storemod.Store, which: str) -> int:
    if which == "last":
        busy = []
        for row in st.q("SELECT * FROM campaigns WHERE status IN ('running', 'interrupted') "
                        "ORDER BY id DESC"):
            cfg = _resumable_config(row)
            if cfg is None:
                continue
            pid = _alive_elsewhere(row, cfg)
            if pid is not None:
                busy.append(f"campaign {row['id']} is running (pid {pid})")
                continue
            return int(row["id"])
        raise CampaignError("nothing to resume: no unfinished campaign in the store"
                            + (f" ({busy[0]})" if busy else ""))
    try:
        cid = _parse_int(which, 1, SEED_MAX)
    except argparse.ArgumentTypeError:
        raise CampaignError(f"--resume: not a campaign id: {which!r}") from None
    row = st.campaign(cid)
    if row is None:
        raise CampaignError(f"--resume: no campaign {cid}")
    if row["status"] == "done":
        raise CampaignError(f"--resume: campaign {cid} is already done")
    cfg = _resumable_config(row)
    if cfg is None:
        raise CampaignError(f"--resume: campaign {cid} has no recorded matrix")
    pid = _alive_elsewhere(row, cfg)
    if pid is not None:
        raise CampaignError(f"--resume: campaign {cid} is still running (pid {pid}); "
                            f"stop it first (kill {pid})")
    return cid


if __name__ == "__main__":
    sys.exit(main())
