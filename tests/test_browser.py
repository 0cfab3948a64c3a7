#!/usr/bin/env python3
"""Browser test (ctest label browser): a report built from two real campaigns
and one hostile record is served by `tools/report.py serve` on 127.0.0.1 and
loaded in headless Chromium over the DevTools protocol.  Asserts: no console
error, exception, failed load or HTTP error on any page; the index has its
three SVG trend charts with lines; the campaign page has the run matrix; the
violation page has the swimlane table (one column per thread, key steps
marked), the story and the replay command, and its downloads load; markup
stored in the store is shown as text and never runs.  Screenshots of the
three pages are saved.

Usage: test_browser.py REQSIM [SCREENSHOT_DIR]   (exit 77: no Chromium)
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import cdp  # noqa: E402
import store  # noqa: E402

HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">"
MATRIX = ["--scenarios", "dekker,payload", "--models", "tso,pso", "--archs", "x86",
          "--engines", "pct,random", "--bug-sets",
          "no-mb-after-in-guest-mode;no-wmb-before-request;-", "--jobs", "1"]


def fail(msg: str) -> int:
    print(f"FAIL: {msg}")
    return 1


def make_store(reqsim: str, db: Path) -> None:
    for seed in ("1", "7"):
        p = subprocess.run([sys.executable, str(TOOLS / "campaign.py"), "--reqsim", reqsim,
                            "--no-build", "-q", "--db", str(db), "--schedules", "2000",
                            "--seed", seed, *MATRIX], capture_output=True, text=True,
                           timeout=600)
        if p.returncode != 0:
            raise RuntimeError(f"campaign failed: {p.stderr}")
    with store.open_store(db) as st:
        st.record_finding(campaign_id=None, run_id=None, source=None, v={
            "signature": "00badc0de0000001", "kind": "kind" + HOSTILE,
            "scenario": "scen" + HOSTILE, "model": "tso", "arch": "x86",
            "bugs": HOSTILE, "params": HOSTILE, "message": HOSTILE, "sites": [HOSTILE],
            "origin": HOSTILE, "story": "story " + HOSTILE, "min_schedule": HOSTILE,
            "schedule": HOSTILE,
            "trace_jsonl": json.dumps({"step": 0, "time": 0, "kind": "step", "tid": 0,
                                       "thread": HOSTILE, "op": "load", "loc": HOSTILE,
                                       "value": 1, "text": HOSTILE}) + "\n",
            "decisive": {"key": [0]}})


def main() -> int:
    reqsim = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "build/default/reqsim")
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.gettempdir())
    chromium = cdp.find_chromium()
    if chromium is None:
        print("skip: no chromium (apt-get install chromium; tools/bootstrap.sh does it)")
        return 77
    shots.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="reqsim-browser-"))
    server = None
    browser = None
    failures = 0
    try:
        db, site = tmp / "r.db", tmp / "report"
        make_store(reqsim, db)
        # the dekker violation (its signature hashes source sites, so it moves
        # when the core's line numbers do: looked up, not written down)
        with store.open_store(db, readonly=True) as st:
            row = st.q1("SELECT signature FROM violations WHERE scenario='dekker' AND "
                        "kind='missed-request' AND bugs='no-mb-after-in-guest-mode' "
                        "ORDER BY id LIMIT 1")
        if row is None:
            return fail("the campaigns found no dekker missed-request")
        dekker = row["signature"]
        p = subprocess.run([sys.executable, str(TOOLS / "report.py"), "build", "--db", str(db),
                            "--out", str(site)], capture_output=True, text=True, timeout=300)
        if p.returncode != 0:
            return fail(f"report build: {p.stderr}")
        server = subprocess.Popen([sys.executable, str(TOOLS / "report.py"), "serve", "--out",
                                   str(site), "--port", "0", "--verbose"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = server.stdout.readline()
        if "http://127.0.0.1:" not in line:
            return fail(f"serve did not say where it listens on 127.0.0.1: {line!r}")
        base = line.split(" at ", 1)[1].split()[0]
        browser = cdp.Browser(chromium, tmp / "chromium.log")
        s = browser.open_page()

        def check(cond: bool, what: str) -> None:
            nonlocal failures
            if not cond:
                failures += 1
                print(f"FAIL: {what}")

        def visit(path: str, shot: str) -> None:
            browser.navigate(s, base + path)
            probs = browser.problems(s)
            check(not probs, f"{path}: browser problems: {probs}")
            check(browser.eval(s, "window.__pwned === undefined"),
                  f"{path}: stored markup ran as script")
            browser.screenshot(s, shots / shot)
            print(f"screenshot {shots / shot}")

        visit("index.html", "report-index.png")
        check(browser.eval(s, "document.querySelectorAll('svg.chart').length") == 3,
              "index: three trend charts")
        check(browser.eval(s, "document.querySelectorAll('svg.chart polyline').length") >= 3,
              "index: the charts have lines")
        check(browser.eval(s, "document.querySelectorAll('#campaigns tbody tr').length") == 2,
              "index: two campaigns listed")
        check(browser.eval(s, "document.body.innerText.includes('scen<script>')"),
              "index: a hostile scenario name is shown as text")

        visit("campaigns/c1.html", "report-campaign.png")
        check(browser.eval(s, "!!document.querySelector('table#matrix')"), "campaign: matrix")
        check(browser.eval(s, "document.querySelectorAll('#matrix td.st-violations').length")
              > 0, "campaign: matrix cells with violations")
        check(browser.eval(s, "document.querySelectorAll('#matrix td.st-clean').length") > 0,
              "campaign: clean matrix cells")

        visit(f"violations/{dekker}.html", "report-violation.png")
        ths = browser.eval(s, "[...document.querySelectorAll('#swimlanes thead th')]"
                              ".map(t => t.textContent)")
        check(ths == ["step", "time", "vcpu0", "req0", "events"],
              f"violation: one swimlane column per thread, got {ths}")
        check(browser.eval(s, "document.querySelectorAll('#swimlanes tr.key').length") >= 3,
              "violation: decisive steps highlighted")
        check("step" in (browser.eval(s, "document.getElementById('story').innerText") or ""),
              "violation: story sentence")
        cmd = browser.eval(s, "document.getElementById('replay-command').innerText") or ""
        check("reqsim replay" in cmd and ".min.sched" in cmd, f"violation: replay cmd {cmd!r}")
        for link in ("dl-sched", "dl-perfetto"):
            href = browser.eval(s, f"document.getElementById('{link}').href")
            name = browser.eval(s, f"document.getElementById('{link}').download")
            check(bool(name) and (name.endswith(".min.sched") or name.endswith(".json")),
                  f"download {link} has a file name: {name!r}")
            try:
                with urllib.request.urlopen(href, timeout=30) as r:
                    body = r.read()
                check(len(body) > 0, f"download {link}")
                if link == "dl-perfetto":
                    check("traceEvents" in json.loads(body), "perfetto download is JSON")
                else:
                    check(body.startswith(b"reqsim-schedule"), "sched download")
            except OSError as ex:
                check(False, f"download {link}: {ex}")

        visit("violations/00badc0de0000001.html", "report-hostile.png")
        check(browser.eval(s, "document.querySelectorAll('script, img').length") == 0,
              "hostile record: no script or img element")
        check(browser.eval(s, "document.getElementById('story').innerText")
              == "story " + HOSTILE, "hostile record: story shown verbatim as text")
    except (cdp.CdpError, RuntimeError, OSError) as ex:
        return fail(str(ex))
    finally:
        if browser is not None:
            browser.close()
        if server is not None:
            server.terminate()
            try:
                _, err = server.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                _, err = server.communicate()
            bad = [ln for ln in err.splitlines() if '" 404 ' in ln or '" 500 ' in ln]
            if bad:
                failures += 1
                print(f"FAIL: server errors: {bad[:5]}")
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        return 1
    print("browser: report pages load without errors; charts, matrix, swimlanes present")
    return 0


if __name__ == "__main__":
    sys.exit(main())
