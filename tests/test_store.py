#!/usr/bin/env python3
"""Tests of the SQLite store (tools/store.py): migrations from the version 1
schema, concurrent writers, corrupt and foreign files, deduplication, the
store.py command line.  Run: python3 tests/test_store.py"""
from __future__ import annotations

import hashlib
import json
import os
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


if __name__ == "__main__":
    unittest.main()
