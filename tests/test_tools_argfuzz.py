#!/usr/bin/env python3
"""Argument fuzz of the result tools (ctest tools_argfuzz, label tools).

A few hundred command lines per tool, generated from a seeded PRNG (the same
ones on every run) out of the options in the tools' --help: random, missing,
repeated and hostile values ('', '-1', huge numbers, the store itself, its
-wal, a directory, /etc/passwd, /dev/null, a FIFO, ';' and quotes, unicode,
bytes that are not UTF-8).  Each runs against a copy of a real store (made
with the store's API like tests/test_store.py and tests/test_report.py do) in
a scratch directory.  After every command:

  - exit status 0, 1 or 2, no traceback; a failure is exactly one line on
    stderr, a success writes nothing on stderr (the store is sound);
  - the store is unchanged: its bytes, no -wal/-shm left next to it, the
    output of `store.py check` and the row count of every table.  None of
    store.py's commands writes this store (check migrates only an older
    store, and the fixture is current), nor does report.py;
  - files outside the scratch directory that a hostile value names
    (/etc/passwd, /dev/null) are unchanged.

One function per tool (fuzz_store, fuzz_report) in FUZZERS; campaign.py can
get its own (its writes to the store are then expected: compare what it must
keep instead).  Output paths are always inside the scratch directory, so the
fuzz is safe to run as root.  Seed and count: REQSIM_ARGFUZZ_SEED,
REQSIM_ARGFUZZ_N (commands per tool).

Run: python3 tests/test_tools_argfuzz.py [-v]
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import random
import select
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path
from typing import Callable, Sequence, Union

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))

import store  # noqa: E402

SEED = int(os.environ.get("REQSIM_ARGFUZZ_SEED", "20260604"))
N = int(os.environ.get("REQSIM_ARGFUZZ_N", "0")) or None  # None: each tool's default
SIG = "5ca1ab1e0ddba11a"
HOSTILE = "<b>x</b>'\"; rm -rf x $(touch pwned) `id`"

Arg = Union[str, bytes]


def sha(path: Path | str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class Fixture:
    """The scratch directory: a store, paths to throw at the tools, the baseline."""

    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="reqsim-argfuzz-"))
        self.db = self.tmp / "store" / "r.db"
        self.db.parent.mkdir()
        self.make_store()
        self.cwd = self.tmp / "cwd" / "a" / "b"  # relative '../..' stays inside tmp
        self.cwd.mkdir(parents=True)
        self.dir = self.tmp / "dir"
        (self.dir / "sub").mkdir(parents=True)
        (self.dir / "sub" / "keep.txt").write_text("keep")
        self.precious = self.tmp / "precious.txt"
        self.precious.write_text("precious\n")
        self.fifo = self.tmp / "fifo"
        os.mkfifo(self.fifo)
        self.link = self.tmp / "link.db"
        self.link.symlink_to(self.db)
        self.hard = self.tmp / "hard.db"
        os.link(self.db, self.hard)
        self.site = self.tmp / "site"  # a report built before: build and serve accept it
        p = subprocess.run([sys.executable, str(TOOLS / "report.py"), "build", "--db",
                            str(self.db), "--out", str(self.site)], capture_output=True,
                           text=True, timeout=300)
        if p.returncode != 0:
            raise RuntimeError(f"fixture report: {p.stderr}")
        self.outside = {f: sha(f) for f in ("/etc/passwd",) if os.path.isfile(f)}
        self.baseline = self.store_state()

    def make_store(self) -> None:
        with store.open_store(self.db) as st:
            for k in range(2):
                cid = st.begin_campaign(name=f"campaign {k} " + HOSTILE,
                                        config={"budget_s": 5, "argv": ["--name", HOSTILE]},
                                        git_rev="abc", host="h", reqsim_build="b")
                st.add_runs(cid, [{"cell": i, "engine": ("pct", "dfs")[i % 2],
                                   "scenario": ("dekker", HOSTILE)[i % 2], "model": "tso",
                                   "arch": "x86", "bugs": "b", "expected": "Sometimes"}
                                  for i in range(3)])
                for i, r in enumerate(st.runs(cid)):
                    st.set_run(r["id"], state=("violations", "clean", "pending")[i],
                               started=1_700_000_000.0 + k * 100, executions=100 * (i + 1),
                               seconds=1.5, progress={"slices": i})
                    st.add_sample(r["id"], 0.5, 50, 0)
                rid = st.runs(cid)[0]["id"]
                trace = "".join(json.dumps({"step": i, "time": i, "kind": "step",
                                            "tid": i % 2, "thread": f"t{i % 2}",
                                            "op": "load", "loc": "vcpu0->mode", "value": i,
                                            "text": HOSTILE}) + "\n" for i in range(6))
                for sig in (SIG, f"{k:04x}beefcafe0000", "../../etc/passwd;" + HOSTILE):
                    st.record_finding(campaign_id=cid, run_id=rid, source=f"{sig}-{k}", v={
                        "signature": sig, "kind": "missed-request", "scenario": "dekker",
                        "model": "tso", "arch": "x86", "bugs": "b", "params": "",
                        "message": HOSTILE, "sites": ["kvm_main.c:1 f", HOSTILE], "step": 6,
                        "origin": "explore strategy=pct seed=1 run=3", "story": HOSTILE,
                        "min_schedule": "reqsim-schedule 1\n", "schedule":
                        "reqsim-schedule 1\n", "trace_jsonl": trace,
                        "trace_perfetto": '{"traceEvents":[]}', "decisive": {"key": [1]},
                        "engine": "pct", "trace_hash": "h"})
                st.set_campaign(cid, status="done", elapsed=5.0, ended=1_700_000_010.0)
            # statuses per build (schema 3): campaign 2 re-checked the violations
            # of campaign 1, with hostile text where the store keeps text
            st.set_campaign(2, git_commit="0123456789abcdef" + HOSTILE, git_dirty=1)
            for vid, status in ((1, "fixed"), (2, "other"), (3, "unfit-gone")):
                st.record_recheck(violation_id=vid, campaign_id=2, status=status,
                                  how="replay", other_signature=HOSTILE, detail=HOSTILE)
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()

    def store_state(self) -> dict[str, object]:
        """The store as the tools must leave it."""
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = store.main(["--db", str(self.db), "check"])
        con = sqlite3.connect(f"file:{self.db}?mode=ro&immutable=1", uri=True)
        try:
            counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                      for t in sorted(store.OUR_TABLES)}
        finally:
            con.close()
        return {"sha": sha(self.db), "check": (rc, out.getvalue(), err.getvalue()),
                "counts": counts, "dir": sorted(os.listdir(self.db.parent)),
                "precious": self.precious.read_text()}

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    # values ------------------------------------------------------------------------

    def generic(self) -> list[Arg]:
        return ["", "-1", "0", "1", "2", "7", "65535", "65536", "99999999999999999999999",
                "1e9", "nan", "-", "--", "x;rm -rf x", "'", '"', "$(touch pwned)",
                "`touch pwned`", "a b", "\u00fcn\u00efc\u00f6d\u00e9", "\u65e5\u672c",
                "\u202ertl", "\U0001f4a5", "x" * 3000, "v1", "v0", "v99999999999999999999",
                "abcd", SIG, SIG[:6], "campaign", "../../x", "./", "%00", "a\tb",
                "\u0663", b"\xff\xfe-bad-utf8", HOSTILE]

    def inputs(self) -> list[Arg]:
        """What --db may be given: anything."""
        d = str(self.db)
        return [d, d, d, d + "-wal", d + "-shm", str(self.db.parent), str(self.dir),
                "/etc/passwd", os.devnull, str(self.fifo), str(self.link), str(self.hard),
                str(self.tmp / "missing.db"), str(self.tmp / "no" / "such" / "r.db"),
                str(self.precious), str(self.site), str(self.site / "index.html"),
                os.fsencode(str(self.tmp)) + b"/\xff.db", "results/reqsim.db"]

    def outputs(self) -> list[Arg]:
        """What -o/--out may be given: never a path outside the scratch directory
        but /dev/null (the fuzz may run as root)."""
        d = str(self.db)
        return [d, d + "-wal", d + "-shm", d + "-journal", str(self.link), str(self.hard),
                str(self.db.parent), str(self.dir), str(self.dir / "sub"), str(self.fifo),
                str(self.precious), os.devnull, str(self.site), str(self.site / "static"),
                str(self.tmp / "out" / "x.json"), str(self.tmp / "new-site"),
                str(self.tmp / "missing" / "deep" / "x"), "out.json", "site", ".",
                os.fsencode(str(self.tmp)) + b"/\xfe-out"]

    def pick(self, rng: random.Random, pool: Sequence[Arg]) -> Arg:
        if rng.random() < 0.2:
            return rng.choice(self.generic())
        return rng.choice(pool)


# ---- generating command lines -------------------------------------------------------------

Spec = dict[str, Callable[[random.Random], Arg]]


def command_line(rng: random.Random, fx: Fixture, globals_: Spec, commands: dict[str, Spec],
                 positionals: dict[str, Callable[[random.Random], list[Arg]]]) -> list[Arg]:
    """[global options] command [options and positionals], with options missing,
    repeated, without their value, unknown, or in the --opt=value form."""
    argv: list[Arg] = []

    def options(spec: Spec, counts: Sequence[int] = (0, 1, 1, 2, 2, 3, 4)) -> list[Arg]:
        out: list[Arg] = []
        names = list(spec)
        for _ in range(rng.choice(counts) if names else 0):
            name = rng.choice(names)
            r = rng.random()
            if r < 0.06:
                out.append(name)  # its value missing (or taken from the next word)
            elif r < 0.12 and name.startswith("--"):
                v = spec[name](rng)
                out.append(name + "=" + (v if isinstance(v, str) else v.decode("latin-1")))
            else:
                out += [name, spec[name](rng)]
        if rng.random() < 0.05:
            out.append(rng.choice(["--bogus", "-x", "--db-", "--", "-h"]))
        return out

    argv += options(globals_, (0, 0, 0, 1, 1, 2))
    r = rng.random()
    if r < 0.05:
        cmd = None
    elif r < 0.09:
        cmd = rng.choice(["frob", "", "LIST", "--", "-1", "show;ls"])
        argv.append(cmd)
    else:
        cmd = rng.choice(list(commands))
        argv.append(cmd)
    if cmd in commands:
        parts = options(commands[cmd])
        pos = positionals.get(cmd, lambda _r: [])(rng)
        for p in pos:  # positionals anywhere among the options
            parts.insert(rng.randrange(len(parts) + 1), p)
        argv += parts
    return argv


def store_cmdline(rng: random.Random, fx: Fixture) -> list[Arg]:
    db = lambda r: fx.pick(r, fx.inputs())  # noqa: E731
    num = lambda r: fx.pick(r, ["1", "2", "3", "0", "-1", "99999999999999999999"])  # noqa
    sig = lambda r: fx.pick(r, [SIG, SIG[:6], "v1", "v2", "v9", "0000beefcafe0000",  # noqa
                                "../../etc/passwd;" + HOSTILE, "ffff"])
    out = lambda r: fx.pick(r, fx.outputs() + ["-"])  # noqa: E731
    commands: dict[str, Spec] = {
        "list": {"--campaign": num, "--limit": num},
        "show": {},
        "export": {"--format": lambda r: fx.pick(r, ["json", "csv", "xml"]),
                   "--table": lambda r: fx.pick(r, list(store.EXPORT_TABLES)
                                                + ["sqlite_master", "ingested"]),
                   "--sched": sig, "--perfetto": sig, "--jsonl": sig, "-o": out,
                   "--output": out},
        "check": {},
        "history": {},
    }
    positionals = {
        "list": lambda r: r.choice([[], [], [r.choice(["campaigns", "runs", "violations",
                                                        "all", "open", "fixed",
                                                        "regressed"])]]),
        "history": lambda r: r.choice([[], [sig(r)], [sig(r)], [sig(r), "extra"]]),
        "show": lambda r: r.choice([[], [sig(r)], ["campaign", num(r)], ["campaign"],
                                    [sig(r), num(r), "extra"]]),
        "check": lambda r: r.choice([[], [], ["extra"]]),
    }
    argv = command_line(rng, fx, {"--db": db}, commands, positionals)
    if rng.random() < 0.85 and "--db" not in argv:
        argv = ["--db", str(fx.db)] + argv  # most lines exercise the real store
    return argv


def report_cmdline(rng: random.Random, fx: Fixture) -> list[Arg]:
    db = lambda r: fx.pick(r, fx.inputs())  # noqa: E731
    out = lambda r: fx.pick(r, fx.outputs())  # noqa: E731
    port = lambda r: fx.pick(r, ["0", "0", "0", "-1", "65536", "99999999999999999999",  # noqa
                                 "http", "1e3"])
    commands: dict[str, Spec] = {
        "build": {"--db": db, "--out": out},
        "serve": {"--out": out, "--db": db, "--port": port,
                  "--verbose": lambda r: r.choice(["--verbose", "x"])},
    }
    argv = command_line(rng, fx, {}, commands, {})
    if argv and argv[0] == "serve" and "--port" not in argv:
        argv += ["--port", "0"]  # never the fixed default port: others may use it
    if argv and argv[0] == "build" and "--db" not in argv and rng.random() < 0.7:
        argv += ["--db", str(fx.db)]
    return argv


# ---- running and checking -----------------------------------------------------------------

def shown(argv: Sequence[Arg]) -> str:
    return " ".join(repr(a) if isinstance(a, bytes) else repr(a)[:80] for a in argv)


def run_tool(tool: str, argv: list[Arg], fx: Fixture) -> tuple[int | None, str, str]:
    """(exit status or None when it was serving and got stopped, stdout, stderr)."""
    env = {k: v for k, v in os.environ.items() if k != "REQSIM_TRACEBACK"}
    cmd: list[Arg] = [sys.executable, str(TOOLS / tool), *argv]
    if tool == "report.py" and "serve" in argv:
        # serving: stopped as soon as it says where it listens
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             cwd=fx.cwd, env=env)
        assert p.stdout is not None
        fd = p.stdout.fileno()  # raw reads: select() does not see a buffered line
        got = b""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 1.0)
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                break  # it exited
            got += chunk
            if b"\nserving " in b"\n" + got and got.endswith(b"\n"):
                p.terminate()
                rest, err = p.communicate(timeout=30)
                return None, (got + rest).decode(errors="replace"), \
                    err.decode(errors="replace")
        if p.poll() is None:
            p.kill()  # neither served nor exited in a minute: reported below
        rest, err = p.communicate(timeout=30)
        return p.returncode, (got + rest).decode(errors="replace"), \
            err.decode(errors="replace")
    p2 = subprocess.run(cmd, capture_output=True, cwd=fx.cwd, env=env, timeout=120)
    return p2.returncode, p2.stdout.decode(errors="replace"), p2.stderr.decode(errors="replace")


def fuzz(t: unittest.TestCase, tool: str, gen: Callable[[random.Random, Fixture], list[Arg]],
         n: int, fx: Fixture, seed: int) -> dict[int | None, int]:
    rng = random.Random(f"{seed}:{tool}")
    codes: dict[int | None, int] = {}
    for i in range(n):
        argv = gen(rng, fx)
        rc, out, err = run_tool(tool, argv, fx)
        codes[rc] = codes.get(rc, 0) + 1
        what = f"{tool} #{i}: {shown(argv)}\nexit {rc}\nstderr: {err[:2000]}"
        t.assertNotIn("Traceback", err, what)
        if rc is None:  # serve was still serving: it said where
            t.assertIn("http://127.0.0.1:", out, what)
        else:
            t.assertIn(rc, (0, 1, 2), what)
            if rc == 0:
                t.assertEqual(err, "", what)
            else:
                t.assertEqual(len(err.strip().splitlines()), 1, what)
        t.assertEqual(fx.store_state(), fx.baseline, "the store changed after " + what)
        for f, h in fx.outside.items():
            t.assertEqual(sha(f), h, f"{f} changed after {what}")
        t.assertTrue(fx.fifo.is_fifo(), what)
        t.assertTrue(Path(os.devnull).is_char_device(), what)
    return codes


def fuzz_store(t: unittest.TestCase, fx: Fixture) -> dict[int | None, int]:
    return fuzz(t, "store.py", store_cmdline, N or 180, fx, SEED)


def fuzz_report(t: unittest.TestCase, fx: Fixture) -> dict[int | None, int]:
    return fuzz(t, "report.py", report_cmdline, N or 90, fx, SEED)


# campaign.py: add fuzz_campaign(t, fx) here (its own generator from its --help;
# it writes the store it is given, so compare a copy's invariants instead).
FUZZERS: dict[str, Callable[[unittest.TestCase, Fixture], dict[int | None, int]]] = {
    "store.py": fuzz_store,
    "report.py": fuzz_report,
}


class ArgFuzzTest(unittest.TestCase):
    def setUp(self) -> None:
        self.fx = Fixture()

    def tearDown(self) -> None:
        self.fx.close()

    def check_tool(self, tool: str) -> None:
        t0 = time.monotonic()
        codes = FUZZERS[tool](self, self.fx)
        print(f"\n{tool}: exit codes {dict(sorted(codes.items(), key=str))} in "
              f"{time.monotonic() - t0:.1f}s (seed {SEED})", file=sys.stderr)
        # the fuzz reached both the working and the failing paths
        self.assertGreater(codes.get(0, 0), 5, codes)
        self.assertGreater(codes.get(2, 0), 5, codes)

    def test_store_py(self) -> None:
        self.check_tool("store.py")

    def test_report_py(self) -> None:
        self.check_tool("report.py")


if __name__ == "__main__":
    unittest.main()
