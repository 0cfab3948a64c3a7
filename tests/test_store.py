#!/usr/bin/env python3
"""Tests of the SQLite store (tools/store.py): migrations from the version 1
schema, concurrent writers, corrupt and foreign files, deduplication, the
store.py command line; never an export over the store, atomic exports,
defaults under the current directory, read-only use (as another user where
possible: setpriv/runuser when root), damaged rows, quoted commands, hostile
arguments.  Run: python3 tests/test_store.py"""
from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent / "tools"
sys.path.insert(0, str(TOOLS))

import store  # noqa: E402

STORE_PY = TOOLS / "store.py"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_store(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(STORE_PY), *args], capture_output=True,
                          text=True, timeout=120)


def violation(sig: str, **kw: object) -> dict[str, object]:
    v: dict[str, object] = {"signature": sig, "kind": "missed-request", "scenario": "dekker",
                            "model": "tso", "arch": "x86", "bugs": "b", "params": "",
                            "origin": "explore strategy=pct seed=1 run=3"}
    v.update(kw)
    return v


class Tmp(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="store-test-"))

    def tearDown(self) -> None:
        import shutil
        shutil.rmtree(self.tmp, ignore_errors=True)


class SchemaTest(Tmp):
    def test_fresh_store_is_current_wal_and_ours(self) -> None:
        db = self.tmp / "r.db"
        with store.open_store(db) as st:
            self.assertEqual(st.q1("PRAGMA user_version")[0], store.SCHEMA_VERSION)
            self.assertEqual(st.q1("PRAGMA application_id")[0], store.APPLICATION_ID)
            self.assertEqual(str(st.q1("PRAGMA journal_mode")[0]).lower(), "wal")
            self.assertGreater(st.q1("PRAGMA busy_timeout")[0], 1000)
            tables = {r[0] for r in st.q("SELECT name FROM sqlite_master WHERE type='table'")}
            self.assertTrue(store.OUR_TABLES <= tables, tables)

    def test_migration_from_version_1_keeps_data(self) -> None:
        """A store written with the version 1 schema (a hand-made file, as an
        older tools/ wrote it) opens, migrates and keeps every row."""
        db = self.tmp / "old.db"
        con = sqlite3.connect(db)
        con.executescript(store.MIGRATIONS[0])
        con.execute("PRAGMA user_version=1")
        con.execute("INSERT INTO campaigns(id, started, ended, git_rev, host, config) "
                    "VALUES(1, 1000.0, 1100.0, 'abc', 'h', '{\"budget_s\": 60}')")
        con.execute("INSERT INTO runs(id, campaign_id, engine, scenario, model, arch, bugs, "
                    "executions, seconds, state) VALUES(1, 1, 'pct', 'dekker', 'tso', 'x86', "
                    "'no-mb-after-in-guest-mode', 5000, 1.5, 'violations')")
        con.execute("INSERT INTO violations(signature, kind, scenario, model, arch, bugs, "
                    "first_seen, last_seen, hits, min_schedule, schedule_len, trace_summary) "
                    "VALUES('aaaa', 'missed-request', 'dekker', 'tso', 'x86', 'b', 1000, 1050, "
                    "3, 'reqsim-schedule 1', 13, 'old story')")
        con.execute("INSERT INTO samples(run_id, t, executions, violations) VALUES(1, 0.5, "
                    "2000, 1)")
        con.commit()
        con.close()
        with store.open_store(db) as st:
            self.assertEqual(st.q1("PRAGMA user_version")[0], store.SCHEMA_VERSION)
            c = st.campaign(1)
            self.assertEqual((c["git_rev"], c["status"]), ("abc", "done"))
            r = st.run(1)
            self.assertEqual((r["executions"], r["state"], r["params"]), (5000, "violations", ""))
            v = st.violation("aaaa")
            self.assertEqual((v["hits"], v["trace_summary"], v["schedule_len"]),
                             (3, "old story", 13))
            self.assertEqual(v["sites"], "[]")
            self.assertEqual(len(st.samples([1])), 1)
            # the new tables work on the migrated store
            vid, new = st.record_finding(campaign_id=1, run_id=1, source="f1",
                                         v=violation("aaaa"))
            self.assertFalse(new)
            self.assertEqual(st.violation("aaaa")["hits"], 4)
        # the migrated store is a normal current store for the CLI too
        p = run_store("--db", str(db), "check")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(f"schema version {store.SCHEMA_VERSION}", p.stdout)

    def test_migration_is_all_or_nothing(self) -> None:
        """A failing migration step leaves the old schema and data as they were."""
        db = self.tmp / "old.db"
        con = sqlite3.connect(db)
        con.executescript(store.MIGRATIONS[0])
        con.execute("PRAGMA user_version=1")
        con.execute("INSERT INTO campaigns(id, started, config) VALUES(7, 1.0, '{}')")
        # a column the version 2 step adds already exists: that step must fail
        con.execute("ALTER TABLE campaigns ADD COLUMN name TEXT")
        con.commit()
        con.close()
        with self.assertRaises(Exception):
            store.open_store(db)
        con = sqlite3.connect(db)
        self.assertEqual(con.execute("PRAGMA user_version").fetchone()[0], 1)
        self.assertEqual(con.execute("SELECT id FROM campaigns").fetchall(), [(7,)])
        cols = [r[1] for r in con.execute("PRAGMA table_info(runs)")]
        self.assertNotIn("progress", cols)
        con.close()

    def test_newer_schema_is_refused_untouched(self) -> None:
        db = self.tmp / "new.db"
        with store.open_store(db):
            pass
        con = sqlite3.connect(db)
        con.execute(f"PRAGMA user_version={store.SCHEMA_VERSION + 1}")
        con.commit()
        con.close()
        before = sha(db)
        with self.assertRaises(store.StoreError) as cm:
            store.open_store(db)
        self.assertIn("newer", str(cm.exception))
        self.assertEqual(sha(db), before)


class BadFileTest(Tmp):
    def assert_refused(self, db: Path, words: str) -> None:
        before = sha(db)
        with self.assertRaises(store.StoreError) as cm:
            store.open_store(db)
        msg = str(cm.exception)
        self.assertIn(words, msg)
        self.assertNotIn("\n", msg)
        self.assertEqual(sha(db), before, "the file was modified")
        self.assertFalse(Path(str(db) + "-wal").exists())
        # every command line tool says it in one line, exit 2, file unchanged
        tools = [[sys.executable, str(TOOLS / "store.py"), "--db", str(db), "list"],
                 [sys.executable, str(TOOLS / "store.py"), "--db", str(db), "check"],
                 [sys.executable, str(TOOLS / "report.py"), "build", "--db", str(db),
                  "--out", str(self.tmp / "site")],
                 [sys.executable, str(TOOLS / "campaign.py"), "--db", str(db), "--schedules",
                  "10", "--scenarios", "sb", "--models", "sc", "--engines", "pct",
                  "--no-build", "--reqsim", "/bin/false", "-q"]]
        for cmd in tools:
            with self.subTest(cmd=cmd[1]):
                p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
                self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
                self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
                self.assertEqual(sha(db), before)
        self.assertFalse((self.tmp / "site").exists())

    def test_garbage_file(self) -> None:
        db = self.tmp / "garbage.db"
        db.write_bytes(b"this is not a database\x00\xff" * 100)
        self.assert_refused(db, "not an SQLite database")

    def test_corrupt_sqlite_file(self) -> None:
        db = self.tmp / "corrupt.db"
        with store.open_store(db) as st:
            for i in range(200):
                st.record_finding(campaign_id=None, run_id=None, source=None,
                                  v=violation(f"{i:016x}", min_schedule="x" * 500))
        con = sqlite3.connect(db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode=DELETE")
        con.close()
        data = bytearray(db.read_bytes())
        for off in range(4096, len(data), 4096):  # smash every page but the header
            data[off + 8: off + 200] = b"\xa5" * 192
        db.write_bytes(bytes(data))
        self.assert_refused(db, "corrupt")

    def test_foreign_sqlite_file(self) -> None:
        db = self.tmp / "foreign.db"
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO customers(name) VALUES('alice')")
        con.commit()
        con.close()
        self.assert_refused(db, "foreign SQLite database")

    def test_other_application_id(self) -> None:
        db = self.tmp / "other.db"
        con = sqlite3.connect(db)
        con.execute("PRAGMA application_id=1234")
        con.execute("CREATE TABLE campaigns(id INTEGER)")
        con.commit()
        con.close()
        self.assert_refused(db, "application_id")

    def test_directory_and_missing(self) -> None:
        with self.assertRaises(store.StoreError):
            store.open_store(self.tmp)
        p = run_store("--db", str(self.tmp / "missing.db"), "list")
        self.assertEqual(p.returncode, 2)
        self.assertIn("no such store", p.stderr)
        self.assertFalse((self.tmp / "missing.db").exists())


WRITER = r"""
import sys, time, pathlib
sys.path.insert(0, sys.argv[1])
import store
db, who, n, go = sys.argv[2], sys.argv[3], int(sys.argv[4]), pathlib.Path(sys.argv[5])
st = store.open_store(db)
cid = st.begin_campaign(name=who, config={}, git_rev=None, host=None, reqsim_build=None)
st.add_runs(cid, [{"cell": 0, "engine": "pct", "scenario": "dekker", "model": "tso",
                   "arch": "x86"}])
rid = st.runs(cid)[0]["id"]
while not go.exists():
    time.sleep(0.001)
for i in range(n):
    # one violation private to this writer, one shared by both writers
    st.record_finding(campaign_id=cid, run_id=rid, source=f"{who}-{i}",
                      v={"signature": f"{who}-{i:05d}", "kind": "k", "scenario": "s"})
    st.record_finding(campaign_id=cid, run_id=rid, source=f"{who}-shared-{i}",
                      v={"signature": f"shared-{i % 10}", "kind": "k", "scenario": "s"})
    st.update_run_with_sample(rid, float(i), {"executions": i + 1}, (i + 1, i, None))
st.set_campaign(cid, status="done")
print(cid)
"""


class ConcurrencyTest(Tmp):
    def test_two_processes_insert_at_once_nothing_lost(self) -> None:
        db = self.tmp / "r.db"
        store.open_store(db).close()
        go = self.tmp / "go"
        n = 300
        procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(TOOLS), str(db), who,
                                   str(n), str(go)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for who in ("A", "B")]
        time.sleep(0.5)  # both are connected and waiting
        go.touch()
        outs = [p.communicate(timeout=300) for p in procs]
        for p, (out, err) in zip(procs, outs):
            self.assertEqual(p.returncode, 0, err)
        with store.open_store(db) as st:
            for who in ("A", "B"):
                rows = st.q("SELECT signature FROM violations WHERE signature LIKE ?",
                            (f"{who}-%",))
                self.assertEqual(len(rows), n, f"writer {who} lost rows")
            shared = st.q("SELECT signature, hits FROM violations WHERE signature LIKE "
                          "'shared-%' ORDER BY signature")
            self.assertEqual(len(shared), 10, "dedup by signature across writers")
            self.assertEqual(sum(r["hits"] for r in shared), 2 * n)
            self.assertEqual(st.q1("SELECT COUNT(*) FROM findings")[0], 4 * n)
            self.assertEqual(st.q1("SELECT COUNT(*) FROM ingested")[0], 4 * n)
            self.assertEqual(st.q1("SELECT COUNT(*) FROM samples")[0], 2 * n)
            self.assertEqual([c["status"] for c in st.campaigns()], ["done", "done"])
            self.assertEqual(st.q1("PRAGMA integrity_check")[0], "ok")


class InterruptedTxTest(Tmp):
    def test_ctrl_c_right_after_begin_rolls_back(self) -> None:
        """A KeyboardInterrupt that lands between BEGIN and the body of a
        write leaves no open transaction: later writes of the same process
        still commit (it once left an interrupted cluster campaign
        'running')."""
        class Interrupting:
            def __init__(self, con: sqlite3.Connection) -> None:
                self.con = con

            def execute(self, sql: str, *args: object) -> object:
                r = self.con.execute(sql, *args)
                if sql == "BEGIN IMMEDIATE":
                    raise KeyboardInterrupt
                return r

            def __getattr__(self, name: str) -> object:
                return getattr(self.con, name)

        db = self.tmp / "r.db"
        with store.open_store(db) as st:
            cid = st.begin_campaign(name="t", config={}, git_rev=None, host=None,
                                    reqsim_build=None)
            real = st.con
            st.con = Interrupting(real)  # type: ignore[assignment]
            with self.assertRaises(KeyboardInterrupt):
                st.set_campaign(cid, status="interrupted")
            st.con = real
            self.assertFalse(real.in_transaction)
            st.set_campaign(cid, status="interrupted")
        with store.open_store(db) as st:
            self.assertEqual(st.campaign(cid)["status"], "interrupted")


class RecordTest(Tmp):
    def test_dedup_hits_and_ingested_idempotence(self) -> None:
        with store.open_store(self.tmp / "r.db") as st:
            cid = st.begin_campaign(name="t", config={}, git_rev=None, host=None,
                                    reqsim_build=None)
            st.add_runs(cid, [{"cell": 0, "engine": "pct", "scenario": "dekker",
                               "model": "tso", "arch": "x86"}])
            rid = st.runs(cid)[0]["id"]
            v1, new1 = st.record_finding(campaign_id=cid, run_id=rid, source="a.sched",
                                         v=violation("s1", story="S", trace_jsonl="{}\n"))
            v2, new2 = st.record_finding(campaign_id=cid, run_id=rid, source="b.sched",
                                         v=violation("s1", story="other"))
            v3, new3 = st.record_finding(campaign_id=cid, run_id=rid, source="a.sched",
                                         v=violation("s1"))
            self.assertEqual((new1, new2, new3), (True, False, False))
            self.assertEqual(v1, v2)
            self.assertEqual(v1, v3)
            row = st.violation("s1")
            self.assertEqual(row["hits"], 2, "the same source is recorded once")
            self.assertEqual(row["trace_summary"], "S", "the first full record stays")
            self.assertEqual(store.decompress(row["trace_jsonl"]), "{}\n")
            self.assertEqual(st.run(rid)["findings"], 1)
            self.assertEqual(len(st.findings(v1)), 2)

    def test_failed_transaction_leaves_nothing(self) -> None:
        with store.open_store(self.tmp / "r.db") as st:
            with self.assertRaises(RuntimeError):
                with st.tx() as c:
                    c.execute("INSERT INTO campaigns(started, config) VALUES(1, '{}')")
                    raise RuntimeError("boom")
            self.assertEqual(st.q1("SELECT COUNT(*) FROM campaigns")[0], 0)


class CliTest(Tmp):
    def setUp(self) -> None:
        super().setUp()
        self.db = self.tmp / "r.db"
        with store.open_store(self.db) as st:
            cid = st.begin_campaign(name="nightly <b>", config={"budget_s": 5}, git_rev="g",
                                    host="h", reqsim_build="b")
            st.add_runs(cid, [{"cell": 0, "engine": "pct", "scenario": "dekker",
                               "model": "tso", "arch": "x86", "bugs": "x"}])
            rid = st.runs(cid)[0]["id"]
            st.record_finding(campaign_id=cid, run_id=rid, source="a",
                              v=violation("abcdef0123456789", min_schedule="reqsim-schedule 1\n",
                                          trace_perfetto='{"traceEvents":[]}',
                                          trace_jsonl='{"step":0}\n', story="the story"))

    def test_help_everywhere(self) -> None:
        for args in ([], ["list"], ["show"], ["export"], ["check"]):
            p = run_store(*args, "--help")
            self.assertEqual(p.returncode, 0, args)
            self.assertIn("usage:", p.stdout)

    def test_list_show_export(self) -> None:
        p = run_store("--db", str(self.db), "list")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("nightly <b>", p.stdout)
        p = run_store("--db", str(self.db), "list", "violations")
        self.assertIn("abcdef0123456789", p.stdout)
        p = run_store("--db", str(self.db), "list", "runs")
        self.assertIn("dekker", p.stdout)
        p = run_store("--db", str(self.db), "show", "abcdef01")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("the story", p.stdout)
        self.assertIn("reqsim replay", p.stdout)
        p = run_store("--db", str(self.db), "show", "campaign", "1")
        self.assertEqual(p.returncode, 0, p.stderr)
        p = run_store("--db", str(self.db), "show", "ffff")
        self.assertEqual(p.returncode, 1)
        out = self.tmp / "x.sched"
        p = run_store("--db", str(self.db), "export", "--sched", "abcdef0123456789", "-o",
                      str(out))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(out.read_text(), "reqsim-schedule 1\n")
        p = run_store("--db", str(self.db), "export", "--perfetto", "abcdef0123456789")
        self.assertEqual(json.loads(p.stdout), {"traceEvents": []})
        p = run_store("--db", str(self.db), "export", "--format", "csv", "--table", "runs")
        self.assertEqual(p.returncode, 0)
        self.assertTrue(p.stdout.startswith("id,"))
        p = run_store("--db", str(self.db), "export")
        self.assertEqual(json.loads(p.stdout)[0]["signature"], "abcdef0123456789")

    def test_bad_arguments_one_line(self) -> None:
        for args in (["frobnicate"], ["list", "nothing"], ["list", "--limit", "0"],
                     ["show", "campaign", "x"], ["export", "--table", "sqlite_master"]):
            with self.subTest(args=args):
                p = run_store("--db", str(self.db), *args)
                self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
                self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)


def one_line_error(t: unittest.TestCase, p: subprocess.CompletedProcess[str],
                   code: int = 2) -> str:
    t.assertEqual(p.returncode, code, p.stdout + p.stderr)
    t.assertNotIn("Traceback", p.stderr)
    t.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
    return p.stderr


def sample_store(db: Path, *, name: str = "nightly", argv: list[str] | None = None,
                 sigs: tuple[str, ...] = ("abcdef0123456789",)) -> None:
    """One campaign, one run, one sample, and a full violation per signature."""
    with store.open_store(db) as st:
        cid = st.begin_campaign(name=name, config={"budget_s": 5, "argv": argv or []},
                                git_rev="g", host="h", reqsim_build="b")
        st.add_runs(cid, [{"cell": 0, "engine": "pct", "scenario": "dekker",
                           "model": "tso", "arch": "x86", "bugs": "x"}])
        rid = st.runs(cid)[0]["id"]
        st.set_run(rid, state="violations", started=time.time(), executions=10)
        st.add_sample(rid, 0.5, 10, 1)
        for sig in sigs:
            st.record_finding(campaign_id=cid, run_id=rid, source=sig,
                              v=violation(sig, min_schedule="reqsim-schedule 1\n",
                                          schedule="reqsim-schedule 1\n", sites=["a.c:1 f"],
                                          trace_perfetto='{"traceEvents":[]}',
                                          trace_jsonl='{"step":0}\n', story="the story",
                                          decisive={"key": [0]}))
    con = sqlite3.connect(db)  # a quiescent WAL store: no -wal/-shm left
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def state_of(path: Path) -> tuple[str, int, int, list[str]]:
    """What a read-only command must not change: the file and its directory."""
    st = path.stat()
    return sha(path), st.st_mtime_ns, st.st_size, sorted(os.listdir(path.parent))


class OutputSafetyTest(Tmp):
    """Item 1: no command writes over the store or its -wal/-shm; every export
    goes through a temporary file and a rename."""

    def setUp(self) -> None:
        super().setUp()
        self.db = self.tmp / "r.db"
        sample_store(self.db)

    def test_export_never_writes_over_the_store(self) -> None:
        (self.tmp / "sub").mkdir()
        (self.tmp / "link.db").symlink_to(self.db)
        (self.tmp / "wal-link").symlink_to(self.tmp / "r.db-wal")
        os.link(self.db, self.tmp / "hard.db")
        targets = [str(self.db), str(self.tmp / "sub" / ".." / "r.db"),
                   str(self.tmp / "r.db-wal"), str(self.tmp / "r.db-shm"),
                   str(self.tmp / "r.db-journal"), str(self.tmp / "link.db"),
                   str(self.tmp / "hard.db"), str(self.tmp / "wal-link")]
        before = sha(self.db)
        for target in targets:
            for what in (["--sched", "abcdef0123456789"], ["--format", "csv"], []):
                with self.subTest(target=target, what=what):
                    p = run_store("--db", str(self.db), "export", *what, "-o", target)
                    err = one_line_error(self, p)
                    self.assertIn("refusing to write over it", err)
                    self.assertEqual(sha(self.db), before)
                    self.assertFalse(os.path.lexists(self.tmp / "r.db-wal") and
                                     (self.tmp / "r.db-wal").stat().st_size > 0)
        # the store reached through a symlink is protected the same way
        p = run_store("--db", str(self.tmp / "link.db"), "export", "-o", str(self.db))
        one_line_error(self, p)
        self.assertEqual(sha(self.db), before)
        self.assertEqual(store.open_store(self.db, readonly=True).q1(
            "SELECT COUNT(*) FROM violations")[0], 1)

    def test_failure_mid_write_keeps_the_old_file(self) -> None:
        import safeio  # the shared helper of the tools
        out = self.tmp / "x.json"
        out.write_text("the old, good file\n")

        def chunks():  # a producer that fails after writing part of the file
            yield "half of a new "
            raise RuntimeError("boom")
        with self.assertRaises(RuntimeError):
            safeio.atomic_write(out, chunks())
        self.assertEqual(out.read_text(), "the old, good file\n")
        self.assertEqual(sorted(os.listdir(self.tmp)), ["r.db", "x.json"])
        # store.py export: the disk fails after the data went out (fsync): the old
        # file stays, no temporary file, one line, exit 2
        import contextlib
        import io
        import unittest.mock as mock
        err = io.StringIO()
        with mock.patch.object(safeio.os, "fsync",
                               side_effect=OSError(5, "Input/output error")), \
                contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            rc = store.main(["--db", str(self.db), "export", "-o", str(out)])
        self.assertEqual(rc, 2)
        self.assertEqual(len(err.getvalue().strip().splitlines()), 1, err.getvalue())
        self.assertIn("Input/output error", err.getvalue())
        self.assertEqual(out.read_text(), "the old, good file\n")
        self.assertEqual(sorted(os.listdir(self.tmp)), ["r.db", "x.json"])
        # and when nothing fails the file is replaced whole, keeping its mode
        out.chmod(0o640)
        p = run_store("--db", str(self.db), "export", "-o", str(out))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(out.read_text())[0]["signature"], "abcdef0123456789")
        self.assertEqual(out.stat().st_mode & 0o777, 0o640)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["r.db", "x.json"])

    def test_special_outputs(self) -> None:
        p = run_store("--db", str(self.db), "export", "-o", os.devnull)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(Path(os.devnull).is_char_device())
        for target, words in ((self.tmp, "is a directory"),
                              (self.tmp / "missing" / "x.json", "cannot write"),
                              ("", "empty")):
            with self.subTest(target=target):
                p = run_store("--db", str(self.db), "export", "-o", str(target))
                self.assertIn(words, one_line_error(self, p))


class DefaultsTest(Tmp):
    """Item 2: without --db, the store of the current directory, not the checkout's."""

    def test_default_store_is_relative_to_the_current_directory(self) -> None:
        (self.tmp / "results").mkdir()
        sample_store(self.tmp / "results" / "reqsim.db", name="the store of this cwd")
        p = subprocess.run([sys.executable, str(STORE_PY), "list"], capture_output=True,
                           text=True, timeout=120, cwd=self.tmp)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("the store of this cwd", p.stdout)
        empty = self.tmp / "elsewhere"
        empty.mkdir()
        p = subprocess.run([sys.executable, str(STORE_PY), "list"], capture_output=True,
                           text=True, timeout=120, cwd=empty)
        self.assertIn("results/reqsim.db: no such store", one_line_error(self, p))
        self.assertFalse((empty / "results").exists())
        p = run_store("--help")
        self.assertIn("relative to the current directory", " ".join(p.stdout.split()))


def other_user() -> tuple[list[str], str] | None:
    """(prefix, python) that run a command as a user who cannot write a directory
    this process made read-only: this user when not root (chmod works), else
    uid/gid 65534 through setpriv or runuser.  None: not possible here."""
    if os.geteuid() != 0:
        return [], sys.executable
    pythons = [sys.executable, "/usr/bin/python3", "/usr/local/bin/python3"]
    prefixes = []
    if shutil.which("setpriv"):
        prefixes.append(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
    if shutil.which("runuser"):
        prefixes.append(["runuser", "-u", "nobody", "--"])
    for pre in prefixes:
        for py in pythons:
            try:
                p = subprocess.run([*pre, py, "-c", "import os, sqlite3; print(os.geteuid())"],
                                   capture_output=True, text=True, timeout=30,
                                   cwd="/")
            except OSError:
                continue
            if p.returncode == 0 and p.stdout.strip() not in ("", "0") and \
                    os.access(STORE_PY, os.R_OK):
                return pre, py
    return None


class ReadOnlyTest(Tmp):
    """Item 4: the read commands open the store read-only; they work where the
    user cannot write, and write nothing; a write says which permission is
    missing; "corrupt" only for a corrupt file."""

    READS = [["list"], ["list", "runs"], ["list", "violations"], ["show", "abcdef01"],
             ["show", "campaign", "1"], ["export"], ["export", "--sched", "abcdef0123456789"],
             ["export", "--perfetto", "abcdef0123456789"], ["check"]]

    def test_read_commands_write_nothing(self) -> None:
        """Works as root too: the file, its mtime and its directory stay as they were
        (no -wal or -shm created and left)."""
        db = self.tmp / "r.db"
        sample_store(db)
        before = state_of(db)
        for args in self.READS:
            with self.subTest(args=args):
                p = run_store("--db", str(db), *args)
                self.assertEqual(p.returncode, 0, p.stderr)
                self.assertEqual(state_of(db), before)
        out = self.tmp.parent / (self.tmp.name + "-site")
        try:
            p = subprocess.run([sys.executable, str(TOOLS / "report.py"), "build", "--db",
                                str(db), "--out", str(out)], capture_output=True, text=True,
                               timeout=120)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(state_of(db), before)
        finally:
            shutil.rmtree(out, ignore_errors=True)
        # the library's read-only open too
        with store.open_store(db, readonly=True) as st:
            self.assertEqual(st.q1("SELECT COUNT(*) FROM violations")[0], 1)
            with self.assertRaises(store.StoreError):
                with st.tx() as c:
                    c.execute("DELETE FROM violations")
        self.assertEqual(state_of(db), before)

    def test_older_store_is_read_without_migrating_it(self) -> None:
        db = self.tmp / "old.db"
        con = sqlite3.connect(db)
        con.executescript(store.MIGRATIONS[0])
        con.execute("PRAGMA user_version=1")
        con.execute("INSERT INTO campaigns(id, started, config) VALUES(1, 1000.0, '{}')")
        con.commit()
        con.close()
        before = state_of(db)
        p = run_store("--db", str(db), "list")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(state_of(db), before, "a read-only command migrated the file")

    def test_store_in_a_directory_the_user_cannot_write(self) -> None:
        who = other_user()
        if who is None:
            self.skipTest("running as root without setpriv/runuser for another uid")
        prefix, python = who
        self.tmp.chmod(0o755)
        ro = self.tmp / "ro"
        ro.mkdir()
        db = ro / "r.db"
        sample_store(db)
        old = ro / "old.db"  # a version 1 store: check must migrate it (a write)
        con = sqlite3.connect(old)
        con.executescript(store.MIGRATIONS[0])
        con.execute("PRAGMA user_version=1")
        con.commit()
        con.close()
        for f in (db, old):
            f.chmod(0o644)
        pub = self.tmp / "pub"
        pub.mkdir()
        pub.chmod(0o777)
        ro.chmod(0o555 if not prefix else 0o755)  # root owns it: nobody cannot write
        try:
            def run(*args: str, tool: str = "store.py") -> subprocess.CompletedProcess[str]:
                return subprocess.run([*prefix, python, str(TOOLS / tool), *args],
                                      capture_output=True, text=True, timeout=120, cwd="/")
            before = state_of(db)
            for args in self.READS:
                with self.subTest(args=args):
                    p = run("--db", str(db), *args)
                    self.assertEqual(p.returncode, 0, p.stderr)
                    self.assertNotIn("corrupt", p.stderr)
                    self.assertEqual(state_of(db), before)
            p = run("--db", str(db), "show", "abcdef01")
            self.assertIn("the story", p.stdout)
            p = run("build", "--db", str(db), "--out", str(pub / "site"), tool="report.py")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertTrue((pub / "site" / "violations" / "abcdef0123456789.html").is_file())
            # a directory the user can write, a store file they cannot: nothing of
            # theirs is left next to it (a -shm of theirs would block the owner)
            shutil.copy(db, pub / "theirs.db")
            (pub / "theirs.db").chmod(0o444 if not prefix else 0o644)
            listing = sorted(os.listdir(pub))
            p = run("--db", str(pub / "theirs.db"), "list", "violations")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("abcdef0123456789", p.stdout)
            self.assertEqual(sorted(os.listdir(pub)), listing)
            # what must write says which permission is missing, and where
            p = run("--db", str(old), "check")
            err = one_line_error(self, p)
            self.assertIn(f"no write permission on directory {ro}", err)
            self.assertNotIn("corrupt", err)
            p = run("--db", str(db), "export", "-o", str(ro / "x.json"))
            self.assertIn(f"no write permission on directory {ro}", one_line_error(self, p))
            p = run("build", "--db", str(db), "--out", str(ro / "site"), tool="report.py")
            self.assertIn(f"no write permission on directory {ro}", one_line_error(self, p))
            self.assertEqual(state_of(db), before)
            # changes still in a -wal that nobody has open, and no -shm: read as it is,
            # with a warning that they are not visible
            ro.chmod(0o755)
            writer = ("import sqlite3, os, sys; c = sqlite3.connect(sys.argv[1]); "
                      "c.execute('UPDATE campaigns SET name=\"renamed\"'); c.commit(); "
                      "os._exit(0)")
            subprocess.run([sys.executable, "-c", writer, str(db)], check=True, timeout=60)
            (ro / "r.db-shm").unlink()
            self.assertGreater((ro / "r.db-wal").stat().st_size, 0)
            (ro / "r.db-wal").chmod(0o644)
            ro.chmod(0o555 if not prefix else 0o755)
            p = run("--db", str(db), "list")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("not yet checkpointed", p.stderr)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        finally:
            ro.chmod(0o755)

    def test_corrupt_only_when_corrupt(self) -> None:
        db = self.tmp / "r.db"
        sample_store(db)
        db.chmod(0o644)
        p = run_store("--db", str(self.tmp / "nothing.db"), "list")
        self.assertNotIn("corrupt", one_line_error(self, p))
        p = run_store("--db", "/etc/passwd", "list")
        self.assertIn("not an SQLite database", one_line_error(self, p))


class DamagedRowsTest(Tmp):
    """Item 5: rows damaged by hand are skipped with one warning naming them, and
    listed by check (exit 1); never a traceback."""

    def setUp(self) -> None:
        super().setUp()
        self.db = self.tmp / "r.db"
        sample_store(self.db, sigs=("aaaa000000000001", "bbbb000000000002",
                                    "cccc000000000003", "dddd000000000004"))
        with store.open_store(self.db) as st:
            st.begin_campaign(name="second", config={}, git_rev=None, host=None,
                              reqsim_build=None)
        con = sqlite3.connect(self.db)
        con.execute("UPDATE violations SET sites='{' WHERE signature='bbbb000000000002'")
        con.execute("UPDATE violations SET trace_jsonl=CAST(trace_jsonl AS TEXT) "
                    "WHERE signature='cccc000000000003'")
        con.execute("UPDATE violations SET trace_perfetto=x'789c0102030405' "
                    "WHERE signature='dddd000000000004'")
        con.execute("UPDATE campaigns SET config='[]' WHERE id=2")
        con.commit()
        con.close()

    def test_store_commands_skip_and_name_damaged_rows(self) -> None:
        p = run_store("--db", str(self.db), "list", "violations")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotIn("Traceback", p.stderr)
        self.assertIn("aaaa000000000001", p.stdout)
        self.assertNotIn("bbbb000000000002", p.stdout)
        self.assertEqual(p.stderr.count("\n"), 1, p.stderr)
        self.assertIn("violation bbbb000000000002", p.stderr)
        self.assertIn("sites", p.stderr)
        p = run_store("--db", str(self.db), "list")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("campaign 2", p.stderr)
        self.assertIn("config", p.stderr)
        p = run_store("--db", str(self.db), "show", "bbbb000000000002")
        self.assertIn("violation bbbb000000000002", one_line_error(self, p))
        p = run_store("--db", str(self.db), "show", "campaign", "2")
        self.assertIn("campaign 2", one_line_error(self, p))
        for sig, what in (("cccc000000000003", "--jsonl"), ("dddd000000000004", "--perfetto")):
            p = run_store("--db", str(self.db), "export", what, sig)
            self.assertIn(f"violation {sig}", one_line_error(self, p))
        # what is intact in a damaged row is still there
        p = run_store("--db", str(self.db), "export", "--sched", "dddd000000000004")
        self.assertEqual((p.returncode, p.stdout), (0, "reqsim-schedule 1\n"), p.stderr)
        p = run_store("--db", str(self.db), "show", "cccc000000000003")
        self.assertEqual(p.returncode, 0, p.stderr)
        for table in ("violations", "campaigns"):
            p = run_store("--db", str(self.db), "export", "--table", table)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertNotIn("Traceback", p.stderr)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
            self.assertEqual(len(json.loads(p.stdout)), 3 if table == "violations" else 1)
        p = run_store("--db", str(self.db), "check")
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        damaged = [ln for ln in p.stdout.splitlines() if ln.startswith("damaged:")]
        self.assertEqual(len(damaged), 4, p.stdout)
        for name in ("violation bbbb000000000002: sites", "violation cccc000000000003: "
                     "trace_jsonl", "violation dddd000000000004: trace_perfetto",
                     "campaign 2: config"):
            self.assertTrue(any(name in ln for ln in damaged), (name, damaged))


class HostileArgumentsTest(Tmp):
    """Every failure is one line and exit 2, never a traceback; exit codes 0/1/2."""

    def setUp(self) -> None:
        super().setUp()
        self.db = self.tmp / "r.db"
        sample_store(self.db)

    def test_one_line_everywhere(self) -> None:
        fifo = self.tmp / "fifo"
        os.mkfifo(fifo)
        cases = [[], ["--db", str(self.tmp), "list"], ["--db", str(fifo), "list"],
                 ["--db", "/dev/null", "list"], ["--db", "", "list"],
                 ["--db", str(self.db), "list", "runs", "--campaign",
                  "99999999999999999999999"],
                 ["--db", str(self.db), "show", "campaign", "99999999999999999999999"],
                 ["--db", str(self.db), "show", "campaign", "-1"],
                 ["--db", str(self.db), "show", "campaign", "\u0663"]]
        for args in cases:
            with self.subTest(args=args):
                one_line_error(self, run_store(*args))
        p = run_store("--db", str(self.db), "show", "v99999999999999999999999")
        self.assertIn("no violation", one_line_error(self, p, code=1))
        # bytes that are not UTF-8 on the command line
        p = subprocess.run([sys.executable, str(STORE_PY), "--db", str(self.db), "show",
                            b"\xff\xfe-sig"], capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertNotIn(b"Traceback", p.stderr)
        p = subprocess.run([sys.executable, str(STORE_PY), "--db",
                            os.fsencode(self.tmp) + b"/\xff.db", "list"],
                           capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)


class QuotingTest(Tmp):
    """Item 7: printed commands quote every argument; --db named when needed."""

    def test_show_prints_a_command_that_is_safe_to_paste(self) -> None:
        db = self.tmp / "my store; touch pwned.db"
        sig = "sig$(touch pwned); touch pwned"
        sample_store(db, sigs=(sig,))
        p = run_store("--db", str(db), "show", sig)
        self.assertEqual(p.returncode, 0, p.stderr)
        line = next(ln for ln in p.stdout.splitlines() if ln.startswith("  replay"))
        cmd = line.split(None, 1)[1]
        export, replay = cmd.split(" && ")
        self.assertEqual(shlex.split(export)[:6],
                         ["tools/store.py", "--db", str(db), "export", "--sched", sig])
        self.assertEqual(shlex.split(replay)[:2], ["build/default/reqsim", "replay"])
        # pasted from a directory where tools/ is the checkout's
        work = self.tmp / "work"
        work.mkdir()
        (work / "tools").symlink_to(TOOLS)
        r = subprocess.run(["bash", "-c", export], cwd=work, capture_output=True, text=True,
                           timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertFalse((work / "pwned").exists())
        out = work / shlex.split(export)[-1]
        self.assertEqual(out.read_text(), "reqsim-schedule 1\n")


if __name__ == "__main__":
    unittest.main()
