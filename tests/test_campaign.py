#!/usr/bin/env python3
"""Tests of tools/campaign.py with the real reqsim.

    test_campaign.py REQSIM [unittest names...]

CampaignTest: findings are complete and replay; --schedules campaigns are
deterministic; two campaigns writing one store at once; kill -9 then
--resume, Ctrl-C then --resume (nothing found is lost, nothing is recorded
twice); bad arguments.  FuzzCampaignTest (ctest fuzz-smoke): a libFuzzer and
an AFL++ cell, built by the campaign itself out of the tree, record a finding
(exit 77 when the fuzzer toolchain is missing).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))

import store  # noqa: E402

CAMPAIGN = TOOLS / "campaign.py"
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
        self.assertIn("aaffd5ab9d0e11dc", {s for s, _, _ in figures[0][1]})

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
            self.assertTrue(any("bytes=" in (f["origin"] or "") for f in fs), fs[0]["origin"])
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
