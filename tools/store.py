#!/usr/bin/env python3
"""store.py: the SQLite violation store of reqsim campaigns, and its terminal query tool.

    tools/store.py [--db FILE] list [campaigns|runs|violations] [--campaign ID] [--limit N]
    tools/store.py [--db FILE] list open|fixed|regressed [--campaign ID] [--limit N]
    tools/store.py [--db FILE] show SIGNATURE | campaign ID
    tools/store.py [--db FILE] history SIGNATURE
    tools/store.py [--db FILE] export [--format json|csv] [--table T] [-o FILE]
    tools/store.py [--db FILE] export --sched SIGNATURE [-o FILE]   (or --perfetto, --jsonl)
    tools/store.py [--db FILE] check

One SQLite file (default results/reqsim.db under the current directory) holds:
  campaigns   one row per campaign: start, end, status, git revision, host,
              configuration (JSON: budget, matrix, seeds, reqsim build)
  runs        one row per cell of a campaign's matrix: engine, scenario,
              parameters, model, arch, bugs, executions, seconds, coverage,
              time to the first violation, state, resume progress (JSON)
  violations  one row per signature, across campaigns: kind, scenario and
              configuration it was first seen in, first/last seen, hit count,
              the schedule that found it and its minimized form, the length,
              the story sentence and the traces (zlib-compressed JSON lines and
              Perfetto JSON) of the minimized schedule
  findings    which run saw which violation (and when, and how)
  samples     time series for plots: executions, violations, coverage per run
  ingested    the input files (schedules, crash files) already recorded, so a
              resumed campaign never records a file twice
  rechecks    the status of each violation on each campaign's build (schema 3):
              reproduces, fixed, other, unfit-found, unfit-gone, config-gone or
              error, the other signature, how it was decided (replay, pct, found
              by the campaign's cells) and a detail line (tools/recheck.py)

Campaigns record the build they ran: reqsim_build (the core build id), git_commit
and git_dirty (git_rev keeps the older "COMMIT[-dirty]" text).  A violation's
lifecycle is derived, never stored: open from its first sighting, "fixed in
COMMIT" at the first build on which it stopped reproducing, "regressed in
COMMIT" when it reproduces again later (see RECHECK_STATUSES below).

Invariants:
 1. The schema version is PRAGMA user_version; opening an older store
    migrates it step by step inside one transaction (MIGRATIONS below).  A
    newer store, a foreign SQLite file (another application_id, or tables of
    someone else) or a corrupt file is refused with one line and never
    modified: it is inspected read-only before anything is written.
 2. Journal mode WAL and a busy timeout: several processes (campaigns, the
    report builder) use one store at once; every write is a short
    BEGIN IMMEDIATE transaction, so concurrent writers queue and lose nothing.
 3. A violation is deduplicated by its signature (kind + scenario + sites):
    the first sighting inserts it, later ones bump hits and last_seen.
 4. Recording a finding, its hit and the "ingested" mark of its input file is
    one transaction: a campaign killed at any point has recorded a finding
    completely or not at all.

 5. list, show, export and check only read: they open the store read-only
    (SQLite mode=ro; safeio.connect_readonly) and leave the file and its
    directory as they were, so they work on a store in a directory the user
    cannot write.  When that directory is not writable and no -shm file
    exists, the store is read as immutable, and changes still in a -wal
    file are not seen (a warning says so).  An older store is migrated in
    memory for them; `check` migrates the file itself (it must write, and
    says which permission is missing when it cannot).
 6. No command writes over the store or its -wal/-shm/-journal (by path,
    symlink or hard link): export -o refuses them.  An export is written to
    a temporary file next to the target and renamed over it: an interrupted
    export leaves the old file intact and no temporary file.
 7. A row damaged by hand (a JSON column that is not the JSON it should be,
    a trace that is not a zlib blob, a number that is text) is skipped with
    one warning line naming it (list, show, export, and report.py); `check`
    lists every damaged row and then exits 1.
 8. Printed commands quote every argument for the shell; they run from the
    checkout (tools/store.py, build/default/reqsim) and name --db unless the
    store is the checkout's results/reqsim.db.

Exit status: 0 ok, 1 not found (show, export) or damaged rows found (check),
2 usage error or bad store (one line on stderr, never a traceback).
Standard library only.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import re
import shlex
import sqlite3
import stat
import sys
import time
import zlib
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
import safeio  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
# relative: the store of the directory the tool runs in, not of the checkout
DEFAULT_DB = Path("results") / "reqsim.db"
CHECKOUT_DB = REPO_ROOT / DEFAULT_DB  # what `tools/store.py` run from the checkout opens
SQLITE_INT_MAX = 2 ** 63 - 1

APPLICATION_ID = 0x72737131  # "rsq1": marks the file as a reqsim store
BUSY_TIMEOUT_MS = 60_000
SQLITE_MAGIC = b"SQLite format 3\x00"

EXIT_OK, EXIT_NOT_FOUND, EXIT_ERROR = 0, 1, 2


class StoreError(Exception):
    """Bad store file, bad argument: one line, exit 2."""


class NeedsMigration(StoreError):
    """The store's schema is older and the caller asked not to migrate it."""


# ---- schema and migrations ----------------------------------------------------------

# MIGRATIONS[i] takes a store from user_version i to i + 1.  Never edit a
# released step; append a new one.  Version 1 is the first cut of the store
# (kept as the starting point of every store, and of the migration test).
MIGRATIONS: list[str] = [
    # 0 -> 1: campaigns, runs, violations, samples
    """
    CREATE TABLE campaigns(
        id INTEGER PRIMARY KEY,
        started REAL NOT NULL,
        ended REAL,
        git_rev TEXT,
        host TEXT,
        config TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE runs(
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
        engine TEXT NOT NULL,
        scenario TEXT NOT NULL,
        model TEXT NOT NULL,
        arch TEXT NOT NULL,
        bugs TEXT NOT NULL DEFAULT '',
        executions INTEGER NOT NULL DEFAULT 0,
        seconds REAL NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'pending'
    );
    CREATE TABLE violations(
        id INTEGER PRIMARY KEY,
        signature TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        scenario TEXT NOT NULL,
        model TEXT,
        arch TEXT,
        bugs TEXT,
        first_seen REAL NOT NULL,
        last_seen REAL NOT NULL,
        hits INTEGER NOT NULL DEFAULT 1,
        min_schedule TEXT,
        schedule_len INTEGER,
        trace_summary TEXT
    );
    CREATE TABLE samples(
        run_id INTEGER NOT NULL REFERENCES runs(id),
        t REAL NOT NULL,
        executions INTEGER NOT NULL,
        violations INTEGER NOT NULL
    );
    CREATE INDEX runs_campaign ON runs(campaign_id);
    CREATE INDEX samples_run ON samples(run_id, t);
    """,
    # 1 -> 2: resumable cells (cell index, parameters, seed, progress),
    # coverage, time to first violation, expected verdicts; full findings
    # (which run saw what), the original schedule, traces and story; the
    # ingested-file log that makes --resume idempotent.
    """
    ALTER TABLE campaigns ADD COLUMN name TEXT;
    ALTER TABLE campaigns ADD COLUMN status TEXT NOT NULL DEFAULT 'done';
    ALTER TABLE campaigns ADD COLUMN elapsed REAL NOT NULL DEFAULT 0;
    ALTER TABLE campaigns ADD COLUMN reqsim_build TEXT;
    ALTER TABLE runs ADD COLUMN cell INTEGER;
    ALTER TABLE runs ADD COLUMN params TEXT NOT NULL DEFAULT '';
    ALTER TABLE runs ADD COLUMN seed INTEGER;
    ALTER TABLE runs ADD COLUMN cores INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE runs ADD COLUMN started REAL;
    ALTER TABLE runs ADD COLUMN ended REAL;
    ALTER TABLE runs ADD COLUMN coverage INTEGER;
    ALTER TABLE runs ADD COLUMN violating INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE runs ADD COLUMN findings INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE runs ADD COLUMN first_violation_s REAL;
    ALTER TABLE runs ADD COLUMN first_violation_execs INTEGER;
    ALTER TABLE runs ADD COLUMN expected TEXT;
    ALTER TABLE runs ADD COLUMN detail TEXT;
    ALTER TABLE runs ADD COLUMN progress TEXT NOT NULL DEFAULT '{}';
    CREATE UNIQUE INDEX runs_cell ON runs(campaign_id, cell);
    ALTER TABLE samples ADD COLUMN coverage INTEGER;
    ALTER TABLE violations ADD COLUMN params TEXT NOT NULL DEFAULT '';
    ALTER TABLE violations ADD COLUMN message TEXT;
    ALTER TABLE violations ADD COLUMN sites TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE violations ADD COLUMN step INTEGER;
    ALTER TABLE violations ADD COLUMN engine TEXT;
    ALTER TABLE violations ADD COLUMN origin TEXT;
    ALTER TABLE violations ADD COLUMN first_campaign_id INTEGER;
    ALTER TABLE violations ADD COLUMN first_run_id INTEGER;
    ALTER TABLE violations ADD COLUMN schedule TEXT;
    ALTER TABLE violations ADD COLUMN orig_len INTEGER;
    ALTER TABLE violations ADD COLUMN steps INTEGER;
    ALTER TABLE violations ADD COLUMN trace_hash TEXT;
    ALTER TABLE violations ADD COLUMN decisive TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE violations ADD COLUMN trace_jsonl BLOB;
    ALTER TABLE violations ADD COLUMN trace_perfetto BLOB;
    ALTER TABLE violations ADD COLUMN trace_note TEXT;
    CREATE INDEX violations_first_seen ON violations(first_seen);
    CREATE TABLE findings(
        id INTEGER PRIMARY KEY,
        violation_id INTEGER NOT NULL REFERENCES violations(id),
        run_id INTEGER REFERENCES runs(id),
        campaign_id INTEGER REFERENCES campaigns(id),
        found REAL NOT NULL,
        t_run REAL,
        origin TEXT,
        new INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX findings_violation ON findings(violation_id);
    CREATE INDEX findings_campaign ON findings(campaign_id);
    CREATE INDEX findings_run ON findings(run_id);
    CREATE TABLE ingested(
        run_id INTEGER NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY(run_id, source)
    ) WITHOUT ROWID;
    """,
    # 2 -> 3: the build each campaign ran (git commit and dirty flag besides
    # git_rev, filled from git_rev for older rows where it is a hex commit with
    # or without "-dirty"), the kind of a campaign row ('campaign', or
    # 'recheck' for tools/recheck.py run alone), and the re-check results: one
    # row per (violation, campaign), see RECHECK_STATUSES.
    """
    ALTER TABLE campaigns ADD COLUMN git_commit TEXT;
    ALTER TABLE campaigns ADD COLUMN git_dirty INTEGER;
    ALTER TABLE campaigns ADD COLUMN kind TEXT NOT NULL DEFAULT 'campaign';
    UPDATE campaigns SET git_commit=substr(git_rev, 1, length(git_rev) - 6), git_dirty=1
        WHERE typeof(git_rev)='text' AND git_rev GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f]*-dirty'
        AND NOT substr(git_rev, 1, length(git_rev) - 6) GLOB '*[^0-9a-f]*';
    UPDATE campaigns SET git_commit=git_rev, git_dirty=0
        WHERE typeof(git_rev)='text' AND git_rev GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f]*'
        AND NOT git_rev GLOB '*[^0-9a-f]*';
    CREATE TABLE rechecks(
        id INTEGER PRIMARY KEY,
        violation_id INTEGER NOT NULL REFERENCES violations(id),
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
        status TEXT NOT NULL,
        other_signature TEXT,
        how TEXT NOT NULL,
        detail TEXT,
        checked REAL NOT NULL,
        seconds REAL
    );
    CREATE UNIQUE INDEX rechecks_violation_campaign ON rechecks(violation_id, campaign_id);
    CREATE INDEX rechecks_campaign ON rechecks(campaign_id);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
OUR_TABLES = {"campaigns", "runs", "violations", "samples", "findings", "ingested",
              "rechecks"}


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def compress(text: str | bytes | None) -> bytes | None:
    if text is None:
        return None
    data = text.encode("utf-8") if isinstance(text, str) else text
    return zlib.compress(data, 6)


def decompress(blob: bytes | None) -> str | None:
    if blob is None:
        return None
    if not isinstance(blob, (bytes, bytearray, memoryview)):
        raise StoreError(f"a stored trace is damaged (a {type(blob).__name__} value, not a "
                         "zlib blob)")
    try:
        return zlib.decompress(blob).decode("utf-8", errors="replace")
    except zlib.error as e:
        raise StoreError(f"a stored trace is damaged ({_one_line(e)})") from None


# ---- opening --------------------------------------------------------------------------

def _open_error(path: Path, e: BaseException, doing: str) -> StoreError:
    """One line for an sqlite3 error while opening or reading: corrupt only when
    the file is (not a database, malformed); else what failed, and which
    permission is missing when that is the cause."""
    kind = safeio.sqlite_error_kind(e)
    if kind == "corrupt":
        return StoreError(f"{path}: corrupt SQLite file ({_one_line(e)}); left untouched")
    if kind in ("readonly", "cantopen"):
        if not os.access(path, os.R_OK):
            return StoreError(f"{path}: cannot {doing}: no read permission on file {path}")
        denied = safeio.write_denied(path, create=False)
        if denied:
            return StoreError(f"{path}: cannot {doing}: {denied} ({_one_line(e)})")
    return StoreError(f"{path}: cannot {doing} ({_one_line(e)})")


def _check_file(p: Path) -> os.stat_result | None:
    """stat of an existing store path (None: missing); refuses what is not a file."""
    try:
        st = p.stat()
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise StoreError(f"{p}: a parent of it is not a directory") from None
    except OSError as e:
        raise StoreError(f"{p}: cannot read ({e.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise StoreError(f"{p}: is a directory, not a store file")
    if not stat.S_ISREG(st.st_mode):
        raise StoreError(f"{p}: not a regular file (a store is an SQLite file)")
    return st


def _read_head(path: Path) -> None:
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except PermissionError:
        raise StoreError(f"{path}: cannot read: no read permission on file {path}") from None
    except OSError as e:
        raise StoreError(f"{path}: cannot read ({e.strerror})") from None
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise StoreError(f"{path}: not an SQLite database (refusing to touch it)")


def _inspect_con(con: sqlite3.Connection, path: Path) -> tuple[int, int, set[str]]:
    try:
        app = con.execute("PRAGMA application_id").fetchone()[0]
        ver = con.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table'")}
        ok = con.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as e:
        raise _open_error(path, e, "read the store") from None
    if ok != "ok":
        raise StoreError(f"{path}: corrupt SQLite file (quick_check: {_one_line(ok)[:200]}); "
                         "left untouched")
    return app, ver, tables


def _connect_ro(path: Path) -> safeio.ReadOnlyConnection:
    try:
        return safeio.connect_readonly(path, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as e:
        raise _open_error(path, e, "open the store read-only") from None


def inspect(path: Path) -> tuple[int, int, set[str]]:
    """Read-only look at an existing file: (application_id, user_version, tables).

    Raises StoreError when it is not a readable SQLite database.  Never writes
    (nor leaves -wal/-shm files behind).
    """
    _read_head(path)
    con = _connect_ro(path)
    try:
        return _inspect_con(con, path)
    finally:
        con.close()


def validate(path: Path, app: int, ver: int, tables: set[str]) -> None:
    """Refuse a file that is not ours (or from the future).  Raises StoreError."""
    if app == APPLICATION_ID:
        if ver > SCHEMA_VERSION:
            raise StoreError(f"{path}: store schema version {ver} is newer than this "
                             f"tool's ({SCHEMA_VERSION}); update reqsim's tools/")
        if ver < 1:
            raise StoreError(f"{path}: reqsim store without a schema version; left "
                             "untouched")
        return
    if app != 0:
        raise StoreError(f"{path}: foreign SQLite database (application_id "
                         f"0x{app:08x}, not a reqsim store); left untouched")
    if not tables:
        if ver != 0:
            raise StoreError(f"{path}: foreign SQLite database (empty, user_version {ver}); "
                             "left untouched")
        return  # an empty SQLite file: ours to initialise
    # application_id 0 with tables: a store made by hand with the schema of
    # some version is accepted only if every table is one of ours.
    if tables - OUR_TABLES or not {"campaigns", "runs", "violations"} <= tables:
        shown = ", ".join(sorted(tables)[:5])
        raise StoreError(f"{path}: foreign SQLite database (tables: {shown}); "
                         "not a reqsim store, left untouched")
    if ver < 1 or ver > SCHEMA_VERSION:
        raise StoreError(f"{path}: SQLite file with reqsim-like tables but schema "
                         f"version {ver}; left untouched")


class Store:
    """An open store.  Use open_store(); close() or use as a context manager."""

    def __init__(self, con: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self.con = con
        self.path = path
        self.readonly = readonly
        self.note: str | None = None  # a warning for the user (read-only caveats)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- transactions -------------------------------------------------------------------

    @contextlib.contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: writers queue on the busy timeout)."""
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only")
        # One try from BEGIN on: a Ctrl-C that lands right after BEGIN (before
        # the body) must roll back too, or the connection stays inside a
        # transaction and every later write of this process fails (an
        # interrupted cluster campaign was left 'running' that way).
        try:
            for attempt in range(20):
                try:
                    self.con.execute("BEGIN IMMEDIATE")
                    break
                except sqlite3.OperationalError as e:
                    if "locked" not in str(e) and "busy" not in str(e):
                        raise _open_error(self.path, e, "write the store") from None
                    time.sleep(0.05 * (attempt + 1))
            else:
                raise StoreError(f"{self.path}: database stayed locked")
            yield self.con
        except BaseException:
            if self.con.in_transaction:
                self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")

    def q(self, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self.con.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as e:
            raise _open_error(self.path, e, "read the store") from None
        except (sqlite3.Error, OverflowError, UnicodeError) as e:
            raise StoreError(f"{self.path}: {_one_line(e)}") from None

    def q1(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Row | None:
        rows = self.q(sql, args)
        return rows[0] if rows else None

    # -- campaigns ----------------------------------------------------------------------

    def begin_campaign(self, *, name: str, config: dict[str, Any], git_rev: str | None,
                       host: str | None, reqsim_build: str | None,
                       started: float | None = None, git_commit: str | None = None,
                       git_dirty: bool | None = None, kind: str = "campaign") -> int:
        with self.tx() as c:
            cur = c.execute(
                "INSERT INTO campaigns(name, started, git_rev, host, config, status, "
                "reqsim_build, git_commit, git_dirty, kind) VALUES(?,?,?,?,?,?,?,?,?,?)",
                (name, started if started is not None else time.time(), git_rev, host,
                 json.dumps(config, sort_keys=True), "running", reqsim_build, git_commit,
                 None if git_dirty is None else int(bool(git_dirty)), kind))
            return int(cur.lastrowid)

    def set_campaign(self, campaign_id: int, **fields: Any) -> None:
        self._update("campaigns", campaign_id, fields)

    def campaign(self, campaign_id: int) -> sqlite3.Row | None:
        return self.q1("SELECT * FROM campaigns WHERE id=?", (campaign_id,))

    def campaigns(self) -> list[sqlite3.Row]:
        return self.q(
            "SELECT c.*, "
            " (SELECT COUNT(*) FROM runs r WHERE r.campaign_id=c.id) AS nruns,"
            " (SELECT COALESCE(SUM(executions),0) FROM runs r WHERE r.campaign_id=c.id"
            "   AND typeof(executions)='integer') AS executions,"
            " (SELECT MAX(coverage) FROM runs r WHERE r.campaign_id=c.id"
            "   AND typeof(coverage)='integer') AS coverage,"
            " (SELECT COUNT(DISTINCT violation_id) FROM findings f"
            "   WHERE f.campaign_id=c.id) AS nviolations,"
            " (SELECT COUNT(*) FROM findings f WHERE f.campaign_id=c.id AND f.new=1)"
            "   AS nnew "
            "FROM campaigns c ORDER BY c.id")

    # -- runs ---------------------------------------------------------------------------

    def add_runs(self, campaign_id: int, cells: Sequence[dict[str, Any]]) -> None:
        """Create the run row of every cell (state pending); existing cells stay."""
        with self.tx() as c:
            c.executemany(
                "INSERT OR IGNORE INTO runs(campaign_id, cell, engine, scenario, params, "
                "model, arch, bugs, seed, cores, expected, state) "
                "VALUES(?,?,?,?,?,?,?,?,?,?,?, 'pending')",
                [(campaign_id, cell["cell"], cell["engine"], cell["scenario"],
                  cell.get("params", ""), cell["model"], cell["arch"], cell.get("bugs", ""),
                  cell.get("seed"), cell.get("cores", 1), cell.get("expected"))
                 for cell in cells])

    def runs(self, campaign_id: int) -> list[sqlite3.Row]:
        return self.q("SELECT * FROM runs WHERE campaign_id=? ORDER BY cell, id",
                      (campaign_id,))

    def run(self, run_id: int) -> sqlite3.Row | None:
        return self.q1("SELECT * FROM runs WHERE id=?", (run_id,))

    def set_run(self, run_id: int, **fields: Any) -> None:
        self._update("runs", run_id, fields)

    def add_sample(self, run_id: int, t: float, executions: int, violations: int,
                   coverage: int | None = None) -> None:
        with self.tx() as c:
            c.execute("INSERT INTO samples(run_id, t, executions, violations, coverage) "
                      "VALUES(?,?,?,?,?)", (run_id, t, executions, violations, coverage))

    def update_run_with_sample(self, run_id: int, t: float, fields: dict[str, Any],
                               sample: tuple[int, int, int | None] | None) -> None:
        """Run figures and a time-series sample in one transaction."""
        cols = _checked_cols("runs", fields)
        with self.tx() as c:
            if cols:
                c.execute(f"UPDATE runs SET {', '.join(f'{k}=?' for k in cols)} WHERE id=?",
                          [_sqlval(fields[k]) for k in cols] + [run_id])
            if sample is not None:
                c.execute("INSERT INTO samples(run_id, t, executions, violations, coverage)"
                          " VALUES(?,?,?,?,?)", (run_id, t, *sample))

    def samples(self, run_ids: Sequence[int]) -> list[sqlite3.Row]:
        if not run_ids:
            return []
        out: list[sqlite3.Row] = []
        ids = list(run_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            out += self.q(f"SELECT * FROM samples WHERE run_id IN "
                          f"({','.join('?' * len(chunk))}) ORDER BY run_id, t", chunk)
        return out

    # -- violations ---------------------------------------------------------------------

    def is_ingested(self, run_id: int, source: str) -> bool:
        return self.q1("SELECT 1 FROM ingested WHERE run_id=? AND source=?",
                       (run_id, source)) is not None

    def mark_ingested(self, run_id: int, source: str) -> None:
        """An input that recorded nothing (it did not reproduce): never retried."""
        with self.tx() as c:
            c.execute("INSERT OR IGNORE INTO ingested(run_id, source) VALUES(?,?)",
                      (run_id, source))

    def known_signature(self, signature: str) -> bool:
        return self.q1("SELECT 1 FROM violations WHERE signature=?", (signature,)) is not None

    def record_finding(self, *, campaign_id: int | None, run_id: int | None,
                       source: str | None, v: dict[str, Any], t_run: float | None = None,
                       when: float | None = None) -> tuple[int, bool]:
        """Record one sighting of a violation; returns (violation id, new?).

        `v` holds at least signature, kind, scenario; the full record (schedule,
        traces, story) when the caller minimized it.  The sighting, the
        violation's hit count and the ingested mark of `source` commit together;
        a source already ingested for this run records nothing (returns the
        existing violation's id, False).
        """
        now = when if when is not None else time.time()
        sig = str(v["signature"])
        with self.tx() as c:
            if source is not None and run_id is not None:
                if c.execute("SELECT 1 FROM ingested WHERE run_id=? AND source=?",
                             (run_id, source)).fetchone():
                    row = c.execute("SELECT id FROM violations WHERE signature=?",
                                    (sig,)).fetchone()
                    return (int(row[0]) if row else -1), False
                c.execute("INSERT INTO ingested(run_id, source) VALUES(?,?)",
                          (run_id, source))
            row = c.execute("SELECT id FROM violations WHERE signature=?", (sig,)).fetchone()
            new = row is None
            if new:
                cols = {
                    "signature": sig, "kind": v["kind"], "scenario": v["scenario"],
                    "model": v.get("model"), "arch": v.get("arch"),
                    "bugs": v.get("bugs", ""), "params": v.get("params", ""),
                    "message": v.get("message"), "sites": json.dumps(v.get("sites", [])),
                    "step": v.get("step"), "engine": v.get("engine"),
                    "origin": v.get("origin"), "first_campaign_id": campaign_id,
                    "first_run_id": run_id, "first_seen": now, "last_seen": now,
                    "hits": 1, "schedule": v.get("schedule"),
                    "min_schedule": v.get("min_schedule"),
                    "schedule_len": v.get("schedule_len"), "orig_len": v.get("orig_len"),
                    "steps": v.get("steps"), "trace_hash": v.get("trace_hash"),
                    "trace_summary": v.get("story"),
                    "decisive": json.dumps(v.get("decisive", [])),
                    "trace_jsonl": compress(v.get("trace_jsonl")),
                    "trace_perfetto": compress(v.get("trace_perfetto")),
                    "trace_note": v.get("trace_note"),
                }
                cur = c.execute(
                    f"INSERT INTO violations({', '.join(cols)}) "
                    f"VALUES({', '.join('?' * len(cols))})", list(cols.values()))
                vid = int(cur.lastrowid)
            else:
                vid = int(row[0])
                c.execute("UPDATE violations SET hits=hits+1, last_seen=MAX(last_seen, ?) "
                          "WHERE id=?", (now, vid))
            c.execute("INSERT INTO findings(violation_id, run_id, campaign_id, found, t_run,"
                      " origin, new) VALUES(?,?,?,?,?,?,?)",
                      (vid, run_id, campaign_id, now, t_run, v.get("origin"), int(new)))
            if run_id is not None:
                c.execute("UPDATE runs SET findings=(SELECT COUNT(DISTINCT violation_id) "
                          "FROM findings WHERE run_id=?) WHERE id=?", (run_id, run_id))
            return vid, new

    def violations(self, campaign_id: int | None = None) -> list[sqlite3.Row]:
        cols = ("v.id, v.signature, v.kind, v.scenario, v.params, v.model, v.arch, v.bugs,"
                " v.first_seen, v.last_seen, v.hits, v.schedule_len, v.orig_len, v.steps,"
                " v.trace_summary AS story, v.engine, v.origin, v.first_campaign_id,"
                " v.message, v.sites, v.decisive")
        if campaign_id is None:
            return self.q(f"SELECT {cols} FROM violations v ORDER BY v.first_seen, v.id")
        return self.q(f"SELECT DISTINCT {cols} FROM violations v JOIN findings f ON "
                      "f.violation_id=v.id WHERE f.campaign_id=? ORDER BY v.first_seen, v.id",
                      (campaign_id,))

    def violation(self, key: str) -> sqlite3.Row | None:
        """By signature (or a unique prefix of it, at least 4 hex digits) or 'vN'."""
        try:
            key.encode("utf-8")
        except UnicodeEncodeError:
            return None  # not UTF-8 (bytes from the command line): no signature is
        m = re.fullmatch(r"v([0-9]{1,19})", key)
        if m:
            vid = int(m.group(1))
            return (self.q1("SELECT * FROM violations WHERE id=?", (vid,))
                    if vid <= SQLITE_INT_MAX else None)
        row = self.q1("SELECT * FROM violations WHERE signature=?", (key,))
        if row is not None or len(key) < 4:
            return row
        rows = self.q("SELECT * FROM violations WHERE signature LIKE ? ESCAPE '\\' LIMIT 2",
                      (key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                       + "%",))
        return rows[0] if len(rows) == 1 else None

    def findings(self, violation_id: int) -> list[sqlite3.Row]:
        return self.q(
            "SELECT f.*, r.engine, r.model, r.arch, r.bugs, r.params, r.scenario "
            "FROM findings f LEFT JOIN runs r ON r.id=f.run_id "
            "WHERE f.violation_id=? ORDER BY f.found, f.id", (violation_id,))

    # -- re-checks (status per build) ---------------------------------------------------

    def record_recheck(self, *, violation_id: int, campaign_id: int, status: str, how: str,
                       other_signature: str | None = None, detail: str | None = None,
                       seconds: float | None = None, when: float | None = None) -> bool:
        """Record the status of a violation on a campaign's build (committed at
        once).  A violation already re-checked for this campaign keeps its first
        result: False then."""
        if status not in RECHECK_STATUSES:
            raise ValueError(f"unknown re-check status {status!r}")
        if how not in RECHECK_HOWS:
            raise ValueError(f"unknown re-check method {how!r}")
        with self.tx() as c:
            cur = c.execute(
                "INSERT OR IGNORE INTO rechecks(violation_id, campaign_id, status, "
                "other_signature, how, detail, checked, seconds) VALUES(?,?,?,?,?,?,?,?)",
                (violation_id, campaign_id, status, other_signature, how, detail,
                 when if when is not None else time.time(), seconds))
            return cur.rowcount == 1

    def rechecked(self, campaign_id: int) -> set[int]:
        """The violations already re-checked for this campaign."""
        return {int(r[0]) for r in self.q(
            "SELECT violation_id FROM rechecks WHERE campaign_id=?", (campaign_id,))}

    def rechecks(self, campaign_id: int) -> list[sqlite3.Row]:
        return self.q("SELECT * FROM rechecks WHERE campaign_id=? ORDER BY violation_id",
                      (campaign_id,))

    def status_events(self, violation_id: int | None = None) -> dict[int, list["Event"]]:
        """Every violation's statuses per campaign (build), in campaign order:
        its re-check rows, and its sightings by the campaign's cells (findings),
        which count as 'reproduces' on that build (how 'found').  A sighting
        wins over a re-check of the same campaign."""
        where_r = "" if violation_id is None else " AND r.violation_id=?"
        where_f = "" if violation_id is None else " AND f.violation_id=?"
        args: tuple[Any, ...] = () if violation_id is None else (violation_id,)
        ccols = ("c.id AS cid, c.name AS cname, c.started AS cstarted, c.reqsim_build, "
                 "c.git_commit, c.git_dirty, c.git_rev, c.kind AS ckind")
        rows = self.q(
            f"SELECT r.violation_id AS vid, r.status, r.other_signature, r.how, r.detail, "
            f"r.checked AS t, {ccols} FROM rechecks r JOIN campaigns c ON c.id=r.campaign_id "
            f"WHERE typeof(r.status)='text' AND typeof(r.violation_id)='integer'{where_r}",
            args)
        found = self.q(
            f"SELECT f.violation_id AS vid, 'reproduces' AS status, NULL AS other_signature,"
            f" 'found' AS how, COUNT(*) || ' sighting(s) by the campaign''s cells' AS detail,"
            f" MIN(f.found) AS t, {ccols} FROM findings f JOIN campaigns c ON "
            f"c.id=f.campaign_id WHERE typeof(f.violation_id)='integer'{where_f} "
            f"GROUP BY f.violation_id, c.id", args)
        out: dict[int, dict[int, Event]] = {}
        for r in list(rows) + list(found):  # findings last: a sighting wins
            ev = Event.of(r)
            out.setdefault(int(r["vid"]), {})[ev.campaign_id] = ev
        return {vid: [evs[k] for k in sorted(evs)] for vid, evs in out.items()}

    def lifecycles(self) -> dict[int, "Lifecycle"]:
        """The lifecycle of every violation (open / fixed / regressed), derived
        from status_events(); a violation without any event is open."""
        evs = self.status_events()
        out = {}
        for r in self.q("SELECT id FROM violations WHERE typeof(id)='integer'"):
            out[int(r[0])] = lifecycle(evs.get(int(r[0]), []))
        return out

    # -- helpers ------------------------------------------------------------------------

    def _update(self, table: str, row_id: int, fields: dict[str, Any]) -> None:
        cols = _checked_cols(table, fields)
        if not cols:
            return
        with self.tx() as c:
            c.execute(f"UPDATE {table} SET {', '.join(f'{k}=?' for k in cols)} WHERE id=?",
                      [_sqlval(fields[k]) for k in cols] + [row_id])


_COLS = {
    "campaigns": {"name", "ended", "status", "elapsed", "config", "reqsim_build",
                  "git_rev", "host", "git_commit", "git_dirty", "kind"},
    "runs": {"state", "executions", "seconds", "coverage", "violating", "findings",
             "first_violation_s", "first_violation_execs", "detail", "progress", "started",
             "ended", "seed", "cores"},
}


def _checked_cols(table: str, fields: dict[str, Any]) -> list[str]:
    bad = set(fields) - _COLS[table]
    if bad:
        raise ValueError(f"unknown {table} column(s): {sorted(bad)}")
    return sorted(fields)


def _sqlval(v: Any) -> Any:
    return json.dumps(v, sort_keys=True) if isinstance(v, (dict, list)) else v


# ---- status per build and lifecycle ---------------------------------------------------------
#
# A re-check (tools/recheck.py) records per (violation, campaign) one status:
#   reproduces   the stored schedule replays to the same signature (how 'replay'),
#                or the campaign's own cells found it (how 'found')
#   fixed        the schedule replays to no violation
#   other        the schedule replays to another violation (other_signature)
#   unfit-found  the schedule does not fit this build (or names what it lacks),
#                and a small PCT search of the violation's configuration found
#                the signature again (how 'pct')
#   unfit-gone   the same, and the PCT search did not find it
#   config-gone  the violation's configuration (scenario, bug, parameter, arch)
#                no longer exists in this build
#   error        the check itself failed (timeout, crash): no conclusion
# Lifecycle, walking a violation's statuses in campaign order: it is 'open'
# from its first sighting; a status of GONE_STATUSES while open or regressed
# makes it 'fixed in <that campaign's commit>'; a status of REPRO_STATUSES
# while fixed makes it 'regressed in <commit>'.  'error' changes nothing.
# Nothing of this is stored: it is derived from the rows each time.

RECHECK_STATUSES = ("reproduces", "fixed", "other", "unfit-found", "unfit-gone",
                    "config-gone", "error")
RECHECK_HOWS = ("replay", "pct", "found")
REPRO_STATUSES = ("reproduces", "unfit-found")
GONE_STATUSES = ("fixed", "other", "unfit-gone", "config-gone")
LIFECYCLE_STATES = ("open", "fixed", "regressed")


def commit_label(commit: Any, dirty: Any, build: Any = None) -> str:
    """'fbe716051d14', 'fbe716051d14-dirty', or 'build 68cfa9ca14434b28' when the
    commit is unknown (a binary built outside a git checkout), '?' when neither."""
    if isinstance(commit, str) and commit:
        return commit[:12] + ("-dirty" if dirty else "")
    if isinstance(build, str) and build:
        return f"build {build}"
    return "?"


class Event:
    """A violation's status on one campaign's build."""
    __slots__ = ("campaign_id", "campaign", "started", "build", "commit", "dirty", "kind",
                 "status", "other", "how", "detail", "t")

    def __init__(self, **kw: Any) -> None:
        for k in self.__slots__:
            setattr(self, k, kw.get(k))

    @classmethod
    def of(cls, r: Any) -> "Event":
        commit = r["git_commit"] if isinstance(r["git_commit"], str) else None
        return cls(campaign_id=int(r["cid"]), campaign=r["cname"], started=r["cstarted"],
                   build=r["reqsim_build"], commit=commit,
                   dirty=bool(r["git_dirty"]) if isinstance(r["git_dirty"], int) else False,
                   kind=r["ckind"], status=r["status"], other=r["other_signature"],
                   how=r["how"], detail=r["detail"], t=r["t"])

    @property
    def label(self) -> str:
        return commit_label(self.commit, self.dirty, self.build)


class Lifecycle:
    __slots__ = ("state", "since", "fixed_in", "regressed_in", "last", "events", "states")

    def __init__(self, events: list[Event]) -> None:
        self.events = events
        self.state = "open"
        self.since: Event | None = events[0] if events else None
        self.fixed_in: Event | None = None
        self.regressed_in: Event | None = None
        self.last: Event | None = None
        self.states: list[str] = []  # the state after each event
        for ev in events:
            if ev.status != "error":
                self.last = ev
                if ev.status in GONE_STATUSES and self.state in ("open", "regressed"):
                    self.state, self.fixed_in = "fixed", ev
                elif ev.status in REPRO_STATUSES and self.state == "fixed":
                    self.state, self.regressed_in = "regressed", ev
            self.states.append(self.state)

    @property
    def when(self) -> Event | None:
        """The event the state dates from: open since, fixed in, regressed in."""
        return {"open": self.since, "fixed": self.fixed_in,
                "regressed": self.regressed_in}[self.state]

    def describe(self) -> str:
        ev = self.when
        at = f" {ev.label}" if ev is not None else ""
        return {"open": "open" + (f" since{at}" if at else ""), "fixed": f"fixed in{at}",
                "regressed": f"regressed in{at}"}[self.state]


def lifecycle(events: list[Event]) -> Lifecycle:
    return Lifecycle(events)


def _migrate(con: sqlite3.Connection, path: Path, ver: int) -> None:
    """Apply MIGRATIONS[ver:] in one transaction (all or nothing)."""
    con.execute("BEGIN IMMEDIATE")
    try:
        # re-read under the write lock: another process may have migrated
        ver = con.execute("PRAGMA user_version").fetchone()[0]
        if ver == 0 and con.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{path}: became a foreign database while opening")
        for i in range(ver, SCHEMA_VERSION):
            for stmt in _statements(MIGRATIONS[i]):
                con.execute(stmt)
        con.execute(f"PRAGMA application_id={APPLICATION_ID}")
        con.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


# ---- damaged rows -------------------------------------------------------------------------
#
# What each column must hold.  A row that breaks this (edited by hand, or by a
# broken tool) is "damaged": the readers skip it with one warning line naming
# it, and `check` lists it.  Kinds: int, num (int or real), text, obj / arr /
# json (a JSON object / array / either, as text), zblob (zlib-compressed
# UTF-8, checked by decompressing it: deep checks only); "?" allows NULL.

COLUMN_KINDS: dict[str, dict[str, str]] = {
    "campaigns": {
        "id": "int", "started": "num", "ended": "num?", "git_rev": "text?", "host": "text?",
        "config": "obj", "name": "text?", "status": "text", "elapsed": "num",
        "reqsim_build": "text?", "git_commit": "text?", "git_dirty": "int?",
        "kind": "text"},
    "runs": {
        "id": "int", "campaign_id": "int", "engine": "text", "scenario": "text",
        "model": "text", "arch": "text", "bugs": "text", "executions": "int",
        "seconds": "num", "state": "text", "cell": "int?", "params": "text", "seed": "int?",
        "cores": "int", "started": "num?", "ended": "num?", "coverage": "int?",
        "violating": "int", "findings": "int", "first_violation_s": "num?",
        "first_violation_execs": "int?", "expected": "text?", "detail": "text?",
        "progress": "obj"},
    "violations": {
        "id": "int", "signature": "text", "kind": "text", "scenario": "text",
        "model": "text?", "arch": "text?", "bugs": "text?", "first_seen": "num",
        "last_seen": "num", "hits": "int", "min_schedule": "text?", "schedule_len": "int?",
        "trace_summary": "text?", "story": "text?", "params": "text", "message": "text?",
        "sites": "arr", "step": "int?", "engine": "text?", "origin": "text?",
        "first_campaign_id": "int?", "first_run_id": "int?", "schedule": "text?",
        "orig_len": "int?", "steps": "int?", "trace_hash": "text?", "decisive": "json",
        "trace_jsonl": "zblob?", "trace_perfetto": "zblob?", "trace_note": "text?"},
    "findings": {
        "id": "int", "violation_id": "int", "run_id": "int?", "campaign_id": "int?",
        "found": "num", "t_run": "num?", "origin": "text?", "new": "int"},
    "samples": {
        "run_id": "int", "t": "num", "executions": "int", "violations": "int",
        "coverage": "int?"},
    "ingested": {"run_id": "int", "source": "text"},
    "rechecks": {
        "id": "int", "violation_id": "int", "campaign_id": "int", "status": "text",
        "other_signature": "text?", "how": "text", "detail": "text?", "checked": "num",
        "seconds": "num?"},
}


def value_problem(kind: str, v: Any, *, deep: bool = False) -> str | None:
    """Why `v` is not a valid value of a column of this kind (None: it is)."""
    if kind.endswith("?"):
        if v is None:
            return None
        kind = kind[:-1]
    if v is None:
        return "NULL"
    if kind == "int":
        return None if isinstance(v, int) and not isinstance(v, bool) else \
            f"not an integer ({_kind_of(v)})"
    if kind == "num":
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return None if v == v and abs(v) != float("inf") else "not a finite number"
        return f"not a number ({_kind_of(v)})"
    if kind == "text":
        if not isinstance(v, str):
            return f"not text ({_kind_of(v)})"
        if not v.isascii():
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:  # read through _text_or_raw
                return "not UTF-8 text"
        return None
    if kind in ("obj", "arr", "json"):
        if not isinstance(v, str):
            return f"not JSON text ({_kind_of(v)})"
        try:
            doc = json.loads(v)
        except (ValueError, RecursionError):
            return "not JSON"
        want = {"obj": (dict,), "arr": (list,), "json": (dict, list)}[kind]
        if not isinstance(doc, want):
            return "JSON " + ("object or array" if kind == "json" else
                              "object" if kind == "obj" else "array") + \
                f" expected, not {type(doc).__name__}"
        return None
    if kind == "zblob":
        if not isinstance(v, bytes):
            return f"not a zlib blob ({_kind_of(v)})"
        if deep:
            try:
                zlib.decompress(v)
            except zlib.error as e:
                return f"damaged zlib blob ({_one_line(e)})"
        return None
    raise ValueError(kind)


def _kind_of(v: Any) -> str:
    return {str: "text", bytes: "blob", int: "integer", float: "real"}.get(type(v),
                                                                       type(v).__name__)


def row_damage(table: str, row: sqlite3.Row | dict[str, Any], *, deep: bool = False,
               cols: Iterable[str] | None = None) -> str | None:
    """'col: why; col: why' for the damaged columns of a row (those it has, or
    `cols`), None when it is sound.  Blobs are decompressed only when deep."""
    kinds = COLUMN_KINDS[table]
    keys = list(row.keys()) if cols is None else list(cols)
    bad = []
    for k in keys:
        kind = kinds.get(k)
        if kind is None:
            continue
        why = value_problem(kind, row[k], deep=deep)
        if why:
            bad.append(f"{k}: {why}")
    return "; ".join(bad) or None


def row_label(table: str, row: sqlite3.Row | dict[str, Any]) -> str:
    """How a warning names a row: 'violation SIG', 'campaign 3', 'run 12', ..."""
    keys = set(row.keys())

    def val(k: str) -> str:
        return _clean(row[k], 80) if k in keys else "?"
    if table == "violations":
        if "signature" in keys and isinstance(row["signature"], str):
            return f"violation {_clean(row['signature'], 80)}"
        return f"violation v{val('id')}"
    if table == "samples":
        return f"sample of run {val('run_id')}"
    if table == "ingested":
        return f"ingested mark of run {val('run_id')} ({val('source')})"
    if table == "rechecks":
        return f"re-check of v{val('violation_id')} in campaign {val('campaign_id')}"
    return f"{table[:-1]} {val('id')}"


def damaged_rows(st: "Store", *, deep: bool = True) -> list[tuple[str, str, str]]:
    """Every damaged row of the store: (table, label, what is damaged)."""
    out = []
    for table in ("campaigns", "runs", "violations", "findings", "samples", "ingested",
                  "rechecks"):
        try:
            cur = st.con.execute(f"SELECT * FROM {table}")
            while True:
                rows = cur.fetchmany(500)
                if not rows:
                    break
                for r in rows:
                    why = row_damage(table, r, deep=deep)
                    if why:
                        out.append((table, row_label(table, r), why))
        except sqlite3.DatabaseError as e:
            raise _open_error(st.path, e, "read the store") from None
    return out


class Skipper:
    """Filters damaged rows out of what a command shows, warning once per row:
    '<prog>: warning: violation SIG: damaged row skipped (sites: not JSON)'."""

    def __init__(self, prog: str, out: Any = None) -> None:
        self.prog = prog
        self.out = out
        self.seen: dict[str, str] = {}

    def warn(self, label: str, why: str, *, fatal: bool = False) -> None:
        if label in self.seen:
            return
        self.seen[label] = why
        what = "damaged row, not shown" if fatal else "damaged row skipped"
        print(f"{self.prog}: {'' if fatal else 'warning: '}{label}: {what} "
              f"({_clean(why, 300)}; tools/store.py check lists damaged rows)",
              file=self.out or sys.stderr)

    def ok(self, table: str, row: Any, *, deep: bool = False,
           cols: Iterable[str] | None = None, fatal: bool = False) -> bool:
        """Sound?  If not, say so (a warning; with fatal, the command's error line)."""
        why = row_damage(table, row, deep=deep, cols=cols)
        if why is None:
            return True
        self.warn(row_label(table, row), why, fatal=fatal)
        return False

    def keep(self, table: str, rows: Iterable[Any], **kw: Any) -> list[Any]:
        return [r for r in rows if self.ok(table, r, **kw)]


def open_store(path: str | os.PathLike[str], *, create: bool = True,
               readonly: bool = False, migrate: bool = True) -> Store:
    """Open (and, when needed, create or migrate) a store.  Raises StoreError.

    The file is inspected read-only first; nothing is written to a file that
    is corrupt, foreign or from a newer version.  readonly=True never writes
    (mode=ro, see safeio.connect_readonly); an older store is then migrated
    in memory (the file keeps its version).  A write open that lacks a
    permission says which one (file or directory, and its path).
    """
    p = Path(path)
    if str(path) == "":
        raise StoreError("--db: empty file name")
    fst = _check_file(p)
    exists = fst is not None and fst.st_size > 0
    if exists:
        _read_head(p)
    if readonly:
        if not exists:
            raise StoreError(f"{p}: " + ("empty file, no store in it" if fst is not None else
                                         "no such store") + " (run a campaign first: "
                             "tools/campaign.py)")
        con = _connect_ro(p)
        try:
            app, ver, tables = _inspect_con(con, p)
            validate(p, app, ver, tables)
            if ver < SCHEMA_VERSION:
                if not migrate:
                    raise NeedsMigration(f"{p}: store schema version {ver} needs migration")
                mem = sqlite3.connect(":memory:", isolation_level=None)
                try:
                    con.backup(mem)
                    _migrate(mem, p, ver)
                except sqlite3.Error as e:
                    mem.close()
                    raise _open_error(p, e, "read the store") from None
                con.close()
                con = mem  # type: ignore[assignment]
            con.row_factory = sqlite3.Row
            st = Store(con, p, True)
            st.note = getattr(con, "ro_note", None)
            return st
        except BaseException:
            con.close()
            raise
    if exists:
        app, ver, tables = inspect(p)
        validate(p, app, ver, tables)
    else:
        if not create:
            raise StoreError(f"{p}: " + ("empty file, no store in it" if fst is not None else
                                         "no such store") + " (run a campaign first: "
                             "tools/campaign.py)")
        app, ver, tables = 0, 0, set()
        parent = p.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise StoreError(f"{parent}: not a directory") from None
        except PermissionError:
            raise StoreError(f"{p}: cannot create the store: "
                             f"{safeio.write_denied(parent) or 'permission denied'}") from None
        except OSError as e:
            raise StoreError(f"{parent}: cannot create ({e.strerror})") from None
    needs_migration = ver < SCHEMA_VERSION
    if needs_migration and not migrate:
        raise NeedsMigration(f"{p}: store schema version {ver} needs migration")
    doing = ("create the store" if not exists else
             "migrate the store" if needs_migration else "write the store")
    denied = safeio.write_denied(p)
    if denied:
        raise StoreError(f"{p}: cannot {doing}: {denied}")
    try:
        con = sqlite3.connect(safeio.sqlite_uri(p, mode="rwc"), uri=True,
                              timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as e:
        raise _open_error(p, e, doing) from None
    try:
        con.row_factory = sqlite3.Row
        con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        mode = con.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"{p}: cannot switch to WAL mode (got {mode})")
        con.execute("PRAGMA synchronous=NORMAL")
        con.execute("PRAGMA foreign_keys=ON")
        if needs_migration:
            _migrate(con, p, ver)
    except sqlite3.DatabaseError as e:
        con.close()
        raise _open_error(p, e, doing) from None
    except BaseException:
        con.close()
        raise
    return Store(con, p, False)


# ---- formatting helpers (shared with report.py) -------------------------------------------

def fmt_time(t: float | None) -> str:
    if t is None:
        return "-"
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(t)) + "Z"


def fmt_duration(s: float | None) -> str:
    if s is None:
        return "-"
    if s < 0.001:
        return "<1 ms"
    if s < 1:
        return f"{s * 1000:.0f} ms"
    if s < 60:
        return f"{s:.1f} s"
    m, sec = divmod(int(round(s)), 60)
    if m < 60:
        return f"{m}m{sec:02d}s"
    h, m = divmod(m, 60)
    return f"{h}h{m:02d}m"


def fmt_count(n: int | float | None) -> str:
    if n is None:
        return "-"
    n = float(n)
    for div, suf in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(n) >= div:
            return f"{n / div:.1f}{suf}"
    return f"{n:.0f}"


def config_str(row: sqlite3.Row | dict[str, Any]) -> str:
    """'tso x86 bugs=a,b params=x=1' for a run or violation row."""
    parts = [str(row["model"] or "?"), str(row["arch"] or "?")]
    if row["params"]:
        parts.append(str(row["params"]))
    parts.append("bugs=" + (str(row["bugs"]) if row["bugs"] else "-"))
    return " ".join(parts)


def is_checkout_store(db: str | os.PathLike[str]) -> bool:
    """The store that `tools/store.py` without --db opens when run from the checkout."""
    try:
        return os.path.realpath(db) == os.path.realpath(CHECKOUT_DB)
    except (OSError, ValueError):
        return False


def db_args(db: str | os.PathLike[str] | None) -> list[str]:
    """--db for a printed command (run from the checkout): none for the checkout's
    own results/reqsim.db, else the absolute path."""
    if db is None or is_checkout_store(db):
        return []
    return ["--db", os.path.abspath(os.fspath(db))]


def shell_join(args: Iterable[Any]) -> str:
    """A command line whose every argument is quoted for the shell."""
    return shlex.join(str(a) for a in args)


def export_command(db: str | os.PathLike[str] | None, signature: str, what: str = "sched",
                   out: str | None = None) -> str:
    return shell_join(["tools/store.py", *db_args(db), "export", f"--{what}", signature]
                      + (["-o", out] if out else []))


def replay_command(row: sqlite3.Row | dict[str, Any], sched_name: str) -> str:
    return shell_join(["build/default/reqsim", "replay", sched_name, "--trace", "text"])


def sched_filename(row: sqlite3.Row | dict[str, Any]) -> str:
    """A safe file name for a violation's minimized schedule (never starts with
    '-' or '.')."""
    sig = str(row["signature"])
    safe = sig if re.fullmatch(r"[0-9A-Za-z]{1,64}", sig) else f"v{row['id']}"
    scen = re.sub(r"[^0-9A-Za-z_.-]", "_", str(row["scenario"]))[:40]
    kind = re.sub(r"[^0-9A-Za-z_.-]", "_", str(row["kind"]))[:40]
    name = f"{scen}-{kind}-{safe}.min.sched"
    return name if name[0].isalnum() else "_" + name


# ---- command line ---------------------------------------------------------------------------

def _print_table(rows: list[list[str]], header: list[str], out: io.TextIOBase | Any) -> None:
    widths = [len(h) for h in header]
    for r in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, r)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    print(fmt.format(*header).rstrip(), file=out)
    for r in rows:
        print(fmt.format(*r).rstrip(), file=out)


def _clean(s: Any, n: int = 200) -> str:
    """One terminal-safe line: no control characters."""
    text = "" if s is None else str(s)
    text = "".join(ch if ch.isprintable() else "?" for ch in text.replace("\n", " "))
    return text if len(text) <= n else text[: n - 3] + "..."


def _text_or_raw(b: bytes) -> str:
    """sqlite3 text_factory: invalid UTF-8 stays visible as surrogates (a damaged
    row), instead of failing the whole query."""
    return b.decode("utf-8", "surrogateescape")


_BLOBS = ("trace_jsonl", "trace_perfetto")


def cmd_list(st: Store, args: argparse.Namespace) -> int:
    what = args.what
    out = sys.stdout
    sk = Skipper("store.py")
    if what == "campaigns":
        rows = sk.keep("campaigns", st.campaigns())
        rows = rows[-args.limit:] if args.limit else rows
        _print_table([[str(r["id"]), fmt_time(r["started"]), _clean(r["status"], 20),
                       fmt_duration(r["elapsed"]), _clean(r["git_rev"], 20),
                       str(r["nruns"]), fmt_count(r["executions"]), str(r["nviolations"]),
                       str(r["nnew"]), _clean(r["name"], 40)] for r in rows],
                     ["id", "started", "status", "elapsed", "git", "runs", "execs",
                      "violations", "new", "name"], out)
    elif what == "runs":
        cid = args.campaign
        if cid is None:
            last = st.q1("SELECT MAX(id) AS id FROM campaigns")
            cid = last["id"] if last else None
        if cid is None or st.campaign(cid) is None:
            raise StoreError(f"no campaign {cid if cid is not None else '(store is empty)'}")
        rows = sk.keep("runs", st.runs(cid))
        if args.limit:
            rows = rows[: args.limit]
        _print_table([[str(r["cell"]), _clean(r["engine"], 12), _clean(r["scenario"], 30),
                       _clean(config_str(r), 60), _clean(r["state"], 12),
                       fmt_count(r["executions"]), fmt_duration(r["seconds"]),
                       str(r["findings"]), fmt_duration(r["first_violation_s"]),
                       _clean(r["expected"] or "-", 12)]
                      for r in rows],
                     ["cell", "engine", "scenario", "config", "state", "execs", "time",
                      "found", "first", "expected"], out)
    elif what in LIFECYCLE_STATES:
        rows = sk.keep("violations", st.violations(args.campaign))
        life = st.lifecycles()
        rows = [r for r in rows if r["id"] in life and life[r["id"]].state == what]
        if args.limit:
            rows = rows[-args.limit:]
        head = {"open": "since", "fixed": "fixed in", "regressed": "regressed in"}[what]

        def last(lc: Lifecycle) -> str:
            ev = lc.last
            if ev is None:
                return "-"
            return ev.status + (f" {ev.other}" if ev.other else "") + f" ({ev.label})"
        _print_table([[_clean(r["signature"], 64), _clean(r["kind"], 30),
                       _clean(r["scenario"], 30), _clean(config_str(r), 50),
                       _clean(life[r["id"]].when.label if life[r["id"]].when else "-", 40),
                       _clean(last(life[r["id"]]), 80)] for r in rows],
                     ["signature", "kind", "scenario", "config", head, "last status"], out)
    else:
        rows = sk.keep("violations", st.violations(args.campaign))
        if args.limit:
            rows = rows[-args.limit:]
        _print_table([[_clean(r["signature"], 64), _clean(r["kind"], 30),
                       _clean(r["scenario"], 30), _clean(config_str(r), 50), str(r["hits"]),
                       fmt_time(r["first_seen"]),
                       str(r["schedule_len"] if r["schedule_len"] is not None else "-")]
                      for r in rows],
                     ["signature", "kind", "scenario", "first config", "hits",
                      "first seen", "len"], out)
    return EXIT_OK


def _campaign_id(text: str | None) -> int:
    if text is None:
        raise StoreError("show campaign: which id?")
    if not re.fullmatch(r"[0-9]{1,19}", text.strip()) or not \
            1 <= int(text) <= SQLITE_INT_MAX:
        raise StoreError(f"show campaign: not an id: {_clean(text, 40)!r}")
    return int(text)


def cmd_show(st: Store, args: argparse.Namespace) -> int:
    sk = Skipper("store.py")
    if args.target == "campaign":
        cid = _campaign_id(args.id)
        c = st.campaign(cid)
        if c is None:
            print(f"store.py: no campaign {cid}", file=sys.stderr)
            return EXIT_NOT_FOUND
        if not sk.ok("campaigns", c, fatal=True):
            return EXIT_ERROR
        runs = sk.keep("runs", st.runs(cid))
        print(f"campaign {c['id']}  {_clean(c['name'])}")
        print(f"  status   {_clean(c['status'])}")
        print(f"  started  {fmt_time(c['started'])}   ended {fmt_time(c['ended'])}   "
              f"elapsed {fmt_duration(c['elapsed'])}")
        print(f"  git      {_clean(c['git_rev'])}   host {_clean(c['host'])}   "
              f"reqsim build {_clean(c['reqsim_build'])}")
        rc = st.q("SELECT status, COUNT(*) FROM rechecks WHERE campaign_id=? GROUP BY status "
                  "ORDER BY status", (cid,))
        if rc:
            print("  re-check " + ", ".join(f"{_clean(r[0], 20)} {r[1]}" for r in rc))
        states: dict[str, int] = {}
        for r in runs:
            states[r["state"]] = states.get(r["state"], 0) + 1
        print(f"  runs     {len(runs)} (" + ", ".join(f"{_clean(k, 20)} {v}" for k, v in
                                                  sorted(states.items())) + ")")
        print(f"  execs    {sum(r['executions'] for r in runs):,}")
        vs = sk.keep("violations", st.violations(cid))
        print(f"  violations {len(vs)}")
        for v in vs:
            print(f"    {_clean(v['signature'], 64)}  {_clean(v['kind'])}  "
                  f"{_clean(v['scenario'])}  {_clean(config_str(v))}")
        return EXIT_OK
    if args.id is not None:
        raise StoreError(f"show: unexpected argument {_clean(args.id, 40)!r} (only "
                         "'show campaign ID' takes two)")
    v = st.violation(args.target)
    if v is None:
        print(f"store.py: no violation {_clean(args.target, 80)!r} (tools/store.py list "
              "violations)", file=sys.stderr)
        return EXIT_NOT_FOUND
    if not sk.ok("violations", v, cols=[k for k in v.keys() if k not in _BLOBS], fatal=True):
        return EXIT_ERROR
    print(f"violation {_clean(v['signature'], 64)}  {_clean(v['kind'])}")
    print(f"  scenario {_clean(v['scenario'])}  {_clean(config_str(v))}")
    print(f"  message  {_clean(v['message'], 400)}")
    for s in json.loads(v["sites"]):
        print(f"  site     {_clean(s)}")
    print(f"  first seen {fmt_time(v['first_seen'])} (campaign {v['first_campaign_id']}, "
          f"{_clean(v['engine'])}, {_clean(v['origin'])}); last seen "
          f"{fmt_time(v['last_seen'])}; hits {v['hits']}")
    print(f"  schedule {v['orig_len']} -> {v['schedule_len']} decisions (minimized), "
          f"{v['steps']} steps, trace hash {_clean(v['trace_hash'], 80)}")
    print(f"  story    {_clean(v['trace_summary'], 1000)}")
    lc = lifecycle(st.status_events(int(v["id"])).get(int(v["id"]), []))
    print(f"  status   {_clean(lc.describe(), 80)}"
          + (f" (last: {_clean(lc.last.status, 20)} on {_clean(lc.last.label, 40)}; "
             + _clean(shell_join(['tools/store.py', *db_args(args.db), 'history',
                                  v['signature']]), 4000) + ")"
             if lc.last else ""))
    name = sched_filename(v)
    print(f"  replay   {_clean(export_command(args.db, v['signature'], 'sched', name), 4000)}"
          f" && {replay_command(v, name)}")
    if v["min_schedule"]:
        print("  minimized schedule:")
        for line in str(v["min_schedule"]).splitlines():
            print("    " + _clean(line, 2000))
    return EXIT_OK


EXPORT_TABLES = ("campaigns", "runs", "violations", "findings", "samples", "rechecks")


def cmd_export(st: Store, args: argparse.Namespace) -> int:
    sk = Skipper("store.py")
    for kind in ("sched", "perfetto", "jsonl"):
        key = getattr(args, kind)
        if key is None:
            continue
        v = st.violation(key)
        if v is None:
            print(f"store.py: no violation {_clean(key, 80)!r}", file=sys.stderr)
            return EXIT_NOT_FOUND
        col = {"sched": None, "perfetto": "trace_perfetto", "jsonl": "trace_jsonl"}[kind]
        cols = ["signature", "trace_note"] + (["min_schedule", "schedule"] if col is None
                                              else [col])
        if not sk.ok("violations", v, deep=True, cols=cols, fatal=True):
            return EXIT_ERROR
        if col is None:
            data = v["min_schedule"] or v["schedule"]
        else:
            data = decompress(v[col])
        if data is None:
            raise StoreError(f"violation {_clean(v['signature'], 64)} has no stored {kind}"
                             + (f" ({_clean(v['trace_note'])})" if v["trace_note"] else ""))
        _write_out(args.output, data, st.path)
        return EXIT_OK
    table = args.table
    if table == "violations":
        rows = st.q(
            "SELECT id, signature, kind, scenario, params, model, arch, bugs, message, "
            "sites, step, first_seen, last_seen, hits, engine, origin, first_campaign_id, "
            "first_run_id, schedule_len, orig_len, steps, trace_hash, "
            "trace_summary AS story, min_schedule FROM violations ORDER BY id")
    else:
        rows = st.q(f"SELECT * FROM {table} ORDER BY rowid")
    rows = [dict(r) for r in sk.keep(table, rows)]
    if args.format == "json":
        text = json.dumps(rows, indent=1, sort_keys=True) + "\n"
    else:
        buf = io.StringIO()
        if rows:
            w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        text = buf.getvalue()
    _write_out(args.output, text, st.path)
    return EXIT_OK


def _write_out(path: str | None, text: str, db: str | os.PathLike[str] | None = None) -> None:
    """stdout, or a file written whole or not at all, never over the store."""
    if path in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        safeio.atomic_write(path, text, protect=safeio.store_files(db) if db else (),
                            what="-o")
    except safeio.SafeIOError as e:
        raise StoreError(str(e)) from None


def cmd_check(st: Store, args: argparse.Namespace) -> int:
    ok = st.q1("PRAGMA integrity_check")[0]
    ver = st.q1("PRAGMA user_version")[0]
    n = {t: st.q1(f"SELECT COUNT(*) FROM {t}")[0] for t in sorted(OUR_TABLES)}
    print(f"{_clean(st.path, 1000)}: reqsim store, schema version {ver}, integrity "
          f"{_clean(ok)}; " + ", ".join(f"{k} {v}" for k, v in n.items()))
    if ok != "ok":
        return EXIT_ERROR
    bad = damaged_rows(st, deep=True)
    for _table, label, why in bad:
        print(f"damaged: {label}: {_clean(why, 300)}")
    if bad:
        print(f"{len(bad)} damaged row(s): list, show, export and report.py skip them")
        return EXIT_NOT_FOUND
    return EXIT_OK


def positive_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    if v > SQLITE_INT_MAX:
        raise argparse.ArgumentTypeError(f"too large: {text!r}")
    return v


class CliParser(argparse.ArgumentParser):
    """argparse with one-line errors (exit 2); shared by the tools."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"{self.prog}: {_clean(message, 500)} (try --help)", file=sys.stderr)
        sys.exit(EXIT_ERROR)


_Parser = CliParser


def cli_parser(prog: str, doc: str) -> argparse.ArgumentParser:
    """A CliParser whose description is doc's first paragraph, epilog the rest."""
    return CliParser(prog=prog, description=doc.split("\n\n")[0].rstrip("."),
                     formatter_class=argparse.RawDescriptionHelpFormatter,
                     epilog="\n\n".join(doc.split("\n\n")[1:]))


DB_HELP = (f"store file (default {DEFAULT_DB}, relative to the current directory, "
           "not to the checkout)")


def build_parser() -> argparse.ArgumentParser:
    p = cli_parser("store.py", __doc__)
    p.add_argument("--db", default=str(DEFAULT_DB), help=DB_HELP)
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    l = sub.add_parser("list", help="campaigns, runs or violations as a table",
                       description="List campaigns (default), the runs of a campaign "
                                   "(the latest unless --campaign), or violations: all, "
                                   "or those open, fixed or regressed (their status "
                                   "across builds, from the re-checks and the "
                                   "campaigns' sightings; see history). Read-only.")
    l.add_argument("what", nargs="?", default="campaigns",
                   choices=("campaigns", "runs", "violations") + LIFECYCLE_STATES)
    l.add_argument("--campaign", type=positive_int, metavar="ID",
                   help="runs/violations of this campaign")
    l.add_argument("--limit", type=positive_int, metavar="N", help="show at most N rows")
    s = sub.add_parser("show", help="one violation (by signature) or one campaign",
                       description="Show a violation (signature, unique prefix, or vID) "
                                   "with its story and minimized schedule, or "
                                   "'campaign ID'. Read-only.")
    s.add_argument("target", help="SIGNATURE | vID | campaign")
    s.add_argument("id", nargs="?", help="campaign id (with 'campaign')")
    e = sub.add_parser("export", help="a table as JSON/CSV, or one violation's files",
                       description="Export a table (JSON or CSV), or the minimized "
                                   "schedule / Perfetto trace / JSON-lines trace of one "
                                   "violation. Read-only on the store; -o FILE is written "
                                   "through a temporary file and a rename, never over "
                                   "the store or its -wal/-shm.")
    e.add_argument("--format", choices=("json", "csv"), default="json")
    e.add_argument("--table", choices=EXPORT_TABLES, default="violations")
    g = e.add_mutually_exclusive_group()
    g.add_argument("--sched", metavar="SIGNATURE", help="the minimized .sched")
    g.add_argument("--perfetto", metavar="SIGNATURE", help="the Perfetto trace JSON")
    g.add_argument("--jsonl", metavar="SIGNATURE", help="the JSON-lines trace")
    e.add_argument("-o", "--output", metavar="FILE", help="write here (default stdout)")
    h = sub.add_parser("history", help="one violation's status on each build",
                       description="The status of one violation (signature, unique prefix "
                                   "or vID) on each campaign's build, in campaign order: "
                                   "time, campaign, build id, git commit, status, other "
                                   "signature, how it was decided (replay, pct, found by "
                                   "the campaign's cells), under a line with its "
                                   "lifecycle. Read-only.")
    h.add_argument("signature", help="SIGNATURE | vID")
    sub.add_parser("check", help="schema version, integrity, row counts and damaged rows "
                                 "(exit 1 when there are damaged rows; migrates an older "
                                 "store, which needs write permission)",
                   description="Integrity, schema version and row counts, and every "
                               "damaged row. Exit 0 sound, 1 damaged rows listed, 2 "
                               "corrupt or not a store. Read-only, except that an older "
                               "store is migrated.")
    return p


def cmd_history(st: Store, args: argparse.Namespace) -> int:
    sk = Skipper("store.py")
    v = st.violation(args.signature)
    if v is None:
        print(f"store.py: no violation {_clean(args.signature, 80)!r} (tools/store.py list "
              "violations)", file=sys.stderr)
        return EXIT_NOT_FOUND
    if not sk.ok("violations", v, cols=["id", "signature", "kind", "scenario"], fatal=True):
        return EXIT_ERROR
    events = st.status_events(int(v["id"])).get(int(v["id"]), [])
    lc = lifecycle(events)
    print(f"violation {_clean(v['signature'], 64)}  {_clean(v['kind'])}  "
          f"{_clean(v['scenario'])}  {_clean(config_str(v))}: {_clean(lc.describe(), 80)}")
    _print_table([[fmt_time(ev.t if isinstance(ev.t, (int, float)) else None),
                   f"{ev.campaign_id} {_clean(ev.campaign, 30)}", _clean(ev.build or "-", 20),
                   _clean(commit_label(ev.commit, ev.dirty).replace("?", "-"), 20), _clean(ev.status, 12),
                   _clean(ev.other or "-", 20), _clean(ev.how, 8),
                   _clean(ev.detail or "", 100)] for ev in events],
                 ["time", "campaign", "build", "commit", "status", "other", "how", "detail"],
                 sys.stdout)
    return EXIT_OK


COMMANDS = {"list": cmd_list, "show": cmd_show, "export": cmd_export, "check": cmd_check,
            "history": cmd_history}


def _run(args: argparse.Namespace) -> int:
    if args.command == "export" and args.output not in (None, "-"):
        try:
            safeio.check_not_input(args.output, safeio.store_files(args.db), what="-o")
        except safeio.SafeIOError as e:
            raise StoreError(str(e)) from None
    try:
        st = open_store(args.db, create=False, readonly=True,
                        migrate=args.command != "check")
    except NeedsMigration:
        # check migrates the file itself (a write: it says which permission is missing)
        st = open_store(args.db, create=False, readonly=False)
        print(f"store.py: migrated {_clean(args.db, 1000)} to schema version "
              f"{SCHEMA_VERSION}", file=sys.stderr)
    with st:
        if st.note:
            print(f"store.py: warning: {_clean(st.note, 1000)}", file=sys.stderr)
        if st.readonly:
            st.con.text_factory = _text_or_raw
        return COMMANDS[args.command](st, args)


def main(argv: Sequence[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        print("store.py: which command? list, show, history, export or check (try --help)",
              file=sys.stderr)
        return EXIT_ERROR
    return run_guarded("store.py", lambda: _run(args), (StoreError,))


def run_guarded(prog: str, body, known: tuple) -> int:
    """Run a tool's command so that every failure is one line and exit 2:
    `known` errors print their message, a closed stdout is a quiet exit 0,
    Ctrl-C is "interrupted", and anything else is an internal error naming
    where it happened (REQSIM_TRACEBACK=1 re-raises it)."""
    try:
        return body()
    except known as e:
        print(f"{prog}: {_clean(e, 2000)}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        _stdout_gone()
        return EXIT_OK
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except Exception as e:  # never a traceback: one line that still says where
        if os.environ.get("REQSIM_TRACEBACK"):
            raise
        print(f"{prog}: internal error: {internal_error(e)} (REQSIM_TRACEBACK=1 "
              "shows the traceback)", file=sys.stderr)
        return EXIT_ERROR


def internal_error(e: BaseException) -> str:
    """'TypeError: ... at store.py:123 in cmd_show' for an unexpected exception."""
    tb = e.__traceback__
    where = ""
    while tb is not None:
        where = f" at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno} in " \
                f"{tb.tb_frame.f_code.co_name}"
        tb = tb.tb_next
    return _clean(f"{type(e).__name__}: {e}{where}", 600)


def _stdout_gone() -> None:
    """After EPIPE on stdout: no second error when Python flushes it at exit."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
