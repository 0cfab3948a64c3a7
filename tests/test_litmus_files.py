#!/usr/bin/env python3
"""
tests/test_litmus_files.py: 'reqsim litmus' against the litmus tests of
tests/litmus/ and the malformed files of tests/litmus/bad/.

    python3 tests/test_litmus_files.py good|bad PATH_TO_REQSIM [unittest options]

good (ctest litmus_files, label unit):
  * every cell of tests/litmus/expected.txt (FILE MODEL VERDICT [race]): the
    Observation verdict of FILE under MODEL, enumerated exhaustively, is
    VERDICT, the enumeration is complete, the block has the line "Flag
    data-race" exactly when the cell says race, and exit status is 0;
  * every file's "Result:" line is its expected verdict under the weakest
    model listed (the file documents what the table checks);
  * every .litmus file of tests/litmus/ has its rows, and only models the
    table lists are checked (a model added later is run but ignored);
  * dfs with reduction reaches the final states of brute force on every file
    (under a sanitizer, REQSIM_TEST_SANITIZED=1, all but the three slowest).
bad (ctest litmus_bad_input, label cli):
  * every file of tests/litmus/bad/expected.txt (FILE LINE MESSAGE) exits 2
    with exactly one line on stderr, "reqsim: PATH:LINE: ...MESSAGE...";
  * several files at once and a directory: the good ones still run and get a
    summary row, each bad one gets an error row, and exit status is 2;
  * a missing '}' or ')' is a syntax error ("syntax error: expected '}' ..."),
    not an unsupported construct, and the summary's totals count syntax
    errors, unsupported constructs and other errors apart;
  * usage errors, --help, --budget (incomplete), --model, a file over 1 MiB,
    and a deterministic set of mutated files (truncations, byte flips):
    exit 0 or 2, never a crash or a sanitizer report.

Standard library only; every file the tests write goes to a temporary
directory.
"""
import os
import random
import re
import subprocess
import sys
import tempfile
import unittest

REQSIM = None
HERE = os.path.dirname(os.path.abspath(__file__))
LITMUS_DIR = os.path.join(HERE, "litmus")
BAD_DIR = os.path.join(LITMUS_DIR, "bad")
TIMEOUT = 600
# Set by tests/CMakeLists.txt for sanitizer builds.  There the brute-force
# enumeration of these three files is 150 of its 170 s (ASan, 2-core machine),
# so test_reduction_keeps_every_state leaves them out: the optimised build's
# run of the same test compares them, and test_verdicts still enumerates
# them (reduced) under the sanitizer.
SANITIZED = os.environ.get("REQSIM_TEST_SANITIZED") == "1"
BRUTE_SKIP_SANITIZED = {"Z6.0+locks+mb-after-spinlock.litmus", "Z6.0+locks.litmus",
                        "Z6.0+release+acquire-mb+mb.litmus"}

SANITIZER_MARKERS = ("AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer",
                     "runtime error:", "SUMMARY: ")
TEST_RE = re.compile(r"^Test (\S+) model=(\S+)$", re.M)
OBS_RE = re.compile(r"^Observation (\S+) (Never|Sometimes|Always) (\d+) (\d+)$", re.M)
SCHED_RE = re.compile(r"^Schedules (\d+) \((complete|incomplete)", re.M)


def run(args, cwd=None):
    p = subprocess.run([REQSIM, "litmus"] + args, cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=TIMEOUT)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    return p.returncode, out, err


def no_crash(tc, rc, err, what):
    tc.assertGreaterEqual(rc, 0, "%s: killed by signal %d\n%s" % (what, -rc, err))
    for m in SANITIZER_MARKERS:
        tc.assertNotIn(m, err, "%s: sanitizer report\n%s" % (what, err))


def blocks(out):
    """(name, model) -> (verdict, pos, neg, complete, race) from herd7-style
    blocks."""
    res = {}
    for chunk in out.split("\n\n"):
        t, o, s = TEST_RE.search(chunk), OBS_RE.search(chunk), SCHED_RE.search(chunk)
        if t and o and s:
            res[(t.group(1), t.group(2))] = (o.group(2), int(o.group(3)),
                                             int(o.group(4)), s.group(2) == "complete",
                                             "\nFlag data-race\n" in "\n" + chunk)
    return res


def read_table(path):
    rows = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                rows.append(line.split(None, 2))
    return rows


def test_name(path):
    with open(path) as f:
        for line in f:
            if line.startswith("C "):
                return line.split()[1]
    return None


def result_word(path):
    with open(path) as f:
        m = re.search(r"Result:\s*([A-Za-z]+)", f.read())
    return m.group(1) if m else None


class Good(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.table = {}
        cls.races = {}
        for name, model, verdict in read_table(os.path.join(LITMUS_DIR, "expected.txt")):
            words = verdict.split()
            cls.table.setdefault(name, {})[model] = words[0]
            cls.races[(name, model)] = words[1:] == ["race"]
        cls.models = []
        for cells in cls.table.values():
            for m in cells:
                if m not in cls.models:
                    cls.models.append(m)

    def test_every_file_has_rows(self):
        files = sorted(f for f in os.listdir(LITMUS_DIR) if f.endswith(".litmus"))
        self.assertEqual(files, sorted(self.table), "tests/litmus/*.litmus vs expected.txt")
        for name, cells in self.table.items():
            self.assertEqual(sorted(cells), sorted(self.models), name)

    def test_result_lines_match_weakest_listed_model(self):
        weakest = self.models[-1]
        for name, cells in sorted(self.table.items()):
            with self.subTest(file=name):
                self.assertEqual(result_word(os.path.join(LITMUS_DIR, name)), cells[weakest])

    def test_verdicts(self):
        names = sorted(self.table)
        paths = [os.path.join(LITMUS_DIR, n) for n in names]
        rc, out, err = run(["-q"] + paths)
        no_crash(self, rc, err, "litmus " + " ".join(names))
        self.assertEqual(rc, 0, err)
        self.assertEqual(err, "")
        got = blocks(out)
        for name, path in zip(names, paths):
            tname = test_name(path)
            for model, want in sorted(self.table[name].items()):
                with self.subTest(file=name, model=model):
                    self.assertIn((tname, model), got, "no Observation block")
                    verdict, pos, neg, complete, race = got[(tname, model)]
                    self.assertTrue(complete, "enumeration incomplete")
                    self.assertEqual(verdict, want, "pos=%d neg=%d" % (pos, neg))
                    self.assertEqual(race, self.races[(name, model)], "Flag data-race")
        # The summary has one row per file, and the listed models agree with
        # their cells (whatever a model added later says).
        for name in names:
            self.assertRegex(out, re.compile(r"^\S*%s\s" % re.escape(name), re.M))
        self.assertIn("%d file(s): %d ran, 0 failed" % (len(names), len(names)), out)

    def test_reduction_keeps_every_state(self):
        """dfs with partial-order reduction reaches exactly the final states
        (and race flags) of brute force, on every file under every model
        (it once lost CoWR's x=2 r0=2 under TSO/PSO/wmm, a forwarded load
        taken as independent of its own drain, and Trylock-exclusion's
        failed trylocks under SC, an unlock taken as never co-enabled with a
        trylock)."""
        names = sorted(set(self.table) - (BRUTE_SKIP_SANITIZED if SANITIZED else set()))
        paths = [os.path.join(LITMUS_DIR, n) for n in names]
        states = {}
        for flag in ([], ["--no-reduction"]):
            rc, out, err = run(flag + paths)
            no_crash(self, rc, err, "litmus " + " ".join(flag))
            self.assertEqual(rc, 0, err)
            for chunk in out.split("\n\n"):
                t = TEST_RE.search(chunk)
                m = re.search(r"(?ms)^States \d+\n(.*?)^(?:Ok|No)$", chunk)
                if t and m:
                    key = (t.group(1), t.group(2))
                    got = (sorted(m.group(1).splitlines()), "Flag data-race" in chunk)
                    states.setdefault(key, []).append(got)
        self.assertGreaterEqual(len(states), len(names) * len(self.models))
        for key, (reduced, brute) in sorted(states.items()):
            with self.subTest(test=key[0], model=key[1]):
                self.assertEqual(reduced, brute)

    def test_single_file_no_summary(self):
        rc, out, err = run([os.path.join(LITMUS_DIR, "SB.litmus")])
        self.assertEqual(rc, 0, err)
        self.assertNotIn("Summary", out)
        self.assertRegex(out, r"(?m)^States 4$")
        self.assertRegex(out, r"(?m)^0:r0=0; 1:r0=0;$")
        self.assertRegex(out, r"(?m)^Condition exists \(0:r0=0 /\\ 1:r0=0\)$")
        self.assertRegex(out, r"(?m)^Time SB \d+\.\d\d$")


    def test_witness(self):
        sb = os.path.join(LITMUS_DIR, "SB.litmus")
        rc, out, err = run(["-q", "--witness", "--model", "tso", sb])
        self.assertEqual(rc, 0, err)
        self.assertRegex(out, r"(?m)^Witness SB model=tso schedule \d+: .*0:r0=0; 1:r0=0;$")
        # Every access is labelled with its statement in the litmus file.
        self.assertRegex(out, r"WRITE_ONCE\(\*x, 1\); x=1 \(buffered\)")
        self.assertIn("r0 = READ_ONCE(*y); -> 0", out)
        # No witness when the proposition never holds; forall: a falsifying one.
        rc, out, err = run(["-q", "--witness", os.path.join(LITMUS_DIR, "SB+mbs.litmus")])
        self.assertEqual(rc, 0, err)
        self.assertNotRegex(out, r"(?m)^Witness ")
        rc, out, err = run(["-q", "--witness", "--model", "sc",
                            os.path.join(LITMUS_DIR, "Lost-update.litmus")])
        self.assertEqual(rc, 0, err)
        self.assertRegex(out, r"(?m)^Witness Lost-update model=sc schedule \d+: v=1;$")


    def test_load_buffering_variants(self):
        """wmm runs the reordered variants (litmus/reorder.c): LB has 2x2,
        the witness names the swap, the other models run the program alone,
        a dependency leaves no variant, and too many variants make the
        enumeration incomplete rather than silently partial."""
        lb = os.path.join(LITMUS_DIR, "LB.litmus")
        rc, out, err = run(["-q", "--witness", lb])
        self.assertEqual(rc, 0, err)
        for chunk in out.split("\n\n"):
            t = TEST_RE.search(chunk)
            if not t or not chunk.startswith("Test"):
                continue
            if t.group(2) == "wmm":
                self.assertRegex(chunk, r"(?m)^Variants 4 ")
            else:
                self.assertNotIn("Variants", chunk)
        self.assertRegex(out, r"(?m)^Witness LB model=wmm schedule \d+: 0:r0=1; 1:r0=1;\n"
                              r"Reordered \(independent load and store\): P[01]: line \d+ "
                              r"before line \d+")
        rc, out, err = run(["-q", "--model", "wmm", os.path.join(LITMUS_DIR, "LB+datas.litmus")])
        self.assertEqual(rc, 0, err)
        self.assertNotIn("Variants", out)
        with tempfile.TemporaryDirectory(prefix="reqsim-litmus-") as tmp:
            body = "".join("\tr%d = READ_ONCE(*a%d);\n" % (i, i) for i in range(6))
            body += "".join("\tWRITE_ONCE(*b%d, 1);\n" % i for i in range(6))
            params = ", ".join(["int *a%d" % i for i in range(6)] +
                               ["int *b%d" % i for i in range(6)])
            regs = "".join("\tint r%d;\n" % i for i in range(6))
            path = os.path.join(tmp, "many.litmus")
            with open(path, "w") as f:
                f.write("C many\n\n{}\n\nP0(%s)\n{\n%s\n%s}\n\nexists (0:r0=1)\n"
                        % (params, regs, body))
            rc, out, err = run(["-q", "--model", "wmm", path])
            self.assertEqual(rc, 0, err)
            self.assertIn("incomplete: too many reordered variants", out)
            # the variants kept still run: the program itself among them
            obs = OBS_RE.search(out)
            self.assertTrue(obs and int(obs.group(3)) + int(obs.group(4)) > 0, out)
            self.assertRegex(out, r"(?m)^Variants %d " % 64)
            rc, out, err = run(["-q", "--model", "pso", path])
            self.assertEqual(rc, 0, err)
            self.assertRegex(out, r"(?m)^Schedules \d+ \(complete")


class Bad(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="reqsim-litmus-")

    def tearDown(self):
        self.tmp.cleanup()

    def test_each_bad_file(self):
        rows = read_table(os.path.join(BAD_DIR, "expected.txt"))
        files = sorted(f for f in os.listdir(BAD_DIR) if f.endswith(".litmus"))
        self.assertEqual(files, sorted(r[0] for r in rows), "bad/*.litmus vs expected.txt")
        for name, line, msg in rows:
            with self.subTest(file=name):
                path = os.path.join(BAD_DIR, name)
                rc, out, err = run([path])
                no_crash(self, rc, err, name)
                self.assertEqual(rc, 2, out + err)
                lines = err.splitlines()
                self.assertEqual(len(lines), 1, err)
                prefix = "reqsim: %s:%s: " % (path, line)
                self.assertTrue(lines[0].startswith(prefix), "%r does not start with %r"
                                % (lines[0], prefix))
                self.assertIn(msg, lines[0])
                self.assertNotIn("Observation", out)

    def test_mixed_files_and_directory(self):
        good = [os.path.join(LITMUS_DIR, f) for f in ("SB.litmus", "MP.litmus")]
        bad = [os.path.join(BAD_DIR, f) for f in ("address-of.litmus", "gap.litmus")]
        rc, out, err = run(["-q", good[0], bad[0], good[1], bad[1]])
        self.assertEqual(rc, 2)
        self.assertEqual(len(err.splitlines()), 2, err)
        self.assertIn("4 file(s): 2 ran, 2 failed", out)
        for p in good:
            self.assertRegex(out, re.compile(r"^%s\s+Sometimes\s" % re.escape(p), re.M))
        for p in bad:
            self.assertRegex(out, re.compile(r"^%s\s.*ERROR line \d+: " % re.escape(p), re.M))
        # A directory: every *.litmus below it, sorted, bad ones included.
        rc, out, err = run(["-q", "--model", "sc", LITMUS_DIR])
        no_crash(self, rc, err, "litmus DIR")
        self.assertEqual(rc, 2)
        nbad = len([f for f in os.listdir(BAD_DIR) if f.endswith(".litmus")])
        ngood = len([f for f in os.listdir(LITMUS_DIR) if f.endswith(".litmus")])
        self.assertIn("%d file(s): %d ran, %d failed" % (nbad + ngood, ngood, nbad), out)
        self.assertEqual(len(err.splitlines()), nbad)
        rows = [l.split()[0] for l in out.splitlines() if l.startswith(LITMUS_DIR)]
        self.assertEqual(rows, sorted(rows))
        self.assertEqual(len(rows), nbad + ngood)

    def test_syntax_errors_counted_apart(self):
        """A missing '}' is a syntax error, not an unsupported construct 'P1',
        and the summary counts syntax errors, unsupported constructs and other
        errors apart."""
        syntax = [os.path.join(BAD_DIR, f) for f in ("missing-brace.litmus",
                                                     "missing-paren.litmus")]
        unsupported = os.path.join(BAD_DIR, "goto.litmus")
        other = os.path.join(BAD_DIR, "gap.litmus")
        good = os.path.join(LITMUS_DIR, "SB.litmus")
        rc, out, err = run(["-q", syntax[0], unsupported, good, other, syntax[1]])
        no_crash(self, rc, err, "mixed failures")
        self.assertEqual(rc, 2, out + err)
        lines = err.splitlines()
        self.assertEqual(len(lines), 4, err)
        self.assertEqual(lines[0], "reqsim: %s:22: syntax error: expected '}' before 'P1' "
                         "(the block opened at line 16 is not closed)" % syntax[0])
        self.assertTrue(lines[3].startswith("reqsim: %s:12: syntax error: expected ')' "
                                            "before ';'" % syntax[1]), lines[3])
        self.assertNotIn("'P1'", lines[1] + lines[2])
        self.assertIn("5 file(s): 1 ran, 4 failed (2 syntax errors, 1 unsupported, "
                      "1 other error)\n", out)
        self.assertNotIn("unsupported construct 'P1'", out)
        self.assertRegex(out, re.compile(r"^%s\s.*ERROR line 22: syntax error: expected '}'"
                                         % re.escape(syntax[0]), re.M))
        self.assertIn("  failed: 1 x unsupported construct 'goto'\n", out)

    def test_usage(self):
        rc, out, err = run(["--help"])
        self.assertEqual(rc, 0)
        self.assertIn("usage: reqsim litmus", out)
        for args in ([], ["--model", "nosuch", "x.litmus"], ["--budget", "0", "x.litmus"],
                     ["--frobnicate"], ["--budget"]):
            with self.subTest(args=args):
                rc, out, err = run(args)
                no_crash(self, rc, err, " ".join(args))
                self.assertEqual(rc, 2)
                self.assertEqual(len(err.splitlines()), 1, err)
                self.assertTrue(err.startswith("reqsim: "), err)
        rc, out, err = run([os.path.join(self.tmp.name, "missing.litmus")])
        no_crash(self, rc, err, "missing file")
        self.assertEqual(rc, 2)
        self.assertEqual(len(err.splitlines()), 1, err)
        empty = os.path.join(self.tmp.name, "emptydir")
        os.mkdir(empty)
        rc, out, err = run([empty])
        no_crash(self, rc, err, "empty directory")
        self.assertEqual(rc, 2)
        self.assertIn("no .litmus files", err)

    def test_budget_and_model(self):
        iriw = os.path.join(LITMUS_DIR, "IRIW+mbs.litmus")
        rc, out, err = run(["-q", "--budget", "10", "--model", "pso", iriw])
        self.assertEqual(rc, 0, err)
        got = blocks(out)
        self.assertEqual(list(got), [("IRIW+mbs", "pso")])
        self.assertFalse(got[("IRIW+mbs", "pso")][3])
        self.assertRegex(out, r"(?m)^Schedules 10 \(incomplete: budget reached")

    def test_too_large(self):
        path = os.path.join(self.tmp.name, "big.litmus")
        with open(path, "w") as f:
            f.write("C big\n(*" + "x" * (1 << 20) + "*)\n{}\n")
        rc, out, err = run([path])
        self.assertEqual(rc, 2)
        self.assertRegex(err, r"^reqsim: .*big\.litmus:1: file too large")

    def test_mutations_never_crash(self):
        rnd = random.Random(1)
        srcs = sorted(f for f in os.listdir(LITMUS_DIR) if f.endswith(".litmus"))
        d = os.path.join(self.tmp.name, "mut")
        os.mkdir(d)
        n = 0
        for name in srcs:
            data = open(os.path.join(LITMUS_DIR, name), "rb").read()
            variants = [data[:rnd.randrange(len(data))] for _ in range(3)]
            for _ in range(3):
                b = bytearray(data)
                for _ in range(rnd.randrange(1, 4)):
                    b[rnd.randrange(len(b))] = rnd.choice(b"(){};*,=/\\~:0123456789xPr \n\x00\xff")
                variants.append(bytes(b))
            for v in variants:
                with open(os.path.join(d, "m%04d.litmus" % n), "wb") as f:
                    f.write(v)
                n += 1
        rc, out, err = run(["-q", "--budget", "2000", d])
        no_crash(self, rc, err, "mutated files")
        self.assertIn(rc, (0, 2))
        self.assertIn("%d file(s): " % n, out)
        for line in err.splitlines():
            self.assertRegex(line, r"^reqsim: %s/m\d{4}\.litmus:\d+: \S" % re.escape(d))


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("good", "bad"):
        sys.exit("usage: test_litmus_files.py good|bad PATH_TO_REQSIM [unittest options]")
    which, REQSIM = sys.argv[1], os.path.abspath(sys.argv[2])
    suite = unittest.TestLoader().loadTestsFromTestCase(Good if which == "good" else Bad)
    r = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if r.wasSuccessful() else 1)
