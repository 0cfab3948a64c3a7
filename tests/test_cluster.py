#!/usr/bin/env python3
"""campaign.py --cluster on a Dask cluster of this machine (ctest label cluster).

A scheduler and two workers on 127.0.0.1 (Debian's python3 with
python3-distributed), stopped by PID.  One --schedules campaign runs through
them; one worker is killed (kill -9) while it runs a cell, later the
coordinator gets Ctrl-C, and --resume finishes the campaign.  The store must
then equal a local run of the same campaign: the same violations with the
same hits, the same cells with the same states and executions, the same
number of findings (nothing recorded twice, nothing lost).  Also: a worker
whose reqsim is another build, an unreachable scheduler and bad options are
one line and exit 2 with nothing written.

Skipped (77) when Debian's python3 has no distributed package
(tools/bootstrap.sh installs it).
Run: python3 tests/test_cluster.py REQSIM"""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))

import campaign_cluster as cc  # noqa: E402

CAMPAIGN = TOOLS / "campaign.py"
REQSIM = ""
MATRIX = ["--schedules", "2000", "--engines", "pct,random,dfs", "--scenarios", "dekker",
          "--models", "sc,tso", "--jobs", "1", "--no-build", "-q"]


def campaign(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["python3", str(CAMPAIGN), "--reqsim", REQSIM, *args],
                          capture_output=True, text=True, timeout=600, **kw)  # type: ignore


def snapshot(db: Path) -> dict[str, object]:
    con = sqlite3.connect(db)
    try:
        return {
            "violations": con.execute("SELECT signature, kind, hits FROM violations "
                                      "ORDER BY signature").fetchall(),
            "runs": con.execute("SELECT cell, engine, model, state, executions, violating, "
                                "findings FROM runs ORDER BY cell").fetchall(),
            "findings": con.execute("SELECT COUNT(*) FROM findings").fetchone()[0],
            "per_run": con.execute("SELECT r.cell, v.signature, COUNT(*) FROM findings f "
                                   "JOIN runs r ON r.id=f.run_id JOIN violations v ON "
                                   "v.id=f.violation_id GROUP BY r.cell, v.signature "
                                   "ORDER BY 1, 2").fetchall(),
        }
    finally:
        con.close()


def done_cells(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT COUNT(*) FROM runs WHERE state IN "
                               "('clean', 'violations', 'error')").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def children(pid: int) -> list[tuple[int, str]]:
    out = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == pid:
                out.append((int(d.name), (d / "comm").read_text().strip()))
        except (OSError, ValueError, IndexError):
            continue
    return out


class ClusterTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.tmp = Path(tempfile.mkdtemp(prefix="reqsim-cluster-"))
        cls.cluster = cc.LocalCluster(2, cls.tmp)
        cls.address = cls.cluster.start()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.cluster.stop()
        for p in cls.cluster.procs:
            assert p.poll() is not None
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_1_kill_worker_interrupt_resume_equals_local(self) -> None:
        local = self.tmp / "local.db"
        r = campaign(*MATRIX, "--db", str(local), "--work", str(self.tmp / "lw"))
        self.assertEqual(r.returncode, 0, r.stderr)
        want = snapshot(local)
        ncells = len(want["runs"])  # type: ignore[arg-type]
        self.assertGreater(len(want["violations"]), 0)  # type: ignore[arg-type]

        db = self.tmp / "cluster.db"
        log = open(self.tmp / "coordinator.log", "w+")
        proc = subprocess.Popen(["python3", str(CAMPAIGN), "--reqsim", REQSIM, *MATRIX[:-1],
                                 "--cluster", self.address, "--db", str(db),
                                 "--work", str(self.tmp / "cw")],
                                stdout=log, stderr=subprocess.STDOUT, text=True)
        try:
            # kill -9 the worker that is running a cell (a reqsim of its own)
            killed = None
            deadline = time.monotonic() + 120
            while killed is None and time.monotonic() < deadline:
                self.assertIsNone(proc.poll(), "the campaign ended before a worker was killed")
                if done_cells(db) >= 10:
                    for w in self.cluster.workers:
                        if any(c == "reqsim" for _, c in children(w.pid)):
                            os.kill(w.pid, signal.SIGKILL)
                            killed = w
                            break
                time.sleep(0.02)
            self.assertIsNotNone(killed, "no worker was seen running a cell")
            assert killed is not None
            killed.wait(timeout=10)
            at_kill = done_cells(db)
            # then Ctrl-C the coordinator while the other worker goes on
            while done_cells(db) < at_kill + 20 and proc.poll() is None:
                time.sleep(0.02)
            self.assertIsNone(proc.poll(), "the campaign ended before Ctrl-C")
            proc.send_signal(signal.SIGINT)
            rc = proc.wait(timeout=120)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        log.seek(0)
        out = log.read()
        log.close()
        self.assertEqual(rc, 130, out)
        self.assertIn("--resume", out)
        self.assertIn("2 workers", out)
        con = sqlite3.connect(db)
        status = con.execute("SELECT status FROM campaigns").fetchone()[0]
        states = dict(con.execute("SELECT state, COUNT(*) FROM runs GROUP BY state").fetchall())
        con.close()
        self.assertEqual(status, "interrupted")
        self.assertNotIn("running", states)
        self.assertGreater(states.get("pending", 0) + states.get("interrupted", 0), 0, states)
        self.assertLess(done_cells(db), ncells)

        r = campaign("--db", str(db), "--resume", "--cluster", self.address)
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
        got = snapshot(db)
        con = sqlite3.connect(db)
        errors = con.execute("SELECT cell, detail FROM runs WHERE state='error'").fetchall()
        con.close()
        self.assertEqual(got, want, f"cells in error: {errors}")

    def test_2_other_build_on_a_worker(self) -> None:
        root = self.tmp / "other-root"
        (root / "build" / "default").mkdir(parents=True)
        shutil.copytree(TOOLS, root / "tools", ignore=shutil.ignore_patterns("__pycache__"))
        fake = root / "build" / "default" / "reqsim"
        fake.write_text("#!/bin/sh\necho 'reqsim build 0123456789abcdef (fake)'\n")
        fake.chmod(0o755)
        db = self.tmp / "other.db"
        r = campaign(*MATRIX, "--db", str(db), "--cluster", self.address,
                     "--worker-root", str(root), "--work", str(self.tmp / "ow"))
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
        self.assertIn("build 0123456789abcdef", r.stderr)
        self.assertFalse(db.exists(), "a refused campaign wrote the store")

    def test_3_bad_options_and_no_scheduler(self) -> None:
        db = self.tmp / "bad.db"
        for args, text in ((["--cluster", "nowhere"], "not a scheduler address"),
                           (["--worker-root", "/tmp"], "--worker-root needs --cluster"),
                           (["--cluster", "tcp://127.0.0.1:1"], "cannot connect")):
            r = campaign(*MATRIX, "--db", str(db), *args)
            self.assertEqual(r.returncode, 2, (args, r.stderr))
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertIn(text, r.stderr)
            self.assertFalse(db.exists())


class MergeTest(unittest.TestCase):
    """The coordinator's side without a cluster: a cell's result merged twice
    records nothing twice; fuzzer corpora merge by content."""

    def test_merge_cell_twice_and_corpora(self) -> None:
        import store
        with tempfile.TemporaryDirectory(prefix="reqsim-merge-") as tmp:
            t = Path(tmp)
            st = store.open_store(t / "s.db")
            cells = [{"cell": i, "engine": "libfuzzer", "scenario": "dekker", "params": "",
                      "model": "sc", "arch": "x86", "bugs": "", "seed": 1, "cores": 1}
                     for i in range(2)]
            cid = st.begin_campaign(name="m", config={}, git_rev=None, host=None,
                                    reqsim_build=None)
            st.add_runs(cid, cells)
            runs = st.runs(cid)
            v = {"signature": "00000000000000aa", "kind": "missed-request",
                 "scenario": "dekker", "model": "sc", "arch": "x86", "bugs": "",
                 "params": "", "engine": "libfuzzer", "origin": "crash-1",
                 "schedule": "s", "min_schedule": "m", "story": "a story"}
            run = {"executions": 7, "seconds": 1.5, "coverage": 3, "violating": 2,
                   "first_violation_s": 0.5, "first_violation_execs": None, "detail": None,
                   "progress": "{}", "started": 1.0, "ended": 2.0, "state": "violations"}
            for i, r in enumerate(runs):
                res = {"findings": [{"source": f"artifacts/crash-{k}", "t_run": 0.5,
                                     "signature": v["signature"], "found": 10.0 + k}
                                    for k in range(2)],
                       "violations": {v["signature"]: v}, "run": run,
                       "samples": [{"t": 1.0, "executions": 7, "violations": 1,
                                    "coverage": 3}],
                       "corpus": [(f"corpus/{n}", bytes([n, i])) for n in range(3)]
                       + [("corpus/same", b"shared")],
                       "crashes": [("afl-out/main/crashes/id:0", b"x"),
                                   ("afl-out/s1/crashes/id:0", b"y")]}
                for _ in range(2):  # a re-merge (coordinator killed after it) adds nothing
                    cc.merge_cell(st, cid, int(r["id"]), res)
                    cc.save_cell_files(t / "work", cells[i], res)
            hits = st.q1("SELECT hits FROM violations")[0]
            self.assertEqual(hits, 4)  # 2 cells x 2 sources, each once
            self.assertEqual(st.q1("SELECT COUNT(*) FROM findings")[0], 4)
            self.assertEqual(st.q1("SELECT COUNT(*) FROM samples")[0], 2)
            self.assertEqual([r["state"] for r in st.runs(cid)], ["violations"] * 2)
            crashes = sorted(p.name for p in (t / "work" / "cell-00000" / "crashes").iterdir())
            self.assertEqual(len(crashes), 2, crashes)  # two instances' id:0 both kept
            self.assertEqual(cc.merge_corpora(t / "work", cells), (7, 2))
            merged = t / "work" / "corpus" / "libfuzzer-dekker"
            self.assertEqual(len(list(merged.iterdir())), 7)  # 3 + 3 distinct + 1 shared
            self.assertEqual(cc.merge_corpora(t / "work", cells), (0, 2))
            st.close()


def main() -> int:
    global REQSIM
    if len(sys.argv) < 2:
        print("usage: test_cluster.py REQSIM [unittest args]", file=sys.stderr)
        return 2
    REQSIM = os.path.abspath(sys.argv.pop(1))
    if not cc.debian_python_has_distributed():
        print("skipped: Debian's python3 has no distributed package "
              "(tools/bootstrap.sh installs python3-distributed)")
        return 77
    prog = unittest.main(exit=False, verbosity=2)
    return 0 if prog.result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
