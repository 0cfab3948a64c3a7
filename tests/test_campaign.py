#!/usr/bin/env python3
"""Tests of tools/campaign.py with the real reqsim.

    test_campaign.py REQSIM [unittest names...]

CampaignTest: findings are complete and replay; --schedules campaigns are
deterministic; two campaigns writing one store at once; kill -9 then
--resume, Ctrl-C then --resume (nothing found is lost, nothing is recorded
twice); bad arguments.  FuzzCampaignTest (ctest fuzz-smoke): a libFuzzer and
an AFL++ cell, built by the campaign itself out of the tree, record a finding
(exit 77 when the fuzzer toolchain is missing).

CampaignSafetyTest (ctest campaign_safety): nothing is written before every
check passed (a read-only or immutable store, an unwritable directory, --work
under a file, a binary that is not reqsim / not a fuzz target: one line, exit
2, every table's row count unchanged, nothing for --resume); every option
checked against reqsim's ranges; a campaign whose cells all failed exits 1
and says why, and the schedules of a failing slice are still recorded;
scenarios are left out of archs they do not support (`reqsim list scenarios
--tsv`); printed commands are shell-quoted and work when pasted; nothing is
written over the store or an input; a campaign cut between its two first
writes resumes; a campaign still running is not resumed a second time.
The unprivileged cases run the campaign as uid 65534 (setpriv or runuser)
when the tests run as root, where file modes do not stop writes.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import unittest.mock
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))

import store  # noqa: E402

# CAMPAIGN_PY: another campaign.py to test (e.g. an older one, in a copy of tools/)
CAMPAIGN = Path(os.environ.get("CAMPAIGN_PY") or TOOLS / "campaign.py")
REQSIM = os.environ.get("REQSIM", str(ROOT / "build" / "default" / "reqsim"))
WAIT_MAX = 300.0  # safety net for waits; never an assertion on speed

SMALL = ["--scenarios", "dekker,sb", "--models", "tso", "--archs", "x86",
         "--bug-sets", "no-mb-after-in-guest-mode;-", "--engines", "pct,random,dfs"]


def campaign(*args: str, timeout: float = 600, build: bool = False
             ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CAMPAIGN), "--reqsim", REQSIM, "-q", *args]
                          + ([] if build else ["--no-build"]), capture_output=True, text=True,
                          timeout=timeout)


def ro(db: Path) -> sqlite3.Connection:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    con.row_factory = sqlite3.Row
    return con


def wait_for(cond, what: str) -> None:
    t = time.monotonic()
    while not cond():
        if time.monotonic() - t > WAIT_MAX:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.2)


class Base(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="campaign-test-"))

    def tearDown(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def snapshot(self, db: Path) -> dict[str, object]:
        con = ro(db)
        try:
            return {
                "sigs": {r[0] for r in con.execute("SELECT signature FROM violations")},
                "findings": {tuple(r) for r in con.execute(
                    "SELECT id, violation_id, run_id, origin FROM findings")},
                "states": dict(con.execute("SELECT state, COUNT(*) FROM runs GROUP BY state")
                               .fetchall()),
                "status": [r[0] for r in con.execute("SELECT status FROM campaigns")],
                "cells": con.execute("SELECT COUNT(*) FROM runs").fetchone()[0],
            }
        finally:
            con.close()

    def assert_complete_violations(self, db: Path) -> None:
        """Every violation has its minimized schedule, story and traces, and the
        minimized schedule replays to the stored trace hash."""
        with store.open_store(db) as st:
            rows = st.q("SELECT * FROM violations")
            self.assertTrue(rows)
            for v in rows:
                with self.subTest(sig=v["signature"]):
                    self.assertTrue(v["min_schedule"].startswith("reqsim-schedule"))
                    self.assertTrue(v["schedule"].startswith("reqsim-schedule"))
                    self.assertTrue(v["trace_summary"])
                    self.assertIn(v["kind"], v["trace_summary"])
                    self.assertTrue(store.decompress(v["trace_jsonl"]).startswith('{"step"'))
                    self.assertIn("traceEvents", store.decompress(v["trace_perfetto"]))
                    self.assertLessEqual(v["schedule_len"], v["orig_len"])
                    self.assertGreaterEqual(v["hits"], 1)
                    sched = self.tmp / "x.sched"
                    sched.write_text(v["min_schedule"])
                    p = subprocess.run([REQSIM, "replay", str(sched)], capture_output=True,
                                       text=True, timeout=120)
                    self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
                    self.assertIn(f"hash={v['trace_hash']}", p.stdout)
                    self.assertIn(f"signature {v['signature']}", p.stdout)


class CampaignTest(Base):
    def test_afl_seed_crash_is_a_crash_file(self) -> None:
        """A seed input that violates is skipped by afl-fuzz's dry run with a
        warning and no crash file; the AFL++ cell takes it from the main
        instance's log (read incrementally, a half-written line next time)
        as its queue entry, once, beside the crash files."""
        import importlib.util
        spec = importlib.util.spec_from_file_location("campaign_mod", CAMPAIGN)
        assert spec is not None and spec.loader is not None
        mod = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = mod  # dataclasses look their module up
        spec.loader.exec_module(mod)
        work = self.tmp / "cell"
        queue = work / "afl-out" / "main" / "queue"
        crashes = work / "afl-out" / "s1" / "crashes"
        for d in (queue, crashes):
            d.mkdir(parents=True)
        seed = "id:000004,time:0,execs:0,orig:pct-4"
        (queue / seed).write_bytes(b"RQA1")
        (crashes / "id:000000,sig:06,src:000001,time:20,execs:90,op:x").write_bytes(b"x")
        warn = (f"\x1b[1;93m[!] \x1b[1;97mWARNING: \x1b[0mTest case '{seed}' results in a "
                f"crash, skipping\x1b[0m\n").encode()
        log = work / "afl-0.log"
        log.write_bytes(b"[*] Attempting dry run with '" + seed.encode() + b"'...\n"
                        + warn[:30])
        cell = mod.CellRun.__new__(mod.CellRun)
        cell.engine, cell.work = "afl", work
        cell.afl_log_pos, cell.afl_seed_names = 0, []
        self.assertEqual([p.name for p in cell.crash_files()],
                         ["id:000000,sig:06,src:000001,time:20,execs:90,op:x"])
        with open(log, "ab") as f:
            f.write(warn[30:] + warn)  # the rest of the line, and a resumed session's
        files = cell.crash_files()
        self.assertEqual(files[0], queue / seed)
        self.assertEqual(len(files), 2)
        self.assertEqual(cell.crash_files(), files)  # nothing read twice, nothing lost
        log.unlink()
        self.assertEqual(cell.crash_files(), files)

    def test_schedules_mode_is_deterministic_and_complete(self) -> None:
        figures = []
        for i in (1, 2):
            db = self.tmp / f"r{i}.db"
            p = campaign("--db", str(db), "--schedules", "3000", "--jobs", "1", *SMALL)
            self.assertEqual(p.returncode, 0, p.stderr)
            with store.open_store(db) as st:
                runs = st.runs(1)
                figures.append(([(r["cell"], r["engine"], r["executions"], r["violating"],
                                  r["findings"], r["state"]) for r in runs],
                                sorted((v["signature"], v["kind"], v["hits"])
                                       for v in st.violations())))
                self.assertEqual(st.campaign(1)["status"], "done")
                # the expected verdicts: the bug is found by pct and random, sb under
                # tso (the Dekker shape) shows, correct dekker stays clean
                for r in runs:
                    if r["engine"] in ("pct", "random") and r["scenario"] == "dekker":
                        want = "violations" if r["bugs"] else "clean"
                        self.assertEqual(r["state"], want, dict(r))
                    if r["engine"] != "dfs" and r["expected"] == "Sometimes":
                        self.assertIsNotNone(r["first_violation_execs"])
            self.assert_complete_violations(db)
        self.assertEqual(figures[0], figures[1])
        # the dekker bug's signature (function + label of each site, stable across builds)
        self.assertIn("4c54655982202a32", {s for s, _, _ in figures[0][1]})

    def test_two_campaigns_one_store(self) -> None:
        db = self.tmp / "r.db"
        store.open_store(db).close()
        procs = [subprocess.Popen([sys.executable, str(CAMPAIGN), "--reqsim", REQSIM,
                                   "--no-build", "-q", "--db", str(db), "--schedules", "2000",
                                   "--jobs", "1", "--seed", str(seed), *SMALL],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for seed in (1, 100)]
        for p in procs:
            out, err = p.communicate(timeout=600)
            self.assertEqual(p.returncode, 0, err)
        with store.open_store(db) as st:
            camps = st.campaigns()
            self.assertEqual([c["status"] for c in camps], ["done", "done"])
            for c in camps:
                runs = st.runs(c["id"])
                self.assertEqual(len(runs), len(st.runs(camps[0]["id"])))
                self.assertTrue(all(r["state"] in ("clean", "violations") for r in runs))
                self.assertTrue(all(r["executions"] > 0 for r in runs))
            # one row per signature; its hits are all the sightings of both campaigns
            for v in st.violations():
                n = st.q1("SELECT COUNT(*) FROM findings WHERE violation_id=?", (v["id"],))[0]
                self.assertEqual(v["hits"], n)
                seen = {f["campaign_id"] for f in st.findings(v["id"])}
                self.assertEqual(seen, {1, 2}, "both campaigns found and recorded it")
            self.assertEqual(st.q1("PRAGMA integrity_check")[0], "ok")

    def test_kill9_then_ctrl_c_then_resume(self) -> None:
        db = self.tmp / "r.db"
        args = [sys.executable, str(CAMPAIGN), "--reqsim", REQSIM, "--no-build", "-q",
                "--db", str(db), "--budget", "24s", "--jobs", "1",
                "--scenarios", "dekker,payload,sb,mp", "--models", "tso,pso",
                "--engines", "pct,random"]
        p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

        def progressed() -> bool:
            if p.poll() is not None:
                raise AssertionError(f"campaign ended early: {p.stderr.read()}")
            if not db.exists():
                return False
            try:
                s = self.snapshot(db)
            except sqlite3.Error:
                return False
            done = sum(n for k, n in s["states"].items() if k in ("clean", "violations"))
            return len(s["sigs"]) >= 2 and done >= 3

        wait_for(progressed, "two violations and three finished cells")
        p.send_signal(signal.SIGKILL)
        p.wait()
        p.stderr.close()
        before = self.snapshot(db)
        self.assertEqual(before["status"], ["running"], "kill -9 leaves it unfinished")
        self.assertIn("pending", before["states"])
        work = next((self.tmp / "campaigns").glob("c*"))
        # nothing of the campaign survives it (children die with it)
        time.sleep(0.5)
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                try:
                    cmd = (Path("/proc") / pid / "cmdline").read_bytes()
                except OSError:
                    continue
                self.assertNotIn(str(work).encode(), cmd, "orphan child still running")

        # resume, then Ctrl-C it (SIGINT): exit 130, state interrupted, nothing lost
        p2 = subprocess.Popen(args[:2] + ["--reqsim", REQSIM, "--no-build", "-q", "--db",
                                          str(db), "--resume"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

        def resumed_some() -> bool:
            if p2.poll() is not None:
                return True
            s = self.snapshot(db)
            done = sum(n for k, n in s["states"].items() if k in ("clean", "violations"))
            done0 = sum(n for k, n in before["states"].items() if k in ("clean", "violations"))
            return done >= done0 + 2

        wait_for(resumed_some, "the resumed campaign to finish two more cells")
        if p2.poll() is None:
            if os.environ.get("CAMPAIGN_TEST_VERBOSE"):
                print("interrupting the resumed campaign with SIGINT", file=sys.stderr)
            p2.send_signal(signal.SIGINT)
            _, err = p2.communicate(timeout=120)
            self.assertEqual(p2.returncode, 130, err)
            self.assertIn("--resume", err)
            self.assertEqual(len(err.strip().splitlines()), 1, err)
            mid = self.snapshot(db)
            self.assertEqual(mid["status"], ["interrupted"])
            self.assertNotIn("running", mid["states"])
            self.assertTrue(before["sigs"] <= mid["sigs"])
            self.assertTrue(before["findings"] <= mid["findings"])
        else:
            err = p2.stderr.read()
            p2.stderr.close()
            self.assertEqual(p2.returncode, 0, err)
        r = campaign("--db", str(db), "--resume")
        self.assertEqual(r.returncode, 0, r.stderr)
        after = self.snapshot(db)
        self.assertEqual(after["status"], ["done"])
        self.assertEqual(after["cells"], before["cells"])
        self.assertEqual(set(after["states"]) - {"clean", "violations"}, set())
        self.assertTrue(before["sigs"] <= after["sigs"], "a finding was lost")
        self.assertTrue(before["findings"] <= after["findings"], "a sighting was lost")
        with store.open_store(db) as st:
            # no input file was recorded twice: one sighting per (run, source)
            n_ing = st.q1("SELECT COUNT(*) FROM ingested")[0]
            n_find = st.q1("SELECT COUNT(*) FROM findings")[0]
            self.assertEqual(n_find, n_ing)
            for v in st.violations():
                self.assertEqual(v["hits"], len(st.findings(v["id"])))
        self.assert_complete_violations(db)
        r = campaign("--db", str(db), "--resume")
        self.assertEqual(r.returncode, 2)
        self.assertIn("nothing to resume", r.stderr)

    def test_bad_arguments(self) -> None:
        db = self.tmp / "r.db"
        cases = [["--budget", "soon"], ["--budget", "0s"], ["--schedules", "-3"],
                 ["--scenarios", "nosuch"], ["--engines", "pct,magic"],
                 ["--models", "sc,xyz"], ["--archs", "riscv"], ["--bug-sets", "no-such-bug"],
                 ["--resume", "abc"], ["--budget", "5s", "--schedules", "5"], ["--frob"]]
        for args in cases:
            with self.subTest(args=args):
                p = campaign("--db", str(db), "--scenarios", "sb", *args)
                self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
                self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        self.assertFalse((self.tmp / "campaigns").exists())
        p = subprocess.run([sys.executable, str(CAMPAIGN), "--help"], capture_output=True,
                           text=True)
        self.assertEqual(p.returncode, 0)
        self.assertIn("--resume", p.stdout)
        p = campaign("--list", *SMALL)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.strip().endswith("cells"))


class FuzzCampaignTest(Base):
    """One libFuzzer or AFL++ cell, built by campaign.py out of the tree."""

    def fuzz_cell(self, engine: str) -> None:
        db = self.tmp / "r.db"
        p = campaign("--db", str(db), "--budget", "20s", "--jobs", "2", "--engines", engine,
                     "--scenarios", "dekker", "--models", "tso", "--archs", "x86",
                     "--bug-sets", "no-mb-after-in-guest-mode", "--build-root",
                     str(self.tmp / "build"), timeout=900, build=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        with store.open_store(db) as st:
            runs = st.runs(1)
            self.assertEqual(len(runs), 1)
            r = runs[0]
            self.assertEqual((r["engine"], r["state"]), (engine, "violations"), dict(r))
            self.assertGreater(r["executions"], 0)
            self.assertIsNotNone(r["coverage"])
            self.assertIsNotNone(r["first_violation_s"])
            vs = st.violations()
            self.assertTrue(vs)
            self.assertTrue(all(v["engine"] == engine for v in vs))
            fs = st.findings(vs[0]["id"])
            # the crash file as reqsim ran it: an abstract schedule (the
            # default --fuzz-form, "abstract=FILE") or bytes ("bytes=FILE")
            self.assertTrue(any(re.search(r"\b(bytes|abstract)=", f["origin"] or "")
                                for f in fs), fs[0]["origin"])
        self.assert_complete_violations(db)

    def test_libfuzzer_cell(self) -> None:
        probe = self.tmp / "t.c"
        probe.write_text("#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput"
                         "(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n")
        if shutil.which("clang") is None or subprocess.run(
                ["clang", "-fsanitize=fuzzer", str(probe), "-o", str(self.tmp / "t")],
                capture_output=True).returncode != 0:
            raise unittest.SkipTest("clang with libFuzzer missing")
        self.fuzz_cell("libfuzzer")

    def test_afl_cell(self) -> None:
        if shutil.which("afl-fuzz") is None or shutil.which("afl-clang-fast") is None:
            raise unittest.SkipTest("AFL++ missing")
        self.fuzz_cell("afl")


# ---- checks before writing, options, exit status, archs, quoting ------------------------

TINY = ["--schedules", "20", "--scenarios", "dekker", "--models", "sc", "--engines", "pct",
        "--archs", "x86", "--bug-sets", "none", "--jobs", "1"]  # one cell


def table_counts(db: Path) -> dict[str, int]:
    con = ro(db)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {n: con.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def unprivileged_prefix() -> list[str] | None:
    """A prefix running a command as uid/gid 65534 when we are root (file modes
    do not stop root); [] when we are not root; None when neither works."""
    if os.geteuid() != 0:
        return []
    for pre in (["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"],
                ["runuser", "-u", "nobody", "--"]):
        if shutil.which(pre[0]) is None:
            continue
        # that user must be able to run this Python, campaign.py and reqsim
        probe = ("import os, sys; print(os.getuid()); "
                 f"sys.exit(0 if os.access({str(CAMPAIGN)!r}, os.R_OK) and "
                 f"os.access({REQSIM!r}, os.X_OK) else 1)")
        try:
            p = subprocess.run(pre + [sys.executable, "-c", probe], capture_output=True,
                               text=True, timeout=30)
        except OSError:
            continue
        if p.returncode == 0 and p.stdout.strip() == "65534":
            return pre
    return None


FAKE_REQSIM = """#!/bin/sh
# a reqsim that is the real one ({real}) except for what this test changes
real={real}
{body}
exec "$real" "$@"
"""


class CampaignSafetyTest(Base):
    base_db: Path | None = None
    base_dir: Path | None = None

    @classmethod
    def setUpClass(cls) -> None:
        # one small store (one finished campaign), copied for each case
        cls.base_dir = Path(tempfile.mkdtemp(prefix="campaign-safety-"))
        cls.base_db = cls.base_dir / "base.db"
        p = campaign("--db", str(cls.base_db), *TINY)
        if p.returncode != 0:
            shutil.rmtree(cls.base_dir, ignore_errors=True)
            raise RuntimeError(f"cannot make the base store: {p.stderr}")
        con = sqlite3.connect(cls.base_db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()

    @classmethod
    def tearDownClass(cls) -> None:
        if cls.base_dir is not None:
            shutil.rmtree(cls.base_dir, ignore_errors=True)

    def setUp(self) -> None:
        super().setUp()
        os.chmod(self.tmp, 0o755)

    def store_copy(self, where: Path | None = None) -> Path:
        d = where or self.tmp
        d.mkdir(parents=True, exist_ok=True)
        db = d / "r.db"
        assert self.base_db is not None
        shutil.copyfile(self.base_db, db)
        return db

    def fake_reqsim(self, body: str) -> Path:
        f = self.tmp / "fake-reqsim"
        f.write_text(FAKE_REQSIM.format(real=shlex.quote(REQSIM), body=body))
        f.chmod(0o755)
        return f

    def assert_refused(self, p: subprocess.CompletedProcess[str], db: Path,
                       before: dict[str, int], *words: str) -> None:
        """exit 2, one line naming what is wrong, no row written, nothing to resume."""
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.assertNotIn("Traceback", p.stderr)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        for w in words:
            self.assertIn(w, p.stderr)
        self.assertEqual(table_counts(db), before, "a row was written")
        r = campaign("--db", str(db), "--resume")
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("nothing to resume", r.stderr)

    # -- item 3: everything a campaign needs is checked before any row ----------------

    def test_unusable_setup_writes_no_row(self) -> None:
        db = self.store_copy()
        before = table_counts(db)
        cases: list[tuple[list[str], tuple[str, ...]]] = [
            (["--work", "/etc/passwd/x"], ("/etc/passwd", "not a directory")),
            (["--work", str(db / "x")], (str(db), "not a directory")),
            (["--reqsim", "/bin/true"], ("/bin/true", "not a reqsim binary")),
            (["--reqsim", str(self.tmp / "nosuch")], ("nosuch",)),
            (["--reqsim", str(self.tmp)], ("not a file",)),
            (["--engines", "pct,libfuzzer", "--libfuzzer", "/bin/true"],
             ("/bin/true", "not a libfuzzer target")),
            (["--engines", "pct,libfuzzer", "--libfuzzer", str(self.tmp / "nosuch")],
             ("nosuch", "libFuzzer target")),
        ]
        noexec = self.tmp / "reqsim-noexec"
        shutil.copyfile(REQSIM, noexec)
        noexec.chmod(0o644)
        cases.append((["--reqsim", str(noexec)], (str(noexec), "not executable")))
        if shutil.which("afl-fuzz") is None:
            cases.append((["--engines", "afl"], ("afl-fuzz not found",)))
        for extra in cases:
            with self.subTest(args=extra[0]):
                args = ["--db", str(db), *TINY, *extra[0]]
                if "--reqsim" in extra[0]:
                    p = subprocess.run([sys.executable, str(CAMPAIGN), "-q", "--no-build",
                                        *args], capture_output=True, text=True, timeout=120)
                else:
                    p = campaign(*args)
                self.assert_refused(p, db, before, *extra[1])
        self.assertFalse((self.tmp / "campaigns").exists())

    def test_read_only_store_and_directories(self) -> None:
        pre = unprivileged_prefix()
        if pre is None:
            self.skipTest("running as root, and uid 65534 cannot run this Python, campaign.py "
                          "and reqsim through setpriv or runuser: file modes cannot be tested "
                          "here (test_check_store_with_access_denied covers the check)")
        nobody = 65534 if pre else os.geteuid()

        def run_as(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(pre + [sys.executable, str(CAMPAIGN), "--reqsim", REQSIM,
                                         "--no-build", "-q", *args],
                                  capture_output=True, text=True, timeout=300)

        def give(*paths: Path) -> None:
            """to the user the campaign runs as, with the SQLite side files that
            reading the store as root may have created"""
            if pre:
                for path in paths:
                    for f in [path, *path.parent.glob(path.name + "-*")]:
                        os.chown(f, nobody, -1)

        # (1) the store file read-only, in a directory the user may write
        d1 = self.tmp / "ro-file"
        db = self.store_copy(d1)
        before = table_counts(db)
        give(d1, db)
        db.chmod(0o444)
        p = run_as("--db", str(db), *TINY)
        self.assert_refused(p, db, before, str(db), "permission")
        # (2) the store writable, its directory not (SQLite must create r.db-wal there)
        d2 = self.tmp / "ro-dir"
        db2 = self.store_copy(d2)
        before2 = table_counts(db2)
        give(db2)
        db2.chmod(0o644)
        d2.chmod(0o555)
        try:
            p = run_as("--db", str(db2), *TINY)
            self.assert_refused(p, db2, before2, str(d2), "permission")
        finally:
            d2.chmod(0o755)
        # (3) a new store in a directory the user may not write
        d3 = self.tmp / "no-create"
        d3.mkdir()
        d3.chmod(0o555)
        try:
            p = run_as("--db", str(d3 / "sub" / "new.db"), *TINY)
            self.assertEqual(p.returncode, 2, p.stderr)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
            self.assertIn(str(d3), p.stderr)
            self.assertIn("permission", p.stderr)
            self.assertEqual(list(d3.iterdir()), [])
        finally:
            d3.chmod(0o755)
        # (4) --work in a directory the user may not write
        d4 = self.tmp / "ok-store"
        db4 = self.store_copy(d4)
        before4 = table_counts(db4)
        give(d4, db4)
        locked = self.tmp / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        try:
            p = run_as("--db", str(db4), "--work", str(locked / "w"), *TINY)
            self.assert_refused(p, db4, before4, str(locked), "permission")
            self.assertFalse((locked / "w").exists())
        finally:
            locked.chmod(0o755)

    def test_immutable_store(self) -> None:
        db = self.store_copy(self.tmp / "imm")
        r = subprocess.run(["chattr", "+i", str(db)], capture_output=True, text=True) \
            if shutil.which("chattr") else None
        if r is None or r.returncode != 0:
            self.skipTest("chattr +i not possible here (needs root and ext4/xfs/btrfs): "
                          + (r.stderr.strip() if r else "no chattr"))
        try:
            before = table_counts(db)
            p = campaign("--db", str(db), *TINY)
            self.assertEqual(p.returncode, 2, p.stderr)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
            self.assertIn(str(db), p.stderr)
            self.assertIn("permission", p.stderr)
            self.assertEqual(table_counts(db), before)
        finally:
            subprocess.run(["chattr", "-i", str(db)], check=False)

    def test_check_store_with_access_denied(self) -> None:
        """The check itself, with os.access saying no (works as root too)."""
        import importlib.util  # noqa: PLC0415
        spec = importlib.util.spec_from_file_location("campaign_under_test", CAMPAIGN)
        assert spec is not None and spec.loader is not None
        cmod = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = cmod
        spec.loader.exec_module(cmod)
        db = self.store_copy()
        before = table_counts(db)
        real_access = os.access

        def deny(what: Path, mode: int):
            def access(path, m, *a, **k):  # type: ignore[no-untyped-def]
                if os.path.abspath(path) == os.path.abspath(what) and m & mode:
                    return False
                return real_access(path, m, *a, **k)
            return access

        for target, mode, words in ((db, os.W_OK, ("not writable", str(db))),
                                    (db.parent, os.W_OK, ("directory", "-wal")),
                                    (db, os.R_OK, ("not readable",))):
            with self.subTest(target=str(target), mode=mode):
                with unittest.mock.patch.object(cmod.os, "access", deny(target, mode)):
                    with self.assertRaises(cmod.CampaignError) as cm:
                        cmod.check_store(db, must_exist=False)
                    for w in words:
                        self.assertIn(w, str(cm.exception))
                    err = io.StringIO()
                    with contextlib.redirect_stderr(err), \
                            contextlib.redirect_stdout(io.StringIO()):
                        rc = cmod.main(["--db", str(db), "--reqsim", REQSIM, "--no-build",
                                        "-q", *TINY])
                    self.assertEqual(rc, 2, err.getvalue())
                    self.assertEqual(len(err.getvalue().strip().splitlines()), 1)
                self.assertEqual(table_counts(db), before)
        with unittest.mock.patch.object(cmod.os, "access", deny(self.tmp / "w", os.W_OK)):
            (self.tmp / "w").mkdir()
            with self.assertRaises(cmod.CampaignError):
                cmod.check_dir_creatable(self.tmp / "w" / "x" / "y", "--work")

    # -- item 6: options as reqsim takes them; a campaign that tested nothing ------------

    def test_options_checked_before_anything(self) -> None:
        db = self.store_copy()
        before = table_counts(db)
        h = sha(db)
        cases = [
            (["--seed", "-1"], "out of range"), (["--seed", str(1 << 64)], "out of range"),
            (["--seed", "1e3"], "not an integer"), (["--seed", "0x10"], "not an integer"),
            (["--schedules", "99999999999999999999"], "out of range (max 1099511627776)"),
            (["--schedules", str((1 << 40) + 1)], "out of range (max 1099511627776)"),
            (["--schedules", "0"], "out of range"), (["--schedules", ""], "not an integer"),
            (["--engines", ""], "--engines"), (["--engines", ","], "--engines"),
            (["--engines", "pct,pct"], "twice"), (["--scenarios", ""], "--scenarios"),
            (["--scenarios", "dekker,dekker"], "twice"), (["--models", ""], "--models"),
            (["--models", "all,sc"], "all"), (["--archs", ""], "--archs"),
            (["--archs", "auto,x86"], "auto"), (["--archs", "riscv"], "riscv"),
            (["--bug-sets", ""], "--bug-sets"), (["--bug-sets", "a++b"], "bug set"),
            (["--bug-sets=-;-"], "twice"), (["--jobs", "0"], "out of range"),
            (["--jobs", "-2"], "out of range"), (["--jobs", "99999999"], "out of range"),
            (["--jobs", "two"], "not an integer"), (["--budget", "soon"], "not a duration"),
            (["--budget", "0.0s"], "positive"), (["--budget", "9" * 400 + "h"], "out of range"),
            (["--name", ""], "--name"), (["--name", "a\nb"], "control"),
            (["--work", ""], "--work"), (["--reqsim", ""], "--reqsim"),
            (["--resume", "0"], "not a campaign id"),
            (["--resume", "99999999999999999999999"], "not a campaign id"),
            (["--resume", "1", "--seed", "3"], "--seed"),
            (["--resume", "--scenarios", "sb"], "--scenarios"),
        ]
        for args, words in cases:
            with self.subTest(args=args):
                base = ["--db", str(db)] + ([] if "--resume" in args else TINY)
                # the option under test comes last: it overrides TINY's
                p = subprocess.run([sys.executable, str(CAMPAIGN), "-q", "--no-build",
                                    *(["--reqsim", REQSIM] if "--reqsim" not in args
                                      else []), *base, *args],
                                   capture_output=True, text=True, timeout=120)
                self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
                self.assertNotIn("Traceback", p.stderr)
                self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
                self.assertIn(words, p.stderr)
        self.assertEqual(table_counts(db), before)
        self.assertEqual(sha(db), h)
        self.assertFalse((self.tmp / "campaigns").exists())
        # the seed limit itself is accepted (and reqsim takes it); more --jobs than
        # reqsim explore takes (64) is fine: a random/pct cell uses 64
        p = campaign("--db", str(db), *TINY[:1], "1", *TINY[2:], "--seed", str((1 << 63) - 1),
                     "--jobs", "100")
        self.assertEqual(p.returncode, 0, p.stderr)
        with store.open_store(db) as st:
            runs = st.runs(st.campaigns()[-1]["id"])
            self.assertEqual([(r["state"], r["cores"]) for r in runs], [("clean", 64)])

    def test_every_cell_failed_exits_1_and_says_why(self) -> None:
        # explore runs (its schedules are saved), then "crashes" for pct only
        fake = self.fake_reqsim(
            'if [ "$1" = explore ]; then\n'
            '  case " $* " in *" --strategy pct "*) "$real" "$@"; '
            'echo "reqsim: simulated crash in pct" >&2; exit 3;; esac\n'
            'fi')
        bug = ["--scenarios", "dekker", "--models", "tso", "--archs", "x86", "--bug-sets",
               "no-mb-after-in-guest-mode", "--schedules", "300", "--jobs", "1"]
        db = self.tmp / "f.db"
        p = subprocess.run([sys.executable, str(CAMPAIGN), "--reqsim", str(fake), "--no-build",
                            "-q", "--db", str(db), "--engines", "pct", *bug],
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertNotIn("Traceback", p.stderr)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        self.assertIn("every cell", p.stderr)
        self.assertIn("simulated crash in pct", p.stderr)
        with store.open_store(db) as st:
            self.assertEqual([r["state"] for r in st.runs(1)], ["error"])
            # what the failing slice had saved is recorded all the same
            self.assertTrue(st.violations(1), "the failing slice's schedules were dropped")
        # one cell failed, one did not: exit 0, the failure listed
        db2 = self.tmp / "g.db"
        p = subprocess.run([sys.executable, str(CAMPAIGN), "--reqsim", str(fake), "--no-build",
                            "-q", "--db", str(db2), "--engines", "pct,random", *bug],
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("1 cells failed", p.stdout)
        self.assertIn("simulated crash in pct", p.stdout)

    # -- item 9: scenarios left out of archs they do not support -----------------------

    def test_scenario_archs_from_fake_reqsim(self) -> None:
        fake = self.fake_reqsim(
            'if [ "$1 $2 $3" = "list scenarios --tsv" ]; then\n'
            '  printf "dekker\\tx86,arm64\\nasync_pf\\tx86\\nits\\tarm64\\n"; exit 0\n'
            'fi')

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([sys.executable, str(CAMPAIGN), "--reqsim", str(fake),
                                   "--no-build", "-q", *args], capture_output=True,
                                  text=True, timeout=300)

        sel = ["--scenarios", "dekker,async_pf,its", "--models", "sc", "--engines", "pct",
               "--bug-sets", "none"]
        p = run("--list", "--archs", "x86,arm64", *sel)
        self.assertEqual(p.returncode, 0, p.stderr)
        cells = [ln.split() for ln in p.stdout.splitlines() if re.match(r"^\s+\d+\s", ln)]
        got = sorted((c[2], c[4]) for c in cells)
        self.assertEqual(got, [("async_pf", "x86"), ("dekker", "arm64"), ("dekker", "x86"),
                               ("its", "arm64")], p.stdout)
        self.assertIn("left out: async_pf on arm64: async_pf supports x86 only", p.stdout)
        self.assertIn("left out: its on x86: its supports arm64 only", p.stdout)
        self.assertTrue(p.stdout.strip().endswith("4 cells"))
        # a real campaign has no such cell either
        db = self.tmp / "a.db"
        p = run("--db", str(db), "--archs", "arm64", "--schedules", "20", "--jobs", "1", *sel)
        self.assertEqual(p.returncode, 0, p.stderr)
        with store.open_store(db) as st:
            self.assertEqual(sorted((r["scenario"], r["arch"]) for r in st.runs(1)),
                             [("dekker", "arm64"), ("its", "arm64")])
        # nothing left: one line, exit 2, naming why
        p = run("--db", str(db), "--archs", "arm64", "--schedules", "20",
                "--scenarios", "async_pf", "--models", "sc", "--engines", "pct",
                "--bug-sets", "none")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("async_pf supports x86 only", p.stderr)
        # a binary without the TSV listing: every scenario counts as on every arch
        old = self.fake_reqsim('if [ "$1 $2 $3" = "list scenarios --tsv" ]; then '
                               'exec "$real" list scenarios; fi')
        p = subprocess.run([sys.executable, str(CAMPAIGN), "--reqsim", str(old), "--no-build",
                            "-q", "--list", "--archs", "arm64", *sel],
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(" async_pf ", p.stdout)

    def test_scenario_archs_from_real_reqsim(self) -> None:
        p = subprocess.run([REQSIM, "list", "scenarios", "--tsv"], capture_output=True,
                           text=True, timeout=60)
        rows = [ln.split("\t") for ln in p.stdout.splitlines() if ln.strip()]
        if p.returncode != 0 or not rows or not all(
                len(r) >= 2 and re.fullmatch(r"[a-z0-9_]+(,[a-z0-9_]+)*", r[1]) for r in rows):
            self.skipTest("this reqsim does not print `list scenarios --tsv` as NAME<TAB>ARCHS "
                          f"(first line: {p.stdout.splitlines()[:1]!r}); the fake-reqsim test "
                          "covers the campaign side")
        archs = {r[0]: set(r[1].split(",")) for r in rows}
        narrow = [(n, a) for n, s in archs.items() for a in ("x86", "arm64") if a not in s]
        if not narrow:
            self.skipTest("every scenario supports every arch in this reqsim")
        name, arch = narrow[0]
        p = campaign("--list", "--archs", arch, "--scenarios", f"{name},dekker", "--models",
                     "sc", "--engines", "pct", "--bug-sets", "none")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotIn(f" {name} ", p.stdout.split("left out")[0])
        self.assertIn(f"left out: {name} on {arch}", p.stdout)

    # -- item 7: pasteable commands; never writing over the store or an input --------------

    def test_printed_commands_are_quoted_and_work(self) -> None:
        hostile = self.tmp / "store dir; touch PWNED 'q\" $(touch PWNED2)"
        hostile.mkdir()
        db = hostile / "r.db"
        cwd = self.tmp  # the user's directory, not the repository
        # the mp cell hangs while the flag file exists: the campaign is interrupted
        # there, after the dekker cell, whatever the speed of the machine
        flag = self.tmp / "hang"
        flag.touch()
        fake = self.fake_reqsim(
            f'if [ "$1 $2" = "explore mp" ] && [ -e {shlex.quote(str(flag))} ]; then '
            'sleep 120; fi')
        args = [sys.executable, str(CAMPAIGN), "--reqsim", str(fake), "--no-build", "-q",
                "--db", str(db.relative_to(cwd)), "--name", "nightly run; rm -rf x",
                "--schedules", "2000", "--jobs", "1", "--scenarios", "dekker,mp",
                "--models", "tso", "--archs", "x86", "--bug-sets", "none",
                "--engines", "pct"]
        proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)

        def started() -> bool:
            if proc.poll() is not None:
                raise AssertionError("campaign ended before it could be interrupted: "
                                     + proc.stderr.read())
            try:
                s = self.snapshot(db) if db.exists() else {"states": {}}
            except sqlite3.Error:
                return False
            return s["states"].get("clean", 0) >= 1 and s["states"].get("running", 0) >= 1

        wait_for(started, "a finished cell")
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
        self.assertEqual(proc.returncode, 130, err)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        m = re.search(r"continue with: (.*)$", err.strip())
        self.assertIsNotNone(m, err)
        cmd = m.group(1)
        toks = shlex.split(cmd)
        self.assertEqual(toks[toks.index("--db") + 1], str(db.relative_to(cwd)))
        self.assertNotIn("rm", toks)
        # pasted into a shell in the same directory, it finishes the campaign
        flag.unlink()
        r = subprocess.run(["sh", "-c", cmd + " -q"], cwd=cwd, capture_output=True, text=True,
                           timeout=600)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(self.snapshot(db)["status"], ["done"])
        m = re.search(r"^store: .*?  \((.*)\)$", r.stdout, re.M)
        self.assertIsNotNone(m, r.stdout)
        q = subprocess.run(["sh", "-c", m.group(1)], cwd=cwd, capture_output=True, text=True,
                           timeout=120)
        self.assertEqual(q.returncode, 0, q.stderr)
        for bad in ("PWNED", "PWNED2", "x"):
            self.assertFalse((cwd / bad).exists(), f"a printed command ran {bad}")
            self.assertFalse((hostile / bad).exists())

    def test_never_writes_over_the_store_or_an_input(self) -> None:
        db = self.store_copy()
        before = table_counts(db)
        rq = self.tmp / "reqsim-copy"
        shutil.copy2(REQSIM, rq)
        hashes = {db: sha(db), rq: sha(rq)}
        work = self.tmp / "w"
        cases = [
            (["--db", str(db), "--work", str(db)], "is the store"),
            (["--db", str(rq), "--reqsim", str(rq)], "is the reqsim binary"),
            (["--db", str(db), "--reqsim", str(rq), "--work", str(rq)], "reqsim binary"),
            (["--db", str(db), "--reqsim", str(db)], str(db)),
            (["--db", str(work / "c00002" / "r.db"), "--work", str(work)],
             "where the campaign writes"),
            (["--db", str(work / "build.log"), "--work", str(work)],
             "where the campaign writes"),
        ]
        for args, words in cases:
            with self.subTest(args=args):
                full = args if "--reqsim" in args else ["--reqsim", REQSIM, *args]
                p = subprocess.run([sys.executable, str(CAMPAIGN), "--no-build", "-q", *full,
                                    *TINY], capture_output=True, text=True, timeout=120)
                self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
                self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
                self.assertIn(words, p.stderr)
                for f, h in hashes.items():
                    self.assertEqual(sha(f), h, f"{f} was modified")
                self.assertEqual(table_counts(db), before)
        self.assertFalse(work.exists())
        # a work directory shared by two stores: each campaign gets its own directory
        db1, db2 = self.tmp / "one.db", self.tmp / "two.db"
        for d in (db1, db2):
            p = campaign("--db", str(d), "--work", str(work), *TINY)
            self.assertEqual(p.returncode, 0, p.stderr)
        dirs = sorted(x.name for x in work.iterdir() if x.is_dir())
        self.assertEqual(len(dirs), 2, dirs)
        for d in (db1, db2):
            with store.open_store(d) as st:
                self.assertEqual(len(st.runs(1)), 1)
                cfg = json.loads(st.campaign(1)["config"])
                self.assertTrue(Path(cfg["work"]).is_dir())
        with store.open_store(db1) as a, store.open_store(db2) as b:
            self.assertNotEqual(json.loads(a.campaign(1)["config"])["work"],
                                json.loads(b.campaign(1)["config"])["work"])

    # -- interruptions -------------------------------------------------------------

    def test_cut_between_campaign_and_cells_resumes(self) -> None:
        """kill -9 right after the campaign row, before its cells: --resume completes it."""
        db = self.tmp / "r.db"
        code = ("import os, sys\n"
                f"sys.path.insert(0, {str(CAMPAIGN.parent)!r})\n"
                "import campaign, store\n"
                "store.Store.add_runs = lambda *a, **k: os._exit(137)\n"
                "sys.exit(campaign.main(sys.argv[1:]))\n")
        p = subprocess.run([sys.executable, "-c", code, "--reqsim", REQSIM, "--no-build", "-q",
                            "--db", str(db), *TINY], capture_output=True, text=True,
                           timeout=120)
        self.assertEqual(p.returncode, 137, p.stderr)
        s = self.snapshot(db)
        self.assertEqual((s["status"], s["cells"]), (["running"], 0))
        r = campaign("--db", str(db), "--resume")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        s = self.snapshot(db)
        self.assertEqual(s["status"], ["done"])
        self.assertEqual(s["cells"], 1)
        self.assertEqual(set(s["states"]) - {"clean", "violations"}, set())

    def test_running_campaign_is_not_resumed_twice(self) -> None:
        db = self.tmp / "r.db"
        proc = subprocess.Popen([sys.executable, str(CAMPAIGN), "--reqsim", REQSIM,
                                 "--no-build", "-q", "--db", str(db), "--budget", "60s",
                                 "--jobs", "1", "--scenarios", "dekker", "--models", "tso",
                                 "--archs", "x86", "--engines", "pct", "--bug-sets", "none"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            def running() -> bool:
                if proc.poll() is not None:
                    raise AssertionError(proc.stderr.read())
                try:
                    return db.exists() and self.snapshot(db)["states"].get("running", 0) > 0
                except sqlite3.Error:
                    return False

            wait_for(running, "the campaign to run")
            for args in (["--resume"], ["--resume", "1"]):
                r = campaign("--db", str(db), *args)
                self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
                self.assertIn("running (pid", r.stderr)
            proc.send_signal(signal.SIGTERM)
            _, err = proc.communicate(timeout=120)
            self.assertEqual(proc.returncode, 130, err)
            self.assertIn("--resume 1", err)
            self.assertEqual(self.snapshot(db)["status"], ["interrupted"])
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def main() -> int:
    global REQSIM
    argv = sys.argv[1:]
    if argv and not argv[0].startswith("-") and os.path.sep in argv[0]:
        REQSIM = str(Path(argv.pop(0)).resolve())
    res = unittest.main(argv=[sys.argv[0], *argv], exit=False).result
    if res.testsRun and len(res.skipped) == res.testsRun:
        return 77
    return 0 if res.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
