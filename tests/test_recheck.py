#!/usr/bin/env python3
"""Tests of the status of violations per build (tools/recheck.py, the
lifecycle in tools/store.py, schema 3).

  MigrationTest   a store made by main before issue 18 (commit fbe7160, schema
                  2; tests/data/store_v2_fbe7160.sql) migrates keeping every
                  row of every table, fills git_commit/git_dirty from git_rev,
                  and every violation is open
  LifecycleTest   a synthetic store: open -> fixed -> regressed -> fixed, other
                  signature, unfit-found/gone, config-gone, error, a sighting
                  winning over a re-check; one row per (violation, campaign);
                  store.py list open|fixed|regressed and history, bad input
  ClassifyTest    the replay verdicts and the PCT fallback, against a fake
                  reqsim (a script printing reqsim's lines): every status;
                  kill -9 mid-way keeps what was recorded, --campaign adds the rest
  EndToEndTest    (needs the reqsim binary, argv[1]) a campaign re-checks its
                  store; --no-recheck and recheck.py --campaign; then a second
                  reqsim compiled from a patched copy of this tree in a temp
                  dir, in which the bug variant no-mb-after-in-guest-mode is a
                  no-op on x86 (core/x86.c always issues the barrier): its x86
                  violations stop reproducing (fixed in that build), the rest
                  reproduce; the first build again: regressed; the report.

Run: python3 tests/test_recheck.py [path/to/reqsim]   (without it EndToEndTest
is skipped).
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))

import recheck  # noqa: E402
import store  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "data" / "store_v2_fbe7160.sql"
REQSIM = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 and \
    os.path.isfile(sys.argv[1]) else None  # else: unittest's arguments
TABLES = ("campaigns", "runs", "violations", "findings", "samples", "ingested")
ORDER = {t: "rowid" for t in TABLES} | {"ingested": "run_id, source"}  # WITHOUT ROWID


def tool(name: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOLS / name), *args], capture_output=True,
                          text=True, timeout=timeout)


def load_fixture(db: Path) -> None:
    con = sqlite3.connect(db)
    con.executescript(FIXTURE.read_text(encoding="utf-8"))
    con.close()


class Tmp(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="recheck-test-"))

    def tearDown(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


class MigrationTest(Tmp):
    def old_rows(self, db: Path) -> dict[str, list[tuple]]:
        con = sqlite3.connect(db)
        try:
            return {t: con.execute(f"SELECT * FROM {t} ORDER BY {ORDER[t]}").fetchall()
                    for t in TABLES}
        finally:
            con.close()

    def test_store_of_fbe7160_keeps_every_row(self) -> None:
        db = self.tmp / "old.db"
        load_fixture(db)
        con = sqlite3.connect(db)
        self.assertEqual(con.execute("PRAGMA user_version").fetchone()[0], 2)
        cols = {t: [r[1] for r in con.execute(f"PRAGMA table_info({t})")] for t in TABLES}
        con.close()
        before = self.old_rows(db)
        for t in TABLES:  # every table of the fixture is populated
            self.assertGreater(len(before[t]), 0, t)
        with store.open_store(db) as st:
            self.assertEqual(st.q1("PRAGMA user_version")[0], store.SCHEMA_VERSION)
            self.assertEqual(store.SCHEMA_VERSION, 3)
            for t in TABLES:
                after = [tuple(r) for r in st.q(f"SELECT {', '.join(cols[t])} FROM {t} "
                                                f"ORDER BY {ORDER[t]}")]
                self.assertEqual(after, before[t], f"{t}: rows changed by the migration")
            counts = {t: st.q1(f"SELECT COUNT(*) FROM {t}")[0] for t in TABLES}
            self.assertEqual(counts, {"campaigns": 2, "runs": 456, "violations": 4,
                                      "findings": 111, "samples": 912, "ingested": 111})
            self.assertEqual(st.q1("SELECT COUNT(*) FROM rechecks")[0], 0)
            camps = st.q("SELECT id, git_rev, git_commit, git_dirty, kind, reqsim_build "
                         "FROM campaigns ORDER BY id")
            self.assertEqual([tuple(c) for c in camps], [
                (1, "fbe716051d14", "fbe716051d14", 0, "campaign", "f13db3976dfb7867"),
                (2, "fbe716051d14-dirty", "fbe716051d14", 1, "campaign",
                 "f13db3976dfb7867")])
            v = st.violation("4c54655982202a32")
            self.assertEqual((v["kind"], v["scenario"], v["bugs"], v["hits"]),
                             ("missed-request", "dekker", "no-mb-after-in-guest-mode", 83))
            self.assertIn("decisions 13", v["min_schedule"])
            self.assertIn('"step"', store.decompress(v["trace_jsonl"]))
            life = st.lifecycles()
            self.assertEqual(len(life), 4)
            self.assertEqual({lc.state for lc in life.values()}, {"open"})
            self.assertEqual({lc.since.campaign_id for lc in life.values()}, {1})
            self.assertEqual(store.damaged_rows(st), [])
        p = tool("store.py", "--db", str(db), "check")
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_read_only_commands_migrate_in_memory(self) -> None:
        db = self.tmp / "old.db"
        load_fixture(db)
        p = tool("store.py", "--db", str(db), "list", "open")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len(p.stdout.strip().splitlines()), 5, p.stdout)  # header + 4
        self.assertIn("fbe716051d14", p.stdout)
        con = sqlite3.connect(db)
        self.assertEqual(con.execute("PRAGMA user_version").fetchone()[0], 2)
        con.close()

    def test_git_rev_that_is_not_a_commit(self) -> None:
        db = self.tmp / "old.db"
        load_fixture(db)
        con = sqlite3.connect(db)
        con.execute("UPDATE campaigns SET git_rev='unknown' WHERE id=1")
        con.execute("UPDATE campaigns SET git_rev=NULL WHERE id=2")
        con.commit()
        con.close()
        with store.open_store(db) as st:
            self.assertEqual([tuple(r) for r in st.q(
                "SELECT git_rev, git_commit, git_dirty FROM campaigns ORDER BY id")],
                [("unknown", None, None), (None, None, None)])
            ev = st.status_events()[1][0]
            self.assertEqual(ev.label, "build f13db3976dfb7867")


class LifecycleTest(Tmp):
    C = ["a" * 40, "b" * 40, "c" * 40, "d" * 40, "e" * 40, "f" * 40]

    def make(self) -> tuple[store.Store, list[int], dict[str, int]]:
        st = store.open_store(self.tmp / "r.db")
        cids = []
        for k, commit in enumerate(self.C):
            cids.append(st.begin_campaign(name=f"c{k}", config={}, git_rev=commit[:12],
                                          host="h", reqsim_build=f"build{k}",
                                          started=1_700_000_000.0 + 100 * k,
                                          git_commit=commit, git_dirty=(k == 4)))
        vids = {}
        for name in ("regress", "other", "unfit", "config", "seen", "twice", "err"):
            sig = name.ljust(16, "0")[:16]
            vids[name], new = st.record_finding(campaign_id=cids[0], run_id=None,
                                                source=None, when=1_700_000_001.0,
                                                v={"signature": sig, "kind": "k",
                                                   "scenario": "dekker", "model": "tso",
                                                   "arch": "x86", "bugs": "b"})
            self.assertTrue(new)

        def rc(name: str, k: int, status: str, **kw: object) -> None:
            how = kw.pop("how", "replay")
            st.record_recheck(violation_id=vids[name], campaign_id=cids[k], status=status,
                              how=how, when=1_700_000_002.0 + 100 * k, **kw)
        rc("regress", 1, "reproduces")
        rc("regress", 2, "fixed")
        rc("regress", 3, "unfit-gone", how="pct")
        rc("regress", 4, "unfit-found", how="pct")
        rc("other", 1, "other", other_signature="feedfacefeedface")
        rc("other", 2, "other", other_signature="feedfacefeedface")
        rc("unfit", 1, "unfit-found", how="pct")
        rc("unfit", 2, "unfit-gone", how="pct")
        rc("config", 1, "error", detail="replay timed out")
        rc("config", 2, "config-gone", how="pct")
        rc("seen", 1, "fixed")
        st.record_finding(campaign_id=cids[1], run_id=None, source=None,
                          v={"signature": "seen".ljust(16, "0"), "kind": "k",
                             "scenario": "dekker"})
        rc("twice", 1, "fixed")
        rc("twice", 2, "reproduces")
        rc("twice", 3, "fixed")
        rc("err", 1, "error")
        return st, cids, vids

    def test_lifecycle(self) -> None:
        st, cids, vids = self.make()
        with st:
            life = st.lifecycles()
            lc = life[vids["regress"]]
            self.assertEqual(lc.state, "regressed")
            self.assertEqual(lc.fixed_in.commit, self.C[2])
            self.assertEqual(lc.regressed_in.commit, self.C[4])
            self.assertEqual(lc.describe(), f"regressed in {self.C[4][:12]}-dirty")
            self.assertEqual(lc.states, ["open", "open", "fixed", "fixed", "regressed"])
            lc = life[vids["other"]]
            self.assertEqual((lc.state, lc.fixed_in.commit, lc.last.other),
                             ("fixed", self.C[1], "feedfacefeedface"))
            lc = life[vids["unfit"]]
            self.assertEqual((lc.state, lc.fixed_in.commit), ("fixed", self.C[2]))
            lc = life[vids["config"]]  # the error is no conclusion
            self.assertEqual((lc.state, lc.fixed_in.commit, lc.last.status),
                             ("fixed", self.C[2], "config-gone"))
            lc = life[vids["seen"]]  # a sighting on build 1 wins over its re-check
            self.assertEqual(lc.state, "open")
            self.assertEqual([(e.status, e.how) for e in lc.events],
                             [("reproduces", "found"), ("reproduces", "found")])
            lc = life[vids["twice"]]  # fixed, regressed, fixed again: the last fix
            self.assertEqual((lc.state, lc.fixed_in.commit), ("fixed", self.C[3]))
            lc = life[vids["err"]]
            self.assertEqual((lc.state, lc.last.status), ("open", "reproduces"))
            self.assertEqual(lc.describe(), f"open since {self.C[0][:12]}")
            # one row per (violation, campaign): the first result stays
            self.assertFalse(st.record_recheck(violation_id=vids["regress"],
                                               campaign_id=cids[2], status="reproduces",
                                               how="replay"))
            self.assertEqual(st.q1("SELECT status FROM rechecks WHERE violation_id=? AND "
                                   "campaign_id=?", (vids["regress"], cids[2]))[0], "fixed")
            with self.assertRaises(ValueError):
                st.record_recheck(violation_id=1, campaign_id=cids[5], status="gone",
                                  how="replay")
            with self.assertRaises(ValueError):
                st.record_recheck(violation_id=1, campaign_id=cids[5], status="fixed",
                                  how="magic")

    def test_cli(self) -> None:
        st, cids, vids = self.make()
        st.close()
        db = str(self.tmp / "r.db")

        def sigs(what: str) -> set[str]:
            p = tool("store.py", "--db", db, "list", what)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stderr, "")
            return {ln.split()[0] for ln in p.stdout.splitlines()[1:]}
        self.assertEqual(sigs("open"), {"seen000000000000", "err0000000000000"})
        self.assertEqual(sigs("fixed"), {"other00000000000", "unfit00000000000",
                                         "config0000000000", "twice00000000000"})
        self.assertEqual(sigs("regressed"), {"regress000000000"})
        p = tool("store.py", "--db", db, "list", "fixed")
        line = next(ln for ln in p.stdout.splitlines() if ln.startswith("other"))
        self.assertIn(self.C[1][:12], line)
        self.assertIn("other feedfacefeedface", line)
        p = tool("store.py", "--db", db, "history", "regress000000000")
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.splitlines()
        self.assertIn(f"regressed in {self.C[4][:12]}-dirty", lines[0])
        self.assertEqual(len(lines), 2 + 5, p.stdout)  # title, header, 5 builds
        self.assertRegex(lines[2], r"^2023-11-14 22:13:21Z\s+1 c0\s+build0\s+aaaaaaaaaaaa\s+"
                                   r"reproduces\s+-\s+found")
        self.assertRegex(lines[6], r"build4\s+eeeeeeeeeeee-dirty\s+unfit-found\s+-\s+pct")
        p = tool("store.py", "--db", db, "show", "v1")
        self.assertIn("status   regressed in", p.stdout)
        # bad input: one line, exit 2; an unknown violation: exit 1
        for args, code in ((["history"], 2), (["history", "nosuch"], 1),
                           (["history", "v1", "extra"], 2), (["list", "closed"], 2),
                           (["history", "\x1b[31m"], 1)):
            p = tool("store.py", "--db", db, *args)
            self.assertEqual(p.returncode, code, (args, p.stdout, p.stderr))
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, (args, p.stderr))
            self.assertNotIn("\x1b", p.stderr)
        # a damaged re-check row is named by check and skipped by the lifecycle
        con = sqlite3.connect(db)
        con.execute("UPDATE rechecks SET status=X'05' WHERE id=1")
        con.commit()
        con.close()
        p = tool("store.py", "--db", db, "check")
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn("damaged: re-check of v1 in campaign 2: status: not text", p.stdout)
        self.assertEqual(tool("store.py", "--db", db, "list", "regressed").returncode, 0)


FAKE = textwrap.dedent('''\
    #!/usr/bin/env python3
    # a stand-in for reqsim: the mode is a line "fake MODE" in the schedule,
    # the explore result is chosen by the scenario name
    import os, sys
    a = sys.argv[1:]
    if a[0] == "version":
        print("reqsim build fake000000000001 (default switch asm, schedule format 1)")
        sys.exit(0)
    if a[0] == "replay":
        text = open(a[1]).read()
        mode = text.split("fake ", 1)[1].split()[0]
        if mode == "same":
            print("  signature 1111111111111111")
            print("replay: same-violation k, signature 1111111111111111"); sys.exit(1)
        if mode == "other":
            print("  signature 2222222222222222")
            print("replay: other-violation: recorded k 1111111111111111, now j "
                  "2222222222222222"); sys.exit(1)
        if mode == "clean":
            print("replay: no-violation (recorded k 1111111111111111)"); sys.exit(0)
        if mode == "unfit":
            print("replay: unfit: the run ended after 3 of 9 decisions (recorded by build "
                  "x, this is y)")
            print("reqsim: f: the run ended after 3 of 9 decisions", file=sys.stderr)
            sys.exit(2)
        if mode == "unknown-bug":
            print("reqsim: f: line 13: unknown bug 'gone'", file=sys.stderr); sys.exit(2)
        if mode == "crash":
            os.abort()
        if mode == "hang":
            if os.path.exists(os.environ.get("FAKE_HANG", "/nonexistent")):
                import time; time.sleep(60)
            print("  signature 5555555555555555")
            print("replay: same-violation k, signature 5555555555555555"); sys.exit(1)
    if a[0] == "explore":
        out = a[a.index("--out") + 1]
        scen = a[1]
        if scen == "refused":
            print("reqsim: unknown bug 'gone'", file=sys.stderr); sys.exit(2)
        os.makedirs(out, exist_ok=True)
        if scen == "found":
            open(os.path.join(out, "x.sched"), "w").write(
                "reqsim-schedule 1\\nresult k steps=3 hash=00 sig=4444444444444444\\n")
            sys.exit(1)
        if scen == "elsewhere":
            open(os.path.join(out, "x.sched"), "w").write(
                "reqsim-schedule 1\\nresult j steps=3 hash=00 sig=3333333333333333\\n")
            sys.exit(1)
        sys.exit(0)
    sys.exit(3)
    ''')


class ClassifyTest(Tmp):
    def test_every_status(self) -> None:
        fake = self.tmp / "reqsim"
        fake.write_text(FAKE)
        fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
        db = self.tmp / "r.db"
        cases = [  # (signature, fake replay mode, scenario of the PCT search)
            ("1111111111111111", "same", "s"),
            ("a000000000000002", "other", "s"),
            ("a000000000000003", "clean", "s"),
            ("4444444444444444", "unfit", "found"),
            ("a000000000000005", "unfit", "elsewhere"),
            ("a000000000000006", "unknown-bug", "refused"),
            ("a000000000000007", "crash", "s"),
        ]
        with store.open_store(db) as st:
            cid = st.begin_campaign(name="c", config={}, git_rev=None, host=None,
                                    reqsim_build="b")
            for sig, mode, scen in cases:
                st.record_finding(campaign_id=cid, run_id=None, source=None, v={
                    "signature": sig, "kind": "k", "scenario": scen, "model": "tso",
                    "arch": "x86", "bugs": "gone", "params": "dead=1",
                    "min_schedule": f"reqsim-schedule 1\nfake {mode}\n"})
        p = tool("recheck.py", "--db", str(db), "--reqsim", str(fake), "--pct-budget", "50")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("re-check: 7 violations on build fake000000000001 (commit unknown): "
                      "1 reproduce, 1 fixed, 1 other, 2 unfit (pct: 1 found, 1 gone), "
                      "1 configuration gone, 1 error", p.stdout)
        with store.open_store(db) as st:
            got = {r["scenario"] + ":" + r["min_schedule"].split("fake ")[1].strip():
                   (r2["status"], r2["other_signature"], r2["how"]) for r, r2 in (
                       (st.q1("SELECT * FROM violations WHERE id=?", (x["violation_id"],)), x)
                       for x in st.rechecks(2))}
            self.assertEqual(got, {
                "s:same": ("reproduces", None, "replay"),
                "s:other": ("other", "2222222222222222", "replay"),
                "s:clean": ("fixed", None, "replay"),
                "found:unfit": ("unfit-found", None, "pct"),
                "elsewhere:unfit": ("unfit-gone", None, "pct"),
                "refused:unknown-bug": ("config-gone", None, "pct"),
                "s:crash": ("error", None, "replay")})
            c = st.campaign(2)
            self.assertEqual((c["name"], c["kind"], c["status"], c["reqsim_build"]),
                             ("re-check", "recheck", "done", "fake000000000001"))
            d = st.q1("SELECT detail FROM rechecks WHERE status='unfit-gone'")[0]
            self.assertIn("the run ended after 3 of 9 decisions", d)
            self.assertIn("pct 50 schedules, seed 1: not found (1 other signature(s): "
                          "3333333333333333)", d)
        # the same campaign again: nothing is recorded twice
        p = tool("recheck.py", "--db", str(db), "--reqsim", str(fake), "--campaign", "2")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("0 of 7 violations", p.stderr)
        with store.open_store(db) as st:
            self.assertEqual(st.q1("SELECT COUNT(*) FROM rechecks")[0], 7)
        # bad input: one line, exit 2, nothing written
        before = (db.stat().st_size, sqlite3.connect(db).execute(
            "SELECT COUNT(*) FROM campaigns").fetchone()[0])
        for args in ([], ["--reqsim", str(self.tmp)], ["--reqsim", "/bin/true"],
                     ["--reqsim", str(fake), "--campaign", "1"],
                     ["--reqsim", str(fake), "--campaign", "99"],
                     ["--reqsim", str(fake), "--pct-budget", "0"],
                     ["--reqsim", str(fake), "--db", str(self.tmp / "none.db")]):
            p = tool("recheck.py", "--db", str(db), *args)
            self.assertEqual(p.returncode, 2, (args, p.stdout, p.stderr))
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, (args, p.stderr))
        self.assertEqual(before[1], sqlite3.connect(db).execute(
            "SELECT COUNT(*) FROM campaigns").fetchone()[0])
        self.assertFalse((self.tmp / "none.db").exists())


    def test_kill_9_loses_nothing(self) -> None:
        """Each result is committed at once: after kill -9 mid-way the results
        so far are there, and completing the campaign adds only the rest."""
        fake = self.tmp / "reqsim"
        fake.write_text(FAKE)
        fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
        db, hang = self.tmp / "r.db", self.tmp / "hang"
        hang.touch()
        with store.open_store(db) as st:
            cid = st.begin_campaign(name="c", config={}, git_rev=None, host=None,
                                    reqsim_build="b")
            for sig, mode in (("1111111111111111", "same"), ("a000000000000003", "clean"),
                              ("5555555555555555", "hang")):
                st.record_finding(campaign_id=cid, run_id=None, source=None, v={
                    "signature": sig, "kind": "k", "scenario": "s",
                    "min_schedule": f"reqsim-schedule 1\nfake {mode}\n"})
        env = dict(os.environ, FAKE_HANG=str(hang))
        proc = subprocess.Popen([sys.executable, str(TOOLS / "recheck.py"), "--db", str(db),
                                 "--reqsim", str(fake), "-q"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
                try:
                    n = con.execute("SELECT COUNT(*) FROM rechecks").fetchone()[0]
                except sqlite3.OperationalError:
                    n = 0
                con.close()
                if n == 2:
                    break
                time.sleep(0.05)
            self.assertEqual(n, 2)
            time.sleep(0.2)  # well inside the hanging replay
        finally:
            proc.kill()
            proc.wait()
        with store.open_store(db) as st:
            first = [tuple(r) for r in st.rechecks(2)]
            self.assertEqual([r[3] for r in first], ["reproduces", "fixed"])
            self.assertEqual(st.campaign(2)["status"], "running")
        hang.unlink()
        p = tool("recheck.py", "--db", str(db), "--reqsim", str(fake), "--campaign", "2")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("1 of 3 violations", p.stderr)
        with store.open_store(db) as st:
            rows = [tuple(r) for r in st.rechecks(2)]
            self.assertEqual(rows[:2], first)
            self.assertEqual(len(rows), 3)
            self.assertEqual(rows[2][3], "reproduces")
            self.assertEqual(st.campaign(2)["status"], "done")


@unittest.skipUnless(REQSIM, "needs the reqsim binary (argv[1])")
class EndToEndTest(Tmp):
    def patched_build(self) -> str:
        """reqsim from a copy of this tree in which no-mb-after-in-guest-mode is a
        no-op on x86 (about 10 s on one core)."""
        src = self.tmp / "src"
        shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
            "build", ".git", "results", "campaigns", "__pycache__", "corpus"))
        x86 = src / "core" / "x86.c"
        text = x86.read_text()
        old = "if (!reqsim_bug(BUG_NO_MB_AFTER_IN_GUEST))"
        self.assertIn(old, text, "core/x86.c changed: update the patch of this test")
        x86.write_text(text.replace(old, "if (1 || !reqsim_bug(BUG_NO_MB_AFTER_IN_GUEST))"))
        b = self.tmp / "b"
        gen = ["-G", "Ninja"] if shutil.which("ninja") else []
        p = subprocess.run(["cmake", "-S", str(src), "-B", str(b), *gen,
                            "-DCMAKE_BUILD_TYPE=Release", "-DREQSIM_ASSERTS=ON"],
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(p.returncode, 0, p.stdout[-2000:] + p.stderr[-2000:])
        p = subprocess.run(["cmake", "--build", str(b), "--target", "reqsim", "-j", "1"],
                           capture_output=True, text=True, timeout=600)
        self.assertEqual(p.returncode, 0, p.stdout[-3000:] + p.stderr[-2000:])
        return str(b / "reqsim")

    def test_fix_and_regression_across_builds(self) -> None:
        t0 = time.monotonic()
        db, work = self.tmp / "r.db", self.tmp / "work"
        p = tool("campaign.py", "--reqsim", REQSIM, "--no-build", "-q", "--db", str(db),
                 "--work", str(work), "--schedules", "300", "--engines", "pct",
                 "--scenarios", "dekker,halt", "--jobs", "1")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        with store.open_store(db) as st:
            nv = st.q1("SELECT COUNT(*) FROM violations")[0]
            self.assertGreaterEqual(nv, 3)
            rows = st.rechecks(1)
            self.assertEqual(len(rows), nv)
            self.assertEqual({(r["status"], r["how"]) for r in rows}, {("reproduces", "found")})
            c = st.campaign(1)
            self.assertEqual(c["status"], "done")
            build1 = c["reqsim_build"]
            x86 = {int(v["id"]) for v in st.violations()
                   if v["bugs"] == "no-mb-after-in-guest-mode" and v["arch"] == "x86"}
            self.assertTrue(x86, "the campaign found no x86 no-mb-after-in-guest-mode "
                                 "violation: pick another patch for this test")
        self.assertRegex(p.stdout, rf"(?m)^re-check: {nv} violations on build {build1} \(commit "
                                   rf"[^)]+\): {nv} reproduce in ", )
        # --no-recheck; then recheck.py completes that campaign's re-check
        p = tool("campaign.py", "--reqsim", REQSIM, "--no-build", "-q", "--db", str(db),
                 "--work", str(work), "--schedules", "100", "--engines", "pct",
                 "--scenarios", "halt", "--jobs", "1", "--no-recheck")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertNotIn("re-check", p.stdout)
        with store.open_store(db) as st:
            self.assertEqual(st.rechecks(2), [])
        p = tool("recheck.py", "--db", str(db), "--reqsim", REQSIM, "--campaign", "2")
        self.assertEqual(p.returncode, 0, p.stderr)
        with store.open_store(db) as st:
            rows = st.rechecks(2)
            self.assertEqual(len(rows), nv)
            self.assertEqual({r["status"] for r in rows}, {"reproduces"})
            self.assertIn("replay", {r["how"] for r in rows})
            self.assertEqual(st.q1("SELECT COUNT(*) FROM campaigns")[0], 2)
        # the patched build: the no-op bug's x86 violations stop reproducing
        patched = self.patched_build()
        p = tool("recheck.py", "--db", str(db), "--reqsim", patched)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(f"campaign 3: re-check: {nv} violations on build ", p.stdout)
        with store.open_store(db) as st:
            c = st.campaign(3)
            self.assertNotEqual(c["reqsim_build"], build1)
            self.assertIsNone(c["git_commit"])  # a copy outside git: its build id only
            status = {int(r["violation_id"]): r["status"] for r in st.rechecks(3)}
            for vid, s in status.items():
                if vid in x86:
                    self.assertIn(s, store.GONE_STATUSES, (vid, s))
                else:
                    self.assertEqual(s, "reproduces", vid)
            life = st.lifecycles()
            self.assertEqual({v for v, lc in life.items() if lc.state == "fixed"}, x86)
            for v in x86:
                self.assertEqual(life[v].describe(), f"fixed in build {c['reqsim_build']}")
            n3 = len(st.rechecks(3))
        p = tool("store.py", "--db", str(db), "list", "fixed")
        self.assertEqual(len(p.stdout.strip().splitlines()), 1 + len(x86), p.stdout)
        # the same campaign again records nothing twice
        p = tool("recheck.py", "--db", str(db), "--reqsim", patched, "--campaign", "3")
        self.assertEqual(p.returncode, 0, p.stderr)
        with store.open_store(db) as st:
            self.assertEqual(len(st.rechecks(3)), n3)
        # the first build again: they reproduce, regressed
        p = tool("recheck.py", "--db", str(db), "--reqsim", REQSIM)
        self.assertEqual(p.returncode, 0, p.stderr)
        with store.open_store(db) as st:
            life = st.lifecycles()
            self.assertEqual({v for v, lc in life.items() if lc.state == "regressed"}, x86)
            self.assertEqual({v for v, lc in life.items() if lc.state == "open"},
                             set(life) - x86)
        p = tool("store.py", "--db", str(db), "history", f"v{min(x86)}")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len(p.stdout.splitlines()), 2 + 4, p.stdout)
        # the report: a timeline per violation, the index's lists
        out = self.tmp / "site"
        p = tool("report.py", "build", "--db", str(db), "--out", str(out))
        self.assertEqual(p.returncode, 0, p.stderr)
        with store.open_store(db) as st:
            v = st.q1("SELECT * FROM violations WHERE id=?", (min(x86),))
        page = (out / "violations" / f"{v['signature']}.html").read_text()
        self.assertIn('id="chart-status"', page)
        self.assertEqual(page.count("<circle"), 4, "one mark per campaign")
        self.assertIn(">regressed in ", page)
        index = (out / "index.html").read_text()
        self.assertRegex(index, r"(?s)Still open: \d+")
        print(f"\nend to end: {time.monotonic() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
