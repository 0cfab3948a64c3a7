#!/usr/bin/env python3
"""Tests of tools/report.py without a browser: every text from the store is
escaped (no element or attribute a hostile store could inject), every relative
link of the site resolves, a long trace is cut, bad input gives one line, and
`serve` listens on 127.0.0.1 only.  Run: python3 tests/test_report.py"""
from __future__ import annotations

import html.parser
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
from pathlib import Path
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
        self.assertIn("tools/store.py export --jsonl 1234abcd5678ef90", page)

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


if __name__ == "__main__":
    unittest.main()
