#!/usr/bin/env python3
"""Tests for tools/bench.py.  Run: python3 tools/test_bench.py  (or -m unittest)."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

import bench  # noqa: E402

BENCH = TOOLS / "bench.py"
SAMPLE = ("explored scenario=sb model=tso arch=x86 bugs=- strategy=random seed=1: "
          "1000000 schedules, 6000000 steps, 166638 violating (1 distinct), 0.502s, "
          "11952664 steps/s, 1992111 schedules/s")


def run_bench(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(BENCH), *args], capture_output=True,
                          text=True, timeout=timeout, check=False)


class ParseTest(unittest.TestCase):
    def test_sample_line(self) -> None:
        r = bench.parse_explored(SAMPLE + "\n")
        self.assertEqual((r.scenario, r.model, r.arch, r.bugs, r.strategy, r.seed),
                         ("sb", "tso", "x86", "-", "random", 1))
        self.assertEqual(r.schedules, 1_000_000)
        self.assertEqual(r.steps, 6_000_000)
        self.assertEqual((r.violating, r.distinct), (166638, 1))
        self.assertAlmostEqual(r.seconds, 0.502)
        self.assertEqual(r.steps_per_s, 11952664.0)
        self.assertEqual(r.schedules_per_s, 1992111.0)

    def test_last_explored_line_wins(self) -> None:
        other = SAMPLE.replace("seed=1:", "seed=7:")
        r = bench.parse_explored(f"noise\n{SAMPLE}\nmore noise\n{other}\n")
        self.assertEqual(r.seed, 7)

    def test_dfs_suffix(self) -> None:
        r = bench.parse_explored(SAMPLE + " [incomplete: budget or depth bound hit]")
        self.assertEqual(r.steps, 6_000_000)

    def test_garbage(self) -> None:
        for text in ("", "garbage\n\x00\xff", "explored nothing useful here",
                     SAMPLE.replace("6000000 steps", "many steps")):
            with self.subTest(text=text[:40]):
                with self.assertRaises(bench.ParseError) as cm:
                    bench.parse_explored(text)
                msg = str(cm.exception)
                self.assertTrue(msg)
                self.assertNotIn("\n", msg)


class FakeReqsimTest(unittest.TestCase):
    """bench.py against stand-in reqsim scripts: exit codes and one-line errors."""

    def fake(self, body: str) -> str:
        d = tempfile.mkdtemp(prefix="bench-test-")
        self.addCleanup(lambda: __import__("shutil").rmtree(d, ignore_errors=True))
        path = os.path.join(d, "reqsim")
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + body + "\n")
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
        return path

    def assert_one_line_failure(self, p: subprocess.CompletedProcess[str]) -> None:
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(p.stdout, "")
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)

    def test_garbage_output(self) -> None:
        p = run_bench("sim", "--reqsim", self.fake("echo hello; exit 0"), "--repeat", "1")
        self.assert_one_line_failure(p)
        self.assertIn("explored", p.stderr)

    def test_reqsim_fails(self) -> None:
        p = run_bench("sim", "--reqsim", self.fake("echo 'reqsim: boom' >&2; exit 2"),
                      "--repeat", "1")
        self.assert_one_line_failure(p)
        self.assertIn("boom", p.stderr)

    def test_missed_goals_exit_0(self) -> None:
        slow = SAMPLE.replace("11952664 steps/s", "5 steps/s")
        p = run_bench("sim", "--reqsim", self.fake(f"echo '{slow}'; exit 1"),
                      "--repeat", "2", "--budget", "8")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("MISS  asm >= 10,000,000 steps/s", p.stdout)
        self.assertIn("--budget 8 ", p.stdout)
        self.assertIn("--budget 2 ", p.stdout)  # ucontext: N/4

    def test_missing_reqsim(self) -> None:
        p = run_bench("sim", "--reqsim", "/nonexistent/reqsim")
        self.assert_one_line_failure(p)

    def test_unknown_subcommand(self) -> None:
        p = run_bench("nosuch")
        self.assertEqual(p.returncode, 2)
        self.assertIn("unknown subcommand 'nosuch'", p.stderr)


@unittest.skipUnless(bench.DEFAULT_REQSIM.is_file(),
                     f"{bench.DEFAULT_REQSIM} not built")
class RealReqsimTest(unittest.TestCase):
    def test_sim_json(self) -> None:
        p = run_bench("sim", "--budget", "20000", "--repeat", "1", "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        doc = json.loads(p.stdout)
        for key in ("benchmark", "reqsim", "build_id", "pinned_cpu", "scenario", "model",
                    "strategy", "repeat", "switches", "ratio", "goals", "commands"):
            self.assertIn(key, doc)
        self.assertEqual(doc["benchmark"], "sim")
        self.assertEqual(set(doc["switches"]), {"asm", "ucontext"})
        for name, sw in doc["switches"].items():
            with self.subTest(switch=name):
                for key in ("schedules", "steps", "seconds", "steps_per_s",
                            "schedules_per_s", "total_steps", "total_seconds"):
                    self.assertGreater(sw[key], 0, key)
                self.assertEqual(len(sw["runs"]), 1)
        self.assertEqual(doc["switches"]["asm"]["schedules"], 20000)
        self.assertEqual(doc["switches"]["ucontext"]["schedules"], 5000)
        self.assertGreater(doc["ratio"]["steps_per_s"], 0)
        self.assertGreater(doc["ratio"]["schedules_per_s"], 0)
        self.assertEqual(len(doc["goals"]), 2)
        for g in doc["goals"]:
            self.assertIsInstance(g["pass"], bool)
        self.assertEqual(len(doc["commands"]), 2)


class ResultsBenchTest(unittest.TestCase):
    """bench.py report / store on tiny sizes: the figures are there, nothing is lost."""

    def test_report_json(self) -> None:
        p = run_bench("report", "--campaigns", "2", "--violations", "30", "--runs", "3",
                      "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        doc = json.loads(p.stdout)
        self.assertEqual(doc["benchmark"], "report")
        self.assertEqual(doc["pages"]["campaigns"], 2)
        self.assertEqual(doc["pages"]["violations"], 30)
        self.assertLessEqual(doc["rebuild_written"], 2)  # only pages with the build time
        self.assertGreater(doc["build_s"], 0)
        self.assertIsInstance(doc["pass"], bool)

    def test_store_json(self) -> None:
        p = run_bench("store", "--rows", "40", "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        doc = json.loads(p.stdout)
        self.assertEqual(doc["two_writers_rows_kept"], 80)
        for key in ("new_violations_per_s", "hits_per_s", "samples_per_s",
                    "two_writers_rows_per_s"):
            self.assertGreater(doc[key], 0, key)


if __name__ == "__main__":
    unittest.main()
