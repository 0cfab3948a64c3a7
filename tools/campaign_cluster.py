"""campaign_cluster.py: the cells of a campaign on a Dask distributed cluster
(`tools/campaign.py --cluster tcp://HOST:PORT`).

    dask-scheduler --host HOST                         # one machine
    dask-worker tcp://HOST:8786 --nthreads 1           # each of the others (a checkout
                                                       # with the same reqsim build)
    tools/campaign.py --cluster tcp://HOST:8786 --schedules 20000

Division of work:
- The coordinator (campaign.py on the machine that holds the store) builds the
  matrix, writes the campaign and its cells, checks that every worker runs the
  same reqsim build, submits one Dask task per cell, and merges each finished
  cell into the store: its figures, samples and findings (with the minimized
  schedule, traces and story the worker made), its crash files and corpus.
  Only the coordinator writes the store; SQLite stays the one store; no file
  system is shared.
- A worker runs a cell with campaign.py's own machinery (the same CellRun code
  as a local campaign, so the same slices, seeds and commands) against a
  throw-away store in a temporary directory, then returns what it found.
  Replay, minimization and tracing of a finding run on the worker.  A finding
  whose signature the store already held when the cell was submitted is not
  minimized again.
- A worker that dies mid-cell loses nothing: Dask gives the cell to another
  worker, which runs it from its start; the coordinator records a cell only
  when its task returns, once (the store's ingested log makes a re-merge after a
  coordinator kill idempotent).  Ctrl-C sets the campaign's stop event (running
  cells stop their processes within a second), cancels the tasks and leaves the
  campaign resumable; `--resume` resubmits the cells not merged yet.
- Fuzzer cells run per worker with their own corpus; the coordinator writes
  each cell's corpus under its work directory and merges them per engine and
  scenario into WORK/corpus/ENGINE-SCENARIO/ afterwards (one file per distinct
  input, named by its SHA-1 as libFuzzer names them).

Workers find reqsim where the coordinator's checkout has it, under
--worker-root (default: this checkout's path) when the coordinator's binary is
inside this checkout.  The worker imports tools/campaign.py from there; the
task function itself (this module) is uploaded by the coordinator.

Needs python3-distributed (Debian package; tools/bootstrap.sh installs it)
under Debian's /usr/bin/python3; campaign.py re-executes itself with that
interpreter when the one running it lacks the package.  Nothing here is
imported without --cluster.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable

CLUSTER_PROTOCOL = 1          # bump when the task's arguments or result change
DEBIAN_PYTHON = "/usr/bin/python3"
CORPUS_FILES_MAX = 20000      # corpus inputs a cell returns (the rest are counted)
CORPUS_BYTES_MAX = 64 << 20
CRASH_FILES_MAX = 200
CRASH_BYTES_MAX = 16 << 20
STOP_CHECK_S = 1.0


# ---- the interpreter ---------------------------------------------------------------------

def have_distributed() -> bool:
    try:
        import distributed  # noqa: F401
        return True
    except ImportError:
        return False


def debian_python_has_distributed() -> bool:
    if not os.access(DEBIAN_PYTHON, os.X_OK):
        return False
    try:
        return subprocess.run([DEBIAN_PYTHON, "-c", "import distributed"],
                              capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def interpreter_for_cluster() -> str | None:
    """None when this interpreter can run --cluster; else the one that can
    (Debian's), or '' when none can."""
    if have_distributed():
        return None
    if os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PYTHON) and \
            debian_python_has_distributed():
        return DEBIAN_PYTHON
    return ""


# ---- worker side -----------------------------------------------------------------------

def _tools(root: str) -> Any:
    """campaign.py of the worker's checkout (imported once per worker process)."""
    tools = str(Path(root) / "tools")
    if not (Path(tools) / "campaign.py").is_file():
        raise RuntimeError(f"{_where()}: no reqsim checkout at {root} (tools/campaign.py "
                           "missing; start the worker on a machine with the checkout, or "
                           "pass --worker-root)")
    if tools not in sys.path:
        sys.path.insert(0, tools)
    import campaign  # type: ignore[import-not-found]
    return campaign


def _where() -> str:
    try:
        from distributed import get_worker
        return f"worker {get_worker().address}"
    except (ImportError, ValueError):
        return "worker"


def worker_check(spec: dict[str, Any]) -> dict[str, Any]:
    """Run on every worker before the cells: same protocol, same reqsim build."""
    try:
        camp = _tools(spec["root"])
        if getattr(camp, "CLUSTER_PROTOCOL", None) != CLUSTER_PROTOCOL:
            return {"ok": False, "why": f"{_where()}: its tools/campaign.py speaks cluster "
                                        f"protocol {getattr(camp, 'CLUSTER_PROTOCOL', 0)}, "
                                        f"the coordinator's {CLUSTER_PROTOCOL}"}
        for key in ("reqsim", "libfuzzer", "afl"):
            path = spec.get(key)
            if path and not os.access(path, os.X_OK):
                return {"ok": False, "why": f"{_where()}: {path}: no such executable "
                                            f"(the {key} binary of the campaign)"}
        got = camp.reqsim_build_id(Path(spec["reqsim"]))
        if got != spec["build"]:
            return {"ok": False, "why": f"{_where()}: {spec['reqsim']} is reqsim build "
                                        f"{got}, the coordinator's is {spec['build']} "
                                        "(build the same tree on every worker)"}
        return {"ok": True, "host": os.uname().nodename, "cores": os.cpu_count() or 1}
    except Exception as e:  # noqa: BLE001 - reported as one line by the coordinator
        return {"ok": False, "why": f"{_where()}: {type(e).__name__}: {e}"}


def _stop_checker(name: str | None) -> Callable[[], bool] | None:
    if not name:
        return None
    try:
        from distributed import Event
        ev = Event(name)
    except Exception:  # noqa: BLE001 - no client in this process: no early stop
        return None
    last = [0.0]

    def stop() -> bool:
        now = time.monotonic()
        if now - last[0] < STOP_CHECK_S:
            return False
        last[0] = now
        try:
            return bool(ev.is_set())
        except Exception:  # noqa: BLE001 - scheduler gone: the worker goes too
            return False
    return stop


def _files(paths: list[Path], nmax: int, bytes_max: int,
           base: Path) -> tuple[list[tuple[str, bytes]], int]:
    """(path relative to base, content) of each file, within the limits."""
    out: list[tuple[str, bytes]] = []
    total, skipped = 0, 0
    for p in paths:
        try:
            data = p.read_bytes()
        except OSError:
            continue
        if len(out) >= nmax or total + len(data) > bytes_max:
            skipped += 1
            continue
        total += len(data)
        out.append((str(p.relative_to(base)), data))
    return out, skipped


_checked: dict[tuple[Any, ...], dict[str, Any]] = {}   # per worker process
_template: list[Path] = []
_lock = threading.Lock()


def _check_cached(spec: dict[str, Any]) -> dict[str, Any]:
    """worker_check once per binary (path, size, mtime) and build in this process."""
    key: tuple[Any, ...] = (spec["root"], spec["build"])
    for k in ("reqsim", "libfuzzer", "afl"):
        try:
            st = os.stat(spec[k]) if spec.get(k) else None
            key += (spec.get(k), st.st_size if st else None, st.st_mtime_ns if st else None)
        except OSError:
            key += (spec.get(k), None, None)
    with _lock:
        got = _checked.get(key)
    if got is None:
        got = worker_check(spec)
        if got["ok"]:
            with _lock:
                _checked[key] = got
    return got


def _fresh_store(store: Any, path: Path) -> Any:
    """An empty store of the current schema at path: a copy of one made once
    per worker process (creating one runs every migration, ~10 ms)."""
    with _lock:
        if not _template or not _template[0].exists():
            d = Path(tempfile.mkdtemp(prefix="reqsim-template-"))
            store.open_store(d / "empty.db").close()
            _template[:] = [d / "empty.db"]
        shutil.copyfile(_template[0], path)
    return store.open_store(path)


def run_cell(spec: dict[str, Any]) -> dict[str, Any]:
    """Run one cell on this worker; its figures, findings, crash files and corpus."""
    check = _check_cached(spec)
    if not check["ok"]:
        raise RuntimeError(check["why"])
    camp = _tools(spec["root"])
    store = sys.modules["store"]
    tmp = Path(tempfile.mkdtemp(prefix="reqsim-cell-"))
    try:
        st = _fresh_store(store, tmp / "cell.db")
        cell = dict(spec["cell"])
        log: list[dict[str, Any]] = []
        record = st.record_finding

        def logged(**kw: Any) -> tuple[int, bool]:
            vid, new = record(**kw)
            if vid >= 0:
                log.append({"source": kw["source"], "signature": kw["v"]["signature"],
                            "t_run": kw.get("t_run"), "found": time.time()})
            return vid, new
        st.record_finding = logged  # type: ignore[method-assign]
        cid = st.begin_campaign(name="cluster cell", config={}, git_rev=None,
                                host=check["host"], reqsim_build=spec["build"])
        st.add_runs(cid, [cell])
        cfg = {"reqsim": spec["reqsim"], "libfuzzer": spec.get("libfuzzer"),
               "afl": spec.get("afl"), "jobs": int(cell["cores"]),
               "budget_s": spec.get("budget_s"), "schedules": spec.get("schedules"),
               "cells": [cell]}
        c = camp.Campaign(st, cid, cfg, tmp / "work", camp.Progress(1, None, True))
        c.rec.known = set(spec.get("known") or ())
        c.should_stop = _stop_checker(spec.get("stop_event"))
        t0 = time.monotonic()
        c.run(0.0)
        wall = time.monotonic() - t0
        run = dict(st.runs(cid)[0])
        samples = [dict(r) for r in st.samples([run["id"]])]
        viols: dict[str, dict[str, Any]] = {}
        for sig in {f["signature"] for f in log}:
            viols[sig] = _violation_record(st, store, sig)
        work = tmp / "work" / f"cell-{int(cell['cell']):05d}"
        corpus: list[Path] = []
        if cell["engine"] == "libfuzzer":
            corpus = sorted(p for p in (work / "corpus").glob("*") if p.is_file())
        elif cell["engine"] == "afl":
            corpus = sorted(p for p in work.glob("afl-out/*/queue/id:*") if p.is_file())
        crashes: list[Path] = []
        if cell["engine"] in ("libfuzzer", "afl"):
            crashes = sorted(p for p in (work / "artifacts").glob("*") if p.is_file()) + \
                sorted(p for p in work.glob("afl-out/*/crashes/id:*") if p.is_file())
        cfiles, cskip = _files(corpus, CORPUS_FILES_MAX, CORPUS_BYTES_MAX, work)
        xfiles, xskip = _files(crashes, CRASH_FILES_MAX, CRASH_BYTES_MAX, work)
        st.close()
        return {"protocol": CLUSTER_PROTOCOL, "worker": _where(), "host": check["host"],
                "wall": wall, "run": run, "samples": samples, "findings": log,
                "violations": viols, "corpus": cfiles, "corpus_skipped": cskip,
                "crashes": xfiles, "crashes_skipped": xskip}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _violation_record(st: Any, store: Any, sig: str) -> dict[str, Any]:
    """A violation row of the cell's store as Store.record_finding takes it."""
    r = st.q1("SELECT * FROM violations WHERE signature=?", (sig,))
    v: dict[str, Any] = {"signature": sig, "kind": r["kind"], "scenario": r["scenario"],
                         "model": r["model"], "arch": r["arch"], "bugs": r["bugs"],
                         "params": r["params"], "engine": r["engine"], "origin": r["origin"]}
    if r["schedule"] is None:
        return v  # known to the coordinator's store: no full record was made
    v.update({"message": r["message"], "sites": json.loads(r["sites"] or "[]"),
              "step": r["step"], "schedule": r["schedule"], "min_schedule": r["min_schedule"],
              "schedule_len": r["schedule_len"], "orig_len": r["orig_len"],
              "steps": r["steps"], "trace_hash": r["trace_hash"], "story": r["trace_summary"],
              "decisive": json.loads(r["decisive"] or "[]"),
              "trace_jsonl": store.decompress(r["trace_jsonl"]),
              "trace_perfetto": store.decompress(r["trace_perfetto"]),
              "trace_note": r["trace_note"]})
    return v


# ---- coordinator side ----------------------------------------------------------------------

RUN_FIELDS = ("executions", "seconds", "coverage", "violating", "first_violation_s",
              "first_violation_execs", "detail", "progress", "started", "ended", "state")


def merge_cell(st: Any, cid: int, run_id: int, res: dict[str, Any],
               on_new: Callable[[dict[str, Any]], None] | None = None) -> None:
    """Record a finished cell in the coordinator's store.  Findings first (each
    one commits with its ingested mark: a re-merge records none twice), then the
    samples and the run's figures and state in one transaction."""
    for f in res["findings"]:
        v = dict(res["violations"][f["signature"]])
        _, new = st.record_finding(campaign_id=cid, run_id=run_id, source=f["source"], v=v,
                                   t_run=f["t_run"], when=f["found"])
        if new and on_new is not None:
            on_new(v)
    run = res["run"]
    fields = {k: run[k] for k in RUN_FIELDS}
    with st.tx() as c:
        c.execute("DELETE FROM samples WHERE run_id=?", (run_id,))
        c.executemany("INSERT INTO samples(run_id, t, executions, violations, coverage) "
                      "VALUES(?,?,?,?,?)",
                      [(run_id, s["t"], s["executions"], s["violations"], s["coverage"])
                       for s in res["samples"]])
        c.execute(f"UPDATE runs SET {', '.join(f'{k}=?' for k in fields)}, findings="
                  "(SELECT COUNT(DISTINCT violation_id) FROM findings WHERE run_id=?) "
                  "WHERE id=?", [*fields.values(), run_id, run_id])


def _safe_name(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)[:120] or "f"


def save_cell_files(work: Path, cell: dict[str, Any], res: dict[str, Any]) -> int:
    """The cell's crash files and corpus under its work directory; inputs saved."""
    d = work / f"cell-{int(cell['cell']):05d}"
    n = 0
    for sub, files, by_hash in (("crashes", res["crashes"], False),
                                ("corpus", res["corpus"], True)):
        if not files:
            continue
        out = d / sub
        out.mkdir(parents=True, exist_ok=True)
        for name, data in files:
            fname = hashlib.sha1(data).hexdigest() if by_hash else _safe_name(name)
            p = out / fname
            if not p.exists():
                tmp = p.with_name(p.name + ".part")
                tmp.write_bytes(data)
                os.replace(tmp, p)
            n += by_hash
    return n


def merge_corpora(work: Path, cells: list[dict[str, Any]]) -> tuple[int, int]:
    """Union of the fuzzer cells' corpora per engine and scenario under
    WORK/corpus/ENGINE-SCENARIO/ (by content); (distinct inputs, cells)."""
    total, ncells = 0, 0
    for cell in cells:
        if cell["engine"] not in ("libfuzzer", "afl"):
            continue
        src = work / f"cell-{int(cell['cell']):05d}" / "corpus"
        if not src.is_dir():
            continue
        ncells += 1
        dst = work / "corpus" / f"{cell['engine']}-{_safe_name(cell['scenario'])}"
        dst.mkdir(parents=True, exist_ok=True)
        for p in sorted(src.iterdir()):
            q = dst / p.name
            if not q.exists():
                shutil.copyfile(p, q)
                total += 1
    return total, ncells


def cell_spec(m: Any, cfg: dict[str, Any], build: str) -> dict[str, Any]:
    """What every cell task gets: where the worker finds the checkout and the
    binaries (the coordinator's paths, moved under --worker-root when they
    are inside this checkout), the build they must be, the schedules."""
    root = str(m.REPO_ROOT)
    wroot = cfg.get("worker_root") or root

    def on_worker(path: str | None) -> str | None:
        if not path:
            return None
        p = os.path.abspath(path)
        if p.startswith(root.rstrip(os.sep) + os.sep):
            return os.path.join(wroot, os.path.relpath(p, root))
        return p
    return {"protocol": CLUSTER_PROTOCOL, "root": wroot, "build": build,
            "reqsim": on_worker(cfg["reqsim"]), "libfuzzer": on_worker(cfg.get("libfuzzer")),
            "afl": on_worker(cfg.get("afl")), "schedules": cfg.get("schedules")}


def connect_checked(m: Any, address: str, spec: dict[str, Any],
                    note: Callable[[str], None], wait_s: float = 60.0) -> tuple[Any, int]:
    """A client of the scheduler at `address` whose every worker runs the
    campaign's build (this module uploaded to them); (client, worker threads).
    CampaignError (one line) when the scheduler is unreachable, no worker
    joins within wait_s, or a worker differs."""
    import distributed
    m_addr = re.fullmatch(r"tcp://(\[[^]]+\]|[^:/]+):([0-9]+)", address)
    if m_addr:  # a refused connection is an answer now, not after Dask's retries
        try:
            socket.create_connection((m_addr.group(1).strip("[]"), int(m_addr.group(2))),
                                     timeout=10).close()
        except (OSError, ValueError) as e:
            raise m.CampaignError(f"--cluster {address}: cannot connect to the Dask "
                                  f"scheduler ({getattr(e, 'strerror', None) or e})") from None
    try:
        client = distributed.Client(address, timeout="15s", set_as_default=False)
    except Exception as e:  # noqa: BLE001 - OSError, TimeoutError, Dask's own
        raise m.CampaignError(f"--cluster {address}: cannot connect to the Dask scheduler "
                              f"({_one(e)})") from None
    try:
        try:
            client.wait_for_workers(1, timeout=wait_s)
        except Exception:  # noqa: BLE001 - a timeout, whatever its class
            raise m.CampaignError(f"--cluster {address}: no worker joined the scheduler "
                                  f"within {wait_s:.0f} s") from None
        client.upload_file(__file__)
        checks = client.run(worker_check, spec)
        bad = [r["why"] for r in checks.values() if not r.get("ok")]
        if bad:
            raise m.CampaignError(f"--cluster: {bad[0]}" + (
                f" (and {len(bad) - 1} more workers)" if len(bad) > 1 else ""))
        info = client.scheduler_info()["workers"]
        slots = sum(int(w.get("nthreads", 1)) for w in info.values()) or 1
        link = getattr(client, "dashboard_link", None)
        note(f"cluster {address}: {len(info)} workers, {slots} threads, build "
             f"{spec['build']}" + (f"; dashboard {link}" if link else ""))
        return client, slots
    except BaseException:
        with _suppress():
            client.close(timeout=5)
        raise


class ClusterCampaign:
    """Campaign.run's counterpart: the cells as Dask tasks."""

    def __init__(self, camp_mod: Any, st: Any, campaign_id: int, cfg: dict[str, Any],
                 work: Path, progress: Any) -> None:
        self.m = camp_mod
        self.st = st
        self.id = campaign_id
        self.cfg = cfg
        self.work = work
        self.progress = progress
        self.address = cfg["cluster"]

    def run(self, elapsed_before: float) -> None:
        import distributed
        m, st = self.m, self.st
        build = m.reqsim_build_id(Path(self.cfg["reqsim"]))
        spec = cell_spec(m, self.cfg, build)
        client, slots = connect_checked(m, self.address, spec, self.progress.note)
        stop_name = f"reqsim-stop-{os.getpid()}-{self.id}-{time.time_ns()}"
        futs: dict[Any, dict[str, Any]] = {}
        t0 = time.monotonic()
        try:
            distributed.Event(stop_name, client=client).clear()
            self._submit_and_merge(client, spec, stop_name, slots, futs, elapsed_before, t0)
        except BaseException as exc:
            interrupted = isinstance(exc, (KeyboardInterrupt, m.Interrupted))
            self._cancel(client, stop_name, futs)
            # every cell still marked running: those submitted, and one whose
            # result the interrupt caught while it was being merged (it had
            # left futs; tests/test_cluster.py saw one stay "running")
            with _suppress():
                for row in st.q("SELECT id FROM runs WHERE campaign_id=? AND state='running'",
                                (self.id,)):
                    with _suppress():
                        st.set_run(int(row[0]), state="interrupted")
            with _suppress():
                st.set_campaign(self.id, status="interrupted",
                                elapsed=round(elapsed_before + time.monotonic() - t0, 3))
            if interrupted:
                raise m.Interrupted() from None
            raise
        finally:
            with _suppress():
                client.close(timeout=5)
        n, k = merge_corpora(self.work, self.cfg["cells"])
        if k:
            self.progress.note(f"corpora: {n} new inputs from {k} fuzzer cells merged into "
                               f"{self.work / 'corpus'}")
        st.set_campaign(self.id, status="done", ended=time.time(),
                        elapsed=round(elapsed_before + time.monotonic() - t0, 3))

    def _cancel(self, client: Any, stop_name: str, futs: dict[Any, Any]) -> None:
        import distributed
        with _suppress():
            distributed.Event(stop_name, client=client).set()
        with _suppress():
            client.cancel(list(futs))

    def _submit_and_merge(self, client: Any, spec: dict[str, Any], stop_name: str,
                          slots: int, futs: dict[Any, dict[str, Any]],
                          elapsed_before: float, t0: float) -> None:
        """Keep about two cells per worker thread submitted (so a cell's budget
        is planned when it is about to start, and Ctrl-C has little to cancel);
        merge each cell as its task returns."""
        import distributed
        m, st = self.m, self.st
        cells = {c["cell"]: c for c in self.cfg["cells"]}
        rows = {r["cell"]: r for r in st.runs(self.id)}
        queue = [cells[i] for i in sorted(cells)
                 if rows[i]["state"] in ("pending", "running", "interrupted")]
        total, done_cells = len(cells), len(cells) - len(queue)
        execs = sum(int(r["executions"] or 0) for r in rows.values()
                    if r["state"] not in ("pending", "running", "interrupted"))
        known = sorted(r[0] for r in st.q("SELECT signature FROM violations"))
        budget = self.cfg.get("budget_s")
        deadline = t0 + max(0.0, budget - elapsed_before) if budget else None
        sigs = {r[0] for r in st.q("SELECT DISTINCT v.signature FROM findings f JOIN "
                                   "violations v ON v.id=f.violation_id WHERE "
                                   "f.campaign_id=?", (self.id,))}
        ac = distributed.as_completed([], loop=client.loop)
        last_save, wall_cells, lost = 0.0, [], 0
        # new violations of this campaign (a resumed one counts its earlier ones)
        new = int(st.q1("SELECT COUNT(*) FROM findings WHERE campaign_id=? AND new=1",
                        (self.id,))[0])
        winfo = (time.monotonic(), len(client.scheduler_info().get("workers", {})), slots)
        while queue or futs:
            now = time.monotonic()
            if now - winfo[0] > 1.0:
                info = client.scheduler_info().get("workers", {})
                winfo = (now, len(info),
                         sum(int(w.get("nthreads", 1)) for w in info.values()) or 1)
            while queue and not lost and len(futs) < 2 * winfo[2]:
                cell = queue.pop(0)
                s = dict(spec, cell=cell, known=known, stop_event=stop_name)
                if deadline is not None:
                    # as the local pool: an equal share of the remaining
                    # thread-seconds among the cells not started yet
                    share = max(0.0, deadline - time.monotonic()) * winfo[2] / (len(queue) + 1)
                    s["budget_s"] = max(m.MIN_WALL[cell["engine"]], share)
                f = client.submit(run_cell, s, key=f"reqsim-cell-{self.id}-{cell['cell']}-"
                                                   f"{time.time_ns()}", pure=False)
                futs[f] = cell
                ac.add(f)
                r = rows[cell["cell"]]
                st.set_run(int(r["id"]), state="running", started=r["started"] or time.time())
            batch = ac.next_batch(block=False) if ac.has_ready() else []
            for f in batch:
                cell = futs.pop(f)
                rid = int(rows[cell["cell"]]["id"])
                if f.status == "finished":
                    res = f.result()
                    def on_new(v: dict[str, Any], c: dict[str, Any] = cell) -> None:
                        nonlocal new
                        new += 1
                        self.progress.note(
                            f"new violation {v['signature']} {v['kind']} in {c['scenario']} "
                            f"{m.storemod.config_str(c)} ({c['engine']}, {res['worker']})")
                    merge_cell(st, self.id, rid, res, on_new)
                    save_cell_files(self.work, cell, res)
                    execs += int(res["run"]["executions"] or 0)
                    wall_cells.append(res["wall"])
                    sigs |= {x["signature"] for x in res["findings"]}
                    done_cells += 1
                elif f.status == "cancelled":  # the scheduler went away: run it again
                    lost += 1
                    st.set_run(rid, state="interrupted")
                elif f.status == "error":
                    st.set_run(rid, state="error", ended=time.time(),
                               detail=_one(f"{type(f.exception()).__name__}: "
                                           f"{f.exception()}", 900))
                    done_cells += 1
                else:
                    # "lost": the cell finished on a worker that died before
                    # its result was fetched (a killed worker, more likely
                    # on a loaded machine); it is run again, not an error
                    queue.insert(0, cell)
                    st.set_run(rid, state="pending")
                    self.progress.note(f"cell {cell['cell']}: its result was lost with "
                                       f"a worker ({f.status}); running it again")
                f.release()
            if now - last_save > 5:
                last_save = now
                st.set_campaign(self.id, elapsed=round(elapsed_before + now - t0, 3))
            if not batch:
                self.progress.show(elapsed=elapsed_before + now - t0, done=done_cells,
                                   execs=execs, viol=len(sigs), new=new,
                                   running=f"{winfo[1]} workers, {len(futs)} cells submitted")
                time.sleep(0.05)
            if lost and not futs:
                raise m.CampaignError(f"--cluster {self.address}: {lost} cells were lost "
                                      "(the scheduler went away)")
        self.progress.show(elapsed=elapsed_before + time.monotonic() - t0, done=done_cells,
                           execs=execs, viol=len(sigs), new=new, running="", force=True)
        self.progress.done()
        if wall_cells:
            self.progress.note(f"cluster: {len(wall_cells)} of {total} cells run here, "
                               f"{sum(wall_cells):.1f} s of cell time on the workers")


def _one(e: Any, n: int = 300) -> str:
    text = str(e) or type(e).__name__
    return " ".join(text.split())[:n]


class _suppress:
    """contextlib.suppress(Exception) that also swallows Dask's own errors."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, et: Any, ev: Any, tb: Any) -> bool:
        return et is not None and issubclass(et, Exception)


# ---- a local cluster for tests and benchmarks ----------------------------------------------

class LocalCluster:
    """A scheduler and N workers on 127.0.0.1, started as processes of
    Debian's python3 and stopped by PID (tests, bench.py cluster)."""

    def __init__(self, workers: int, tmp: Path, nthreads: int = 1) -> None:
        self.tmp = tmp
        self.procs: list[subprocess.Popen[bytes]] = []
        self.workers: list[subprocess.Popen[bytes]] = []
        self.address = ""
        self.n = workers
        self.nthreads = nthreads

    def _spawn(self, args: list[str], log: str) -> subprocess.Popen[bytes]:
        # safeio is imported here, not at the top: this module is also
        # uploaded to Dask workers, where tools/ need not be importable
        import safeio
        lf = open(self.tmp / log, "ab")
        try:
            p = subprocess.Popen([DEBIAN_PYTHON, "-m", *args], stdin=subprocess.DEVNULL,
                                 stdout=lf, stderr=subprocess.STDOUT, cwd=self.tmp,
                                 start_new_session=True,
                                 preexec_fn=lambda: safeio.die_with_parent(signal.SIGTERM))
        finally:
            lf.close()
        self.procs.append(p)
        return p

    def start(self, timeout: float = 60.0) -> str:
        sf = self.tmp / "scheduler.json"
        self._spawn(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                     "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(sf)],
                    "scheduler.log")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self.address = json.loads(sf.read_text())["address"]
                break
            except (OSError, ValueError, KeyError):
                time.sleep(0.1)
        else:
            raise RuntimeError("the Dask scheduler did not start: "
                               + (self.tmp / "scheduler.log").read_text()[-500:])
        for i in range(self.n):
            self.workers.append(self._spawn(
                ["distributed.cli.dask_worker", self.address, "--host", "127.0.0.1",
                 "--nthreads", str(self.nthreads), "--no-nanny", "--no-dashboard",
                 "--name", f"w{i}", "--local-directory", str(self.tmp / f"w{i}")],
                f"worker{i}.log"))
        return self.address

    def stop(self) -> None:
        for p in reversed(self.procs):
            if p.poll() is None:
                with _suppress():
                    os.killpg(p.pid, signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with _suppress():
                    os.killpg(p.pid, signal.SIGKILL)
                p.wait()

    def __enter__(self) -> "LocalCluster":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()
