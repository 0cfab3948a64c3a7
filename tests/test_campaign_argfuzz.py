#!/usr/bin/env python3
"""Argument fuzz of tools/campaign.py (ctest campaign_argfuzz, label tools).

    test_campaign_argfuzz.py REQSIM [unittest options]

A few hundred command lines, generated from a seeded PRNG (the same ones on
every run) out of the options campaign.py's --help lists: a small valid
campaign (one or a few cells of 20 schedules, or a budget of a second) with
options replaced by random, hostile or valid values ('', '-1', huge numbers,
the store itself, /etc/passwd/x, a directory, /dev/null, the reqsim binary,
';' and quotes, unicode, bytes that are not UTF-8), removed, repeated, given
without a value or in the --opt=value form, plus --list and --resume lines.
Always with --no-build and --reqsim (a copy of REQSIM, so that a hostile
value naming it cannot hurt the real one).  Each line runs against its own
copy of a real store (a tiny campaign, and an interrupted one to resume) in
its own scratch directory, as cwd.  After every command:

  - exit status 0, 1 or 2, never a traceback; 1 or 2: one line on stderr;
  - exit 2: the store is byte for byte what it was and every table has the
    rows it had (nothing is written before every check passed);
  - --list and --help: the store unchanged as well;
  - 0 or 1 after a campaign ran: no campaign of the store is left 'running';
    0: no campaign has all its cells failed; 1: one has (and said so);
  - the reqsim copy and /etc/passwd unchanged, no file a hostile value
    would create by reaching a shell (PWNED) anywhere.

Seed and count: REQSIM_ARGFUZZ_SEED, REQSIM_ARGFUZZ_CAMPAIGN_N (default 250).
Two commands run at a time.  Output paths are always inside the scratch
directory (a --work outside it is /etc/passwd/x or /dev/null, which cannot be
created), so the fuzz is safe as root.
"""
from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path
from typing import Sequence, Union

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_campaign import table_counts as counts  # noqa: E402  (one definition)

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
CAMPAIGN = Path(os.environ.get("CAMPAIGN_PY") or TOOLS / "campaign.py")
REQSIM = os.environ.get("REQSIM", str(ROOT / "build" / "default" / "reqsim"))
SEED = int(os.environ.get("REQSIM_ARGFUZZ_SEED", "20260604"))
N = int(os.environ.get("REQSIM_ARGFUZZ_CAMPAIGN_N", "0")) or 250
WORKERS = 2
TIMEOUT = 180.0
HOSTILE = "<b>x</b>'\"; touch PWNED $(touch PWNED) `touch PWNED`"
TINY_CELL = ["--schedules", "20", "--scenarios", "dekker", "--models", "sc",
             "--engines", "pct", "--archs", "x86", "--bug-sets", "none", "--jobs", "1"]

Arg = Union[str, bytes]


def sha(path: Path | str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def statuses(db: Path) -> list[tuple[int, str, int, int]]:
    """(id, status, cells, failed cells) of every campaign."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return [tuple(r) for r in con.execute(
            "SELECT c.id, c.status, (SELECT COUNT(*) FROM runs r WHERE r.campaign_id=c.id),"
            " (SELECT COUNT(*) FROM runs r WHERE r.campaign_id=c.id AND r.state='error')"
            " FROM campaigns c ORDER BY c.id")]
    finally:
        con.close()


def campaign_cmd(*args: Arg) -> list[Arg]:
    return [sys.executable, str(CAMPAIGN), *args]


class Fixture:
    """The scratch directory, the base store, the reqsim copy."""

    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="reqsim-campaign-argfuzz-"))
        self.bin = self.tmp / "bin" / "reqsim"
        self.bin.parent.mkdir()
        shutil.copy2(REQSIM, self.bin)
        self.bin_sha = sha(self.bin)
        self.base = self.tmp / "base" / "r.db"
        self.base.parent.mkdir()
        # campaign 1 done; campaign 2 interrupted with its cells pending (--resume)
        for extra in ([], ["--seed", "5"]):
            p = subprocess.run(campaign_cmd("--reqsim", str(self.bin), "--no-build", "-q",
                                            "--db", str(self.base), *TINY_CELL, *extra),
                               capture_output=True, text=True, timeout=300)
            if p.returncode != 0:
                raise RuntimeError(f"base store: {p.stderr}")
        con = sqlite3.connect(self.base)
        con.execute("UPDATE campaigns SET status='interrupted' WHERE id=2")
        con.execute("UPDATE runs SET state='pending' WHERE campaign_id=2")
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        self.outside = {f: sha(f) for f in ("/etc/passwd",) if os.path.isfile(f)}

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


class Case:
    """One command's own directory: a copy of the base store, paths to throw."""

    def __init__(self, fx: Fixture, i: int) -> None:
        self.dir = fx.tmp / f"case{i:04d}"
        self.db = self.dir / "store" / "r.db"
        self.cwd = self.dir / "cwd" / "a"  # '..' stays inside the case
        self.text = self.dir / "notes.txt"
        self.subdir = self.dir / "somedir"
        self.fx = fx

    def prepare(self) -> None:
        self.db.parent.mkdir(parents=True)
        self.cwd.mkdir(parents=True)
        self.subdir.mkdir()
        self.text.write_text("not a store\n")
        shutil.copyfile(self.fx.base, self.db)
        # the interrupted campaign works in this case's directory, not the base's
        con = sqlite3.connect(self.db)
        cfg = json.loads(con.execute("SELECT config FROM campaigns WHERE id=2").fetchone()[0])
        cfg["work"] = str(self.dir / "store" / "campaigns" / "c00002")
        con.execute("UPDATE campaigns SET config=? WHERE id=2", (json.dumps(cfg),))
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()

    # value pools ---------------------------------------------------------------------

    def generic(self) -> list[Arg]:
        return ["", "-1", "0", "1", "2", "99999999999999999999", str(1 << 64), "1e9", "nan",
                "inf", "0x10", " 7 ", "\u0663", "-", "--", ",", ";", "x;rm -rf x", "'", '"',
                "$(touch PWNED)", "`touch PWNED`", "a b", "\u00fcn\u00efc\u00f6d\u00e9",
                "\u65e5\u672c", "\u202ertl", "\U0001f4a5", "x" * 3000, b"\xff\xfe-bad-utf8",
                "all", "auto", "none", HOSTILE]

    def paths(self) -> list[Arg]:
        """Paths for --db, --work, --reqsim, ...: never one outside the case that
        could be created or written (/etc/passwd is a file: cannot be a
        directory, is not a store)."""
        d = str(self.db)
        return [d, d + "-wal", str(self.db.parent), "r.db", "../../store/r.db",
                "/etc/passwd/x", "/etc/passwd", os.devnull, str(self.fx.bin), str(self.text),
                str(self.subdir), str(self.dir / "new" / "deep"), "new-here", ".",
                str(self.db / "x"), str(self.text) + "/x",
                os.fsencode(str(self.dir)) + b"/\xff-dir"]

    def new_store(self) -> str:
        return str(self.dir / "fresh" / "n.db")


def pick(rng: random.Random, valid: Sequence[Arg], invalid: Sequence[Arg],
         case: Case) -> Arg:
    r = rng.random()
    if r < 0.45 and valid:
        return rng.choice(valid)
    if r < 0.85:
        return rng.choice(invalid)
    return rng.choice(case.generic())


def value_pools(case: Case) -> dict[str, tuple[list[Arg], list[Arg]]]:
    """(valid values, invalid values) of every option that takes one.  A valid
    line runs a second or two: never a big matrix or a long budget."""
    paths = case.paths()
    return {
        "--db": ([str(case.db)] * 4 + [case.new_store()], paths),
        "--budget": (["1s", "500ms", "0.5s", "1"],
                     ["0", "0s", "-1s", "soon", "1e3", "99999999999h", "9" * 400, "inf",
                      "nan", "", "1 h x", "1.5.2s"]),
        "--schedules": (["1", "5", "20", "20", "50"],
                        ["0", "-1", "", "1e3", "99999999999999999999", str((1 << 40) + 1),
                         "0x10", "\u0663", "2.5"]),
        "--engines": (["pct", "random", "dfs", "pct,random", "pct,dfs"],
                      ["", ",", "pct,pct", "magic", "libfuzzer", "afl", "pct;rm", "PCT",
                       "all", "pct,,dfs x"]),
        "--scenarios": (["dekker", "sb", "dekker,sb", "mp", "async_pf"],
                        ["", "nosuch", "dekker,dekker", "all,dekker", "../x", ",", "DEKKER"]),
        "--models": (["sc", "tso", "sc,tso", "all"],
                     ["", "xyz", "sc,sc", "all,sc", "SC", ","]),
        "--archs": (["x86", "arm64", "auto", "x86,arm64"],
                    ["", "riscv", "auto,x86", "x86,x86", ","]),
        "--bug-sets": (["none", "-", "no-mb-after-in-guest-mode", "verdicts",
                        "no-mb-after-in-guest-mode;-"],
                       ["", "nosuch", "a++b", "-;-", "+", ";", "x+x", "no-mb-after-in-guest-mode"
                        "+no-mb-after-in-guest-mode"]),
        "--seed": (["0", "1", "7", str((1 << 63) - 1)],
                   ["-1", str(1 << 63), str(1 << 64), "abc", "", "1.5", "0x10", "1e3"]),
        "--jobs": (["1", "2", "64"], ["0", "-1", "99999999", "two", "", "1.0"]),
        "-j": (["1", "2"], ["0", "-3", "x"]),
        "--name": (["nightly", "nightly run; rm -rf x", HOSTILE, "\u00fcn\u00ef \u65e5",
                    "x" * 3000], ["", "a\nb", "tab\there", b"\xff\xfe"]),
        "--work": (["w", str(case.dir / "work"), str(case.subdir)],
                   [p for p in paths if p not in (str(case.subdir),)]),
        "--reqsim": ([str(case.fx.bin)] * 3,
                     ["", "/bin/true", "/bin/false", str(case.db), str(case.subdir),
                      str(case.dir / "nosuch"), "/etc/passwd", str(case.text)]),
        "--libfuzzer": ([], ["", "/bin/true", str(case.db), str(case.fx.bin),
                             str(case.dir / "nosuch")]),
        "--afl": ([], ["", "/bin/true", str(case.db), str(case.dir / "nosuch")]),
        "--build-root": ([str(case.dir / "build")], ["", "/etc/passwd/x", str(case.db)]),
        "--cluster": ([], ["", "nowhere", "tcp://", "tcp://127.0.0.1", "tcp://127.0.0.1:0",
                           "tcp://127.0.0.1:70000", "tcp://127.0.0.1:1", "tcp://x;rm -rf y:1",
                           HOSTILE]),
        "--worker-root": ([], ["", "/tmp", str(case.dir / "nosuch")]),
        "--resume": (["1", "2"], ["0", "-1", "abc", "", "99999999999999999999999", "3"]),
    }


FLAGS = ["--list", "--no-build", "--quiet", "-q", "--help", "-h"]


def help_options() -> set[str]:
    p = subprocess.run(campaign_cmd("--help"), capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        raise RuntimeError(f"campaign.py --help: exit {p.returncode}: {p.stderr}")
    out: set[str] = set()
    for line in p.stdout.splitlines():
        if line.startswith("  -"):  # "  --jobs N, -j N     cores to use ..."
            out.update(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", line.strip().split("  ")[0]))
    return out


def as_text(v: Arg) -> str:
    return v if isinstance(v, str) else v.decode("latin-1")


def command_line(rng: random.Random, case: Case, options: set[str]) -> list[Arg]:
    """One line: mostly the tiny valid campaign with a few options changed."""
    pools = value_pools(case)
    for o in options - set(pools) - set(FLAGS):  # an option this fuzz does not know yet
        pools[o] = ([], case.generic())
    kind = rng.random()
    if kind < 0.12:  # resume
        argv: list[Arg] = ["--db", str(case.db), "--resume"]
        if rng.random() < 0.7:
            argv.append(pick(rng, *pools["--resume"], case))
    elif kind < 0.27:  # list: anything goes, the whole matrix too
        argv = ["--list"]
        for o in rng.sample(sorted(pools), rng.randint(0, 4)):
            if o in ("--resume",):
                continue
            argv += [o, pick(rng, *pools[o], case)]
    else:
        pairs = [TINY_CELL[i:i + 2] for i in range(0, len(TINY_CELL), 2)]
        pairs = [["--db", str(case.db)]] + [list(p) for p in pairs]
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            r = rng.random()
            o = rng.choice(sorted(pools))
            if r < 0.55:  # change (or add) an option's value
                v = pick(rng, *pools[o], case)
                for pr in pairs:
                    if pr[0] == o:
                        pr[1] = v
                        break
                else:
                    pairs.append([o, v])
            elif r < 0.7:  # leave one out
                i = rng.randrange(len(pairs))
                pairs.pop(i)
            elif r < 0.8:  # given twice
                pairs.append([o, pick(rng, *pools[o], case)])
            elif r < 0.88:  # --opt=value
                v = pick(rng, *pools[o], case)
                pairs.append([o + "=" + as_text(v)] if o.startswith("--") else [o, v])
            elif r < 0.94:  # no value
                pairs.insert(rng.randrange(len(pairs) + 1), [o])
            else:
                pairs.append([rng.choice(["--bogus", "-x", "--sched", "--s", "--", "-"])])
        argv = [a for pr in pairs for a in pr]
        names = {as_text(a).split("=")[0] for a in argv}
        # a line that would run must stay small: a limit, and not every scenario
        if not names & {"--schedules", "--budget", "--sched", "--s"}:
            argv += ["--schedules", "20"]
        if "--scenarios" not in names:
            argv += ["--scenarios", "dekker"]
    if rng.random() < 0.1:
        argv.insert(rng.randrange(len(argv) + 1), rng.choice(FLAGS[:1] + FLAGS[2:4]))
    if rng.random() < 0.8:
        argv.append("-q")
    # always: no cmake, and the reqsim copy (a later --reqsim in argv wins)
    return ["--no-build", "--reqsim", str(case.fx.bin), *argv]


def shown(argv: Sequence[Arg]) -> str:
    return " ".join(repr(a)[:80] for a in argv)


class Result:
    def __init__(self, i: int, argv: list[Arg], rc: int | None, out: str, err: str,
                 before: dict[str, object], after: dict[str, object]) -> None:
        self.i, self.argv, self.rc, self.out, self.err = i, argv, rc, out, err
        self.before, self.after = before, after


def state(case: Case) -> dict[str, object]:
    return {"sha": sha(case.db), "counts": counts(case.db), "status": statuses(case.db)}


def run_case(fx: Fixture, i: int, argv: list[Arg], case: Case) -> Result:
    before = state(case)
    try:
        env = {k: v for k, v in os.environ.items() if k != "REQSIM_TRACEBACK"}
        p = subprocess.run(campaign_cmd(*argv), capture_output=True, cwd=case.cwd,
                           timeout=TIMEOUT, env=env)
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        rc, out, err = None, e.stdout or b"", e.stderr or b""
    after = state(case) if case.db.exists() else {}
    res = Result(i, argv, rc, out.decode(errors="replace"), err.decode(errors="replace"),
                 before, after)
    if rc == 0 or rc == 2:  # keep the scratch space small; failures keep their case
        shutil.rmtree(case.dir, ignore_errors=True)
    return res


class CampaignArgFuzzTest(unittest.TestCase):
    def setUp(self) -> None:
        self.fx = Fixture()

    def tearDown(self) -> None:
        self.fx.close()

    def test_campaign_py(self) -> None:
        t0 = time.monotonic()
        options = help_options()
        known = {"--db", "--budget", "--schedules", "--engines", "--scenarios", "--models",
                 "--archs", "--bug-sets", "--seed", "--jobs", "--name", "--work", "--reqsim",
                 "--libfuzzer", "--afl", "--no-build", "--build-root", "--resume", "--list",
                 "--quiet"}
        self.assertLessEqual(known, options, "campaign.py --help lost an option")
        rng = random.Random(f"{SEED}:campaign.py")
        jobs = []
        for i in range(N):
            case = Case(self.fx, i)
            jobs.append((i, command_line(rng, case, options), case))
        for _, _, case in jobs:
            case.prepare()
        codes: dict[int | None, int] = {}
        with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
            results = list(pool.map(lambda j: run_case(self.fx, *j), jobs))
        for res in results:
            codes[res.rc] = codes.get(res.rc, 0) + 1
            what = (f"campaign.py #{res.i}: {shown(res.argv)}\nexit {res.rc}\n"
                    f"stderr: {res.err[:2000]}\nstdout: {res.out[-1000:]}")
            with self.subTest(i=res.i):
                self.assertNotIn("Traceback", res.err + res.out, what)
                self.assertIn(res.rc, (0, 1, 2), what)
                if res.rc in (1, 2):
                    self.assertEqual(len(res.err.strip().splitlines()), 1, what)
                listing = any(a in ("--list", "--help", "-h") for a in res.argv)
                if res.rc == 2 or (res.rc == 0 and listing):
                    self.assertEqual(res.after, res.before, "the store changed: " + what)
                elif res.rc in (0, 1):
                    camps = res.after.get("status", [])
                    self.assertNotIn("running", [c[1] for c in camps], what)
                    all_failed = [c for c in camps if c[2] and c[3] == c[2]]
                    if res.rc == 0:
                        self.assertEqual(all_failed, [], "exit 0, every cell failed: " + what)
                    else:
                        self.assertTrue(all_failed, what)
                        self.assertIn("every cell", res.err, what)
        self.assertEqual(sha(self.fx.bin), self.fx.bin_sha, "the reqsim copy was modified")
        for f, h in self.fx.outside.items():
            self.assertEqual(sha(f), h, f"{f} changed")
        for dirpath, dirnames, filenames in os.walk(self.fx.tmp):
            self.assertNotIn("PWNED", filenames + dirnames, dirpath)
        self.assertFalse(Path("/etc/passwd/x").exists())
        print(f"\ncampaign.py: {N} command lines, exit codes "
              f"{dict(sorted(codes.items(), key=str))} in {time.monotonic() - t0:.1f}s "
              f"(seed {SEED})", file=sys.stderr)
        # the fuzz reached the working and the failing paths
        self.assertGreater(codes.get(0, 0), N // 10, codes)
        self.assertGreater(codes.get(2, 0), N // 4, codes)


def main() -> int:
    global REQSIM
    argv = sys.argv[1:]
    if argv and not argv[0].startswith("-") and os.path.sep in argv[0]:
        REQSIM = str(Path(argv.pop(0)).resolve())
    res = unittest.main(argv=[sys.argv[0], *argv], exit=False).result
    return 0 if res.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
