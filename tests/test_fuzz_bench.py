#!/usr/bin/env python3
"""Tests of `tools/bench.py fuzz` (tools/fuzz_bench.py).

    test_fuzz_bench.py unit
        Parsers on canned libFuzzer output (a run without a crash, a crash,
        a crash cut before the final stats) and an AFL++ fuzzer_stats file;
        row selection and the median/ratio arithmetic; the whole `ttb` and
        `execs` pipelines against fake targets (shell scripts standing in for
        reqsim, libFuzzer and afl-fuzz), Ctrl-C, and the one-line errors.
        No timing assertions; a few seconds.
    test_fuzz_bench.py smoke REQSIM LIBFUZZER
        `bench.py fuzz ttb --rows 'dekker check-before' --seeds 1 --max-time 10`
        with the real fuzz-fast target: every row is found, with feedback on
        and off, and nothing is left behind.  Exit 77 (skipped) when the
        target is not built.
"""
from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
BENCH = TOOLS / "bench.py"
sys.path.insert(0, str(TOOLS))

import fuzz_bench as fb  # noqa: E402

LF_HEAD = """\
INFO: Running with entropic power schedule (0xFF, 100).
INFO: Seed: 1
INFO: Loaded 1 modules   (3593 inline 8-bit counters): 3593 [0x5641158b2770, 0x5641158b3579),
INFO: 16384 Extra Counters
INFO:        0 files found in c
INFO: A corpus is not provided, starting from an empty corpus
#2\tINITED cov: 329 ft: 358 corp: 1/1b exec/s: 0 rss: 27Mb
#7\tNEW    cov: 329 ft: 428 corp: 2/2b lim: 4 exec/s: 0 rss: 27Mb L: 1/1 MS: 5 ShuffleBytes-
"""

LF_CLEAN = LF_HEAD + """\
#196032\tREDUCE cov: 368 ft: 1144 corp: 301/4728b lim: 1320 exec/s: 65344 rss: 30Mb L: 16/72 MS: 1 EraseBytes-
#205103\tDONE   cov: 368 ft: 1144 corp: 301/4709b lim: 1400 exec/s: 51275 rss: 30Mb
###### Recommended dictionary. ######
"\\000\\000" # Uses: 2189
###### End of recommended dictionary. ######
Done 205103 runs in 4 second(s)
stat::number_of_executed_units: 205103
stat::average_exec_per_sec:     51275
stat::new_units_added:          413
stat::slowest_unit_time_sec:    0
stat::peak_rss_mb:              30
"""

LF_CRASH_BEFORE_STATS = LF_HEAD + """\
#1198\tNEW    cov: 371 ft: 719 corp: 45/218b lim: 8 exec/s: 0 rss: 27Mb L: 7/8 MS: 4 ChangeBit-
reqsim-fuzz: VIOLATION missed-request at step 14: vcpu0 runs in guest mode with a request pending (requests=0x1000000 irr=0), its kick is done and no IPI is on its way
reqsim-fuzz: config scenario=dekker model=tso arch=x86 vcpus=1 requesters=1 rounds=1 entries=2 mask=0 dead=0 bugs=no-mb-after-in-guest-mode signature aaffd5ab9d0e11dc
reqsim-fuzz: replay: reqsim run dekker --model tso --arch x86 --bug no-mb-after-in-guest-mode --bytes CRASHFILE --save out.sched
==3240== ERROR: libFuzzer: deadly signal
    #0 0x56035c56ee34 in __sanitizer_print_stack_trace (/x/reqsim-fuzz-libfuzzer+0x86e34)
    #7 0x56035c570380 in reqsim_fuzz_one /work/fuzz/harness.c:303:3

NOTE: libFuzzer has rudimentary signal handlers.
SUMMARY: libFuzzer: deadly signal
MS: 2 ShuffleBytes-InsertRepeatedBytes-; base unit: e9b8ce35b4c56664952a5ae878ef0f4fdff13895
0x8,0x8,0x0,0x0,0x0,0x0,0x8b,
\\010\\010\\000\\000\\000\\000\\213
artifact_prefix='/tmp/x/a/'; Test unit written to /tmp/x/a/crash-54b82c6b9716a465a647727178c8f2b8b6e44604
Base64: CAgAAAAAiw==
"""

LF_CRASH = LF_CRASH_BEFORE_STATS + """\
stat::number_of_executed_units: 1200
stat::average_exec_per_sec:     0
stat::new_units_added:          46
stat::slowest_unit_time_sec:    0
stat::peak_rss_mb:              30
"""

AFL_STATS = """\
start_time        : 1795243173
last_update       : 1795243183
run_time          : 10
fuzzer_pid        : 10416
execs_done        : 287270
execs_per_sec     : 28698.30
corpus_count      : 183
saved_crashes     : 0
stability         : 100.00%
edges_found       : 666
total_edges       : 3698
afl_version       : ++4.04c
target_mode       : persistent shmem_testcase deferred
"""

VERDICTS = [
    # scenario, bug, params, arch, sc, tso, pso, wmm
    ("dekker", "-", "", "both", "Never", "Never", "Never", "Never"),
    ("dekker", "no-mb-after-in-guest-mode", "", "both", "Never", "Sometimes", "Sometimes",
     "Sometimes"),
    ("dekker", "no-mb-before-mode-read", "", "both", "Never", "Never", "Never", "Never"),
    ("dekker", "check-before-in-guest-mode", "dead=1", "both", "Sometimes", "Sometimes",
     "Sometimes", "Sometimes"),
    ("dekker", "check-before-in-guest-mode", "", "both", "Sometimes", "Sometimes",
     "Sometimes", "Sometimes"),
    ("payload", "no-mb-after-check-request", "", "both", "Never", "Never", "Never",
     "Sometimes"),
    ("its", "its-lock-dropping", "toggles=0", "arm64", "Sometimes", "Sometimes", "Sometimes",
     "Sometimes"),
    ("kick_only", "-", "late=0", "both", "Sometimes", "Sometimes", "Sometimes", "Sometimes"),
]


def verdict_dicts() -> list[dict]:
    return [{"scenario": v[0], "bug": v[1], "params": v[2], "arch": v[3],
             "expect": dict(zip(fb.MODEL_ORDER, v[4:]))} for v in VERDICTS]


class ParseTest(unittest.TestCase):
    def test_libfuzzer_clean(self) -> None:
        p = fb.parse_libfuzzer(LF_CLEAN)
        self.assertEqual(p["units"], 205103)
        self.assertEqual(p["exec_per_sec"], 51275)
        self.assertEqual(p["new_units"], 413)
        self.assertEqual((p["cov"], p["ft"], p["corp"]), (368, 1144, 301))
        self.assertEqual(p["last_status"]["event"], "DONE")
        self.assertFalse(p["crashed"])
        self.assertIsNone(p["violation"])
        self.assertEqual((p["executions"], p["executions_source"]), (205103, "stats"))

    def test_libfuzzer_crash(self) -> None:
        p = fb.parse_libfuzzer(LF_CRASH)
        self.assertTrue(p["crashed"])
        self.assertEqual(p["violation"], "missed-request")
        self.assertEqual(p["artifact_kind"], "crash")
        self.assertTrue(p["artifact"].endswith("crash-54b82c6b9716a465a647727178c8f2b8b6e44604"))
        self.assertEqual((p["executions"], p["executions_source"]), (1200, "stats"))
        self.assertEqual((p["cov"], p["ft"]), (371, 719))
        # the stack trace's "#0 0x..." lines are not status lines
        self.assertEqual(p["last_status"]["n"], 1198)

    def test_libfuzzer_crash_without_stats_uses_the_last_status_line(self) -> None:
        p = fb.parse_libfuzzer(LF_CRASH_BEFORE_STATS)
        self.assertTrue(p["crashed"])
        self.assertIsNone(p["units"])
        self.assertEqual((p["executions"], p["executions_source"]), (1198, "status"))

    def test_libfuzzer_garbage(self) -> None:
        for text in ("", "garbage\n\x00", "reqsim-fuzz: REQSIM_FUZZ_SCENARIO: unknown"):
            p = fb.parse_libfuzzer(text)
            self.assertIsNone(p["executions"])
            self.assertFalse(p["crashed"])
        self.assertEqual(fb._config_error("reqsim-fuzz: REQSIM_FUZZ_MODEL: unknown model 'x'\n"),
                         "REQSIM_FUZZ_MODEL: unknown model 'x'")
        self.assertIsNone(fb._config_error(LF_CRASH))

    def test_afl_stats(self) -> None:
        a = fb.parse_afl_stats(AFL_STATS)
        self.assertEqual(a["execs_done"], 287270)
        self.assertAlmostEqual(a["rate"], 28698.30)
        self.assertEqual((a["edges_found"], a["corpus_count"], a["saved_crashes"]),
                         (666, 183, 0))
        self.assertEqual(a["stability"], 100.0)
        self.assertIn("persistent", a["target_mode"])

    def test_afl_seed_crash(self) -> None:
        """afl-fuzz 4.04c's dry run (a real log, colours cut): 4 seeds
        calibrated before the crashing one, so it ran at execution 13."""
        log = "".join("[*] Attempting dry run with 'id:%06d,time:0,execs:0,orig:pct-%d'...\n"
                      % (k, 8 - k) for k in range(5))
        log += ("[-] Oops, the program crashed with one of the test cases provided. There are\n"
                "    - The test case causes known crashes under normal working conditions. If\n"
                "[!] WARNING: Test case 'id:000004,time:0,execs:0,orig:pct-4' results in a "
                "crash, skipping\n"
                "[*] Attempting dry run with 'id:000005,time:0,execs:0,orig:pct-3'...\n")
        self.assertEqual(fb.afl_seed_crash(log), ("id:000004,time:0,execs:0,orig:pct-4", 13))
        self.assertEqual(fb.afl_seed_crash("\x1b[1;94m" + log), (
            "id:000004,time:0,execs:0,orig:pct-4", 13))
        self.assertIsNone(fb.afl_seed_crash(log.split("[-] Oops")[0]))
        # a warning about another file than the one being dry-run is not it
        self.assertIsNone(fb.afl_seed_crash(log.replace("'id:000004,time:0,execs:0,orig:pct-4' "
                                                        "results", "'x' results")))

    def test_afl_stats_without_execs_per_sec(self) -> None:
        text = "\n".join(ln for ln in AFL_STATS.splitlines()
                         if not ln.startswith("execs_per_sec"))
        a = fb.parse_afl_stats(text)
        self.assertAlmostEqual(a["rate"], 28727.0)
        self.assertIsNone(fb.parse_afl_stats("nothing here")["rate"])


class RowsAndMathTest(unittest.TestCase):
    def test_rows_are_those_of_bench_explore(self) -> None:
        rows = fb.select_rows(verdict_dicts(), None)
        got = [(r["scenario"], r["bug"], r["params"], m) for r, m in rows]
        self.assertEqual(got, [
            ("dekker", "no-mb-after-in-guest-mode", "", "tso"),
            ("dekker", "check-before-in-guest-mode", "dead=1", "sc"),
            ("dekker", "check-before-in-guest-mode", "", "sc"),
            ("payload", "no-mb-after-check-request", "", "wmm"),
            ("its", "its-lock-dropping", "toggles=0", "sc"),
        ])

    def test_hard_rows_are_selectable_and_apply(self) -> None:
        """Every HARD_ROWS, DEEP_ROWS, LARGE_ROWS and PREEMPT_ROWS entry is a row
        at its one model, and (when reqsim is built) its bug applies to the
        scenario with those parameters; the sets share no row."""
        sets = fb.HARD_ROWS + fb.DEEP_ROWS + fb.LARGE_ROWS + fb.PREEMPT_ROWS
        rows = fb.select_rows(sets, None)
        self.assertEqual(len(rows), len(sets))
        self.assertGreaterEqual(len(fb.DEEP_ROWS), 8)
        self.assertGreaterEqual(len(fb.LARGE_ROWS), 8)
        self.assertGreaterEqual(len(fb.PREEMPT_ROWS), 8)
        self.assertEqual({m for r, m in fb.select_rows(fb.PREEMPT_ROWS, None)}, {"sc"})
        keys = {(r["scenario"], r["bug"], r["params"], m) for r, m in rows}
        self.assertEqual(len(keys), len(rows))
        reqsim = ROOT / "build" / "default" / "reqsim"
        for row, model in rows:
            self.assertIn(model, ("sc", "tso", "pso", "wmm"))
            if not reqsim.is_file():
                continue
            cmd = [str(reqsim), "run", row["scenario"], "--model", model, "--bug", row["bug"],
                   "--seed", "1"]
            for kv in row["params"].split():
                cmd += ["--param", kv]
            p = subprocess.run(cmd, capture_output=True, text=True, check=False)
            self.assertIn(p.returncode, (0, 1), f"{cmd}: {p.stderr.strip()}")

    def test_rows_filter(self) -> None:
        def names(rx: str) -> list[str]:
            return [fb.row_text(r) for r, _ in fb.select_rows(verdict_dicts(), rx)]
        self.assertEqual(names("dekker check-before"),
                         ["dekker check-before-in-guest-mode dead=1",
                          "dekker check-before-in-guest-mode"])
        self.assertEqual(names("check-before-in-guest-mode$"),
                         ["dekker check-before-in-guest-mode"])
        self.assertEqual(names("^its "), ["its its-lock-dropping toggles=0"])
        self.assertEqual(names("kick_only"), [])     # bug "-" is never a row
        with self.assertRaises(ValueError) as cm:
            fb.select_rows(verdict_dicts(), "(")
        self.assertNotIn("\n", str(cm.exception))

    def test_env(self) -> None:
        row = verdict_dicts()[6]
        env = fb.fuzz_env(row["scenario"], "sc", fb.fuzz_arch(row), row["bug"], row["params"],
                          False, base={"PATH": "/bin", "REQSIM_FUZZ_EXTRA": "x"})
        self.assertEqual(env, {"PATH": "/bin", "REQSIM_FUZZ_SCENARIO": "its",
                               "REQSIM_FUZZ_MODEL": "sc", "REQSIM_FUZZ_ARCH": "arm64",
                               "REQSIM_FUZZ_BUGS": "its-lock-dropping",
                               "REQSIM_FUZZ_PARAMS": "toggles=0",
                               "REQSIM_FUZZ_FEEDBACK": "0"})
        self.assertEqual(fb.fuzz_arch(verdict_dicts()[1]), "x86")     # "both"
        self.assertEqual(fb.fuzz_env("dekker", "tso", "x86", "-", "", True,
                                     base={})["REQSIM_FUZZ_BUGS"], "")

    def test_censored_median(self) -> None:
        self.assertEqual(fb.censored_median([3, 1, 2]), 2)
        self.assertEqual(fb.censored_median([3, None, 1]), 3)     # a miss counts as infinite
        self.assertIsNone(fb.censored_median([None, None, 1]))
        self.assertIsNone(fb.censored_median([1, None]))         # median of 1 and inf
        self.assertEqual(fb.censored_median([1, 3]), 2)
        self.assertIsNone(fb.censored_median([]))

    def test_ratio_and_geomean(self) -> None:
        self.assertEqual(fb.ratio(200, 100), 2.0)
        self.assertIsNone(fb.ratio(None, 100))
        self.assertIsNone(fb.ratio(100, None))
        self.assertIsNone(fb.ratio(100, 0))
        self.assertAlmostEqual(fb.geomean([2.0, 0.5, None]), 1.0)
        self.assertAlmostEqual(fb.geomean([4.0, 1.0]), 2.0)
        self.assertIsNone(fb.geomean([None]))

    def test_ratio_ci(self) -> None:
        # the same runs give the same interval (its PRNG is seeded)
        noisy = [([10, 30, 50, 90, 200], [40, 60, 100, 300, 500]),
                 ([5, 8, 20, 60, None], [7, 9, 30, 45, 80])]
        ci = fb.ratio_ci(noisy)
        self.assertEqual(ci, fb.ratio_ci(noisy))
        point = fb.geomean([fb.ratio(fb.censored_median(off), fb.censored_median(on))
                            for on, off in noisy])
        self.assertLess(ci[0], point)
        self.assertGreater(ci[1], point)
        self.assertNotEqual(ci, fb.ratio_ci(noisy, seed=2))
        # no spread, no interval: every resample is the point estimate
        self.assertEqual(fb.ratio_ci([([10] * 5, [40] * 5), ([3] * 5, [12] * 5)]), (4.0, 4.0))
        # more seeds, a narrower interval around the same ratio
        wide = fb.ratio_ci([([10, 20, 40], [20, 40, 80])])
        narrow = fb.ratio_ci([([10, 20, 40] * 10, [20, 40, 80] * 10)])
        self.assertLess(narrow[1] - narrow[0], wide[1] - wide[0])
        self.assertLessEqual(narrow[0], 2.0)
        self.assertGreaterEqual(narrow[1], 2.0)
        # no resample has a median for either arm: no interval
        self.assertIsNone(fb.ratio_ci([([None, None, None], [1, 2, 3])]))
        self.assertIsNone(fb.ratio_ci([]))

    def test_seed_decided(self) -> None:
        self.assertTrue(fb.seed_decided([2, 9], [9, 1], 9))
        # libFuzzer's empty input runs first: 9 seed inputs are executions 2..10
        self.assertTrue(fb.seed_decided([2, 10], [10, 1], 9))
        self.assertFalse(fb.seed_decided([2, 11], [9, 1], 9))   # one run went past them
        self.assertFalse(fb.seed_decided([2, None], [1, 1], 9))  # one found nothing
        self.assertFalse(fb.seed_decided([1], [1], 0))           # no seed inputs
        self.assertFalse(fb.seed_decided([], [], 9))

    def test_ceiling_runs(self) -> None:
        # 8 seed inputs: executions 2..9, the first mutant is 10
        self.assertEqual(fb.ceiling_runs([3, 9, 10, 57, None], 8), [3, 9, 10, 10, 10])
        self.assertEqual(fb.ceiling_runs([], 8), [])
        # a row the seed inputs decide has a ceiling of 1; one they never
        # decide, off / (inputs + 2)
        off = [40, 60, 80]
        self.assertEqual(fb.ratio(fb.censored_median(off),
                                  fb.censored_median(fb.ceiling_runs(off, 8))), 6.0)
        self.assertEqual(fb.ceiling_runs([2, 4, 4], 8), [2, 4, 4])

    def test_engine_summary_and_compare(self) -> None:
        runs = [{"found": True, "executions": 100, "seconds": 0.5},
                {"found": False, "executions": 9999, "seconds": 60.0},
                {"found": True, "executions": 300, "seconds": 1.5}]
        s = fb.engine_summary(runs)
        self.assertEqual((s["found"], s["tried"]), (2, 3))
        self.assertEqual((s["median_executions"], s["median_seconds"]), (300, 1.5))
        none = fb.engine_summary([{"found": False, "executions": 5, "seconds": 1.0}])
        self.assertIsNone(none["median_executions"])
        self.assertEqual(fb.compare(s, none), "on")
        self.assertEqual(fb.compare(none, s), "off")
        self.assertEqual(fb.compare(none, none), "neither")
        self.assertEqual(fb.compare(s, s), "tie")

    def test_summarize(self) -> None:
        def side(me: float | None, found: int = 3) -> dict:
            return {"found": found, "tried": 3, "median_executions": me,
                    "median_seconds": None if me is None else me / 1000}

        def cell(name: str, on: float | None, off: float | None, pct_found: bool,
                 pct_s: float = 0.01, on_found: int = 3, off_found: int = 3) -> dict:
            c = {"scenario": name, "bug": "b", "params": "", "fb_on": side(on, on_found),
                 "fb_off": side(off, off_found),
                 "pct_runs": [{"found": pct_found, "executions": 1, "seconds": pct_s}],
                 "ratio_executions": fb.ratio(off, on)}
            c["ratio_seconds"] = fb.ratio(None if off is None else off / 1000,
                                          None if on is None else on / 1000)
            c["faster"] = fb.compare(c["fb_on"], c["fb_off"])
            return c
        cells = [cell("a", 100, 400, True), cell("b", 400, 100, True),
                 cell("c", 50, None, False, off_found=1),
                 cell("d", None, None, True, pct_s=99.0, on_found=0, off_found=0),
                 cell("e", None, None, True, on_found=1, off_found=0),
                 cell("f", 10, 10, False)]
        s = fb.summarize(cells, max_time=60)
        self.assertEqual((s["feedback_faster"], s["feedback_slower"], s["ties"],
                          s["neither"]), (2, 1, 1, 2))
        self.assertEqual(s["ratio_rows"], 3)
        self.assertAlmostEqual(s["geomean_ratio_executions"], 1.0)   # 4, 1/4, 1
        self.assertAlmostEqual(s["geomean_ratio_seconds"], 1.0)
        # d: PCT found it, but after --max-time; no fuzz run found it
        self.assertEqual(s["found_rows"], 5)
        self.assertEqual(s["not_found"], ["d b"])


# ---- the pipelines against fake targets ---------------------------------------------------

FAKE_REQSIM = r'''#!/usr/bin/env python3
import sys
a = sys.argv[1:]
if a[:3] == ["list", "--verdicts", "--tsv"]:
    print(open(__file__ + ".tsv").read(), end="")
    sys.exit(0)
if a and a[0] == "explore":
    seed = int(a[a.index("--seed") + 1])
    n = 7 * seed
    print(f"explored scenario={a[1]} model=sc arch=x86 bugs=b strategy=pct seed={seed}: "
          f"{n} schedules, {n * 50} steps, 1 violating (1 distinct), 0.002s, "
          f"175000 steps/s, 3500 schedules/s")
    sys.exit(1)
sys.exit(2)
'''

# a libFuzzer stand-in: feedback on finds it after 100*seed executions, off
# after 300*seed; the scenario "slow" is never found (it sleeps until
# -max_total_time, or forever with FAKE_HANG); every run writes its pid
FAKE_LIBFUZZER = r'''#!/usr/bin/env python3
import os, sys, time
args = sys.argv[1:]
opt = dict(a[1:].split("=", 1) for a in args if a.startswith("-") and "=" in a)
corpus = [a for a in args if not a.startswith("-")][0]
# the pid file names the corpus it started from: form, model, its files
open(os.path.join(os.environ["FAKE_PIDS"], str(os.getpid())), "w").write(" ".join(
    [os.environ.get("REQSIM_FUZZ_FORM", "-"), os.environ["REQSIM_FUZZ_MODEL"]]
    + sorted(os.listdir(corpus))))
open(os.path.join(corpus, "unit"), "w").write("x")
seed = int(opt.get("seed", "1"))
fb = os.environ.get("REQSIM_FUZZ_FEEDBACK") == "1"
sc = os.environ["REQSIM_FUZZ_SCENARIO"]
print("INFO: Seed: %d" % seed, flush=True)
print("#2\tINITED cov: 10 ft: 20 corp: 1/1b exec/s: 0 rss: 27Mb", flush=True)
if sc == "slow":
    if os.environ.get("FAKE_HANG"):
        time.sleep(1000)
    time.sleep(min(float(opt["max_total_time"]), 1.0))
    print("#5000\tDONE   cov: 12 ft: 30 corp: 3/3b lim: 4 exec/s: 5000 rss: 30Mb")
    print("Done 5000 runs in 1 second(s)")
    print("stat::number_of_executed_units: 5000\nstat::average_exec_per_sec:     5000")
    sys.exit(0)
n = (100 if fb else 300) * seed
print("reqsim-fuzz: VIOLATION missed-request at step 3: x", flush=True)
art = opt["artifact_prefix"] + "crash-0123"
open(art, "w").write("x")
print("==1== ERROR: libFuzzer: deadly signal")
print("artifact_prefix='%s'; Test unit written to %s" % (opt["artifact_prefix"], art))
if sc != "nostats":
    print("stat::number_of_executed_units: %d\nstat::average_exec_per_sec:     0" % n)
else:
    print("#%d\tNEW    cov: 12 ft: 30 corp: 3/3b lim: 4 exec/s: 0 rss: 30Mb" % (n - 1))
sys.exit(77)
'''


# afl-fuzz for `ttb --engine afl`: checks what the bench must give it, and
# writes the crash files and fuzzer_stats AFL++ would (executions by seed and
# feedback; a second, later crash the bench must not take for the first).
FAKE_AFL_FUZZ = r'''#!/usr/bin/env python3
import os, sys
args = sys.argv[1:]
open(os.path.join(os.environ["FAKE_PIDS"], str(os.getpid())), "w").close()
out, seeds, s = (args[args.index(o) + 1] for o in ("-o", "-i", "-s"))
assert os.listdir(seeds), "no seed inputs"
assert os.environ.get("AFL_BENCH_UNTIL_CRASH") == "1"
abstract = os.environ["REQSIM_FUZZ_FORM"] == "abstract"
assert abstract == (os.environ.get("AFL_CUSTOM_MUTATOR_ONLY") == "1")
assert abstract == os.environ.get("AFL_CUSTOM_MUTATOR_LIBRARY", "").endswith("-mutator.so")
fb = os.environ.get("REQSIM_FUZZ_FEEDBACK") != "0"
inst = os.path.join(out, "default")
os.makedirs(os.path.join(inst, "crashes"))
n = (50 if fb else 150) * int(s)
if os.environ.get("FAKE_AFL_SEED_CRASH"):
    # afl-fuzz 4.04c's dry run (AFL_NO_UI), in colour: the third seed input
    # crashes, is skipped with a warning, and stays in the queue; a crash
    # file comes later.  "nostats": the seed shows no VIOLATION when run again.
    os.makedirs(os.path.join(inst, "queue"))
    for k, name in enumerate(["pct-8", "pct-7", "pct-6", "pct-5"]):
        q = "id:%06d,time:0,execs:0,orig:%s" % (k, name)
        open(os.path.join(inst, "queue", q), "w").write("x")
        print("\x1b[1;94m[*] \x1b[0mAttempting dry run with '%s'...\x1b[0m" % q)
        if k == 2:
            print("\x1b[1;93m[!] \x1b[1;97mWARNING: \x1b[0mTest case '%s' results in a "
                  "crash, skipping\x1b[0m" % q)
    sys.stdout.flush()
    name = "id:000000,sig:06,src:000000,time:900,execs:%d,op:havoc,rep:2" % n
    open(os.path.join(inst, "crashes", name), "w").write("x")
    open(os.path.join(inst, "fuzzer_stats"), "w").write("execs_done        : %d\n" % n)
    sys.exit(0)
open(os.path.join(inst, "fuzzer_stats"), "w").write("execs_done        : %d\n" % (n + 7))
# the queue: a seed input, and with feedback two entries before the crash and one after
os.makedirs(os.path.join(inst, "queue"))
for name in ["id:000000,time:0,orig:pct-1"] + (["id:000001,src:000000,time:1,execs:%d,op:x,+cov"
             % e for e in (n - 1, n, n + 100)] if fb else []):
    open(os.path.join(inst, "queue", name), "w").write("x")
if os.environ["REQSIM_FUZZ_SCENARIO"] != "slow":
    for k, e in ((1, n + 5), (0, n)):
        name = "id:%06d,sig:06,src:000000,time:%d,execs:%d,op:havoc,rep:2" % (k, 10 * e, e)
        open(os.path.join(inst, "crashes", name), "w").write("x")
'''

# The AFL++ target run on a crash file: a VIOLATION, except for "nostats".
FAKE_AFL_TARGET = r'''#!/bin/sh
cat >/dev/null
[ "$REQSIM_FUZZ_SCENARIO" = nostats ] && exit 0
echo "reqsim-fuzz: VIOLATION missed-request at step 3: x" >&2
exit 134
'''


def fake_tree(d: Path) -> tuple[Path, Path]:
    tsv = [("dekker", "check-before-in-guest-mode", "", "both") + ("Sometimes",) * 4,
           ("nostats", "some-bug", "k=1", "x86") + ("Sometimes",) * 4,
           ("slow", "hard-bug", "", "arm64") + ("Never", "Sometimes", "Sometimes",
                                                 "Sometimes"),
           ("dekker", "-", "", "both") + ("Never",) * 4]
    reqsim = d / "reqsim"
    reqsim.write_text(FAKE_REQSIM)
    (d / "reqsim.tsv").write_text("".join("\t".join(r) + "\n" for r in tsv))
    lf = d / "build" / "fuzz-fast" / "fuzz" / "reqsim-fuzz-libfuzzer"
    lf.parent.mkdir(parents=True)
    lf.write_text(FAKE_LIBFUZZER)
    for p in (reqsim, lf):
        p.chmod(0o755)
    return reqsim, lf


class FakePipelineTest(unittest.TestCase):
    def setUp(self) -> None:
        self._d = tempfile.TemporaryDirectory(prefix="fuzz-bench-test-")
        self.d = Path(self._d.name)
        self.reqsim, self.lf = fake_tree(self.d)
        self.tmp = self.d / "tmp"
        self.tmp.mkdir()
        self.pids = self.d / "pids"
        self.pids.mkdir()
        self.cwd = self.d / "cwd"
        self.cwd.mkdir()

    def tearDown(self) -> None:
        self._d.cleanup()

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ, TMPDIR=str(self.tmp), FAKE_PIDS=str(self.pids))
        env.update(extra)
        return env

    def bench(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(BENCH), "fuzz", *args], cwd=self.cwd,
                              capture_output=True, text=True, env=self.env(**extra),
                              timeout=120, check=False)

    def assert_nothing_left(self) -> None:
        self.assertEqual(list(self.tmp.iterdir()), [], "temporary files left behind")
        self.assertEqual(list(self.cwd.iterdir()), [], "files written to the working dir")
        for pid in self.pids.iterdir():
            self.assertFalse(Path(f"/proc/{pid.name}").exists() and
                             "zombie" not in _state(pid.name), f"process {pid.name} left")

    def test_ttb_json(self) -> None:
        p = self.bench("ttb", "--reqsim", str(self.reqsim), "--build-root",
                       str(self.d / "build"), "--seeds", "3", "--max-time", "1", "--jobs",
                       "2", "--json", "--forms", "bytes")
        self.assertEqual(p.returncode, 0, p.stderr)
        r = json.loads(p.stdout)["ttb"]
        rows = {c["scenario"]: c for c in r["rows"]}
        self.assertEqual(sorted(rows), ["dekker", "nostats", "slow"])
        self.assertEqual(rows["slow"]["model"], "tso")
        d = rows["dekker"]
        self.assertEqual(d["model"], "sc")
        self.assertEqual(d["fb_on"]["median_executions"], 200)
        self.assertEqual(d["fb_off"]["median_executions"], 600)
        self.assertEqual(d["pct"]["median_executions"], 14)
        self.assertAlmostEqual(d["ratio_executions"], 3.0)
        self.assertEqual(d["faster"], "on")
        self.assertEqual({x["executions_source"] for x in d["fb_on_runs"]}, {"stats"})
        ns = rows["nostats"]
        self.assertEqual(ns["fb_on"]["median_executions"], 199)
        self.assertEqual({x["executions_source"] for x in ns["fb_on_runs"]}, {"status"})
        self.assertEqual(r["executions_sources"], {"stats": 6, "status": 6})
        sl = rows["slow"]
        self.assertEqual((sl["fb_on"]["found"], sl["fb_on"]["median_executions"]), (0, None))
        self.assertIsNone(sl["ratio_executions"])
        self.assertEqual(sl["faster"], "neither")
        s = r["summary"]
        self.assertEqual((s["rows"], s["feedback_faster"], s["neither"], s["found_rows"]),
                         (3, 2, 1, 3))          # PCT (the fake) finds "slow"
        self.assertAlmostEqual(s["geomean_ratio_executions"], math.sqrt(3.0 * 599 / 199))
        self.assertEqual(len(list(self.pids.iterdir())), 18)
        self.assert_nothing_left()

    def test_ttb_forms_side_by_side(self) -> None:
        """Both input forms: four libFuzzer arms per row and seed, each told its
        form through REQSIM_FUZZ_FORM, and the per-form summary."""
        p = self.bench("ttb", "--reqsim", str(self.reqsim), "--libfuzzer", str(self.lf),
                       "--rows", "dekker", "--seeds", "1", "--max-time", "1", "--no-pin",
                       "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        r = json.loads(p.stdout)["ttb"]
        self.assertEqual(r["forms"], ["abstract", "bytes"])
        self.assertEqual(len(list(self.pids.iterdir())), 4)
        c = r["rows"][0]
        self.assertEqual(sorted(c["forms"]), ["abstract", "bytes"])
        self.assertEqual(c["forms"]["bytes"]["fb_on"]["median_executions"], 100)
        # the abstract arm gets --abstract-classes (f5,f6), which the fake
        # reads as "off"
        self.assertEqual(c["forms"]["abstract"]["fb_on"]["median_executions"], 300)
        fs = r["form_summary"]["abstract"]
        self.assertEqual(fs["arms"]["fb_on"]["beats_pct"], 0)   # PCT (the fake): 14
        # one seed: every resample is the point estimate
        g = fs["geomean_ratio_executions"]
        self.assertEqual(fs["ci95_ratio_executions"], [g, g])
        # the fake's dekker row is SC: the 8 PCT inputs and the default one; bytes: none
        self.assertEqual(c["model"], "sc")
        self.assertEqual(c["forms"]["abstract"]["seed_inputs"], 9)
        self.assertEqual(c["forms"]["bytes"]["seed_inputs"], 0)
        self.assertEqual(fs["seed_decided_rows"], 0)
        # the most off/on could be: the arm without feedback over the first
        # execution after the empty input and the 9 seed inputs
        off = c["forms"]["abstract"]["fb_off"]["median_executions"]
        self.assertAlmostEqual(fs["geomean_ratio_executions_ceiling"], off / 11)
        self.assertNotIn("geomean_ratio_executions_ceiling", r["form_summary"]["bytes"])
        self.assert_nothing_left()
        q = self.bench("ttb", "--forms", "abstract,tiles")
        self.assertEqual(q.returncode, 2)

    def test_ttb_seed_inputs(self) -> None:
        """The abstract arms start from the PCT seed inputs, and under SC also
        from the default policy's (--default-input auto); yes and no force
        it; the byte form starts empty."""
        def corpora(*extra: str) -> list[list[str]]:
            for f in self.pids.iterdir():
                f.unlink()
            p = self.bench("ttb", "--reqsim", str(self.reqsim), "--libfuzzer", str(self.lf),
                           "--rows", "dekker|slow", "--seeds", "1", "--max-time", "1",
                           "--no-pin", "--json", *extra)
            self.assertEqual(p.returncode, 0, p.stderr)
            return sorted(f.read_text().split() for f in self.pids.iterdir())
        pct = [f"pct-{k}" for k in range(1, 9)]
        got = corpora()
        self.assertEqual(got, sorted([["abstract", "sc", "default", *pct]] * 2 +
                                     [["abstract", "tso", *pct]] * 2 +
                                     [["bytes", "sc"]] * 2 + [["bytes", "tso"]] * 2))
        got = corpora("--default-input", "no", "--pct-corpus", "2", "--forms", "abstract")
        self.assertEqual(got, [["abstract", "sc", "pct-1", "pct-2"]] * 2 +
                         [["abstract", "tso", "pct-1", "pct-2"]] * 2)
        got = corpora("--default-input", "yes", "--pct-corpus", "0", "--forms", "abstract")
        self.assertEqual(got, [["abstract", "sc", "default"]] * 2 +
                         [["abstract", "tso", "default"]] * 2)
        self.assert_nothing_left()
        q = self.bench("ttb", "--default-input", "maybe")
        self.assertEqual(q.returncode, 2)

    def test_ttb_afl(self) -> None:
        """--engine afl: afl-fuzz runs each arm until its first crash; the
        executions and seconds come from the first crash's file name, and a
        crash the target does not show as a VIOLATION is an anomaly, not a
        find."""
        bin_dir = self.d / "bin"
        bin_dir.mkdir()
        (bin_dir / "afl-fuzz").write_text(FAKE_AFL_FUZZ)
        target = self.d / "build" / "afl" / "fuzz" / "reqsim-fuzz-afl"
        target.parent.mkdir(parents=True)
        target.write_text(FAKE_AFL_TARGET)
        for f in (bin_dir / "afl-fuzz", target):
            f.chmod(0o755)
        mutator = target.parent / "reqsim-afl-mutator.so"
        mutator.write_bytes(b"")
        path = f"{bin_dir}:{os.environ['PATH']}"
        args = ("ttb", "--engine", "afl", "--reqsim", str(self.reqsim), "--build-root",
                str(self.d / "build"), "--seeds", "3", "--max-time", "1", "--no-pin")
        p = self.bench(*args, "--json", PATH=path)
        self.assertEqual(p.returncode, 0, p.stderr)
        r = json.loads(p.stdout)["ttb"]
        self.assertEqual(r["engine"], "afl")
        rows = {c["scenario"]: c for c in r["rows"]}
        for form in ("abstract", "bytes"):
            d = rows["dekker"]["forms"][form]
            self.assertEqual(d["fb_on"]["median_executions"], 100)    # seeds 1-3: 50 100 150
            self.assertEqual(d["fb_off"]["median_executions"], 300)
            self.assertAlmostEqual(d["fb_on"]["median_seconds"], 1.0)  # time: in ms
            self.assertEqual({x["violation"] for x in d["fb_on_runs"]}, {"missed-request"})
            ns = rows["nostats"]["forms"][form]["fb_on"]
            self.assertEqual((ns["found"], ns["median_executions"]), (0, None))
            sl = rows["slow"]["forms"][form]["fb_on_runs"]
            self.assertEqual(sorted(x["executions"] for x in sl), [57, 107, 157])
            # the custom mutator's observations, at most one per queue entry
            # at the crash (every entry when none was found); none in bytes
            obs = [x["observations_max"] for x in d["fb_on_runs"] + d["fb_off_runs"] + sl]
            self.assertEqual(obs, [3] * 3 + [1] * 3 + [4] * 3 if form == "abstract" else [0] * 9)
        x = r["form_summary"]["abstract"]
        self.assertAlmostEqual(x["geomean_ratio_executions"], 3.0)
        self.assertAlmostEqual(x["geomean_ratio_executions_observations"], 301 / 103)
        self.assertNotIn("geomean_ratio_executions_observations", r["form_summary"]["bytes"])
        self.assertEqual(len(r["anomalies"]), 12)    # nostats: 2 forms x 2 arms x 3 seeds
        self.assertIn("shows no VIOLATION", r["anomalies"][0])
        self.assertEqual(len(list(self.pids.iterdir())), 36)
        self.assert_nothing_left()
        text = self.bench(*args, "--rows", "dekker", "--forms", "abstract", PATH=path)
        self.assertEqual(text.returncode, 0, text.stderr)
        self.assertIn("AFL++", text.stdout)
        self.assertIn("afl-fuzz -i TMP/in", text.stdout)
        self.assertIn("own runs of queue entries counted (AFL++ does not; at most one per entry "
                      "at the crash): off/on 2.92x", text.stdout)
        # A seed input that violates: afl-fuzz's dry run skips it with a
        # warning and keeps no crash file.  It is the first crash, at the
        # execution after 3 calibration runs of each seed before it, in
        # both arms; one that shows no VIOLATION when run again is an
        # anomaly, and the crash file counts.
        p = self.bench(*args, "--rows", "^(dekker|nostats) ", "--forms", "abstract", "--json",
                       PATH=path, FAKE_AFL_SEED_CRASH="1")
        self.assertEqual(p.returncode, 0, p.stderr)
        r = json.loads(p.stdout)["ttb"]
        rows = {c["scenario"]: c for c in r["rows"]}
        d = rows["dekker"]["forms"]["abstract"]
        for arm in ("fb_on_runs", "fb_off_runs"):
            self.assertEqual([(x["executions"], x["executions_source"], x["violation"])
                              for x in d[arm]], [(7, "seed", "missed-request")] * 3)
        self.assertEqual(r["executions_sources"]["seed"], 6)
        ns = rows["nostats"]["forms"]["abstract"]["fb_on"]
        self.assertEqual((ns["found"], ns["median_executions"]), (0, None))
        self.assertIn("skipped seed input id:000002,time:0,execs:0,orig:pct-6 as crashing; it "
                      "shows no VIOLATION", "\n".join(r["anomalies"]))
        t = self.bench(*args, "--rows", "dekker", "--forms", "abstract", PATH=path,
                       FAKE_AFL_SEED_CRASH="1")
        self.assertIn("in 6 runs a seed input violated", t.stdout)
        self.assert_nothing_left()
        mutator.unlink()
        q = self.bench(*args, "--forms", "abstract", PATH=path)
        self.assertEqual(q.returncode, 2)
        self.assertIn("custom mutator", q.stderr)
        self.assertEqual(len(q.stderr.strip().splitlines()), 1, q.stderr)
        empty = self.d / "empty-bin"
        empty.mkdir()
        q = self.bench(*args, "--forms", "bytes", PATH=str(empty))
        self.assertEqual(q.returncode, 2)
        self.assertIn("afl-fuzz not found", q.stderr)

    def test_ttb_text(self) -> None:
        p = self.bench("ttb", "--reqsim", str(self.reqsim), "--libfuzzer", str(self.lf),
                       "--rows", "dekker|nostats", "--seeds", "1", "--max-time", "1",
                       "--no-pin", "--forms", "bytes")
        self.assertEqual(p.returncode, 0, p.stderr)
        out = p.stdout
        self.assertIn("in 2 of 4 runs that found it; the last #N status line (a lower "
                      "bound) in 2", out)
        self.assertRegex(out, r"dekker +check-before-in-guest-mode +- +sc +100 ")
        self.assertIn("3.00x", out)
        self.assertIn("found by no engine: none", out)
        # one seed: the interval is the point (3.01x), and no row is decided by
        # seed inputs in the byte form (it has none)
        self.assertIn("over 2 rows (95 % bootstrap interval 3.01x to 3.01x); 0 rows decided "
                      "by the seed inputs", out)
        self.assertNotIn("slow", out)
        self.assertNotIn("the most off/on could be", out)   # no seed inputs in bytes
        # the abstract form: 9 seed inputs under SC, so the first mutant is
        # execution 11, and the fake's arm without feedback takes 300
        p = self.bench("ttb", "--reqsim", str(self.reqsim), "--libfuzzer", str(self.lf),
                       "--rows", "dekker", "--seeds", "1", "--max-time", "1",
                       "--no-pin", "--forms", "abstract")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("abstract: the most off/on could be: 27.27x, for a fuzzer that found "
                      "every violation with its first input after the seed inputs", p.stdout)
        self.assert_nothing_left()

    def test_ctrl_c_kills_the_runs_and_cleans_up(self) -> None:
        proc = subprocess.Popen(
            [sys.executable, str(BENCH), "fuzz", "ttb", "--reqsim", str(self.reqsim),
             "--libfuzzer", str(self.lf), "--rows", "slow", "--seeds", "2", "--max-time",
             "100", "--jobs", "2", "--no-pin"], cwd=self.cwd, env=self.env(FAKE_HANG="1"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while len(list(self.pids.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertEqual(len(list(self.pids.iterdir())), 2)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        self.assertEqual(proc.returncode, 130)
        self.assertEqual(err.strip(), "bench.py: interrupted")
        self.assert_nothing_left()

    def test_sigterm_is_handled_like_ctrl_c(self) -> None:
        proc = subprocess.Popen(
            [sys.executable, str(BENCH), "fuzz", "ttb", "--reqsim", str(self.reqsim),
             "--libfuzzer", str(self.lf), "--rows", "slow", "--seeds", "1", "--max-time",
             "100", "--no-pin"], cwd=self.cwd, env=self.env(FAKE_HANG="1"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while not list(self.pids.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
        self.assertEqual(proc.returncode, 130)
        self.assert_nothing_left()

    def test_errors_are_one_line(self) -> None:
        cases = [
            (("ttb", "--build-root", str(self.d / "none"), "--reqsim", str(self.reqsim)),
             "cmake --preset fuzz-fast && cmake --build --preset fuzz-fast"),
            (("execs", "--build-root", str(self.d / "none")),
             "cmake --preset fuzz && cmake --build --preset fuzz; cmake --preset fuzz-fast "
             "&& cmake --build --preset fuzz-fast; cmake --preset afl && cmake --build "
             "--preset afl"),
            (("ttb", "--libfuzzer", str(self.d / "nope"), "--reqsim", str(self.reqsim)),
             "no such file"),
            (("ttb", "--libfuzzer", str(self.lf), "--reqsim", str(self.reqsim), "--rows",
              "nothing-matches"), "no bug row matches --rows"),
            (("ttb", "--libfuzzer", str(self.lf), "--reqsim", str(self.reqsim), "--rows",
              "("), "bad regular expression"),
            (("execs", "--engines", "nope"), "unknown engine 'nope'"),
            (("ttb", "--libfuzzer", str(self.lf), "--reqsim", str(self.d / "no-reqsim")),
             "no such file"),
        ]
        for args, want in cases:
            with self.subTest(args=args[:2]):
                p = self.bench(*args)
                self.assertEqual(p.returncode, 2, p.stdout)
                self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
                self.assertIn(want, p.stderr)
                self.assertTrue(p.stderr.startswith("bench.py: "))
        self.assert_nothing_left()

    def test_missing_engines_are_skipped_with_a_note(self) -> None:
        # only libfuzzer (the fake) exists: the ASan build and AFL++ are skipped
        p = self.bench("execs", "--build-root", str(self.d / "build"), "--scenarios",
                       "slow", "--seconds", "1", "--repeat", "2", "--no-pin", "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        r = json.loads(p.stdout)["execs"]
        self.assertEqual([len(x["runs"]) for x in r["results"]], [2, 2])
        self.assertEqual(len(list(self.pids.iterdir())), 4)
        self.assertEqual([(x["engine"], x["feedback"]) for x in r["results"]],
                         [("libfuzzer", True), ("libfuzzer", False)])
        self.assertEqual(r["results"][0]["exec_per_sec"], 5000.0)
        self.assertEqual(len([n for n in r["notes"] if "skipped" in n]), 2)
        self.assertEqual(r["goals"], [])       # the goal is about dekker
        self.assert_nothing_left()

    def test_help(self) -> None:
        p = self.bench("--help")
        self.assertEqual(p.returncode, 0)
        for opt in ("--rows", "--seeds", "--max-time", "--jobs", "--libfuzzer", "--json",
                    "--seconds", "{execs,ttb,all}"):
            self.assertIn(opt, p.stdout)


def _state(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "zombie"


# ---- the smoke test with the real target ----------------------------------------------------

def smoke(reqsim: str, libfuzzer: str) -> int:
    if not Path(libfuzzer).is_file():
        print(f"skipped: {libfuzzer} not built (cmake --preset fuzz-fast && "
              "cmake --build --preset fuzz-fast)")
        return 77
    with tempfile.TemporaryDirectory(prefix="fuzz-bench-smoke-") as d:
        tmp, cwd = Path(d) / "tmp", Path(d) / "cwd"
        tmp.mkdir()
        cwd.mkdir()
        corpus = sorted(p.name for p in (ROOT / "corpus").rglob("*"))
        p = subprocess.run([sys.executable, str(BENCH), "fuzz", "ttb", "--rows",
                            "dekker check-before", "--seeds", "1", "--max-time", "10",
                            "--reqsim", reqsim, "--libfuzzer", libfuzzer, "--json"],
                           cwd=cwd, env=dict(os.environ, TMPDIR=str(tmp)),
                           capture_output=True, text=True, timeout=600, check=False)
        if p.returncode != 0:
            print(f"FAIL: exit {p.returncode}: {p.stderr.strip()}")
            return 1
        r = json.loads(p.stdout)["ttb"]
        bad = []
        if not r["rows"]:
            bad.append("no rows")
        for c in r["rows"]:
            name = f"{c['scenario']} {c['bug']} {c['params']}".strip()
            for side in ("fb_on", "fb_off"):
                if c[side]["found"] != 1:
                    bad.append(f"{name}: {side} did not find it in 10 s")
            if c["pct"]["found"] != 1:
                bad.append(f"{name}: PCT did not find it")
            print(f"{name}: fb-on {c['fb_on']['median_executions'] or 0:.0f} executions, "
                  f"fb-off {c['fb_off']['median_executions'] or 0:.0f}, "
                  f"PCT {c['pct']['median_executions'] or 0:.0f} schedules")
        if r["summary"]["not_found"]:
            bad.append(f"not found: {r['summary']['not_found']}")
        if list(tmp.iterdir()) or list(cwd.iterdir()):
            bad.append("files left behind: "
                       f"{[str(x) for x in list(tmp.iterdir()) + list(cwd.iterdir())]}")
        if sorted(q.name for q in (ROOT / "corpus").rglob("*")) != corpus:
            bad.append("corpus/ changed")
        for b in bad:
            print(f"FAIL: {b}")
        return 1 if bad else 0


def main(argv: list[str]) -> int:
    if len(argv) >= 1 and argv[0] == "unit":
        prog = unittest.main(argv=[sys.argv[0], "-v", *argv[1:]], exit=False)
        return 0 if prog.result.wasSuccessful() else 1
    if len(argv) == 3 and argv[0] == "smoke":
        return smoke(os.path.abspath(argv[1]), os.path.abspath(argv[2]))
    print(textwrap.dedent(__doc__ or "").strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
