#!/usr/bin/env python3
"""tools/fuzzseeds.py: PCT seed inputs for abstract-schedule corpora.

    test_fuzzseeds.py REQSIM

- the wire form (sim/abstract.h): magic, seed, policy PCT, depth 3, k; the
  default-policy input, which only an SC corpus gets;
- pct_k() reads `reqsim run ... --strategy default`'s decisions (at least 8);
- the CLI writes N files (and with --model sc the default input), leaves
  existing ones alone, refuses a bad --count, --k, --model or an
  unwritable directory with one line and exit 2;
- every seed is an abstract input reqsim runs (`reqsim run --bytes`), and
  the k taken from the real default run makes seed 1 a PCT schedule that
  differs from the default policy's; the default input runs exactly the
  default policy's schedule.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import fuzzseeds  # noqa: E402

TOOL = [sys.executable, str(ROOT / "tools" / "fuzzseeds.py")]
REQSIM: Path | None = None


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*TOOL, *args], capture_output=True, text=True, timeout=60)


class WireForm(unittest.TestCase):
    def test_bytes(self) -> None:
        b = fuzzseeds.pct_input(7, k=97)
        self.assertEqual(len(b), 12)
        self.assertEqual(b[:4], b"RQA1")
        self.assertEqual(int.from_bytes(b[4:8], "little"), 7)
        self.assertEqual((b[8], b[9]), (2, 3))  # ABS_POL_PCT, depth 3
        self.assertEqual(int.from_bytes(b[10:12], "little"), 97)
        with self.assertRaises(ValueError):
            fuzzseeds.pct_input(1, k=1 << 16)

    def test_default_input(self) -> None:
        b = fuzzseeds.default_input()
        self.assertEqual(b, b"RQA1" + bytes(8))   # ABS_POL_DEFAULT, no constraint
        names = [n for n, _ in fuzzseeds.seed_inputs(2, 50, "sc")]
        self.assertEqual(names, ["pct-1", "pct-2", "default"])
        for model in ("", "tso", "pso", "wmm"):
            self.assertEqual([n for n, _ in fuzzseeds.seed_inputs(2, 50, model)],
                             ["pct-1", "pct-2"], model)
        self.assertEqual([n for n, _ in fuzzseeds.seed_inputs(0, 0, "pso", default=True)],
                         ["default"])
        self.assertEqual([n for n, _ in fuzzseeds.seed_inputs(1, 0, "sc", default=False)],
                         ["pct-1"])
        with tempfile.TemporaryDirectory() as d:
            self.assertEqual(fuzzseeds.write_seeds(Path(d), 2, 50), 2)
            self.assertFalse(fuzzseeds.missing(Path(d), 2))
            self.assertTrue(fuzzseeds.missing(Path(d), 2, model="sc"))
            self.assertEqual(fuzzseeds.write_seeds(Path(d), 2, 50, "sc"), 1)
            self.assertEqual((Path(d) / "default").read_bytes(), b)

    def test_pct_k(self) -> None:
        self.assertEqual(fuzzseeds.pct_k("result clean steps=101 decisions=97 vtime=1"), 97)
        self.assertEqual(fuzzseeds.pct_k("result clean decisions=3"), 8)
        self.assertEqual(fuzzseeds.pct_k("decisions=99999999"), 65535)
        self.assertEqual(fuzzseeds.pct_k("no such field"), 0)


class Cli(unittest.TestCase):
    def test_writes_and_keeps(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            corpus = Path(d) / "c"
            p = run(str(corpus), "--count", "3", "--k", "50")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(sorted(x.name for x in corpus.iterdir()),
                             ["pct-1", "pct-2", "pct-3"])
            self.assertEqual((corpus / "pct-2").read_bytes(), fuzzseeds.pct_input(2, k=50))
            (corpus / "pct-1").write_bytes(b"mine")
            p = run(str(corpus), "--count", "4")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("1 seed(s) written", p.stdout)
            self.assertEqual((corpus / "pct-1").read_bytes(), b"mine")

    def test_model(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            corpus = Path(d) / "c"
            p = run(str(corpus), "--count", "2", "--model", "pso")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(sorted(x.name for x in corpus.iterdir()), ["pct-1", "pct-2"])
            p = run(str(corpus), "--count", "2", "--model", "sc")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("1 seed(s) written", p.stdout)
            self.assertIn("(2 already there)", p.stdout)
            self.assertEqual((corpus / "default").read_bytes(), fuzzseeds.default_input())

    def test_bad_arguments(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            for args in (["--count", "0"], ["--count", "1001"], ["--k", "-1"],
                         ["--k", "70000"], ["--model", "arm"]):
                p = run(d, *args)
                self.assertEqual(p.returncode, 2, args)
                self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
            f = Path(d) / "file"
            f.write_text("x")
            p = run(str(f / "sub"))
            self.assertEqual(p.returncode, 2)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
            self.assertNotIn("Traceback", p.stderr)


@unittest.skipIf(REQSIM is None and len(sys.argv) < 2, "needs the reqsim binary")
class WithReqsim(unittest.TestCase):
    def test_seed_runs_as_pct(self) -> None:
        assert REQSIM is not None
        base = [str(REQSIM), "run", "mixed", "--model", "tso"]
        d = subprocess.run([*base, "--strategy", "default"], capture_output=True,
                           text=True, timeout=120)
        k = fuzzseeds.pct_k(d.stdout)
        self.assertGreater(k, 8, d.stdout)
        with tempfile.TemporaryDirectory() as t:
            fuzzseeds.write_seeds(Path(t), 2, k)
            outs = []
            for name in ("pct-1", "pct-2"):
                p = subprocess.run([*base, "--bytes", str(Path(t) / name)],
                                   capture_output=True, text=True, timeout=120)
                self.assertIn(p.returncode, (0, 1), p.stderr)
                self.assertIn("hash=", p.stdout)
                outs.append(p.stdout.split("hash=")[1].split()[0])
            default_hash = d.stdout.split("hash=")[1].split()[0]
            self.assertNotEqual(outs[0], default_hash, "a PCT seed ran the default schedule")
            self.assertNotEqual(outs[0], outs[1], "two PCT seeds ran the same schedule")
            fuzzseeds.write_seeds(Path(t), 0, k, "sc")
            p = subprocess.run([*base, "--bytes", str(Path(t) / "default")],
                               capture_output=True, text=True, timeout=120)
            self.assertIn("(0 constraints, default seed 0)", p.stdout)
            self.assertEqual(p.stdout.split("hash=")[1].split()[0], default_hash)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        REQSIM = Path(sys.argv.pop(1))
    unittest.main(verbosity=1)
