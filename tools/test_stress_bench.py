#!/usr/bin/env python3
"""Tests for `bench.py stress` (tools/stress_bench.py).  Run: python3 tools/test_stress_bench.py"""
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
import stress_bench  # noqa: E402

BENCH = TOOLS / "bench.py"
RESULT = ("result violation scenario=its arch=x86 bugs=its-outside-cmd-lock seed=1 threads=2 "
          "seconds=0.01 rounds=2681 requests=2681 violations=1 first_violation_s=0.003486 "
          "latency=cwriter samples=2681 p50_ns=50 p90_ns=60 p99_ns=70 max_ns=900")


def run_bench(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(BENCH), *args], capture_output=True,
                          text=True, timeout=timeout, check=False)


class UnitTest(unittest.TestCase):
    def test_result_line(self) -> None:
        m = stress_bench.RESULT_RE.search("noise\n" + RESULT + "\n")
        self.assertIsNotNone(m)
        assert m is not None
        self.assertEqual(m["verdict"], "violation")
        self.assertEqual(m["first"], "0.003486")
        self.assertEqual((m["latency"], m["p50"], m["max"]), ("cwriter", "50", "900"))

    def test_formats(self) -> None:
        self.assertEqual(stress_bench.fmt_native({"found": None}, 20), "not found in 20 s")
        self.assertEqual(stress_bench.fmt_native(
            {"found": "violation", "at_s": 0.0035, "kind": "its-command"}, 20),
            "3.50 ms (its-command)")
        self.assertEqual(stress_bench.fmt_native(
            {"found": "tsan", "at_s": 1.5, "kind": "data race"}, 20), "TSan data race 1.50 s")
        self.assertEqual(stress_bench.fmt_ns(1500), "1.5 us")
        self.assertEqual(stress_bench.fmt_ns(2_500_000), "2.5 ms")

    def test_every_native_row_is_a_verdict_row_or_native_only(self) -> None:
        for (sc, bug, params), v in stress_bench.NATIVE_MAP.items():
            with self.subTest(row=(sc, bug, params)):
                self.assertTrue(isinstance(v, str) or v[0] in (
                    "dekker", "payload", "kick_only", "tlb_flush", "outside_guest_mode",
                    "halt", "mixed", "async_pf", "kick_all", "its"))


class FakeStressTest(unittest.TestCase):
    def fake(self, d: str, name: str, body: str) -> str:
        path = os.path.join(d, name)
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + body + "\n")
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
        return path

    def test_missing_stress(self) -> None:
        p = run_bench("stress", "--stress", "/nonexistent/reqsim-stress", "--latency-only")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        self.assertIn("reqsim-stress", p.stderr)

    def test_garbage_output(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            reqsim = self.fake(d, "reqsim", "exit 0")
            stress = self.fake(d, "reqsim-stress", "echo hello; exit 0")
            p = run_bench("stress", "--reqsim", reqsim, "--stress", stress, "--no-tsan",
                          "--latency-only", "--only", "its")
            self.assertEqual(p.returncode, 2, p.stderr)
            self.assertEqual(p.stdout, "")
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
            self.assertIn("no result line", p.stderr)

    def test_fake_latency_table(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            reqsim = self.fake(d, "reqsim", "exit 0")
            stress = self.fake(d, "reqsim-stress", f"echo '{RESULT}'; exit 0")
            p = run_bench("stress", "--reqsim", reqsim, "--stress", stress, "--no-tsan",
                          "--latency-only", "--only", "its", "--json")
            self.assertEqual(p.returncode, 0, p.stderr)
            doc = json.loads(p.stdout)
            self.assertEqual(doc["benchmark"], "stress")
            self.assertEqual(len(doc["latency"]), 1)
            self.assertEqual(doc["latency"][0]["p99"], "70")


STRESS = bench.DEFAULT_REQSIM.parent / "reqsim-stress"


@unittest.skipUnless(bench.DEFAULT_REQSIM.is_file() and STRESS.is_file(),
                     "reqsim / reqsim-stress not built")
class RealStressTest(unittest.TestCase):
    def test_its_rows(self) -> None:
        p = run_bench("stress", "--only", "its", "--seconds", "5", "--tsan-seconds", "5",
                      "--latency-seconds", "0.3", "--sim-seeds", "1", "--sim-budget", "500",
                      "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        doc = json.loads(p.stdout)
        rows = {(r["bug"], r["params"]): r for r in doc["rows"]}
        self.assertIn(("its-outside-cmd-lock", ""), rows)
        self.assertIn("not_native", rows[("its-lock-dropping", "cbaser=1")])
        r = rows[("its-outside-cmd-lock", "")]
        self.assertEqual(r["native"][0]["found"], "violation")
        self.assertEqual(r["sim"]["pct"]["found"], "1/1")
        self.assertTrue(any(x["build"] == "native" for x in doc["latency"]))


if __name__ == "__main__":
    unittest.main()
