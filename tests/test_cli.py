#!/usr/bin/env python3
"""
tests/test_cli.py: black-box tests of the reqsim command line.

    python3 tests/test_cli.py PATH_TO_REQSIM [unittest options]

Standard library only.  Every file the tests write goes to a fresh temporary
directory, and every reqsim process runs with that directory as its working
directory (so a default '--out schedules' never lands in the source tree).

The contract under test (cli/reqsim.c):
  * exit status 0 clean, 1 violation found, 2 usage or input error;
  * every error is ONE line on stderr starting with "reqsim: ";
  * no crash: no signal, no sanitizer report (ASan/UBSan/LSan builds);
  * runs are deterministic and saved schedules replay bit for bit.
"""
import json
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest

REQSIM = None  # set from sys.argv[1] in main
TIMEOUT = 300  # seconds per reqsim process (sanitizer builds are slow)

SANITIZER_MARKERS = (
    "AddressSanitizer",
    "LeakSanitizer",
    "UndefinedBehaviorSanitizer",
    "MemorySanitizer",
    "ThreadSanitizer",
    "runtime error:",
    "SUMMARY: ",
)

HASH_RE = re.compile(r"^result (clean|violation) .*\bhash=([0-9a-f]{16})\b", re.M)


class Result:
    def __init__(self, argv, cwd, rc, out, err):
        self.argv, self.cwd, self.rc, self.out, self.err = argv, cwd, rc, out, err

    def status(self):
        if self.rc is None:
            return "timed out"
        if self.rc < 0:
            try:
                name = signal.Signals(-self.rc).name
            except ValueError:
                name = "?"
            return "killed by signal %d (%s)" % (-self.rc, name)
        return "exit %d" % self.rc

    def describe(self, max_lines=40):
        def tail(s):
            lines = [l if len(l) <= 400 else l[:400] + "... (%d chars)" % len(l)
                     for l in s.split("\n")]
            if lines and lines[-1] == "":
                lines.pop()
            if len(lines) > max_lines:
                lines = ["... (%d lines cut)" % (len(lines) - max_lines)] + lines[-max_lines:]
            return "\n".join("    | " + l for l in lines) if lines else "    (empty)"

        return ("\n  command: (cd %s && %s)\n  status:  %s\n  stdout:\n%s\n  stderr:\n%s"
                % (shlex.quote(self.cwd), shlex.join(self.argv), self.status(),
                   tail(self.out), tail(self.err)))

    def stderr_lines(self):
        """stderr split on newlines only (a stray \r is not a line break)."""
        return [l for l in self.err.split("\n") if l.strip()]

    def hash(self):
        m = HASH_RE.search(self.out)
        return m.group(2) if m else None


def deterministic_bytes(seed, n):
    rng = random.Random(seed)
    return bytes(rng.getrandbits(8) for _ in range(n))


class ReqsimTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="reqsim-cli-test-")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)

    # ---- running -------------------------------------------------------------

    def reqsim(self, *args, cwd=None):
        argv = [REQSIM] + [str(a) for a in args]
        cwd = cwd or self.tmp
        try:
            p = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=TIMEOUT)
        except subprocess.TimeoutExpired as e:
            r = Result(argv, cwd, None,
                       (e.stdout or b"").decode("utf-8", "replace"),
                       (e.stderr or b"").decode("utf-8", "replace"))
            self.fail("reqsim did not finish within %ds:%s" % (TIMEOUT, r.describe()))
        return Result(argv, cwd, p.returncode, p.stdout.decode("utf-8", "replace"),
                      p.stderr.decode("utf-8", "replace"))

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def write(self, name, data):
        p = self.path(name)
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(p, "wb") as f:
            f.write(data)
        return p

    # ---- assertions ------------------------------------------------------------

    def assertNoCrash(self, r):
        if r.rc is None or r.rc < 0:
            self.fail("reqsim crashed:%s" % r.describe())
        for m in SANITIZER_MARKERS:
            if m in r.err:
                self.fail("sanitizer report (%r) on stderr:%s" % (m, r.describe()))

    def assertExit(self, r, *codes):
        self.assertNoCrash(r)
        if r.rc not in codes:
            self.fail("expected exit %s, got:%s"
                      % (" or ".join(map(str, codes)), r.describe()))

    def assertQuietStderr(self, r):
        """A successful command may print notes, nothing else."""
        bad = [l for l in r.stderr_lines() if not l.startswith("reqsim: note: ")]
        if bad:
            self.fail("unexpected stderr output %r:%s" % (bad, r.describe()))

    def assertGood(self, r, *codes):
        self.assertExit(r, *codes)
        self.assertQuietStderr(r)

    def assertUsageError(self, r, contains=None):
        """Exit exactly 2, exactly one non-empty stderr line "reqsim: ..."."""
        self.assertExit(r, 2)
        lines = r.err.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if len(lines) != 1 or not r.err.endswith("\n"):
            self.fail("expected exactly one stderr line, got %d:%s" % (len(lines), r.describe()))
        line = lines[0]
        if not line.startswith("reqsim: ") or not line[len("reqsim: "):].strip():
            self.fail("stderr line must start with 'reqsim: ' and say something:%s"
                      % r.describe())
        if contains is not None and contains not in line:
            self.fail("expected %r in the error message:%s" % (contains, r.describe()))

    # ---- fixtures ----------------------------------------------------------------

    def explore_one(self, scenario, model, *extra, strategy="random", budget=2000):
        """Explore until a violation; return the single saved .sched path."""
        out = tempfile.mkdtemp(prefix="out-", dir=self.tmp)
        r = self.reqsim("explore", scenario, "--model", model, "--strategy", strategy,
                        "--budget", budget, "--seed", 1, "--out", out, *extra)
        self.assertGood(r, 1)
        files = sorted(f for f in os.listdir(out) if f.endswith(".sched"))
        if len(files) != 1:
            self.fail("expected exactly one .sched file in %s, found %r:%s"
                      % (out, files, r.describe()))
        others = sorted(f for f in os.listdir(out) if not f.endswith(".sched"))
        if others:
            self.fail("explore left other files in %s: %r" % (out, others))
        return os.path.join(out, files[0])

    def sb_tso_schedule(self):
        return self.explore_one("sb", "tso")

    def read_output(self, path, r):
        """Read a file reqsim was asked to write; fail with diagnostics if absent."""
        if not os.path.isfile(path):
            self.fail("reqsim did not write %s:%s" % (path, r.describe()))
        return self.read_text(path)

    @staticmethod
    def read_text(path):
        with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
            return f.read()

    @staticmethod
    def recorded_hash(text):
        m = re.search(r"^result .*\bhash=([0-9a-f]{16})\b", text, re.M)
        return m.group(1) if m else None


# =====================================================================================
# 1. good paths
# =====================================================================================


class GoodPaths(ReqsimTestCase):
    def test_help(self):
        for args in (["help"], ["--help"], ["-h"], ["help", "run"], ["run", "--help"]):
            with self.subTest(args=args):
                r = self.reqsim(*args)
                self.assertGood(r, 0)
                self.assertIn("usage: reqsim", r.out, r.describe())
                self.assertIn("exit status", r.out, r.describe())

    def test_list(self):
        r = self.reqsim("list")
        self.assertGood(r, 0)
        for word in ("scenarios:", "bugs:", "models:", "strategies:", "sb+mbs",
                     "sb-no-mb", "tso", "pct"):
            self.assertIn(word, r.out, r.describe())
        for what, word in (("scenarios", "sb+mbs"), ("bugs", "sb-no-mb"),
                           ("models", "pso"), ("strategies", "dfs")):
            with self.subTest(what=what):
                r = self.reqsim("list", what)
                self.assertGood(r, 0)
                self.assertIn(word, r.out, r.describe())

    def test_run_sb_sc(self):
        r = self.reqsim("run", "sb", "--model", "sc", "--seed", 1)
        self.assertGood(r, 0)
        self.assertIn("run scenario=sb model=sc", r.out, r.describe())
        self.assertRegex(r.out, r"(?m)^result clean ", r.describe())
        self.assertIsNotNone(r.hash(), r.describe())

    def test_run_is_deterministic(self):
        for model in ("sc", "tso", "pso"):
            for strategy in ("random", "pct", "default"):
                with self.subTest(model=model, strategy=strategy):
                    args = ("run", "sb", "--model", model, "--strategy", strategy,
                            "--seed", 7, "--run", 3)
                    a, b = self.reqsim(*args), self.reqsim(*args)
                    self.assertGood(a, 0, 1)
                    self.assertGood(b, 0, 1)
                    self.assertEqual(a.rc, b.rc, a.describe() + b.describe())
                    self.assertEqual(a.out, b.out, a.describe() + b.describe())

    def test_explore_saves_one_schedule_that_replays(self):
        sched = self.sb_tso_schedule()
        self.assertRegex(os.path.basename(sched), r"^sb-tso-.*\.sched$")
        text = self.read_text(sched)
        self.assertTrue(text.startswith("reqsim-schedule 1\n"), text)
        self.assertRegex(text, r"(?m)^scenario sb$")
        self.assertRegex(text, r"(?m)^model tso$")
        want = self.recorded_hash(text)
        self.assertIsNotNone(want, text)

        r = self.reqsim("replay", sched)
        self.assertGood(r, 1)
        self.assertIn("trace hash matches", r.out, r.describe())
        self.assertIn("VIOLATION", r.out, r.describe())
        self.assertEqual(r.hash(), want, r.describe())
        # Replaying twice is bit for bit the same.
        r2 = self.reqsim("replay", sched)
        self.assertGood(r2, 1)
        self.assertEqual(r.out, r2.out, r.describe() + r2.describe())
        # Matching --model/--arch on the replay command line are accepted.
        r3 = self.reqsim("replay", sched, "--model", "tso", "--arch", "x86")
        self.assertGood(r3, 1)
        self.assertIn("trace hash matches", r3.out, r3.describe())

    def test_explore_default_out_dir_is_relative_to_cwd(self):
        r = self.reqsim("explore", "sb", "--model", "tso", "--strategy", "random",
                        "--budget", 500, "--seed", 1)
        self.assertGood(r, 1)
        files = os.listdir(self.path("schedules"))
        self.assertEqual(len([f for f in files if f.endswith(".sched")]), 1,
                         "%r%s" % (files, r.describe()))

    def test_replay_trace_text(self):
        sched = self.sb_tso_schedule()
        r = self.reqsim("replay", sched, "--trace", "text")
        self.assertGood(r, 1)
        self.assertIn("trace hash matches", r.out, r.describe())
        self.assertRegex(r.out, r"\| P0 ", r.describe())
        self.assertRegex(r.out, r"\| P1 ", r.describe())
        plain = self.reqsim("replay", sched)
        self.assertGreater(len(r.out.splitlines()), len(plain.out.splitlines()),
                           r.describe() + plain.describe())
        # -o FILE moves the trace out of stdout.
        f = self.path("trace.txt")
        r = self.reqsim("replay", sched, "--trace", "text", "-o", f)
        self.assertGood(r, 1)
        self.assertRegex(self.read_output(f, r), r"\| P0 ")
        self.assertEqual(r.out, plain.out, r.describe() + plain.describe())

    def test_replay_trace_jsonl(self):
        sched = self.sb_tso_schedule()
        f = self.path("trace.jsonl")
        r = self.reqsim("replay", sched, "--trace", "jsonl", "-o", f)
        self.assertGood(r, 1)
        self.assertIn("trace hash matches", r.out, r.describe())
        lines = [l for l in self.read_output(f, r).split("\n") if l.strip()]
        self.assertGreater(len(lines), 0, r.describe())
        for i, line in enumerate(lines, 1):
            try:
                obj = json.loads(line)
            except ValueError as e:
                self.fail("%s line %d is not JSON (%s): %r%s" % (f, i, e, line, r.describe()))
            self.assertIsInstance(obj, dict, line)
            self.assertIn("step", obj, line)
        # On stdout the same records come first, then the result lines.
        r2 = self.reqsim("replay", sched, "--trace", "jsonl")
        self.assertGood(r2, 1)
        json_lines = [l for l in r2.out.split("\n") if l.startswith("{")]
        self.assertEqual(json_lines, lines, r2.describe())

    def test_replay_trace_perfetto(self):
        sched = self.sb_tso_schedule()
        f = self.path("trace.json")
        r = self.reqsim("replay", sched, "--trace", "perfetto", "-o", f)
        self.assertGood(r, 1)
        self.assertIn("trace hash matches", r.out, r.describe())
        body = self.read_output(f, r)
        try:
            doc = json.loads(body)
        except ValueError as e:
            self.fail("%s is not JSON: %s%s" % (f, e, r.describe()))
        self.assertIsInstance(doc, dict)
        self.assertIsInstance(doc.get("traceEvents"), list, doc)
        self.assertGreater(len(doc["traceEvents"]), 0, doc)
        for ev in doc["traceEvents"]:
            self.assertIsInstance(ev, dict, ev)
            self.assertIn("ph", ev, ev)

    def test_run_traces(self):
        for fmt in ("text", "jsonl", "perfetto"):
            with self.subTest(fmt=fmt):
                f = self.path("run-trace." + fmt)
                r = self.reqsim("run", "mp", "--model", "pso", "--seed", 3,
                                "--trace", fmt, "-o", f)
                self.assertGood(r, 0, 1)
                body = self.read_output(f, r)
                self.assertTrue(body.strip(), "empty trace file" + r.describe())
                if fmt == "perfetto":
                    self.assertIsInstance(json.loads(body)["traceEvents"], list)
                elif fmt == "jsonl":
                    for line in body.split("\n"):
                        if line.strip():
                            json.loads(line)

    def test_dfs_complete_and_clean(self):
        r = self.reqsim("explore", "sb+mbs", "--model", "tso", "--strategy", "dfs",
                        "--budget", 100000, "--out", self.path("out"))
        self.assertGood(r, 0)
        self.assertIn("complete and clean", r.out, r.describe())
        self.assertFalse(os.path.exists(self.path("out")) and os.listdir(self.path("out")),
                         "a clean exploration saved schedules" + r.describe())

    def test_dfs_finds_bug(self):
        out = self.path("out")
        r = self.reqsim("explore", "sb+mbs", "--model", "tso", "--strategy", "dfs",
                        "--budget", 100000, "--bug", "sb-no-mb", "--out", out)
        self.assertGood(r, 1)
        self.assertIn("VIOLATION", r.out, r.describe())
        self.assertNotIn("complete and clean", r.out, r.describe())
        files = [f for f in os.listdir(out) if f.endswith(".sched")]
        self.assertEqual(len(files), 1, "%r%s" % (files, r.describe()))
        sched = os.path.join(out, files[0])
        self.assertRegex(self.read_text(sched), r"(?m)^bugs sb-no-mb$")
        rr = self.reqsim("replay", sched)
        self.assertGood(rr, 1)
        self.assertIn("trace hash matches", rr.out, rr.describe())
        rr = self.reqsim("replay", sched, "--bug", "sb-no-mb")
        self.assertGood(rr, 1)

    def dfs_line(self, r):
        line = [l for l in r.out.splitlines() if l.startswith("dfs ")]
        self.assertTrue(line, "no dfs summary" + r.describe())
        m = re.search(r"(\d+) schedules run to the end, (\d+) cut as equivalent, "
                      r"(\d+) behaviours", line[-1])
        self.assertTrue(m, line[-1])
        return [int(x) for x in m.groups()], line[-1]

    def test_dfs_reduction_vs_brute_force(self):
        args = ("explore", "handshake", "--param", "vcpus=2", "--param", "requesters=1",
                "--model", "tso", "--strategy", "dfs", "--budget", 10000000,
                "--out", self.path("out"))
        r = self.reqsim(*args)
        self.assertGood(r, 0)
        (red, cut, beh), line = self.dfs_line(r)
        self.assertIn("search complete and clean", line)
        self.assertIn("DPOR + sleep sets", line)
        rb = self.reqsim(*args, "--no-reduction")
        self.assertGood(rb, 0)
        (brute, _, beh_b), line_b = self.dfs_line(rb)
        self.assertIn("no reduction", line_b)
        self.assertEqual(beh, beh_b, line + "\n" + line_b)
        if "footprints exact" in line:  # sanitizer builds cannot see plain accesses
            self.assertGreaterEqual(brute, 10 * (red + cut), line + "\n" + line_b)

    def test_dfs_jobs_same_behaviours(self):
        res = []
        for j in (1, 2):
            r = self.reqsim("explore", "handshake", "--param", "vcpus=2", "--param",
                            "requesters=1", "--model", "pso", "--strategy", "dfs",
                            "--budget", 10000000, "--jobs", j, "--out", self.path("o%d" % j))
            self.assertGood(r, 0)
            (_, _, beh), line = self.dfs_line(r)
            self.assertIn("search complete and clean", line)
            res.append(beh)
        self.assertEqual(res[0], res[1])

    def test_dfs_bounds(self):
        r = self.reqsim("explore", "sb", "--model", "tso", "--strategy", "dfs",
                        "--preemptions", 0, "--budget", 100000, "--out", self.path("out"))
        self.assertIn("search incomplete: a depth or preemption bound", r.out, r.describe())
        r = self.reqsim("explore", "sb", "--model", "tso", "--strategy", "dfs",
                        "--depth-max", 2, "--budget", 100000, "--out", self.path("out"))
        self.assertIn("search incomplete: a depth or preemption bound", r.out, r.describe())
        r = self.reqsim("explore", "sb", "--model", "tso", "--strategy", "dfs",
                        "--preemptions", "x")
        self.assertUsageError(r, "--preemptions")

    def test_dfs_core_bug_replays(self):
        # Found under reduction (fences wait for explicit drains), replayed
        # without it: the decisions must mean the same schedule.
        out = self.path("out")
        r = self.reqsim("explore", "dekker", "--param", "entries=0", "--model", "tso",
                        "--bug", "no-mb-after-in-guest-mode", "--strategy", "dfs",
                        "--budget", 100000, "--out", out)
        self.assertGood(r, 1)
        files = [f for f in os.listdir(out) if f.endswith(".sched")]
        self.assertTrue(files, r.describe())
        for f in files:
            rr = self.reqsim("replay", os.path.join(out, f))
            self.assertGood(rr, 1)
            self.assertIn("trace hash matches", rr.out, rr.describe())

    def test_import_crash_file(self):
        crash = self.path("crash-1")
        with open(crash, "wb") as f:
            f.write(bytes(range(7, 207)))
        line = ("scenario=dekker model=tso arch=x86 vcpus=1 requesters=1 rounds=1 "
                "entries=2 mask=0 dead=0 bugs=no-mb-after-in-guest-mode")
        r = self.reqsim("import", crash, "--config", line)
        self.assertGood(r, 0, 1)
        self.assertIn("schedule saved to", r.out, r.describe())
        text = self.read_text(crash + ".sched")
        self.assertRegex(text, r"(?m)^bugs no-mb-after-in-guest-mode$")
        rr = self.reqsim("replay", crash + ".sched")
        self.assertGood(rr, r.rc)
        self.assertIn("trace hash matches", rr.out, rr.describe())
        for bad in ("model=tso", "scenario=dekker model=xx", "scenario=dekker bugs=nope",
                    "scenario=dekker oops", "scenario=dekker nothere=1"):
            self.assertUsageError(self.reqsim("import", crash, "--config", bad))
        self.assertUsageError(self.reqsim("import", crash), "--config")
        self.assertUsageError(self.reqsim("import", crash, "--config", line, "--model", "sc"))

    def test_trace_names_adjacent_fields(self):
        """Named locations cover their own bytes only: the ITS registers are
        adjacent 4- and 8-byte fields, and every access in the trace must
        carry the name of the field its source expression names."""
        r = self.reqsim("run", "its", "--arch", "arm64", "--model", "sc", "--seed", 1,
                        "--trace", "text")
        self.assertGood(r, 0, 1)
        seen = 0
        for m in re.finditer(r"(?:READ|WRITE)_ONCE\(its->(\w+)\) (its\.\w+)", r.out):
            seen += 1
            self.assertEqual("its." + m.group(1), m.group(2), m.group(0))
        self.assertGreater(seen, 5, r.describe())

    def test_save_bytes_round_trip(self):
        """A .sched (PCT finding, PSO drains) and a random run written out as
        fuzzer bytes run to the same trace hash with --bytes."""
        def hash_of(r):
            m = HASH_RE.search(r.out)
            self.assertIsNotNone(m, r.describe())
            return m.group(2)
        sched = self.explore_one("payload", "pso", "--bug", "no-wmb-before-request",
                                 strategy="pct")
        b = self.path("found.bin")
        r = self.reqsim("replay", sched, "--save-bytes", b)
        self.assertGood(r, 1)
        self.assertIn("bytes saved to", r.out, r.describe())
        rb = self.reqsim("run", "payload", "--model", "pso", "--bug", "no-wmb-before-request",
                         "--bytes", b)
        self.assertGood(rb, 1)
        self.assertEqual(hash_of(rb), hash_of(r), rb.describe())
        # with the bug off the same bytes are a schedule of the correct core: clean
        self.assertGood(self.reqsim("run", "payload", "--model", "pso", "--bytes", b), 0)
        b2 = self.path("random.bin")
        r2 = self.reqsim("run", "mixed", "--model", "tso", "--seed", 9, "--save-bytes", b2)
        self.assertGood(r2, 0)
        rb2 = self.reqsim("run", "mixed", "--model", "tso", "--bytes", b2)
        self.assertGood(rb2, 0)
        self.assertEqual(hash_of(rb2), hash_of(r2), rb2.describe())
        self.assertUsageError(self.reqsim("run", "mixed", "--save-bytes",
                                          self.path("nodir/x.bin")), "cannot write")

    def test_explore_all_models_round_trip(self):
        out = self.path("all")
        r = self.reqsim("explore", "all", "--all-models", "--strategy", "random",
                        "--budget", 300, "--seed", 1, "--out", out)
        self.assertGood(r, 1)
        self.assertRegex(r.out, r"(?m)^total: ", r.describe())
        files = sorted(f for f in os.listdir(out) if f.endswith(".sched"))
        self.assertGreater(len(files), 1, "%r%s" % (files, r.describe()))
        for f in files:
            with self.subTest(schedule=f):
                rr = self.reqsim("replay", os.path.join(out, f))
                self.assertGood(rr, 1)
                self.assertIn("trace hash matches", rr.out, rr.describe())

    def test_pso_schedule_with_indexed_drains_replays(self):
        sched = self.explore_one("mp", "pso")
        r = self.reqsim("replay", sched)
        self.assertGood(r, 1)
        self.assertIn("trace hash matches", r.out, r.describe())

    def test_replay_tolerates_crlf_comments_and_blank_lines(self):
        sched = self.sb_tso_schedule()
        text = self.read_text(sched)
        variants = {
            "crlf": text.replace("\n", "\r\n"),
            "comments": "# a comment\n\n" + text.replace("\nmodel ", "\n   # indented comment\nmodel ")
                        + "\n# trailing comment\n\n",
            "tabs": text.replace("\nmodel ", "\nmodel\t"),
        }
        for name, body in variants.items():
            with self.subTest(variant=name):
                f = self.write(name + ".sched", body)
                r = self.reqsim("replay", f)
                self.assertGood(r, 1)
                self.assertIn("trace hash matches", r.out, r.describe())

    def test_replay_notes_foreign_build(self):
        sched = self.sb_tso_schedule()
        body = re.sub(r"(?m)^build .*$", "build some-other-build", self.read_text(sched))
        r = self.reqsim("replay", self.write("foreign.sched", body))
        self.assertGood(r, 1)
        self.assertIn("trace hash matches", r.out, r.describe())


# =====================================================================================
# 2. bad input
# =====================================================================================


class BadCommandLine(ReqsimTestCase):
    CASES = [
        ("no command", [], None),
        ("unknown command", ["frobnicate"], 'frobnicate'),
        ("unknown command with options", ["frobnicate", "--seed", "1"], 'frobnicate'),
        ("run without scenario", ["run"], None),
        ("explore without scenario", ["explore"], None),
        ("unknown scenario (run)", ["run", "nosuchscenario"], 'nosuchscenario'),
        ("unknown scenario (explore)", ["explore", "nosuchscenario", "--budget", "1"], 'nosuchscenario'),
        ("unknown model", ["run", "sb", "--model", "weird"], 'weird'),
        ("unknown arch", ["run", "sb", "--arch", "sparc"], 'sparc'),
        ("unknown bug", ["run", "sb", "--bug", "no-such-bug"], 'no-such-bug'),
        ("bug not for scenario (run)", ["run", "sb", "--bug", "sb-no-mb"], 'sb-no-mb'),
        ("bug not for scenario (explore)", ["explore", "sb", "--bug", "mp-no-wmb", "--budget", "5", "--out", "o"], 'mp-no-wmb'),
        ("unknown option", ["run", "sb", "--frobnicate"], '--frobnicate'),
        ("unknown short option", ["run", "sb", "-z"], '-z'),
        ("unexpected argument", ["run", "sb", "extra"], 'extra'),
        ("list what", ["list", "everything"], 'everything'),
        ("missing --seed value", ["run", "sb", "--seed"], '--seed'),
        ("missing --model value", ["run", "sb", "--model"], '--model'),
        ("missing --bug value", ["run", "sb", "--bug"], '--bug'),
        ("missing --param value", ["run", "sb", "--param"], '--param'),
        ("missing --budget value", ["explore", "sb", "--budget"], '--budget'),
        ("missing --out value", ["explore", "sb", "--out"], '--out'),
        ("missing -o value", ["run", "sb", "--trace", "text", "-o"], '-o'),
        ("missing --bytes value", ["run", "sb", "--bytes"], '--bytes'),
        ("budget abc", ["explore", "sb", "--budget", "abc"], 'abc'),
        ("budget -1", ["explore", "sb", "--budget", "-1"], '-1'),
        ("budget 0", ["explore", "sb", "--budget", "0"], '--budget'),
        ("budget empty", ["explore", "sb", "--budget", ""], '--budget'),
        ("budget too big", ["explore", "sb", "--budget", "99999999999999999999"], 'out of range'),
        ("seed 12x", ["run", "sb", "--seed", "12x"], '12x'),
        ("seed -3", ["run", "sb", "--seed", "-3"], '-3'),
        ("seed overflow", ["run", "sb", "--seed", "18446744073709551616"], '--seed'),
        ("run 1.5", ["run", "sb", "--run", "1.5"], '1.5'),
        ("depth 99", ["run", "sb", "--depth", "99"], '99'),
        ("depth 99 pct", ["run", "sb", "--strategy", "pct", "--depth", "99"], '99'),
        ("depth 0", ["explore", "sb", "--depth", "0"], '--depth'),
        ("steps-max 0", ["run", "sb", "--steps-max", "0"], '--steps-max'),
        ("depth-max x", ["explore", "sb", "--depth-max", "x"], '--depth-max'),
        ("param on scenario without params", ["run", "sb", "--param", "nope=1"], 'nope'),
        ("param without =", ["run", "sb", "--param", "nope"], 'nope'),
        ("param without name", ["run", "sb", "--param", "=1"], '=1'),
        ("trace bogus (run)", ["run", "sb", "--trace", "bogus"], 'bogus'),
        ("trace bogus (replay)", ["replay", "x.sched", "--trace", "bogus"], 'bogus'),
        ("unknown strategy", ["run", "sb", "--strategy", "bogus"], 'bogus'),
        ("strategy bytes is internal", ["run", "sb", "--strategy", "bytes"], 'bytes'),
        ("run with dfs", ["run", "sb", "--strategy", "dfs"], 'dfs'),
        ("unknown switch", ["run", "sb", "--switch", "bogus"], 'bogus'),
        ("replay without file", ["replay"], None),
        ("replay nonexistent", ["replay", "NONEXISTENT.sched"], 'NONEXISTENT.sched'),
        ("replay a directory", ["replay", "."], None),
        ("run --bytes nonexistent", ["run", "sb", "--bytes", "NONEXISTENT"], 'NONEXISTENT'),
        ("run --bytes directory", ["run", "sb", "--bytes", "."], None),
        ("trace -o into missing dir", ["run", "sb", "--trace", "text", "-o", "no/such/dir/t"], 'no/such/dir/t'),
    ]

    def test_bad_command_lines(self):
        for name, args, culprit in self.CASES:
            with self.subTest(case=name):
                self.assertUsageError(self.reqsim(*args), culprit)

    def test_save_into_missing_dir(self):
        r = self.reqsim("run", "sb", "--save", self.path("no", "such", "x.sched"))
        self.assertUsageError(r)
        self.assertEqual([f for f in os.listdir(self.tmp)], [], "stray files left behind")

    def test_explore_out_is_a_file(self):
        f = self.write("plainfile", "x\n")
        r = self.reqsim("explore", "sb", "--model", "tso", "--strategy", "random",
                        "--budget", 500, "--out", f)
        self.assertUsageError(r)

    def test_replay_rejects_run_options(self):
        sched = self.sb_tso_schedule()
        b = self.write("b.bin", b"\x01\x02")
        for extra in (["--bytes", b], ["--param", "x=1"], ["--strategy", "random"]):
            with self.subTest(extra=extra):
                self.assertUsageError(self.reqsim("replay", sched, *extra))

    def test_explore_long_out_dir(self):
        # A deep but valid --out path (> 1024 bytes, < PATH_MAX).  The schedule
        # must be saved under its proper name inside that directory, or the
        # command must fail cleanly; it must never write somewhere else or
        # index past a buffer (UBSan: cli/reqsim.c explore_one 'path[1024]').
        out = self.tmp
        for _ in range(6):
            out = os.path.join(out, "d" * 200)
        os.makedirs(out)
        r = self.reqsim("explore", "sb", "--model", "tso", "--strategy", "random",
                        "--budget", 500, "--seed", 1, "--out", out)
        self.assertNoCrash(r)
        if r.rc == 2:
            self.assertUsageError(r)
            return
        self.assertGood(r, 1)
        files = os.listdir(out)
        self.assertTrue(any(re.match(r"^sb-tso-.*\.sched$", f) for f in files),
                        "no sb-tso-*.sched in --out dir (found %r)%s" % (files, r.describe()))
        stray = []
        for root, dirs, fs in os.walk(self.tmp):
            if os.path.abspath(root) != os.path.abspath(out):
                stray += [os.path.join(root, f) for f in fs]
        self.assertEqual(stray, [], "schedule written outside --out" + r.describe())


class BadScheduleFiles(ReqsimTestCase):
    def setUp(self):
        super().setUp()
        self.sched = self.sb_tso_schedule()
        self.text = self.read_text(self.sched)
        self.lines = self.text.splitlines()
        idx = [i for i, l in enumerate(self.lines) if l.startswith("decisions ")]
        self.assertEqual(len(idx), 1, self.text)
        self.dec_idx = idx[0]
        self.tokens = " ".join(self.lines[self.dec_idx + 1:]).split()
        self.assertGreaterEqual(len(self.tokens), 2, self.text)
        self.assertEqual(int(self.lines[self.dec_idx].split()[1]), len(self.tokens), self.text)

    def variant(self, name, body):
        return self.write(name + ".sched", body)

    def with_header(self, key, value):
        """Replace the value of header key, or insert key value if absent."""
        pat = re.compile(r"(?m)^%s .*$" % re.escape(key))
        if pat.search(self.text):
            return pat.sub(lambda m: "%s %s" % (key, value), self.text, count=1)
        return self.text.replace("\nmodel ", "\n%s %s\nmodel " % (key, value), 1)

    def without_header(self, key):
        return re.sub(r"(?m)^%s .*\n" % re.escape(key), "", self.text)

    def with_tokens(self, tokens, count=None):
        head = "\n".join(self.lines[:self.dec_idx])
        n = len(tokens) if count is None else count
        return "%s\ndecisions %s\n%s\n" % (head, n, " ".join(tokens))

    def check(self, name, body, contains=None, *extra_args):
        f = self.variant(name, body)
        r = self.reqsim("replay", f, *extra_args)
        self.assertUsageError(r, contains)
        return r

    def test_empty_file(self):
        self.check("empty", "")

    def test_blank_and_comment_only_file(self):
        self.check("blank", "\n\n   \n# nothing here\n")

    def test_random_binary(self):
        data = deterministic_bytes(1, 4096)
        # Make sure there are NULs, on the first line and later ones.
        data = b"\x00" + data[:2000] + b"\n\x00\x00\n" + data[2000:]
        self.check("binary", data)

    def test_nul_after_valid_header(self):
        body = self.text.encode().replace(b"\nmodel ", b"\nmo\x00del ", 1)
        self.check("nul", body)

    def test_not_a_schedule(self):
        self.check("text", "hello world\n")

    def test_wrong_version(self):
        self.check("v99", self.text.replace("reqsim-schedule 1", "reqsim-schedule 99", 1),
                   "99")
        self.check("v99only", "reqsim-schedule 99\n", "99")
        self.check("v0", self.text.replace("reqsim-schedule 1", "reqsim-schedule 0", 1))
        self.check("vjunk", self.text.replace("reqsim-schedule 1", "reqsim-schedule 1 x", 1))

    def test_truncated_decision_list(self):
        half = self.tokens[:len(self.tokens) // 2]
        self.check("trunc", self.with_tokens(half, count=len(self.tokens)), "truncated")

    def test_truncated_file(self):
        # Cut the file itself in half (mid-header).
        self.check("cut", self.text[:len(self.text) // 2])
        # Header only, no decisions line.
        self.check("nodec", "\n".join(self.lines[:self.dec_idx]) + "\n")

    def test_schedule_ends_early(self):
        # Consistent count, but too few decisions for the run.
        half = self.tokens[:len(self.tokens) // 2]
        self.check("short", self.with_tokens(half))
        self.check("zero", self.with_tokens([]))

    def test_more_decisions_than_announced(self):
        self.check("more", self.with_tokens(self.tokens + ["t0"], count=len(self.tokens)))

    def test_more_decisions_than_the_run_uses(self):
        # A consistent file whose run ends before its decisions do: the message
        # gives both numbers (it once read the count after freeing the file
        # and said "after 13 of 0 decisions").
        n = len(self.tokens)
        r = self.check("extra", self.with_tokens(self.tokens + ["t0", "t1", "t0"]),
                       "the run ended after %d of %d decisions" % (n, n + 3))
        self.assertEqual(r.out, "", r.describe())

    def test_corrupt_tokens(self):
        for i, bad in enumerate(["zz", "t", "tx", "t-1", "t1.2", "d", "d0.", "d0.x", "d0x",
                                 "e", "ex", "t65536", "t99999999999", "e99999999999",
                                 "T0", "\u00e9"]):
            with self.subTest(token=bad):
                toks = list(self.tokens)
                toks[1] = bad
                self.check("tok%d" % i, self.with_tokens(toks))

    def test_bad_decision_counts(self):
        for i, n in enumerate(["", "x", "-1", "5x", "99999999999999999999", "4294967296"]):
            with self.subTest(count=n):
                self.check("cnt%d" % i, self.with_tokens(self.tokens, count=n))

    def test_unknown_header_key(self):
        self.check("ukey", self.with_header("frobnicate", "1"), "frobnicate")

    def test_header_key_without_value(self):
        self.check("novalue", self.text.replace("\nmodel tso", "\nmodel", 1))

    def test_missing_header_fields(self):
        for key in ("scenario", "model", "arch"):
            with self.subTest(missing=key):
                self.check("no-" + key, self.without_header(key))

    def test_unknown_model_arch_in_file(self):
        self.check("umodel", self.with_header("model", "weird"))
        self.check("uarch", self.with_header("arch", "sparc"))

    def test_unknown_scenario_in_file(self):
        self.check("uscen", self.with_header("scenario", "nosuchscenario"))
        self.check("longscen", self.with_header("scenario", "s" * 3000))

    def test_scenario_mismatch(self):
        self.check("mp", self.with_header("scenario", "mp"))

    def test_thread_out_of_range(self):
        toks = list(self.tokens)
        i = toks.index("t0")
        toks[i] = "t7"
        self.check("t7", self.with_tokens(toks))

    def test_disabled_choices(self):
        for i, bad in enumerate(["e0", "e4294967295", "d0.4294967295", "d5", "t65535"]):
            with self.subTest(token=bad):
                self.check("dis%d" % i, self.with_tokens([bad] + self.tokens[1:]))

    def test_model_mismatch_on_command_line(self):
        self.check("same", self.text, "tso", "--model", "pso")

    def test_arch_mismatch_on_command_line(self):
        self.check("same", self.text, "x86", "--arch", "arm64")

    def test_bug_not_recorded(self):
        self.check("same", self.text, None, "--bug", "sb-no-mb")

    def test_unknown_bug_in_file(self):
        self.check("ubug", self.with_header("bugs", "no-such-bug"), "no-such-bug")
        self.check("ubug2", self.with_header("bugs", "sb-no-mb,,no-such-bug"))

    def test_inapplicable_bug_in_file(self):
        self.check("nabug", self.with_header("bugs", "sb-no-mb"), "sb-no-mb")

    def test_non_numeric_param(self):
        self.check("param", self.with_header("param", "rounds=abc"))
        self.check("param2", self.with_header("param", "=1"))
        self.check("param3", self.with_header("param", "rounds"))
        self.check("param4", self.with_header("param", "rounds=99999999999999999999999"))

    def test_param_on_scenario_without_params(self):
        self.check("param5", self.with_header("param", "rounds=1"))

    def test_too_many_params(self):
        body = self.text.replace("\nmodel ", "\n" + "param p=1\n" * 100 + "model ", 1)
        self.check("manyparams", body)

    def test_bad_hash(self):
        self.check("badhash", re.sub(r"hash=[0-9a-f]+", "hash=zz", self.text))

    def test_hash_mismatch(self):
        body = re.sub(r"hash=[0-9a-f]+", "hash=0000000000000001", self.text)
        r = self.check("otherhash", body, "differs")
        self.assertNotIn("trace hash matches", r.out, r.describe())

    def test_overlong_line(self):
        self.check("longline", self.with_header("origin", "x" * 10000))
        self.check("longtokens", self.with_tokens(self.tokens + ["t0"] * 3000,
                                                  count=len(self.tokens) + 3000))

    def test_mutation_fuzz(self):
        """Deterministic random edits of real schedules never crash reqsim.

        A mutant may still be valid (exit 0 or 1, stderr at most notes), or be
        rejected (exit 2, exactly one error line, possibly after notes)."""
        seeds = [self.text, self.read_text(self.explore_one("mp", "pso")),
                 self.read_text(self.explore_one("sb+mbs", "tso", "--bug", "sb-no-mb",
                                                 strategy="dfs"))]
        rng = random.Random(1)
        alphabet = "td.e0123456789 \n\t#=,-x\r\x00\x7f\xff"

        def mutate(text):
            b = bytearray(text.encode("utf-8", "surrogateescape"))
            for _ in range(rng.randint(1, 4)):
                op = rng.randrange(7)
                if not b:
                    b += b"t0"
                pos = rng.randrange(len(b))
                if op == 0:  # flip a byte
                    b[pos] = rng.randrange(256)
                elif op == 1:  # insert from the alphabet
                    b[pos:pos] = rng.choice(alphabet).encode("latin-1")
                elif op == 2:  # delete a span
                    del b[pos:pos + rng.randint(1, 8)]
                elif op == 3:  # duplicate a line
                    lines = bytes(b).split(b"\n")
                    i = rng.randrange(len(lines))
                    lines.insert(i, lines[i])
                    b = bytearray(b"\n".join(lines))
                elif op == 4:  # drop a line
                    lines = bytes(b).split(b"\n")
                    del lines[rng.randrange(len(lines))]
                    b = bytearray(b"\n".join(lines))
                elif op == 5:  # change a number
                    nums = list(re.finditer(rb"\d+", bytes(b)))
                    if nums:
                        m = rng.choice(nums)
                        new = str(rng.choice([0, 1, 2, 7, 255, 65535, 65536, 2**32,
                                              2**64, rng.randrange(100)])).encode()
                        b[m.start():m.end()] = new
                else:  # swap two tokens of the decision list
                    toks = list(re.finditer(rb"\b[tde]\d+(?:\.\d+)?\b", bytes(b)))
                    if len(toks) >= 2:
                        x, y = rng.sample(toks, 2)
                        if x.start() > y.start():
                            x, y = y, x
                        b = bytearray(bytes(b[:x.start()]) + y.group() + bytes(b[x.end():y.start()])
                                      + x.group() + bytes(b[y.end():]))
            return bytes(b)

        for i in range(240):
            body = mutate(seeds[i % len(seeds)])
            f = self.write("mut%03d.sched" % i, body)
            for extra in ([], ["--trace", "jsonl", "-o", self.path("mut.jsonl")]):
                r = self.reqsim("replay", f, *extra)
                msg = "\n  mutant #%d: %r%s" % (i, body[:600], r.describe())
                if r.rc is None or r.rc < 0:
                    self.fail("reqsim crashed on a mutant" + msg)
                for m in SANITIZER_MARKERS:
                    if m in r.err:
                        self.fail("sanitizer report on a mutant" + msg)
                self.assertIn(r.rc, (0, 1, 2), msg)
                lines = [l for l in r.err.split("\n") if l]
                notes = [l for l in lines if l.startswith("reqsim: note: ")]
                errors = [l for l in lines if not l.startswith("reqsim: note: ")]
                if r.rc == 2:
                    self.assertEqual(len(errors), 1, "want exactly one error line" + msg)
                    self.assertTrue(errors[0].startswith("reqsim: "), msg)
                    self.assertTrue(errors[0][len("reqsim: "):].strip(), msg)
                else:
                    self.assertEqual(errors, [], "stderr noise on success" + msg)
                    self.assertLessEqual(len(notes), 1, msg)


# =====================================================================================
# 3. raw bytes
# =====================================================================================


class RawBytes(ReqsimTestCase):
    def run_bytes(self, data, *cfg, name="b.bin"):
        f = self.write(name, data)
        a = self.reqsim("run", *cfg, "--bytes", f)
        self.assertGood(a, 0, 1)
        self.assertIsNotNone(a.hash(), "no hash= in the result line" + a.describe())
        return f, a

    def test_same_bytes_same_hash(self):
        configs = [("sb",), ("sb", "--model", "tso"), ("mp", "--model", "pso"),
                   ("iriw", "--model", "pso", "--arch", "arm64"),
                   ("sb+mbs", "--model", "tso", "--bug", "sb-no-mb"),
                   ("mp+wmb", "--model", "pso", "--bug", "mp-no-wmb")]
        for size in (0, 1, 5, 64, 4096, 70000):
            for seed, cfg in enumerate(configs, 1):
                with self.subTest(size=size, cfg=cfg):
                    data = deterministic_bytes(seed * 1000 + size, size)
                    f, a = self.run_bytes(data, *cfg)
                    b = self.reqsim("run", *cfg, "--bytes", f)
                    self.assertGood(b, 0, 1)
                    self.assertEqual(a.rc, b.rc, a.describe() + b.describe())
                    self.assertEqual(a.hash(), b.hash(), a.describe() + b.describe())
                    self.assertIn("(%d bytes)" % size, a.out, a.describe())

    def test_bytes_from_random_rng1(self):
        data = deterministic_bytes(1, 256)
        f, a = self.run_bytes(data, "sb", "--model", "tso")
        # A copy of the file under another name gives the same run.
        g = self.write("copy.bin", data)
        b = self.reqsim("run", "sb", "--model", "tso", "--bytes", g)
        self.assertGood(b, 0, 1)
        self.assertEqual(a.hash(), b.hash(), a.describe() + b.describe())
        # Different bytes are allowed to differ, but the run stays well-formed.
        c = self.reqsim("run", "sb", "--model", "tso", "--bytes",
                        self.write("other.bin", deterministic_bytes(2, 256)))
        self.assertGood(c, 0, 1)

    def test_save_then_replay_same_hash(self):
        cases = [("sb", "--model", "tso"), ("mp", "--model", "pso"), ("sb",),
                 ("sb+mbs", "--model", "tso", "--bug", "sb-no-mb")]
        for i, cfg in enumerate(cases):
            for seed in (1, 2, 3):
                with self.subTest(cfg=cfg, seed=seed):
                    data = deterministic_bytes(seed, 128)
                    f = self.write("in%d-%d.bin" % (i, seed), data)
                    s = self.path("saved%d-%d.sched" % (i, seed))
                    a = self.reqsim("run", *cfg, "--bytes", f, "--save", s)
                    self.assertGood(a, 0, 1)
                    self.assertTrue(os.path.isfile(s), "no file saved" + a.describe())
                    self.assertEqual([x for x in os.listdir(self.tmp) if ".tmp." in x], [],
                                     "temporary file left behind")
                    r = self.reqsim("replay", s)
                    self.assertGood(r, 0, 1)
                    self.assertEqual(a.rc, r.rc, a.describe() + r.describe())
                    self.assertIsNotNone(a.hash(), a.describe())
                    self.assertEqual(a.hash(), r.hash(), a.describe() + r.describe())
                    self.assertIn("trace hash matches", r.out, r.describe())
                    self.assertEqual(self.recorded_hash(self.read_text(s)), a.hash())

    def test_seeded_run_save_replay(self):
        s = self.path("seeded.sched")
        a = self.reqsim("run", "sb", "--model", "tso", "--strategy", "pct", "--seed", 5,
                        "--save", s)
        self.assertGood(a, 0, 1)
        r = self.reqsim("replay", s)
        self.assertGood(r, 0, 1)
        self.assertEqual(a.hash(), r.hash(), a.describe() + r.describe())
        self.assertIn("trace hash matches", r.out, r.describe())


# =====================================================================================
# archs: a scenario runs only on the archs it supports
# =====================================================================================


class Archs(ReqsimTestCase):
    X86_ONLY = "scenario 'async_pf' is x86 only, not arm64"

    def scenario_names(self):
        r = self.reqsim("list", "scenarios")
        self.assertGood(r, 0)
        return [m.group(1) for m in re.finditer(r"(?m)^  (\S+) ", r.out)], r.out

    def test_list_scenarios_tsv(self):
        names, text = self.scenario_names()
        r = self.reqsim("list", "scenarios", "--tsv")
        self.assertGood(r, 0)
        self.assertTrue(r.out.endswith("\n"), r.describe())
        rows = [l.split("\t") for l in r.out.splitlines()]
        self.assertEqual([row[0] for row in rows], names, r.describe())
        for row in rows:
            self.assertEqual(len(row), 2, row)
            archs = row[1].split(",")
            self.assertTrue(archs and set(archs) <= {"x86", "arm64"}, row)
            self.assertEqual(archs, sorted(archs, key=["x86", "arm64"].index), row)
        got = dict(rows)
        self.assertEqual(got["async_pf"], "x86")
        for sc in ("dekker", "halt", "mixed", "kick_all", "its", "sb", "handshake"):
            self.assertEqual(got[sc], "x86,arm64", sc)
        # the plain list shows the restriction on the scenario's own line
        self.assertRegex(text, r"(?m)^  async_pf .*\[x86 only\]$")
        self.assertNotRegex(text, r"(?m)^  dekker .*only\]$")
        # --tsv is for scenarios and verdicts only, never silently ignored
        for what in (["bugs"], ["models"], ["strategies"], []):
            with self.subTest(what=what):
                self.assertUsageError(self.reqsim("list", *what, "--tsv"), "--tsv")

    def test_refused_on_an_arch_it_does_not_run_on(self):
        crash = self.write("crash.bin", b"\x00\x01")
        cases = [
            ["explore", "async_pf", "--arch", "arm64", "--bug", "apf-drop-on-reset",
             "--param", "reset=1"],
            ["explore", "async_pf", "--arch", "arm64", "--all-models", "--budget", 5],
            ["explore", "async_pf", "--arch", "arm64", "--strategy", "dfs", "--budget", 5],
            ["explore", "async_pf", "--arch", "arm64", "--jobs", 2, "--budget", 5],
            ["run", "async_pf", "--arch", "arm64"],
            ["run", "async_pf", "--arch", "arm64", "--bytes", crash],
            ["import", crash, "--config", "scenario=async_pf model=sc arch=arm64 bugs=-"],
        ]
        for args in cases:
            with self.subTest(args=args):
                r = self.reqsim(*args)
                self.assertUsageError(r, self.X86_ONLY)
                self.assertEqual(r.out, "", r.describe())
        self.assertEqual(sorted(os.listdir(self.tmp)), ["crash.bin"], "files left behind")
        # the same scenario on x86, and an unrestricted one on arm64, run
        self.assertGood(self.reqsim("run", "async_pf", "--arch", "x86", "--seed", 1), 0)
        self.assertGood(self.reqsim("run", "dekker", "--arch", "arm64", "--seed", 1), 0)

    def test_replay_and_minimize_refuse_a_file_for_another_arch(self):
        s = self.path("apf.sched")
        r = self.reqsim("run", "async_pf", "--bug", "apf-drop-on-reset", "--param",
                        "reset=1", "--seed", 1, "--save", s)
        self.assertGood(r, 0, 1)
        text = self.read_output(s, r)
        self.assertRegex(text, r"(?m)^arch x86$")
        arm = self.write("apf-arm64.sched", re.sub(r"(?m)^arch x86$", "arch arm64", text))
        for cmd in ("replay", "minimize"):
            with self.subTest(cmd=cmd):
                r = self.reqsim(cmd, arm)
                self.assertUsageError(r, "%s: %s" % (arm, self.X86_ONLY))
                self.assertEqual(r.out, "", r.describe())
        self.assertGood(self.reqsim("replay", s), 0, 1)

    def test_explore_all_skips_what_does_not_run_on_the_arch(self):
        r = self.reqsim("explore", "all", "--arch", "arm64", "--strategy", "random",
                        "--budget", 2, "--out", "o")
        self.assertGood(r, 0, 1)
        self.assertIn("skipped async_pf: %s\n" % self.X86_ONLY, r.out, r.describe())
        self.assertNotIn("scenario=async_pf", r.out, r.describe())
        explored = re.findall(r"(?m)^explored scenario=(\S+) model=sc arch=arm64 ", r.out)
        names, _ = self.scenario_names()
        self.assertEqual(explored, [n for n in names if n != "async_pf"], r.describe())
        self.assertRegex(r.out, r"(?m)^total: ", r.describe())
        # x86: nothing skipped
        r = self.reqsim("explore", "all", "--strategy", "random", "--budget", 1,
                        "--out", "o")
        self.assertGood(r, 0, 1)
        self.assertNotIn("skipped", r.out, r.describe())
        self.assertIn("explored scenario=async_pf ", r.out, r.describe())
        # and --help says so
        h = self.reqsim("help")
        self.assertRegex(h.out, r"(?s)explore:\n  all .*skipped", h.describe())


# =====================================================================================
# numbers and texts that must say what is true
# =====================================================================================


class NumbersAndTexts(ReqsimTestCase):
    HUGE = "99999999999999999999"

    def test_too_large_is_out_of_range(self):
        h = self.HUGE
        cases = [
            (["explore", "sb", "--budget", h], "--budget"),
            (["run", "sb", "--seed", h], "--seed"),
            (["run", "sb", "--seed", "18446744073709551616"], "--seed"),
            (["run", "sb", "--run", h], "--run"),
            (["run", "sb", "--steps-max", h], "--steps-max"),
            (["run", "sb", "--depth", h], "--depth"),
            (["explore", "sb", "--depth-max", h], "--depth-max"),
            (["explore", "sb", "--jobs", h], "--jobs"),
            (["explore", "sb", "--preemptions", h], "--preemptions"),
            (["run", "dekker", "--param", "vcpus=" + h], "--param vcpus"),
            (["run", "dekker", "--param", "vcpus=-" + h], "--param vcpus"),
            (["import", "x.bin", "--config", "scenario=dekker vcpus=" + h], "--param vcpus"),
            (["litmus", "--budget", h, "x.litmus"], "--budget"),
        ]
        for args, opt in cases:
            with self.subTest(args=args):
                r = self.reqsim(*args)
                self.assertUsageError(r, opt)
                self.assertIn("out of range", r.err, r.describe())
                self.assertNotIn("not a number", r.err, r.describe())
        # a word is still not a number
        self.assertUsageError(self.reqsim("explore", "sb", "--budget", "12x"), "not a number")
        self.assertUsageError(self.reqsim("run", "dekker", "--param", "vcpus=two"),
                              "not a number")

    def stress(self):
        exe = os.path.join(os.path.dirname(REQSIM), "reqsim-stress")
        if not os.access(exe, os.X_OK):
            self.skipTest("no reqsim-stress next to reqsim")

    def test_stress_too_large_is_out_of_range(self):
        self.stress()
        h = self.HUGE
        for args, opt in ((["--seed", h], "--seed"), (["--threads", h], "--threads"),
                          (["--watchdog-ms", h], "--watchdog-ms"),
                          (["--param", "mask=" + h], "--param mask"),
                          (["--seconds", "1e999"], "--seconds")):
            with self.subTest(args=args):
                r = self.reqsim("stress", "dekker", *args)
                self.assertUsageError(r, opt)
                self.assertIn("out of range", r.err, r.describe())

    def test_stress_reports_the_threads_it_ran(self):
        self.stress()
        for sc in ("dekker", "async_pf", "its"):
            with self.subTest(scenario=sc):
                r = self.reqsim("stress", sc, "--threads", 1, "--seconds", "0.2")
                self.assertGood(r, 0)
                cfg = re.search(r"(?m)^stress .* threads=(\d+) roles=(\S+) ", r.out)
                res = re.search(r"(?m)^result \S+ .* threads=(\d+) ", r.out)
                self.assertTrue(cfg and res, r.describe())
                # every role is a thread that ran (kworkers included)
                ran = sum(int(x.split(":")[1]) for x in cfg.group(2).split(","))
                self.assertEqual(ran, 2, r.describe())
                self.assertEqual(cfg.group(1), str(ran), r.describe())
                self.assertEqual(res.group(1), str(ran), r.describe())

    def test_list_strategies_is_current(self):
        r = self.reqsim("list", "strategies")
        self.assertGood(r, 0)
        self.assertNotIn("no reduction yet", r.out, r.describe())
        self.assertRegex(r.out, r"(?m)^  dfs .*DPOR", r.describe())


def main():
    global REQSIM
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.stderr.write("usage: %s PATH_TO_REQSIM [unittest options]\n" % sys.argv[0])
        sys.exit(2)
    REQSIM = os.path.abspath(sys.argv.pop(1))
    if not (os.path.isfile(REQSIM) and os.access(REQSIM, os.X_OK)):
        sys.stderr.write("%s: not an executable file: %s\n" % (sys.argv[0], REQSIM))
        sys.exit(2)
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
