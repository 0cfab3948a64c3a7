#!/usr/bin/env python3
"""recheck.py: re-check every violation of the store on one reqsim build, and
record its status on that build.

    tools/recheck.py --reqsim build/fixed/reqsim               # a 're-check' campaign row
    tools/recheck.py --db results/reqsim.db --reqsim PATH --campaign ID   # into campaign ID

campaign.py runs the same re-check after the cells of every campaign (unless
--no-recheck); this command runs it alone, against a store, on a given build:
it records a campaign row of its own (kind 'recheck', name 're-check') with
that build (core build id, git commit and dirty flag), or, with --campaign,
completes the re-check of an existing campaign run with the same build (one
that was interrupted, or ran with --no-recheck).

Every violation of the store is re-checked, open or fixed (a fixed one that
reproduces again is a regression):
  - a violation the campaign's own cells found reproduces (how 'found');
  - else its stored minimized schedule (or the original one) is replayed by
    its decisions (`reqsim replay FILE`) and the "replay: VERDICT" line
    decides: same-violation -> reproduces, no-violation -> fixed,
    other-violation -> other (with the other signature);
  - a schedule that does not fit the build (a 'replay: unfit' line, or the
    usage error of the same build, or a bug, scenario or parameter the build
    no longer has) makes a small PCT search of the violation's configuration
    (`reqsim explore SCEN FLAGS --strategy pct --budget N --seed 1`): the
    signature found -> unfit-found, not found -> unfit-gone, the configuration
    refused by the build -> config-gone;
  - a replay or search that fails or times out -> error (no conclusion).
Each result is committed at once: kill -9 loses nothing, and a violation
already re-checked for the campaign is not checked (nor recorded) again.
`tools/store.py list open|fixed|regressed` and `history SIG` show the result.

The git commit recorded for a build is the one of the checkout whose sources
hash to the binary's build id (the checkout holding the binary, or this one);
a binary built from other sources records its build id only.

Exit status: 0 done, 2 usage or setup error (one line on stderr), 130
interrupted (what was recorded stays; continue with --campaign ID).
Standard library only.
"""
from __future__ import annotations

import argparse
import contextlib
import glob
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
import time
from pathlib import Path
from typing import Any, Callable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
import safeio  # noqa: E402
import store as storemod  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
PCT_BUDGET = 2000
REPLAY_TIMEOUT = 300.0
PCT_TIMEOUT = 600.0
INTERRUPT_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
EXIT_OK, EXIT_ERROR, EXIT_INTERRUPTED = 0, 2, 130

_BUILD_RE = re.compile(r"^reqsim build ([0-9A-Za-z._-]+)", re.M)
_VERDICT_RE = re.compile(r"^replay: ([a-z-]+)(.*)$", re.M)
_SIG_RE = re.compile(r"^\s*signature ([0-9a-f]{16})\s*$", re.M)
_HEX16_RE = re.compile(r"\b([0-9a-f]{16})\b")
_RESULT_SIG_RE = re.compile(r"^result \S+ .*\bsig=([0-9a-f]{16})\b", re.M)


class RecheckError(storemod.StoreError):
    """A setup error: one line, exit 2."""


# ---- running reqsim ----------------------------------------------------------------------

def run(cmd: Sequence[str], timeout: float) -> subprocess.CompletedProcess[str] | None:
    """Run reqsim in its own session (a terminal Ctrl-C reaches only us); None on
    a timeout.  A child killed by SIGINT/SIGTERM/SIGHUP from outside is an
    interruption (KeyboardInterrupt), never a result."""
    try:
        p = subprocess.run(list(cmd), capture_output=True, text=True, timeout=timeout,
                           check=False, stdin=subprocess.DEVNULL, start_new_session=True,
                           preexec_fn=safeio.die_with_parent, errors="replace")
    except subprocess.TimeoutExpired:
        return None
    except OSError as e:
        raise RecheckError(f"cannot run {cmd[0]}: {e.strerror}") from None
    if p.returncode in tuple(-s for s in INTERRUPT_SIGNALS):
        raise KeyboardInterrupt()
    return p


def build_id_of(reqsim: Path) -> str:
    """The build id `reqsim version` prints (RecheckError when it prints none)."""
    try:
        p = run([str(reqsim), "version"], 30)
    except RecheckError as e:
        raise RecheckError(f"--reqsim {reqsim}: {e}") from None
    m = _BUILD_RE.search(p.stdout) if p is not None else None
    if p is None or p.returncode != 0 or not m:
        raise RecheckError(f"{reqsim}: not a reqsim binary (`reqsim version` printed no "
                           "build id)")
    return m.group(1)


def tree_build_id(root: Path) -> str | None:
    """The build id CMake computes for the sources under root (CMakeLists.txt:
    the sha256 over the sha256 of every core/*.[ch] core/*.def sim/*.[ch]
    scenarios/*.[ch] litmus/*.[ch], sorted by path; its first 16 digits)."""
    try:
        files = []
        for pat in ("core/*.[ch]", "core/*.def", "sim/*.[ch]", "scenarios/*.[ch]",
                    "litmus/*.[ch]"):
            files += glob.glob(str(root / pat))
        if not files:
            return None
        ids = "".join(hashlib.sha256(Path(f).read_bytes()).hexdigest() for f in sorted(files))
        return hashlib.sha256(ids.encode()).hexdigest()[:16]
    except OSError:
        return None


def _git(root: Path, *args: str) -> str | None:
    try:
        p = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                           timeout=20, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return p.stdout.strip() if p.returncode == 0 else None


def build_commit(reqsim: Path, build_id: str) -> tuple[str | None, bool | None]:
    """(git commit, dirty) of the sources the binary was built from: the
    checkout holding the binary, else this tools/ checkout, whichever has
    sources that hash to build_id; (None, None) when neither does."""
    roots: list[Path] = []
    top = _git(Path(os.path.realpath(reqsim)).parent, "rev-parse", "--show-toplevel")
    if top:
        roots.append(Path(top))
    roots.append(REPO_ROOT)
    seen = set()
    for root in roots:
        key = os.path.realpath(root)
        if key in seen:
            continue
        seen.add(key)
        if tree_build_id(root) != build_id:
            continue
        commit = _git(root, "rev-parse", "HEAD")
        if not commit:
            continue
        status = _git(root, "status", "--porcelain", "--untracked-files=no")
        return commit, (bool(status) if status is not None else None)
    return None, None


def git_rev_text(commit: str | None, dirty: bool | None) -> str | None:
    """The older git_rev column: 12 digits, '-dirty' when dirty."""
    return None if not commit else commit[:12] + ("-dirty" if dirty else "")


def config_flags(v: Any) -> list[str]:
    out: list[str] = []
    if v["model"]:
        out += ["--model", str(v["model"])]
    if v["arch"]:
        out += ["--arch", str(v["arch"])]
    for p in str(v["params"] or "").split():
        out += ["--param", p]
    for b in [b for b in str(v["bugs"] or "").split(",") if b]:
        out += ["--bug", b]
    return out


def _last_line(text: str, n: int = 300) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return storemod._clean(lines[-1] if lines else "", n)


# ---- the re-check ---------------------------------------------------------------------------

class Checker:
    """Re-checks violations on one build and records each result at once."""

    def __init__(self, st: storemod.Store, reqsim: Path, work: Path, campaign_id: int,
                 note: Callable[[str], None], pct_budget: int = PCT_BUDGET) -> None:
        self.st = st
        self.reqsim = reqsim
        self.work = work
        self.campaign_id = campaign_id
        self.note = note
        self.pct_budget = pct_budget

    def replay(self, v: Any) -> tuple[str, str | None, str, str]:
        """(status, other signature, how, detail) of one violation on this build."""
        text = v["min_schedule"] or v["schedule"]
        if not isinstance(text, str) or not text.strip():
            return self.pct(v, "no stored schedule")
        path = self.work / f"v{v['id']}.sched"
        path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        p = run([str(self.reqsim), "replay", str(path)], REPLAY_TIMEOUT)
        if p is None:
            return "error", None, "replay", f"replay timed out after {REPLAY_TIMEOUT:.0f} s"
        m = _VERDICT_RE.search(p.stdout)
        sig_now = _SIG_RE.search(p.stdout)
        now = sig_now.group(1) if sig_now else None
        line = storemod._clean(m.group(0), 300) if m else ""
        verdict = m.group(1) if m else None
        # the verdict line decides, whatever the exit status (the same build
        # exits 2 after it when a hand-edited file's trace hash differs)
        if verdict in ("same-violation", "other-violation", "new-violation", "violation"):
            # a violation: the signature of this run decides (the verdict line
            # compares with what the file records, which is the stored one)
            if now is None and verdict in ("other-violation", "new-violation"):
                hexes = _HEX16_RE.findall(m.group(2))
                now = hexes[-1] if hexes else None
            if now is None or now == v["signature"]:
                return "reproduces", None, "replay", line
            return "other", now, "replay", line
        if verdict in ("no-violation", "clean"):
            return "fixed", None, "replay", line
        if verdict == "unfit" or (verdict is None and p.returncode == 2):
            why = m.group(2).lstrip(": ") if verdict == "unfit" else _last_line(p.stderr)
            return self.pct(v, why)
        return "error", None, "replay", (f"replay exit {p.returncode}: "
                                         + (line or _last_line(p.stderr)))[:300]

    def pct(self, v: Any, why: str) -> tuple[str, str | None, str, str]:
        """The schedule does not fit: a small PCT search of the configuration."""
        out = self.work / f"v{v['id']}-pct"
        shutil.rmtree(out, ignore_errors=True)
        cmd = [str(self.reqsim), "explore", str(v["scenario"]), *config_flags(v),
               "--strategy", "pct", "--budget", str(self.pct_budget), "--seed", "1",
               "--out", str(out), "-q"]
        why = storemod._clean(why, 200)
        try:
            p = run(cmd, PCT_TIMEOUT)
            if p is None:
                return "error", None, "pct", (f"schedule unfit ({why}); the PCT search "
                                              f"timed out after {PCT_TIMEOUT:.0f} s")
            if p.returncode == 2:
                return "config-gone", None, "pct", (f"schedule unfit ({why}); the build "
                                                    f"refuses the configuration: "
                                                    f"{_last_line(p.stderr, 200)}")
            if p.returncode not in (0, 1):
                return "error", None, "pct", (f"schedule unfit ({why}); the PCT search "
                                              f"failed (exit {p.returncode}: "
                                              f"{_last_line(p.stderr, 150)})")
            sigs: set[str] = set()
            for f in sorted(out.glob("*.sched")) if out.is_dir() else []:
                with contextlib.suppress(OSError):
                    sigs.update(_RESULT_SIG_RE.findall(f.read_text(errors="replace")[:8192]))
        finally:
            shutil.rmtree(out, ignore_errors=True)
        others = sorted(sigs - {v["signature"]})
        search = f"pct {self.pct_budget} schedules, seed 1"
        if v["signature"] in sigs:
            return "unfit-found", None, "pct", f"schedule unfit ({why}); {search}: found"
        return "unfit-gone", None, "pct", (
            f"schedule unfit ({why}); {search}: not found"
            + (f" ({len(others)} other signature(s): {', '.join(others[:3])})"
               if others else ""))

    def run(self, found: set[int]) -> int:
        """Re-check every violation not yet re-checked for the campaign; the
        number checked now."""
        done = self.st.rechecked(self.campaign_id)
        sk = storemod.Skipper("re-check")
        cols = ["id", "signature", "kind", "scenario", "params", "model", "arch", "bugs",
                "min_schedule", "schedule"]
        rows = self.st.q(f"SELECT {', '.join(cols)} FROM violations ORDER BY id")
        n = 0
        for v in rows:
            if not isinstance(v["id"], int) or v["id"] in done:
                continue
            if not sk.ok("violations", v, cols=cols):
                continue
            t0 = time.monotonic()
            if v["id"] in found:
                res = ("reproduces", None, "found", "found by this campaign's cells")
            else:
                self.work.mkdir(parents=True, exist_ok=True)
                res = self.replay(v)
            status, other, how, detail = res
            self.st.record_recheck(violation_id=v["id"], campaign_id=self.campaign_id,
                                   status=status, other_signature=other, how=how,
                                   detail=detail, seconds=round(time.monotonic() - t0, 4))
            n += 1
        return n


def summary_line(st: storemod.Store, campaign_id: int, seconds: float | None = None) -> str:
    """'re-check: 36 violations on build X (commit Y): 30 reproduce, 4 fixed, ...'."""
    c = st.campaign(campaign_id)
    counts: dict[str, int] = {}
    for r in st.rechecks(campaign_id):
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    total = sum(counts.values())
    parts = []
    if counts.get("reproduces"):
        parts.append(f"{counts['reproduces']} reproduce")
    for k, word in (("fixed", "fixed"), ("other", "other")):
        if counts.get(k):
            parts.append(f"{counts[k]} {word}")
    unfit = [(k, counts.get(f"unfit-{k}", 0)) for k in ("found", "gone")]
    if sum(n for _, n in unfit):
        parts.append(f"{sum(n for _, n in unfit)} unfit (pct: "
                     + ", ".join(f"{n} {k}" for k, n in unfit if n) + ")")
    if counts.get("config-gone"):
        parts.append(f"{counts['config-gone']} configuration gone")
    if counts.get("error"):
        parts.append(f"{counts['error']} error{'s' if counts['error'] != 1 else ''}")
    label = storemod.commit_label(c["git_commit"], c["git_dirty"])
    return (f"re-check: {total} violation{'s' if total != 1 else ''} on build "
            f"{storemod._clean(c['reqsim_build'] or '?', 40)} (commit "
            f"{storemod._clean(label, 40) if label != '?' else 'unknown'})"
            + (": " + ", ".join(parts) if parts else "")
            + (f" in {storemod.fmt_duration(seconds)}" if seconds is not None else ""))


def recheck_campaign(st: storemod.Store, reqsim: Path, work: Path, campaign_id: int,
                     note: Callable[[str], None], *, pct_budget: int = PCT_BUDGET
                     ) -> str:
    """Re-check the store on the campaign's build (after its cells: what they
    found reproduces without a replay).  Returns the summary line."""
    t0 = time.monotonic()
    found = {int(r[0]) for r in st.q(
        "SELECT DISTINCT violation_id FROM findings WHERE campaign_id=? AND "
        "typeof(violation_id)='integer'", (campaign_id,))}
    total = int(st.q1("SELECT COUNT(*) FROM violations")[0])
    done = len(st.rechecked(campaign_id))
    c = st.campaign(campaign_id)
    note(f"re-check: {total - done} of {total} violations on build "
         f"{storemod._clean(c['reqsim_build'] or '?', 40)} "
         f"({len(found)} found by the campaign's cells"
         + (f", {done} already re-checked" if done else "") + ")")
    Checker(st, reqsim, work, campaign_id, note, pct_budget).run(found)
    return summary_line(st, campaign_id, time.monotonic() - t0)


# ---- command line ---------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    p = storemod.cli_parser("recheck.py", __doc__)
    p.add_argument("--db", default=str(storemod.DEFAULT_DB), help=storemod.DB_HELP)
    p.add_argument("--reqsim", required=True, metavar="PATH",
                   help="the reqsim binary of the build to re-check on")
    p.add_argument("--campaign", type=storemod.positive_int, metavar="ID",
                   help="record into this campaign (run with the same build) instead of a "
                        "new 're-check' campaign row")
    p.add_argument("--pct-budget", type=storemod.positive_int, metavar="N",
                   default=PCT_BUDGET,
                   help=f"schedules of the PCT search when a schedule does not fit "
                        f"(default {PCT_BUDGET})")
    p.add_argument("--work", metavar="DIR",
                   help="where the schedules are written (default: a temporary directory, "
                        "removed afterwards)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress note")
    return p


def _note(quiet: bool) -> Callable[[str], None]:
    def note(text: str) -> None:
        if not quiet:
            with contextlib.suppress(OSError, ValueError):
                print(storemod._clean(text, 2000), file=sys.stderr, flush=True)
    return note


def _run(args: argparse.Namespace, state: dict[str, Any]) -> int:
    reqsim = Path(args.reqsim)
    if not reqsim.is_file() or not os.access(reqsim, os.X_OK):
        raise RecheckError(f"--reqsim {args.reqsim}: not an executable file")
    build_id = build_id_of(reqsim)
    if args.work is not None and args.work == "":
        raise RecheckError("--work: empty directory name")
    db_files = {os.path.realpath(f) for f in storemod.safeio.store_files(args.db)}
    if args.work and os.path.realpath(args.work) in db_files:
        raise RecheckError(f"--work {args.work}: that is the store")
    if args.work:
        bad = Path(args.work)
        while not bad.exists() and bad != bad.parent:
            bad = bad.parent
        if bad.exists() and not bad.is_dir():
            raise RecheckError(f"--work {args.work}: {bad} is not a directory")
    st = storemod.open_store(args.db, create=False)
    state["st"] = st
    note = _note(args.quiet)
    commit, dirty = build_commit(reqsim, build_id)
    if args.campaign is not None:
        c = st.campaign(args.campaign)
        if c is None:
            raise RecheckError(f"--campaign: no campaign {args.campaign}")
        if c["reqsim_build"] != build_id:
            raise RecheckError(f"--campaign {args.campaign} ran build "
                               f"{storemod._clean(c['reqsim_build'], 40)}, {reqsim} is "
                               f"build {build_id}: its statuses would be about another build")
        cid = args.campaign
        if c["git_commit"] is None and commit is not None:
            st.set_campaign(cid, git_commit=commit, git_dirty=int(bool(dirty)))
        own = c["kind"] == "recheck"
    else:
        cfg = {"reqsim": str(Path(os.path.abspath(reqsim))), "pct_budget": args.pct_budget,
               "argv": state["argv"], "cells": [], "pid": os.getpid()}
        cid = st.begin_campaign(name="re-check", config=cfg,
                                git_rev=git_rev_text(commit, dirty),
                                host=socket.gethostname(), reqsim_build=build_id,
                                git_commit=commit, git_dirty=dirty, kind="recheck")
        own = True
    state["cid"], state["own"] = cid, own
    t0 = time.monotonic()
    before = float(st.campaign(cid)["elapsed"] or 0) if own else 0.0
    if own:
        st.set_campaign(cid, status="running")
    tmp = None
    if args.work:
        work = Path(args.work)
        try:
            work.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise RecheckError(f"--work {args.work}: cannot create ({e.strerror})") from None
    else:
        tmp = tempfile.mkdtemp(prefix="reqsim-recheck-")
        work = Path(tmp)
    try:
        line = recheck_campaign(st, reqsim, work, cid, note, pct_budget=args.pct_budget)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    if own:
        st.set_campaign(cid, status="done", ended=time.time(),
                        elapsed=round(before + time.monotonic() - t0, 3))
    print(f"campaign {cid}: {line}")
    print(f"statuses: {storemod.shell_join(['tools/store.py', *storemod.db_args(args.db), 'list', 'open'])}"
          " (or fixed, regressed)")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    args = build_parser().parse_args(argv)
    state: dict[str, Any] = {"st": None, "cid": None, "own": False,
                             "argv": list(sys.argv[1:] if argv is None else argv)}

    def on_term(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt()

    old = {s: signal.signal(s, on_term) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        def body() -> int:
            try:
                return _run(args, state)
            except KeyboardInterrupt:
                st, cid = state["st"], state["cid"]
                if st is not None and cid is not None:
                    if state["own"]:
                        with contextlib.suppress(Exception):
                            st.set_campaign(cid, status="interrupted")
                    print(f"recheck.py: interrupted; what was re-checked is recorded; "
                          "continue with: " + storemod.shell_join(
                              ["tools/recheck.py", *storemod.db_args(args.db), "--reqsim",
                               os.path.abspath(args.reqsim), "--campaign", str(cid)]),
                          file=sys.stderr)
                    return EXIT_INTERRUPTED
                raise
        rc = storemod.run_guarded("recheck.py", body, (storemod.StoreError,))
        return rc
    finally:
        if state["st"] is not None:
            with contextlib.suppress(Exception):
                state["st"].close()
        for s, h in old.items():
            signal.signal(s, h)


if __name__ == "__main__":
    sys.exit(main())
