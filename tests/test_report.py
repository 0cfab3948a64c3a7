#!/usr/bin/env python3
"""Tests of tools/report.py without a browser: every text from the store is
escaped (no element or attribute a hostile store could inject), every relative
link of the site resolves, a long trace is cut, bad input gives one line,
`serve` listens on 127.0.0.1 only and serves nothing outside the site, the
defaults are under the current directory, --out never holds the store, damaged
rows are skipped, printed commands are quoted.  Run: python3 tests/test_report.py"""
from __future__ import annotations

import hashlib
import html
import html.parser
import json
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request
from pathlib import Path
from typing import Sequence
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))

import report  # noqa: E402
import store  # noqa: E402

REPORT = TOOLS / "report.py"
EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&<b>x</b>"
ALLOWED_TAGS = {"html", "head", "meta", "title", "link", "body", "header", "nav", "a", "span",
                "main", "footer", "code", "h1", "h2", "section", "div", "p", "pre", "table",
                "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "br", "svg", "text",
                "line", "polyline", "circle", "details", "summary"}


class Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for k, v in attrs:
            self.attrs.add(k)
            if k in ("href", "src") and v:
                self.links.append(v)


def evil_store(db: Path, steps: int = 5) -> None:
    with store.open_store(db) as st:
        cid = st.begin_campaign(name=EVIL, config={"budget_s": 5, "engines": EVIL,
                                                   "argv": [EVIL]},
                                git_rev=EVIL, host=EVIL, reqsim_build=EVIL)
        st.add_runs(cid, [{"cell": 0, "engine": "pct", "scenario": EVIL, "params": EVIL,
                           "model": "tso", "arch": "x86", "bugs": EVIL, "expected": EVIL}])
        rid = st.runs(cid)[0]["id"]
        st.set_run(rid, state="violations", detail=EVIL, started=time.time())
        st.add_sample(rid, 0.5, 100, 1)
        trace = "".join(json.dumps({"step": i, "time": i, "kind": "step", "tid": i % 2,
                                    "thread": EVIL + str(i % 2), "op": "load", "loc": EVIL,
                                    "value": i, "label": EVIL, "text": EVIL}) + "\n"
                        for i in range(steps))
        for sig in ("1234abcd5678ef90", "../../etc/passwd<x>"):
            st.record_finding(campaign_id=cid, run_id=rid, source=sig, v={
                "signature": sig, "kind": EVIL, "scenario": EVIL, "model": "tso",
                "arch": "x86", "bugs": EVIL, "params": EVIL, "message": EVIL, "sites": [EVIL],
                "step": steps, "origin": EVIL, "story": EVIL, "min_schedule": EVIL,
                "schedule": EVIL, "trace_jsonl": trace, "trace_perfetto": "{}",
                "trace_note": EVIL, "decisive": {"key": [0, 1]}, "engine": EVIL,
                "trace_hash": EVIL})
        # a re-check on another build (schema 3): stored text in the commit, the
        # other signature and the detail line of the status timeline and lists
        cid2 = st.begin_campaign(name=EVIL, config={"cells": []}, git_rev=EVIL, host=EVIL,
                                 reqsim_build=EVIL, git_commit=EVIL, git_dirty=True,
                                 kind="recheck")
        st.record_recheck(violation_id=1, campaign_id=cid2, status="other",
                          other_signature=EVIL, how="replay", detail=EVIL)
        st.record_recheck(violation_id=2, campaign_id=cid2, status="fixed", how="replay",
                          detail=EVIL)
        st.set_campaign(cid2, status="done")


class ReportTest(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="report-test-"))
        self.db = self.tmp / "r.db"

    def tearDown(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def build(self) -> Path:
        out = self.tmp / "site"
        p = subprocess.run([sys.executable, str(REPORT), "build", "--db", str(self.db),
                            "--out", str(out)], capture_output=True, text=True, timeout=300)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(str(out.resolve() / "index.html"), p.stdout)
        return out

    def test_store_text_is_escaped_everywhere(self) -> None:
        evil_store(self.db)
        out = self.build()
        pages = sorted(out.rglob("*.html"))
        self.assertGreaterEqual(len(pages), 5)
        for page in pages:
            text = page.read_text()
            with self.subTest(page=page.name):
                c = Collector()
                c.feed(text)
                self.assertLessEqual(c.tags, ALLOWED_TAGS, "an injected element")
                self.assertFalse({a for a in c.attrs if a.startswith("on")},
                                 "an injected event handler")
                self.assertNotIn("<script", text)
                self.assertNotIn("<img", text)
                self.assertNotIn("<b>x</b>", text)
        index = (out / "index.html").read_text()
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", index)
        # a signature that is not a plain name never becomes a path
        names = {p.name for p in (out / "violations").iterdir()}
        self.assertIn("1234abcd5678ef90.html", names)
        self.assertTrue(all("/" not in n and ".." not in n.split(".html")[0] for n in names))
        self.assertFalse((self.tmp / "etc").exists())
        # downloads: data: links whose content is the stored text, with safe names
        c = Collector()
        c.feed((out / "violations" / "1234abcd5678ef90.html").read_text())
        data = [l for l in c.links if l.startswith("data:")]
        self.assertEqual(len(data), 2, "the .sched and the Perfetto trace")
        with urllib.request.urlopen(data[0]) as r:
            self.assertEqual(r.read().decode(), EVIL)
        names = re.findall(r'download="([^"]*)"', (out / "violations" /
                                                   "1234abcd5678ef90.html").read_text())
        self.assertTrue(names and all("/" not in n and "<" not in n for n in names), names)
        # stored markup appears exactly, as text, in the schedule block
        vpage = (out / "violations" / "1234abcd5678ef90.html").read_text()
        self.assertIn('<pre class="sched" id="min-schedule">&lt;script&gt;', vpage)
        # status across builds: a timeline and its table; the index's lists
        self.assertIn('id="chart-status"', vpage)
        self.assertIn('id="status-history"', vpage)
        self.assertIn("fixed in &lt;script&gt;", vpage)
        self.assertRegex(index, r'(?s)id="fixed-violations">(?:(?!</table>).)*1234abcd5678ef90')
        self.assertRegex(index, r'(?s)id="fixed-violations">(?:(?!</table>).)*passwd')

    def test_links_resolve(self) -> None:
        evil_store(self.db)
        out = self.build()
        for page in sorted(out.rglob("*.html")):
            c = Collector()
            c.feed(page.read_text())
            for link in c.links:
                u = urlparse(link)
                if u.scheme or link.startswith("#"):
                    continue
                target = (page.parent / unquote(u.path)).resolve()
                with self.subTest(page=str(page.relative_to(out)), link=link):
                    self.assertTrue(target.is_file())
                    self.assertTrue(str(target).startswith(str(out.resolve())))

    def test_long_trace_is_cut_not_lost(self) -> None:
        evil_store(self.db, steps=report.SWIMLANE_ROWS_MAX + 50)
        out = self.build()
        page = (out / "violations" / "1234abcd5678ef90.html").read_text()
        self.assertIn("50 more steps: download the trace", page)
        p = subprocess.run([sys.executable, str(TOOLS / "store.py"), "--db", str(self.db),
                            "export", "--jsonl", "1234abcd5678ef90"], capture_output=True,
                           text=True, timeout=60)
        self.assertEqual(len(p.stdout.splitlines()), report.SWIMLANE_ROWS_MAX + 50)
        # the store is not the checkout's results/reqsim.db: the command names it
        cmd = html.escape(shlex.join(["tools/store.py", "--db", str(self.db.resolve()),
                                      "export", "--jsonl", "1234abcd5678ef90"]))
        self.assertTrue(cmd in page, f"{cmd!r} not in the page")

    def test_rebuild_writes_what_changed_and_removes_stale_files(self) -> None:
        evil_store(self.db)
        out = self.build()
        stale = out / "violations" / "stale.html"
        stale.write_text("old")
        page = out / "violations" / "1234abcd5678ef90.html"
        before = page.stat().st_mtime_ns
        time.sleep(0.05)
        n = report.build_site(self.db, out)
        self.assertFalse(stale.exists())
        self.assertEqual(n["removed"], 1)
        self.assertLessEqual(n["written"], 2, "only the two pages that carry the build time")
        self.assertEqual(page.stat().st_mtime_ns, before)
        with store.open_store(self.db) as st:  # a new sighting changes that page
            st.record_finding(campaign_id=1, run_id=1, source="again",
                              v={"signature": "1234abcd5678ef90", "kind": "k",
                                 "scenario": "s"})
        n = report.build_site(self.db, out)
        self.assertGreater(page.stat().st_mtime_ns, before)
        self.assertIn(">2</dd>", page.read_text(), "hits now 2")

    def test_refuses_a_directory_that_is_not_a_report(self) -> None:
        evil_store(self.db)
        other = self.tmp / "mine"
        (other / "files").mkdir(parents=True)
        (other / "files" / "keep.txt").write_text("precious")
        p = subprocess.run([sys.executable, str(REPORT), "build", "--db", str(self.db),
                            "--out", str(other)], capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 2)
        self.assertIn("not a reqsim report", p.stderr)
        self.assertEqual((other / "files" / "keep.txt").read_text(), "precious")

    def test_bad_input(self) -> None:
        cases = [["build", "--db", str(self.tmp / "none.db"), "--out", str(self.tmp / "o")],
                 ["serve", "--out", str(self.tmp / "nothing-here")],
                 ["serve", "--out", str(self.tmp), "--port", "70000"],
                 ["frob"], ["build", "--bogus"]]
        for args in cases:
            with self.subTest(args=args):
                p = subprocess.run([sys.executable, str(REPORT), *args], capture_output=True,
                                   text=True, timeout=60)
                self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
                self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        self.assertFalse((self.tmp / "none.db").exists())
        for args in ([], ["build"], ["serve"]):
            p = subprocess.run([sys.executable, str(REPORT), *args, "--help"],
                               capture_output=True, text=True, timeout=60)
            self.assertEqual(p.returncode, 0)

    def test_serve_binds_loopback_only(self) -> None:
        evil_store(self.db)
        out = self.build()
        srv = subprocess.Popen([sys.executable, str(REPORT), "serve", "--out", str(out),
                                "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
        try:
            line = srv.stdout.readline()
            self.assertIn("at http://127.0.0.1:", line)
            url = line.split(" at ", 1)[1].split()[0]
            port = int(urlparse(url).port)
            with urllib.request.urlopen(url + "index.html", timeout=30) as r:
                self.assertEqual(r.status, 200)
            # the listening socket's local address is 127.0.0.1 (/proc/net/tcp, hex)
            rows = [ln.split() for ln in Path("/proc/net/tcp").read_text().splitlines()[1:]]
            mine = [r for r in rows if r[3] == "0A" and int(r[1].split(":")[1], 16) == port]
            self.assertEqual([r[1].split(":")[0] for r in mine], ["0100007F"])
        finally:
            srv.terminate()
            srv.communicate(timeout=30)


def run_report(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPORT), *args], capture_output=True,
                          text=True, timeout=300, cwd=cwd)


def one_line_error(t: unittest.TestCase, p: subprocess.CompletedProcess[str]) -> str:
    t.assertEqual(p.returncode, 2, p.stdout + p.stderr)
    t.assertNotIn("Traceback", p.stderr)
    t.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
    return p.stderr


def plain_store(db: Path, *, argv: list[str] | None = None,
                sigs: Sequence[str] = ("1234abcd5678ef90",)) -> None:
    with store.open_store(db) as st:
        cid = st.begin_campaign(name="plain", config={"budget_s": 5, "argv": argv or []},
                                git_rev="g", host="h", reqsim_build="b")
        st.add_runs(cid, [{"cell": 0, "engine": "pct", "scenario": "dekker", "model": "tso",
                           "arch": "x86", "bugs": "b"}])
        rid = st.runs(cid)[0]["id"]
        st.set_run(rid, state="violations", started=time.time(), executions=10)
        trace = "".join(json.dumps({"step": i, "time": i, "kind": "step", "tid": i % 2,
                                    "thread": f"t{i % 2}", "op": "load", "loc": "x",
                                    "value": i, "text": f"step {i}"}) + "\n"
                        for i in range(4))
        for sig in sigs:
            st.record_finding(campaign_id=cid, run_id=rid, source=sig, v={
                "signature": sig, "kind": "missed-request", "scenario": "dekker",
                "model": "tso", "arch": "x86", "bugs": "b", "params": "", "message": "m",
                "sites": ["a.c:1"], "step": 4, "origin": "o", "story": "s",
                "min_schedule": "reqsim-schedule 1\n", "schedule": "reqsim-schedule 1\n",
                "trace_jsonl": trace, "trace_perfetto": '{"traceEvents":[]}',
                "decisive": {"key": [0]}, "engine": "pct"})


def links_resolve(t: unittest.TestCase, out: Path) -> None:
    for pg in sorted(out.rglob("*.html")):
        c = Collector()
        c.feed(pg.read_text())
        for link in c.links:
            u = urlparse(link)
            if u.scheme or link.startswith("#"):
                continue
            target = (pg.parent / unquote(u.path)).resolve()
            t.assertTrue(target.is_file(), f"{pg.relative_to(out)}: {link}")


class Tmp(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="report-test-"))
        self.db = self.tmp / "r.db"

    def tearDown(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


class DefaultsTest(Tmp):
    """Item 2: without --out/--db, results/ of the current directory."""

    def test_defaults_are_relative_to_the_current_directory(self) -> None:
        checkout_report = ROOT / "results" / "report"
        before = ({str(f): f.stat().st_mtime_ns for f in checkout_report.rglob("*")}
                  if checkout_report.exists() else None)
        work = self.tmp / "work"
        (work / "results").mkdir(parents=True)
        plain_store(work / "results" / "reqsim.db")
        p = run_report("build", cwd=work)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue((work / "results" / "report" / "index.html").is_file())
        # --db given, no --out: the report still goes below the current directory
        other = self.tmp / "other"
        other.mkdir()
        p = run_report("build", "--db", str(work / "results" / "reqsim.db"), cwd=other)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue((other / "results" / "report" / "index.html").is_file())
        after = ({str(f): f.stat().st_mtime_ns for f in checkout_report.rglob("*")}
                 if checkout_report.exists() else None)
        self.assertEqual(before, after, "the checkout's results/report was written")
        p = run_report("build", "--help")
        self.assertIn("relative to the current directory", " ".join(p.stdout.split()))
        # an --out that holds something else is still refused, and left alone
        mine = self.tmp / "mine"
        mine.mkdir()
        (mine / "notes.txt").write_text("precious")
        p = run_report("build", "--db", str(work / "results" / "reqsim.db"), "--out",
                       str(mine))
        self.assertIn("not a reqsim report", one_line_error(self, p))
        self.assertEqual(os.listdir(mine), ["notes.txt"])


class OutputSafetyTest(Tmp):
    """Item 1 for report.py: the build never writes over (or removes) the store or
    the report's own sources; its files go through a temporary file and a rename."""

    def test_out_must_not_hold_the_store_or_the_sources(self) -> None:
        site = self.tmp / "site"
        site.mkdir()
        db = site / "violations" / "r.db"
        db.parent.mkdir()
        plain_store(db)
        (site / report.MARKER).write_text("x")  # looks like a report: still refused
        h = hashlib.sha256(db.read_bytes()).hexdigest()
        for out in (site, site / "violations", ROOT / "reports", ROOT / "reports" / "new"):
            with self.subTest(out=out):
                p = run_report("build", "--db", str(db), "--out", str(out))
                err = one_line_error(self, p)
                self.assertTrue("refusing" in err or "overlaps" in err, err)
                self.assertEqual(hashlib.sha256(db.read_bytes()).hexdigest(), h)
        self.assertFalse((ROOT / "reports" / "new").exists())
        self.assertTrue(db.exists())

    def test_symlinks_in_a_report_are_replaced_not_followed(self) -> None:
        plain_store(self.db)
        out = self.tmp / "site"
        self.assertEqual(run_report("build", "--db", str(self.db), "--out",
                                    str(out)).returncode, 0)
        victim = self.tmp / "victim.txt"
        victim.write_text("precious")
        page = out / "violations" / "1234abcd5678ef90.html"
        page.unlink()
        page.symlink_to(victim)
        (out / "index.html").unlink()
        (out / "index.html").symlink_to(victim)
        stale = out / "violations" / "stale.html"
        stale.symlink_to(victim)
        p = run_report("build", "--db", str(self.db), "--out", str(out))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(victim.read_text(), "precious")
        self.assertFalse(page.is_symlink())
        self.assertFalse(os.path.lexists(stale))
        self.assertEqual([f for f in os.listdir(out / "violations") if f.endswith(".tmp")], [])
        # a directory of the site that is a symlink: refused, nothing removed there
        shutil.rmtree(out / "campaigns")
        elsewhere = self.tmp / "elsewhere"
        elsewhere.mkdir()
        (elsewhere / "keep.html").write_text("keep")
        (out / "campaigns").symlink_to(elsewhere)
        p = run_report("build", "--db", str(self.db), "--out", str(out))
        self.assertIn("symlink", one_line_error(self, p))
        self.assertEqual(os.listdir(elsewhere), ["keep.html"])


class DamagedRowsTest(Tmp):
    """Item 5: a damaged row is skipped with one warning naming it; the rest of the
    report is built."""

    def test_damaged_rows_are_skipped_and_named(self) -> None:
        sigs = ("aaaa000000000001", "bbbb000000000002", "cccc000000000003",
                "dddd000000000004", "eeee000000000005")
        plain_store(self.db, sigs=sigs)
        with store.open_store(self.db) as st:
            st.begin_campaign(name="second", config={}, git_rev=None, host=None,
                              reqsim_build=None)
        con = sqlite3.connect(self.db)
        con.execute("UPDATE violations SET sites='{' WHERE signature=?", (sigs[1],))
        con.execute("UPDATE violations SET trace_jsonl=CAST(trace_jsonl AS TEXT) "
                    "WHERE signature=?", (sigs[2],))
        con.execute("UPDATE violations SET trace_perfetto=x'789c0102030405' "
                    "WHERE signature=?", (sigs[3],))
        con.execute("UPDATE violations SET hits='many' WHERE signature=?", (sigs[4],))
        con.execute("UPDATE campaigns SET config='[]' WHERE id=2")
        con.commit()
        con.close()
        out = self.tmp / "site"
        p = run_report("build", "--db", str(self.db), "--out", str(out))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotIn("Traceback", p.stderr)
        warnings = p.stderr.strip().splitlines()
        self.assertEqual(len(warnings), 5, p.stderr)
        for sig in sigs[1:]:
            self.assertEqual(sum(f"violation {sig}" in w for w in warnings), 1, warnings)
        self.assertTrue(any("campaign 2" in w and "config" in w for w in warnings), warnings)
        names = sorted(f.name for f in (out / "violations").iterdir())
        self.assertEqual(names, [f"{sigs[0]}.html"])
        index = (out / "index.html").read_text()
        self.assertIn(sigs[0], index)
        for sig in sigs[1:]:
            self.assertNotIn(sig, index)
        self.assertIn('id="damaged-rows"', index)
        self.assertTrue((out / "campaigns" / "c1.html").is_file())
        links_resolve(self, out)


class QuotingTest(Tmp):
    """Item 7: every printed command is quoted for the shell; --db is named when
    the store is not the checkout's."""

    def test_printed_commands_are_safe_to_paste(self) -> None:
        db = self.tmp / "my store;x.db"
        name = "nightly run; rm -rf x"
        sig = "sig$(touch pwned); touch pwned"
        plain_store(db, argv=["--name", name, "--budget", "5s"], sigs=(sig,))
        out = self.tmp / "site"
        p = run_report("build", "--db", str(db), "--out", str(out))
        self.assertEqual(p.returncode, 0, p.stderr)
        serve = p.stdout.splitlines()[-1].split("serve it: ", 1)[1]
        self.assertEqual(shlex.split(serve)[1:], ["serve", "--out", str(out)])

        def text_of(page: Path, ident: str) -> str:
            m = re.search(rf'id="{ident}">(.*?)</(?:code|pre)>', page.read_text(), re.S)
            self.assertIsNotNone(m, f"{ident} in {page}")
            return html.unescape(m.group(1))
        cmd = text_of(out / "campaigns" / "c1.html", "campaign-command")
        self.assertEqual(shlex.split(cmd), ["tools/campaign.py", "--name", name,
                                            "--budget", "5s"])
        vpage = next((out / "violations").iterdir())
        replay = text_of(vpage, "replay-command").splitlines()
        self.assertEqual(shlex.split(replay[0])[:2], ["build/default/reqsim", "replay"])
        export = replay[2]
        self.assertEqual(shlex.split(export)[:6],
                         ["tools/store.py", "--db", str(db), "export", "--sched", sig])
        jsonl = text_of(vpage, "jsonl-command")
        self.assertEqual(shlex.split(jsonl),
                         ["tools/store.py", "--db", str(db), "export", "--jsonl", sig])
        work = self.tmp / "work"
        work.mkdir()
        (work / "tools").symlink_to(TOOLS)
        for c in (export, jsonl):
            r = subprocess.run(["bash", "-c", c], cwd=work, capture_output=True, text=True,
                               timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertFalse((work / "pwned").exists())
        self.assertEqual((work / shlex.split(export)[-1]).read_text(), "reqsim-schedule 1\n")

    def test_the_checkout_store_needs_no_db(self) -> None:
        self.assertEqual(store.db_args(ROOT / "results" / "reqsim.db"), [])
        self.assertEqual(store.db_args(self.db), ["--db", str(self.db)])


class ServeTest(Tmp):
    """Item 11: serve regular files below the site only: no symlink out of it, no
    directory listing."""

    def test_serve_stays_inside_the_site(self) -> None:
        plain_store(self.db)
        out = self.tmp / "site"
        self.assertEqual(run_report("build", "--db", str(self.db), "--out",
                                    str(out)).returncode, 0)
        secret = self.tmp / "secret.txt"
        secret.write_text("secret")
        (out / "static" / "passwd").symlink_to("/etc/passwd")
        (out / "leak.txt").symlink_to(secret)
        (out / "static" / "up").symlink_to(self.tmp)
        (out / "inside.html").symlink_to(out / "index.html")  # stays inside: served
        srv = subprocess.Popen([sys.executable, str(REPORT), "serve", "--out", str(out),
                                "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
        try:
            line = srv.stdout.readline()
            base = line.split(" at ", 1)[1].split()[0]

            def get(path: str) -> tuple[int, bytes]:
                try:
                    with urllib.request.urlopen(base + path, timeout=30) as r:
                        return r.status, r.read()
                except urllib.error.HTTPError as ex:
                    return ex.code, b""
            self.assertEqual(get("")[0], 200)
            self.assertEqual(get("index.html")[0], 200)
            self.assertEqual(get("inside.html")[0], 200)
            self.assertEqual(get("static/style.css")[0], 200)
            for path in ("static/", "static", "campaigns/", "violations/", "static/passwd",
                         "leak.txt", "static/up/secret.txt", "static/up/", "../secret.txt",
                         "%2e%2e/secret.txt", "static/%00", "nothing.html"):
                with self.subTest(path=path):
                    code, body = get(path)
                    self.assertEqual(code, 404, body[:200])
                    self.assertNotIn(b"secret", body)
                    self.assertNotIn(b"root:", body)
        finally:
            srv.terminate()
            _, err = srv.communicate(timeout=30)
        self.assertNotIn("Traceback", err)


class CommandLineTest(Tmp):
    def test_no_command_is_one_line(self) -> None:
        one_line_error(self, run_report())
        one_line_error(self, run_report("build", "--db", str(self.tmp)))
        one_line_error(self, run_report("build", "--db", str(self.db), "--out", ""))
        plain_store(self.db)
        one_line_error(self, run_report("serve", "--db", str(self.db), "--out",
                                        str(self.tmp / "s"), "--port", "-1"))
        self.assertFalse((self.tmp / "s").exists(), "built before checking --port")


if __name__ == "__main__":
    unittest.main()
