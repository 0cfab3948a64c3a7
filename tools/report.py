#!/usr/bin/env python3
"""report.py: a static HTML site built from the reqsim store.

    tools/report.py build [--db results/reqsim.db] [--out results/report]
    tools/report.py serve [--out results/report] [--port 8000] [--db DB]

Both defaults are relative to the current directory (not to the checkout).

`build` writes, from the store only (templates and assets from reports/):
  index.html              totals, trend charts (violations found, executions,
                          coverage per campaign, inline SVG), campaigns, the
                          latest violations
  violations.html         every violation
  campaigns/cN.html       a campaign: its configuration, progress chart, the
                          run matrix coloured by status with the time to the
                          first violation per cell, the violations it saw
  violations/SIG.html     a violation: its story, the interleaving as
                          swimlanes (one column per thread, the decisive
                          steps highlighted), the minimized schedule, the
                          exact replay command, and downloads of the .sched
                          and the Perfetto trace (data: links in the page:
                          one file per violation keeps big sites fast)
Every text that comes from the store is HTML-escaped: a scenario name or a
trace line holding markup renders as text.  Every command shown is quoted
for the shell (and names --db unless the store is the checkout's
results/reqsim.db).  Links are relative: the site works from disk.

The store is opened read-only (store.py: nothing is written to it or next to
it; a store in a directory the user cannot write works).  A damaged row (see
`tools/store.py check`) is skipped with one warning line naming it, and the
rest of the report is built; the index says how many were skipped.  --out
must be missing, empty or a report built before, must not hold the store
and must not overlap reports/; every file is written through a temporary
file and a rename.

`serve` serves the site on 127.0.0.1 only (never another interface): regular
files under the site directory only (a symlink that leads out of it is
refused), no directory listings (404); with --db it builds first.

Exit status: 0 ok, 2 usage error or bad store (one line on stderr, never a
traceback).
Standard library only.
"""
from __future__ import annotations

import argparse
import base64
import concurrent.futures
import errno
import functools
import html
import http.server
import io
import json
import math
import os
import re
import signal
import stat
import string
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
import safeio  # noqa: E402
import store as storemod  # noqa: E402
import story as storymod  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
REPORTS = REPO_ROOT / "reports"
# relative: the report of the directory the tool runs in, not of the checkout
DEFAULT_OUT = Path("results") / "report"
INDEX_VIOLATIONS = 200
SWIMLANE_ROWS_MAX = 1500
FINDINGS_SHOWN = 100
PARALLEL_MIN = 200  # violations from which pages are built by several processes
EXIT_OK, EXIT_ERROR = 0, 2


class ReportError(Exception):
    pass


def e(x: Any) -> str:
    """Escape any store text for HTML (element content and attribute values)."""
    return _esc(x if isinstance(x, str) else "" if x is None else str(x))


@functools.lru_cache(maxsize=1 << 14)
def _esc(s: str) -> str:
    return html.escape(s, quote=True)


@functools.lru_cache(maxsize=None)
def template(name: str) -> string.Template:
    path = REPORTS / "templates" / name
    try:
        return string.Template(path.read_text(encoding="utf-8"))
    except OSError as ex:
        raise ReportError(f"{path}: cannot read template ({ex.strerror})") from None


def fill(tname: str, **kw: str) -> str:
    try:
        return template(tname).substitute(**kw)
    except (KeyError, ValueError) as ex:
        raise ReportError(f"template {tname}: bad placeholder ({ex})") from None


def page(title: str, body: str, *, root: str, crumbs: Sequence[tuple[str, str | None]],
         ctx: dict[str, str], stamp: bool = False) -> str:
    """A whole page.  Only stamped pages (the index and the list of all
    violations) carry the build time, so that a rebuild rewrites only the
    pages whose content changed."""
    cr = "".join(f'<span class="crumb">{f"<a href={q(href)}>{e(t)}</a>" if href else e(t)}'
                 f"</span>" for t, href in crumbs)
    return fill("page.html", title=e(title), root=root, crumbs=cr, body=body,
                store=e(ctx["store"]),
                generated=f" at {e(ctx['generated'])}" if stamp else "")


def q(href: str) -> str:
    """A quoted attribute value for a link we built ourselves (still escaped)."""
    return '"' + e(href) + '"'


def safe_name(s: str, n: int = 40) -> str:
    return re.sub(r"[^0-9A-Za-z_.-]", "_", s)[:n] or "_"


def violation_slug(row: Any) -> str:
    sig = str(row["signature"])
    return sig if re.fullmatch(r"[0-9A-Za-z]{1,64}", sig) else f"v{int(row['id'])}"


# ---- charts ------------------------------------------------------------------------------

def _nice_ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 5, 10) if m * mag >= raw), default=raw)
    start = math.floor(lo / step) * step
    ticks, t = [], start
    while t <= hi + step * 0.5 and len(ticks) < 12:
        if t >= lo - 1e-9:
            ticks.append(t)
        t += step
    return ticks


def line_chart(title: str, series: Sequence[tuple[str, str, Sequence[tuple[float, float]]]],
               *, x_kind: str = "time", width: int = 420, height: int = 210,
               chart_id: str = "", empty: str = "no data yet", step: bool = False) -> str:
    """An inline SVG line chart.  series: (label, colour, [(x, y)]); x_kind: 'time'
    (unix seconds, drawn as dates), 'seconds' (elapsed) or 'index'."""
    L, R, T, B = 52, 12, 42, 30
    pts_all = [p for _, _, pts in series for p in pts]
    out = [f'<svg class="chart" id="{e(chart_id)}" role="img" width="{width}" '
           f'height="{height}" viewBox="0 0 {width} {height}" '
           f'xmlns="http://www.w3.org/2000/svg">',
           f'<title>{e(title)}</title>',
           f'<text class="title" x="{L}" y="16">{e(title)}</text>']
    if not pts_all:
        out.append(f'<text class="empty" x="{width / 2:.0f}" y="{height / 2:.0f}" '
                   f'text-anchor="middle">{e(empty)}</text></svg>')
        return "".join(out)
    xs = [p[0] for p in pts_all]
    ys = [p[1] for p in pts_all]
    x0, x1 = min(xs), max(xs)
    if x1 == x0:
        x0, x1 = x0 - 1, x1 + 1
    y1 = max(ys) if max(ys) > 0 else 1
    yt = _nice_ticks(0, y1)
    y1 = max(y1, yt[-1])
    pw, ph = width - L - R, height - T - B

    def sx(x: float) -> float:
        return L + (x - x0) / (x1 - x0) * pw

    def sy(y: float) -> float:
        return T + ph - (y / y1) * ph

    for t in yt:
        y = sy(t)
        out.append(f'<line class="grid" x1="{L}" y1="{y:.1f}" x2="{L + pw}" y2="{y:.1f}"/>')
        out.append(f'<text class="tick" x="{L - 4}" y="{y + 3:.1f}" text-anchor="end">'
                   f'{e(storemod.fmt_count(t))}</text>')
    out.append(f'<line class="axis" x1="{L}" y1="{T + ph}" x2="{L + pw}" y2="{T + ph}"/>')
    out.append(f'<line class="axis" x1="{L}" y1="{T}" x2="{L}" y2="{T + ph}"/>')
    for i in range(3):
        xv = x0 + (x1 - x0) * i / 2
        if x_kind == "time":
            lab = time.strftime("%m-%d %H:%M", time.gmtime(xv))
        elif x_kind == "seconds":
            lab = storemod.fmt_duration(xv)
        else:
            lab = f"{xv:.0f}"
        anchor = ("start", "middle", "end")[i]
        out.append(f'<text class="tick" x="{sx(xv):.1f}" y="{T + ph + 14}" '
                   f'text-anchor="{anchor}">{e(lab)}</text>')
    for k, (label, colour, pts) in enumerate(series):
        if not pts:
            continue
        pts = sorted(pts)
        coords: list[str] = []
        prev_y = None
        for x, y in pts:
            if step and prev_y is not None:
                coords.append(f"{sx(x):.1f},{sy(prev_y):.1f}")
            coords.append(f"{sx(x):.1f},{sy(y):.1f}")
            prev_y = y
        out.append(f'<polyline class="line" stroke="{e(colour)}" points="{" ".join(coords)}">'
                   f'<title>{e(label)}</title></polyline>')
        if len(pts) <= 60:
            for x, y in pts:
                out.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="2.5" '
                           f'fill="{e(colour)}"><title>{e(label)}: '
                           f'{e(storemod.fmt_count(y))}</title></circle>')
        out.append(f'<text class="tick legend" x="{L + 150 * k}" y="32" '
                   f'fill="{e(colour)}">\u25a0 {e(label)}</text>')
    out.append("</svg>")
    return "".join(out)


STATUS_COLOURS = {"reproduces": "#c0392b", "unfit-found": "#e67e22", "fixed": "#2e8b57",
                  "unfit-gone": "#6fb98f", "config-gone": "#95a5a6", "other": "#8e44ad",
                  "error": "#7f8c8d"}
STATE_COLOURS = {"open": "#c0392b", "fixed": "#2e8b57", "regressed": "#8e44ad"}


def status_timeline(events: Sequence[storemod.Event], *, width: int = 640, height: int = 180,
                    chart_id: str = "chart-status") -> str:
    """An inline SVG timeline of a violation's status on each build: one mark
    per campaign, in campaign order, placed by its start time (marks closer
    than a few pixels are pushed apart), coloured by the status and labelled
    with the build's commit; the line between marks is coloured by the
    lifecycle state (open, fixed, regressed).  Same classes as line_chart; no
    script."""
    L, R = 20, 110
    title = "Status across builds"
    out = [f'<svg class="chart" id="{e(chart_id)}" role="img" width="{width}" '
           f'height="{height}" viewBox="0 0 {width} {height}" '
           f'xmlns="http://www.w3.org/2000/svg">',
           f'<title>{e(title)}</title>',
           f'<text class="title" x="{L}" y="16">{e(title)}</text>']
    if not events:
        out.append(f'<text class="empty" x="{width / 2:.0f}" y="{height / 2:.0f}" '
                   f'text-anchor="middle">{e("no status recorded yet")}</text></svg>')
        return "".join(out)

    def when(ev: storemod.Event) -> float:
        for t in (ev.started, ev.t):
            if isinstance(t, (int, float)) and not isinstance(t, bool) and t == t \
                    and abs(t) < 1e13:
                return float(t)
        return 0.0
    xs = [when(ev) for ev in events]
    for i in range(1, len(xs)):  # campaign order wins over a skewed clock
        xs[i] = max(xs[i], xs[i - 1])
    pw = width - L - R
    n = len(xs)
    if n == 1:
        pos = [L + pw / 2]
    else:
        span = (xs[-1] - xs[0]) or 1.0
        pos = [L + (x - xs[0]) / span * pw for x in xs]
        gap = min(16.0, pw / (n - 1))
        for i in range(1, n):
            pos[i] = max(pos[i], pos[i - 1] + gap)
        if pos[-1] > L + pw:  # pushed past the end: squeeze back in
            k = pw / (pos[-1] - L)
            pos = [L + (x - L) * k for x in pos]
    y, axis_y = 58, height - 30
    out.append(f'<line class="axis" x1="{L}" y1="{axis_y}" x2="{L + pw}" y2="{axis_y}"/>')
    ends = [(0, "start" if n > 1 else "middle")] + ([(n - 1, "end")] if n > 1 else [])
    for i, anchor in ends:
        out.append(f'<text class="tick" x="{pos[i]:.1f}" y="{axis_y + 14}" '
                   f'text-anchor="{anchor}">'
                   f'{e(time.strftime("%Y-%m-%d %H:%M", time.gmtime(xs[i])))}</text>')
    states = storemod.Lifecycle(list(events)).states
    for i in range(n - 1):
        out.append(f'<polyline class="line" stroke="{STATE_COLOURS[states[i]]}" '
                   f'points="{pos[i]:.1f},{y} {pos[i + 1]:.1f},{y}">'
                   f'<title>{e(states[i])}</title></polyline>')
    last_x = -1e9
    for i, ev in enumerate(events):
        colour = STATUS_COLOURS.get(str(ev.status), "#7f8c8d")
        tip = (f"campaign {ev.campaign_id} ({storemod._clean(ev.campaign, 60)}), "
               f"{ev.label}: {ev.status}" + (f" as {ev.other}" if ev.other else "")
               + f" ({ev.how}); then {states[i]}")
        out.append(f'<circle cx="{pos[i]:.1f}" cy="{y}" r="5" fill="{colour}">'
                   f'<title>{e(tip)}</title></circle>')
        if pos[i] - last_x >= 12 or i == n - 1:
            last_x = pos[i]
            lab = storemod._clean(ev.label, 22)
            out.append(f'<text class="tick" x="{pos[i] + 2:.1f}" y="{y + 14}" '
                       f'transform="rotate(40 {pos[i] + 2:.1f} {y + 14})">{e(lab)}</text>')
    seen: list[str] = []
    for ev in events:
        if ev.status in STATUS_COLOURS and ev.status not in seen:
            seen.append(ev.status)
    for k, name in enumerate(seen):
        out.append(f'<text class="tick legend rc-{name}" x="{L + 92 * k}" y="32" '
                   f'fill="{STATUS_COLOURS[name]}">\u25cf {e(name)}</text>')
    out.append("</svg>")
    return "".join(out)


# ---- building blocks ------------------------------------------------------------------------

def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, cls: str = "list",
          num_cols: Sequence[int] = (), table_id: str = "") -> str:
    """rows hold HTML that callers have escaped."""
    idattr = f' id="{e(table_id)}"' if table_id else ""
    h = "".join(f'<th{" class=num" if i in num_cols else ""}>{e(x)}</th>'
                for i, x in enumerate(headers))
    body = []
    for r in rows:
        body.append("<tr>" + "".join(f'<td{" class=num" if i in num_cols else ""}>{c}</td>'
                                     for i, c in enumerate(r)) + "</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(headers)}" class="note">none</td></tr>')
    return (f'<table class="{cls}"{idattr}><thead><tr>{h}</tr></thead><tbody>'
            + "\n".join(body) + "</tbody></table>")


def facts(pairs: Sequence[tuple[str, str]]) -> str:
    """pairs: (label, escaped HTML)."""
    return '<dl class="facts">' + "".join(f"<dt>{e(k)}</dt><dd>{v}</dd>" for k, v in pairs) \
        + "</dl>"


def violations_table(rows: Sequence[Any], root: str, *, table_id: str,
                     new_in: int | None = None, new_ids: set[int] | None = None,
                     life: dict[int, storemod.Lifecycle] | None = None) -> str:
    if life is not None:
        return lifecycle_table(rows, root, table_id=table_id, life=life)
    out = []
    for v in rows:
        slug = violation_slug(v)
        badge = (' <span class="badge new">new</span>'
                 if new_ids is not None and int(v["id"]) in new_ids else "")
        out.append([f'<a class="mono" href={q(f"{root}violations/{slug}.html")}>'
                    f'{e(v["signature"])}</a>{badge}',
                    e(v["kind"]), e(v["scenario"]), e(storemod.config_str(v)),
                    e(storemod.fmt_time(v["first_seen"])), e(storemod.fmt_time(v["last_seen"])),
                    e(v["hits"]), e(v["schedule_len"] if v["schedule_len"] is not None else "-"),
                    e(_short(v["story"], 160))])
    return table(["signature", "kind", "scenario", "first config", "first seen", "last seen",
                  "hits", "len", "story"], out, num_cols=(6, 7), table_id=table_id)


def lifecycle_table(rows: Sequence[Any], root: str, *, table_id: str,
                    life: dict[int, storemod.Lifecycle]) -> str:
    """Violations with their status across builds (the index's lists)."""
    out = []
    for v in rows:
        slug = violation_slug(v)
        lc = life.get(int(v["id"])) or storemod.Lifecycle([])
        last = lc.last
        out.append([f'<a class="mono" href={q(f"{root}violations/{slug}.html")}>'
                    f'{e(v["signature"])}</a>',
                    e(v["kind"]), e(v["scenario"]), e(storemod.config_str(v)),
                    e(storemod.fmt_time(v["first_seen"])), e(lc.describe()),
                    (e(last.status) + (f' <code>{e(last.other)}</code>' if last.other else "")
                     + f' on <code>{e(last.label)}</code>') if last else "-"])
    return table(["signature", "kind", "scenario", "first config", "first seen", "status",
                  "last re-check"], out, table_id=table_id)


def _short(s: Any, n: int) -> str:
    t = "" if s is None else " ".join(str(s).split())
    return t if len(t) <= n else t[: n - 1] + "\u2026"


# ---- pages --------------------------------------------------------------------------------------

def build_index(st: storemod.Store, camps: list[Any], viols: list[Any], ctx: dict[str, str]
                ) -> str:
    execs = sum(int(c["executions"] or 0) for c in camps)
    runs = sum(int(c["nruns"] or 0) for c in camps)
    kinds = len({v["kind"] for v in viols})
    totals = "".join(
        f'<div class="total"><span class="n">{e(n)}</span><span class="l">{e(l)}</span></div>'
        for n, l in ((len(camps), "campaigns"), (storemod.fmt_count(runs), "runs"),
                     (storemod.fmt_count(execs), "executions"),
                     (len(viols), "distinct violations"), (kinds, "violation kinds")))
    if ctx.get("damaged"):
        check = storemod.shell_join(["tools/store.py", *storemod.db_args(ctx.get("db")),
                                     "check"])
        totals += (f'<p class="note" id="damaged-rows">{e(ctx["damaged"])} damaged row(s) of '
                   f"the store were skipped (each named in a warning of the build); "
                   f"<code>{e(check)}</code> lists them.</p>")
    # trends, one point per campaign (at its start)
    firsts = sorted(float(v["first_seen"]) for v in viols)
    cum, k = [], 0
    for c in camps:
        end = float(c["ended"] or c["started"] + (c["elapsed"] or 0))
        while k < len(firsts) and firsts[k] <= end + 1e-6:
            k += 1
        cum.append((float(c["started"]), float(k)))
    found = [(float(c["started"]), float(c["nviolations"] or 0)) for c in camps]
    charts = [
        line_chart("Violations found", [("distinct, all time", "#c0392b", cum),
                                        ("seen in campaign", "#e67e22", found)],
                   chart_id="chart-violations"),
        line_chart("Executions per campaign",
                   [("executions", "#24427a",
                     [(float(c["started"]), float(c["executions"] or 0)) for c in camps])],
                   chart_id="chart-executions"),
        line_chart("Coverage (fuzzer engines)",
                   [("max coverage", "#2e8b57",
                     [(float(c["started"]), float(c["coverage"])) for c in camps
                      if c["coverage"] is not None])],
                   chart_id="chart-coverage",
                   empty="no coverage data: only libFuzzer/AFL++ cells report coverage"),
    ]
    crow = []
    for c in reversed(camps):
        chref = "campaigns/c%d.html" % int(c["id"])
        crow.append([f'<a href={q(chref)}>{e(c["id"])}</a>',
                     e(c["name"]), e(storemod.fmt_time(c["started"])),
                     f'<span class="st-{safe_name(str(c["status"]))}">{e(c["status"])}</span>',
                     e(storemod.fmt_duration(c["elapsed"])), f'<code>{e(c["git_rev"])}</code>',
                     e(c["host"]), e(c["nruns"]), e(storemod.fmt_count(c["executions"])),
                     e(c["nviolations"]), e(c["nnew"])])
    camp_table = table(["id", "name", "started", "status", "elapsed", "git", "host", "cells",
                        "executions", "violations", "new"], crow, num_cols=(7, 8, 9, 10),
                       table_id="campaigns")
    latest = list(reversed(viols))[:INDEX_VIOLATIONS]
    note = (f"The {len(latest)} most recently found of {len(viols)}; "
            f'<a href="violations.html">all violations</a>.')
    status = status_lists(st, camps, viols)
    body = fill("index.html", totals=totals, charts="\n".join(charts), campaigns=camp_table,
                status=status,
                violations=violations_table(latest, "", table_id="violations"),
                violations_note=note)
    return page("reqsim results", body, root="", crumbs=[], ctx=ctx, stamp=True)


def status_lists(st: storemod.Store, camps: list[Any], viols: list[Any]) -> str:
    """The index's three lists: new since the previous campaign (first seen by
    the latest campaign), fixed since the previous campaign (fixed on the
    latest campaign's build), still open (open or regressed, and not new);
    the previous campaign is the one before the latest, by id."""
    life = st.lifecycles()
    ids = sorted(int(c["id"]) for c in camps)
    latest = ids[-1] if ids else None
    prev = ids[-2] if len(ids) > 1 else None
    after = prev if prev is not None else 0

    def first_after(v: Any) -> bool:
        fc = v["first_campaign_id"]
        return isinstance(fc, int) and fc > after
    new = [v for v in viols if first_after(v)]
    fixed = [v for v in viols if life.get(int(v["id"])) is not None
             and life[int(v["id"])].state == "fixed"
             and life[int(v["id"])].fixed_in is not None
             and life[int(v["id"])].fixed_in.campaign_id > after]
    new_ids = {int(v["id"]) for v in new}
    still = [v for v in viols if int(v["id"]) not in new_ids
             and (life.get(int(v["id"])) is None
                  or life[int(v["id"])].state in ("open", "regressed"))]
    since = (f"campaign {prev}" if prev is not None else "the start")
    parts = []
    for title, rows, tid in ((f"New since the previous campaign ({since})", new,
                              "new-violations"),
                             (f"Fixed since the previous campaign ({since})", fixed,
                              "fixed-violations"),
                             ("Still open", still, "open-violations")):
        shown = list(reversed(rows))[:INDEX_VIOLATIONS]
        more = (f' <span class="note">(the {len(shown)} latest of {len(rows)}; '
                f'<a href="violations.html">all violations</a>)</span>'
                if len(shown) < len(rows) else "")
        parts.append(f"<h2>{e(title)}: {len(rows)}{more}</h2>"
                     + violations_table(shown, "", table_id=tid, life=life))
    if latest is None:
        return '<p class="note">no campaign yet</p>'
    return "\n".join(parts)


def build_all_violations(viols: list[Any], ctx: dict[str, str]) -> str:
    body = fill("violations.html", count=e(len(viols)),
                violations=violations_table(viols, "", table_id="violations"))
    return page("all violations", body, root="", crumbs=[("violations", None)], ctx=ctx,
                stamp=True)


def run_status(r: Any) -> str:
    stv = str(r["state"])
    if stv == "violations" and r["expected"] == "Never":
        return "unexpected"
    if stv == "clean" and r["expected"] == "Sometimes":
        return "missed"
    return stv if stv in ("clean", "violations", "running", "pending", "error",
                          "interrupted") else "none"


LEGEND = [("clean", "clean"), ("violations", "violation found"),
          ("missed", "clean, but the verdict table says Sometimes"),
          ("unexpected", "violation where the verdict table says Never"),
          ("running", "running"), ("pending", "not run"), ("interrupted", "interrupted"),
          ("error", "error")]


def _num(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and x == x \
        and abs(x) != float("inf")


def build_campaign(st: storemod.Store, c: Any, ctx: dict[str, Any],
                   sk: storemod.Skipper | None = None) -> str:
    sk = sk or storemod.Skipper("report.py")
    skipped: set[int] = ctx.get("skipped_violations", set())
    cid = int(c["id"])
    runs = sk.keep("runs", st.runs(cid))
    try:
        cfg = json.loads(c["config"] or "{}")
    except json.JSONDecodeError:
        cfg = {}
    if not isinstance(cfg, dict):
        cfg = {}
    execs = sum(int(r["executions"] or 0) for r in runs)
    states: dict[str, int] = {}
    for r in runs:
        states[run_status(r)] = states.get(run_status(r), 0) + 1
    budget = (storemod.fmt_duration(cfg["budget_s"]) if _num(cfg.get("budget_s"))
              and cfg["budget_s"] else f'{cfg.get("schedules")} schedules per cell'
              if cfg.get("schedules") else "-")
    fl = [("status", e(c["status"])), ("started", e(storemod.fmt_time(c["started"]))),
          ("ended", e(storemod.fmt_time(c["ended"]))),
          ("elapsed", e(storemod.fmt_duration(c["elapsed"]))), ("budget", e(budget)),
          ("cores", e(cfg.get("jobs", "-"))), ("base seed", e(cfg.get("seed", "-"))),
          ("engines", e(cfg.get("engines", "-"))), ("scenarios", e(cfg.get("scenarios", "-"))),
          ("models", e(cfg.get("models", "-"))), ("archs", e(cfg.get("archs", "-"))),
          ("bug sets", e(cfg.get("bug_sets", "-"))),
          ("git revision", f'<code>{e(c["git_rev"])}</code>'), ("host", e(c["host"])),
          ("reqsim build", f'<code>{e(c["reqsim_build"])}</code>'),
          ("cells", e(f"{len(runs)}: " + ", ".join(f"{k} {v}" for k, v in
                                                   sorted(states.items())))),
          ("executions", e(f"{execs:,}"))]
    if isinstance(cfg.get("argv"), list):
        cmd = storemod.shell_join(["tools/campaign.py", *map(str, cfg["argv"])])
        fl.append(("command", f'<code id="campaign-command">{e(cmd)}</code>'))
    # progress over campaign time: executions from the samples, violations from findings
    t0 = float(c["started"])
    deltas: list[tuple[float, float]] = []
    by_run: dict[int, list[Any]] = {}
    for s in sk.keep("samples", st.samples([int(r["id"]) for r in runs])):
        by_run.setdefault(int(s["run_id"]), []).append(s)
    for r in runs:
        rs = by_run.get(int(r["id"]), [])
        base = (float(r["started"]) - t0) if r["started"] else 0.0
        prev = 0
        for s in rs:  # t is the run's own time, cumulative over resumed sessions
            deltas.append((base + float(s["t"]), float(int(s["executions"]) - prev)))
            prev = int(s["executions"])
    deltas.sort()
    cum_e, tot = [], 0.0
    for t, d in deltas:
        tot += d
        cum_e.append((max(t, 0.0), tot))
    cum_e = _thin(cum_e, 300)
    fnd = st.q("SELECT violation_id, MIN(found) AS t FROM findings WHERE campaign_id=? "
               "AND typeof(found) IN ('integer', 'real') GROUP BY violation_id ORDER BY t",
               (cid,))
    fnd = [f for f in fnd if int(f["violation_id"]) not in skipped]
    cum_v = [(max(0.0, float(f["t"]) - t0), float(i + 1)) for i, f in enumerate(fnd)]
    charts = [line_chart("Executions over the campaign", [("executions", "#24427a", cum_e)],
                         x_kind="seconds", chart_id="chart-campaign-executions", step=True),
              line_chart("Distinct violations over the campaign",
                         [("violations", "#c0392b", cum_v)], x_kind="seconds",
                         chart_id="chart-campaign-violations", step=True,
                         empty="no violation found")]
    # the matrix
    cols = sorted({(r["engine"], r["model"], r["arch"]) for r in runs},
                  key=lambda k: (_order(k[0], ("pct", "random", "dfs", "libfuzzer", "afl")),
                                 _order(k[1], ("sc", "tso", "pso", "wmm")),
                                 _order(k[2], ("x86", "arm64"))))
    rowkeys: list[tuple[str, str, str]] = []
    cells: dict[tuple[str, str, str], dict[tuple[str, str, str], Any]] = {}
    for r in runs:
        rk = (r["scenario"], r["params"] or "", r["bugs"] or "")
        if rk not in cells:
            rowkeys.append(rk)
            cells[rk] = {}
        cells[rk][(r["engine"], r["model"], r["arch"])] = r
    head1 = "".join(f"<th>{e(k[0])}<br>{e(k[1])} {e(k[2])}</th>" for k in cols)
    rows_html = []
    for rk in rowkeys:
        tds = []
        for k in cols:
            r = cells[rk].get(k)
            if r is None:
                tds.append('<td class="st-none">\u00b7</td>')
                continue
            stc = run_status(r)
            if r["first_violation_s"] is not None:
                txt = storemod.fmt_duration(r["first_violation_s"])
            elif r["state"] in ("clean", "violations"):
                txt = storemod.fmt_count(r["executions"]) + " ok"
            else:
                txt = str(r["state"])
            tip = (f"cell {r['cell']}: {r['engine']} {r['scenario']} {storemod.config_str(r)}\n"
                   f"state {r['state']}, expected {r['expected'] or '-'}\n"
                   f"{int(r['executions'] or 0):,} executions in "
                   f"{storemod.fmt_duration(r['seconds'])}, {r['findings']} distinct "
                   f"violation(s)\nfirst violation after "
                   f"{storemod.fmt_duration(r['first_violation_s'])}"
                   + (f" ({int(r['first_violation_execs']):,} executions)"
                      if r["first_violation_execs"] is not None else "")
                   + (f"\ncoverage {r['coverage']}" if r["coverage"] is not None else "")
                   + (f"\n{r['detail']}" if r["detail"] else ""))
            tds.append(f'<td class="st-{stc}" title="{e(tip)}">{e(txt)}</td>')
        label = e(rk[0]) + (f" <span class=mono>{e(rk[1])}</span>" if rk[1] else "") + \
            f" <span class=mono>{e(rk[2] or '-')}</span>"
        rows_html.append(f'<tr><th class="row">{label}</th>{"".join(tds)}</tr>')
    matrix = (f'<table class="matrix" id="matrix"><thead><tr><th>scenario, params, bugs</th>'
              f'{head1}</tr></thead><tbody>' + "\n".join(rows_html) + "</tbody></table>")
    legend = '<div class="legend">' + "".join(f'<span class="st-{k}">{e(t)}</span>'
                                              for k, t in LEGEND) + "</div>"
    vs = [v for v in sk.keep("violations", st.violations(cid)) if int(v["id"]) not in skipped]
    new_ids = {int(r[0]) for r in st.q("SELECT violation_id FROM findings WHERE "
                                       "campaign_id=? AND new=1 AND typeof(violation_id)="
                                       "'integer'", (cid,))}
    body = fill("campaign.html", id=e(cid), name=e(c["name"]), facts=facts(fl),
                charts="\n".join(charts), legend=legend, matrix=matrix,
                violations=violations_table(vs, "../", table_id="violations",
                                            new_ids=new_ids))
    return page(f"campaign {cid}", body, root="../", crumbs=[(f"campaign {cid}", None)],
                ctx=ctx)


def _order(v: str, seq: Sequence[str]) -> tuple[int, str]:
    return (seq.index(v) if v in seq else len(seq), v)


def _thin(pts: list[tuple[float, float]], n: int) -> list[tuple[float, float]]:
    if len(pts) <= n:
        return pts
    step = len(pts) / n
    out = [pts[int(i * step)] for i in range(n)]
    out.append(pts[-1])
    return out


STAR, EMPTY = "\u2605 ", "<td></td>"


def swimlanes(recs: list[dict[str, Any]], omitted: list[tuple[int, int]], key: set[int],
              viol: Any) -> str:
    threads: dict[int, str] = {}
    for r in recs:
        if r.get("kind") != "event" and isinstance(r.get("tid"), int):
            threads.setdefault(int(r["tid"]), str(r.get("thread", f"t{r['tid']}")))
    order = sorted(threads)
    col = {t: i for i, t in enumerate(order)}
    ncol = len(order) + 1  # threads, then events
    head = ("<tr><th>step</th><th>time</th>" + "".join(f"<th>{e(threads[t])}</th>"
                                                      for t in order)
            + "<th>events</th></tr>")
    rows = []
    gaps = dict(omitted)
    shown = recs[:SWIMLANE_ROWS_MAX]
    for r in shown:
        step = int(r["step"])
        is_key = step in key
        cls = ("named key" if is_key else "named") if storymod.is_named(r) else \
            ("key" if is_key else "")
        text = e(r.get("text") or r.get("label") or r.get("op") or "")
        if r.get("kind") == "event" or r.get("tid") not in col:
            i, cell = ncol - 1, f'<td class="ev">{text}</td>'
        else:
            i, cell = col[r["tid"]], f"<td>{text}</td>"
        star = STAR if is_key else ""
        rows.append(f'<tr class="{cls}" id="step-{step}"><td class="step">'
                    f'{star}{step}</td><td class="time">'
                    f'{e(r.get("time", ""))}</td>{EMPTY * i}{cell}'
                    f'{EMPTY * (ncol - 1 - i)}</tr>')
        if step in gaps:
            rows.append(f'<tr class="omitted"><td colspan="{ncol + 2}">'
                        f'{e(gaps[step])} steps omitted</td></tr>')
    if len(recs) > len(shown):
        rows.append(f'<tr class="omitted"><td colspan="{ncol + 2}">'
                    f'{len(recs) - len(shown)} more steps: download the trace</td></tr>')
    if viol is not None and viol["step"] is not None:
        rows.append(f'<tr class="violation"><td class="step">{e(viol["step"])}</td><td></td>'
                    f'<td colspan="{ncol}">VIOLATION {e(viol["kind"])}: '
                    f'{e(viol["message"])}</td></tr>')
    return (f'<table class="swimlanes" id="swimlanes"><thead>{head}</thead><tbody>'
            + "\n".join(rows) + "</tbody></table>")


def parse_trace(text: str) -> tuple[list[dict[str, Any]], list[tuple[int, int]]]:
    """Records, and (after step, count) of the omission marks a long trace carries."""
    lines: list[str] = []
    marks: list[tuple[int, int]] = []  # (index of the record before, count)
    for line in text.splitlines():
        if line.startswith("{"):
            lines.append(line)
        else:
            m = re.match(r"#\s*(\d+) steps omitted", line)
            if m and lines:
                marks.append((len(lines) - 1, int(m.group(1))))
    try:
        recs = json.loads("[" + ",".join(lines) + "]")  # one parse: fast
    except json.JSONDecodeError:
        recs = None
    if not isinstance(recs, list) or not all(isinstance(r, dict) for r in recs):
        return storymod.parse_jsonl(text), []
    recs = [r for r in recs if isinstance(r.get("step"), int)]
    if len(recs) != len(lines):
        return recs, []
    return recs, [(int(recs[i]["step"]), n) for i, n in marks]


def build_violation(st: storemod.Store, v: Any, ctx: dict[str, Any],
                    sk: storemod.Skipper | None = None) -> str:
    sk = sk or storemod.Skipper("report.py")
    camps: set[int] | None = ctx.get("campaigns")

    def camp_link(cid: Any, text: str) -> str:
        if isinstance(cid, int) and (camps is None or cid in camps):
            return f'<a href={q(camp_href(cid))}>{text}</a>'
        return text
    slug = violation_slug(v)
    sched_name = storemod.sched_filename(v)
    base = sched_name[: -len(".min.sched")]
    # Downloads are data: URLs inside the page (one file per violation, not
    # three: a site of 10,000 violations writes far fewer files)
    downloads = []
    if v["min_schedule"] or v["schedule"]:
        downloads.append(f'<a download="{e(sched_name)}" id="dl-sched" '
                         f'href="{data_url(v["min_schedule"] or v["schedule"], "text/plain")}">'
                         f"minimized schedule ({e(sched_name)})</a>")
    perfetto = storemod.decompress(v["trace_perfetto"])
    if perfetto:
        downloads.append(f'<a download="{e(base)}.perfetto.json" id="dl-perfetto" '
                         f'href="{data_url(perfetto, "application/json")}">Perfetto trace</a> '
                         "(open in ui.perfetto.dev)")
    jsonl = storemod.decompress(v["trace_jsonl"]) or ""
    if jsonl:
        cmd = storemod.export_command(ctx.get("db"), v["signature"], "jsonl")
        downloads.append(f'JSON-lines trace: <code id="jsonl-command">{e(cmd)}</code>')
    try:
        dec = json.loads(v["decisive"] or "{}")
    except json.JSONDecodeError:
        dec = {}
    keys = dec.get("key") if isinstance(dec, dict) else None
    key = {k for k in keys if isinstance(k, int)} if isinstance(keys, list) else set()
    recs, omitted = parse_trace(jsonl)
    if recs:
        lanes = swimlanes(recs, omitted, key, v)
    else:
        lanes = '<p class="note" id="swimlanes">no trace stored</p>'
    try:
        sites = json.loads(v["sites"] or "[]")
    except json.JSONDecodeError:
        sites = []
    fl = [("message", e(v["message"])),
          ("sites", "<br>".join(f"<code>{e(s)}</code>" for s in sites) or "-"),
          ("scenario", e(v["scenario"])),
          ("first configuration", e(storemod.config_str(v))),
          ("first seen", e(storemod.fmt_time(v["first_seen"]))
           + (" in " + camp_link(v["first_campaign_id"],
                                 f'campaign {e(v["first_campaign_id"])}')
              if v["first_campaign_id"] else "")
           + f' by {e(v["engine"] or "?")}'),
          ("found by", f'<code>{e(v["origin"])}</code>'),
          ("last seen", e(storemod.fmt_time(v["last_seen"]))), ("hits", e(v["hits"])),
          ("schedule", e(f'{v["orig_len"] if v["orig_len"] is not None else "?"} -> '
                         f'{v["schedule_len"] if v["schedule_len"] is not None else "?"} '
                         f'decisions after minimizing, '
                         f'{v["steps"] if v["steps"] is not None else "?"} steps')),
          ("trace hash", f'<code>{e(v["trace_hash"])}</code>'),
          ("signature", f'<code>{e(v["signature"])}</code>')]
    replay = (storemod.replay_command(v, sched_name) + "\n"
              "# or, from the store:\n"
              + storemod.export_command(ctx.get("db"), v["signature"], "sched", sched_name))
    events = st.status_events(int(v["id"])).get(int(v["id"]), [])
    lc = storemod.lifecycle(events)
    fl.insert(0, ("status", f'<span id="lifecycle">{e(lc.describe())}</span>'))
    srows = []
    for ev in events:
        srows.append([camp_link(ev.campaign_id, e(f"{ev.campaign_id} {ev.campaign or ''}")),
                      e(storemod.fmt_time(ev.started if isinstance(ev.started, (int, float))
                                          else None)),
                      f'<code>{e(ev.build or "-")}</code>',
                      f'<code>{e(storemod.commit_label(ev.commit, ev.dirty).replace("?", "-"))}'
                      '</code>',
                      f'<span class="rc-{safe_name(str(ev.status))}">{e(ev.status)}</span>',
                      f'<code>{e(ev.other)}</code>' if ev.other else "-",
                      e(ev.how), e(_short(ev.detail, 200))])
    status = (status_timeline(events) + table(
        ["campaign", "started", "build", "commit", "status", "other signature", "how",
         "detail"], srows, table_id="status-history"))
    frows = []
    for f in sk.keep("findings", st.findings(int(v["id"])))[:FINDINGS_SHOWN]:
        frows.append([e(storemod.fmt_time(f["found"])),
                      (camp_link(f["campaign_id"], e(f["campaign_id"]))
                       if f["campaign_id"] else "-"),
                      e(f["engine"] or "-"),
                      e(storemod.config_str(f) if f["model"] else "-"),
                      e(storemod.fmt_duration(f["t_run"])),
                      f'<code>{e(f["origin"])}</code>',
                      '<span class="badge new">new</span>' if f["new"] else ""])
    body = fill("violation.html", kind=e(v["kind"]), scenario=e(v["scenario"]),
                signature=e(v["signature"]), story=e(v["trace_summary"] or
                                                     "(no story recorded)"),
                facts=facts(fl), replay=e(replay), status=status,
                downloads=" \u00b7 ".join(downloads) or "no files stored",
                trace_note=e(v["trace_note"] or
                             "One column per thread. Steps on named locations (the handshake) "
                             "are shaded; the steps the story names are marked \u2605."),
                swimlanes=lanes, schedule=e(v["min_schedule"] or v["schedule"] or ""),
                original=e(v["schedule"] or ""),
                findings=table(["when", "campaign", "engine", "configuration",
                                "after (run time)", "origin", ""], frows,
                               table_id="findings"))
    return page(f"{v['kind']} in {v['scenario']} ({v['signature']})", body, root="../",
                crumbs=[("violations", "../violations.html"), (str(v["signature"]), None)],
                ctx=ctx)


def data_url(text: str, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")


def camp_href(cid: Any) -> str:
    return "../campaigns/c%d.html" % int(cid)


_PRODUCED: list[str] = []  # files this process wrote or found unchanged
_WRITTEN = [0]


def _write(path: Path, text: str) -> None:
    """Write a file of the site unless it already holds exactly this text;
    through a temporary file and a rename (a symlink there is replaced, not
    followed)."""
    data = text.encode("utf-8", "backslashreplace")
    _PRODUCED.append(str(path))
    try:
        st = path.lstat()
        if stat.S_ISREG(st.st_mode) and st.st_size == len(data) and path.read_bytes() == data:
            return
    except OSError:
        pass
    try:
        safeio.atomic_write(path, data, fsync=False, follow_symlinks=False)
    except safeio.SafeIOError as ex:
        raise ReportError(str(ex)) from None
    _WRITTEN[0] += 1


class _Skip(Exception):
    pass


def _violation_pages(db: str, site: str, ids: list[int], ctx: dict[str, Any],
                     st: storemod.Store | None = None
                     ) -> tuple[int, int, list[str], list[int], list[tuple[str, str]]]:
    """Write the pages (and files) of these violations; a worker opens its own store.
    Returns (pages, files written, every file produced, ids of the damaged
    violations skipped, (row, what is damaged) of every damaged row met)."""
    own = st is None
    if own:
        _PRODUCED.clear()
        _WRITTEN[0] = 0
        st = storemod.open_store(db, create=False, readonly=True)
        st.con.text_factory = storemod._text_or_raw
    start_p, start_w = len(_PRODUCED), _WRITTEN[0]
    sk = storemod.Skipper("report.py", out=io.StringIO())  # the parent prints
    skipped: list[int] = []
    n = 0
    try:
        for vid in ids:
            v = st.q1("SELECT * FROM violations WHERE id=?", (vid,))
            if v is None:  # gone meanwhile
                skipped.append(vid)
                continue
            try:
                if not sk.ok("violations", v, deep=True):
                    raise _Skip
                text = build_violation(st, v, ctx, sk)
            except _Skip:
                skipped.append(vid)
                continue
            except (storemod.StoreError, ValueError, TypeError, KeyError, AttributeError,
                    IndexError, RecursionError, UnicodeError) as ex:
                sk.warn(storemod.row_label("violations", v),
                        f"cannot be shown: {storemod._clean(ex, 200)}")
                skipped.append(vid)
                continue
            _write(Path(site) / "violations" / f"{violation_slug(v)}.html", text)
            n += 1
    finally:
        if own:
            st.close()
    return (n, _WRITTEN[0] - start_w, _PRODUCED[start_p:], skipped,
            list(sk.seen.items()))


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops the build


MARKER = ".reqsim-report"
SITE_DIRS = ("campaigns", "violations", "static")
OLD_DIRS = ("files",)  # of earlier layouts: emptied of stale files


def _inside(path: str, root: str) -> bool:
    """`path` is `root` or below it (both resolved)."""
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:
        return False


def check_out_dir(db: str | os.PathLike[str], out: str | os.PathLike[str]) -> Path:
    """Refuse an output directory the build must not write into; returns it resolved."""
    if os.fspath(out) == "":
        raise ReportError("--out: empty directory name")
    outp = Path(out)
    real = os.path.realpath(outp)
    for f in safeio.store_files(db):
        if os.path.realpath(f) == real:
            raise ReportError(f"{outp}: is the store or one of its files ({f}); refusing to "
                              "write the report there")
        if _inside(os.path.realpath(f), real):
            raise ReportError(f"{outp}: holds the store ({f}); refusing to build the report "
                              "into it (choose another --out)")
    rep = os.path.realpath(REPORTS)
    if _inside(real, rep) or _inside(rep, real):
        raise ReportError(f"{outp}: overlaps {REPORTS} (the report's templates and assets); "
                          "choose another --out")
    if outp.exists() and not outp.is_dir():
        raise ReportError(f"{outp}: exists and is not a directory")
    if outp.is_dir():
        try:
            entries = list(outp.iterdir())
        except OSError as ex:
            raise ReportError(f"{outp}: cannot read ({ex.strerror})") from None
        if entries and not (outp / MARKER).is_file():
            raise ReportError(f"{outp}: not empty and not a reqsim report; refusing to write "
                              "into it")
        for d in SITE_DIRS + OLD_DIRS:
            if (outp / d).is_symlink() or ((outp / d).exists() and not (outp / d).is_dir()):
                raise ReportError(f"{outp / d}: not a directory of the report (a symlink or "
                                  "a file); refusing to write into it")
    return Path(real)


def build_site(db: str | os.PathLike[str], out: str | os.PathLike[str],
               warn: Any = None) -> dict[str, int]:
    """Build the site into `out`, rewriting only the files whose content
    changed and removing files of the site that no longer exist.  `out` must
    be missing, empty, or a site built before (it holds the marker file).
    Damaged rows are skipped with one warning line each (to `warn`, default
    stderr).  Returns counts: campaigns, violations, files, written, removed,
    skipped (damaged rows)."""
    _PRODUCED.clear()
    _WRITTEN[0] = 0
    sk = storemod.Skipper("report.py", out=warn)
    with storemod.open_store(db, create=False, readonly=True) as st:
        if st.note:
            print(f"report.py: warning: {storemod._clean(st.note, 1000)}",
                  file=warn or sys.stderr)
        st.con.text_factory = storemod._text_or_raw
        outp = check_out_dir(db, out)
        try:
            for d in SITE_DIRS:
                (outp / d).mkdir(parents=True, exist_ok=True)
        except OSError as ex:
            why = (safeio.write_denied(outp / SITE_DIRS[0])
                   if ex.errno in (errno.EACCES, errno.EPERM, errno.EROFS) else None) \
                or ex.strerror
            raise ReportError(f"{outp}: cannot write ({why})") from None
        _write(outp / MARKER, "built by tools/report.py; files below campaigns/, "
                              "violations/, static/ are replaced\n")
        ctx: dict[str, Any] = {"store": str(db), "db": str(db),
                               "generated": storemod.fmt_time(time.time())}
        try:
            assets = [(f.name, f.read_text(encoding="utf-8"))
                      for f in sorted((REPORTS / "static").iterdir()) if f.is_file()]
        except (OSError, UnicodeError) as ex:
            raise ReportError(f"{REPORTS / 'static'}: cannot read the report's assets "
                              f"({storemod._clean(ex, 200)})") from None
        for name, text in assets:
            _write(outp / "static" / name, text)
        camps = sk.keep("campaigns", st.campaigns())
        viols = sk.keep("violations", st.violations())
        ctx["campaigns"] = {int(c["id"]) for c in camps}
        # the violation pages first: the lists leave out the ones found damaged
        ids = [int(v["id"]) for v in viols]
        workers = min(os.cpu_count() or 1, 4) if len(ids) >= PARALLEL_MIN else 1
        produced: set[str] = set()
        if workers > 1:
            chunks = [ids[i::workers] for i in range(workers)]
            with concurrent.futures.ProcessPoolExecutor(workers,
                                                        initializer=_worker_init) as ex:
                results = list(ex.map(_violation_pages, [str(db)] * workers,
                                      [str(outp)] * workers, chunks, [ctx] * workers))
        else:
            results = [_violation_pages(str(db), str(outp), ids, ctx, st)]
        n = sum(r[0] for r in results)
        skipped: set[int] = set()
        for r in results:
            produced.update(r[2])
            skipped.update(r[3])
            for label, why in r[4]:
                sk.warn(label, why)
        viols = [v for v in viols if int(v["id"]) not in skipped]
        ctx["skipped_violations"] = skipped
        for c in camps:
            cid = int(c["id"])
            try:
                text = build_campaign(st, c, ctx, sk)
            except (storemod.StoreError, ValueError, TypeError, KeyError, AttributeError,
                    IndexError, RecursionError, UnicodeError) as ex:
                # keep the page (violation pages link to it), saying what failed
                sk.warn(storemod.row_label("campaigns", c),
                        f"page not built: {storemod._clean(ex, 200)}")
                cmd = storemod.shell_join(["tools/store.py", *storemod.db_args(db), "show",
                                           "campaign", cid])
                text = page(f"campaign {cid}", f"<h1>Campaign {cid}</h1><p class=\"note\">"
                            f"This campaign's page could not be built from the store "
                            f"({e(storemod._clean(ex, 200))}); see <code>{e(cmd)}</code>.</p>",
                            root="../", crumbs=[(f"campaign {cid}", None)], ctx=ctx)
            _write(outp / "campaigns" / f"c{cid}.html", text)
        ctx["damaged"] = len(sk.seen)
        _write(outp / "index.html", build_index(st, camps, viols, ctx))
        _write(outp / "violations.html", build_all_violations(viols, ctx))
        produced.update(_PRODUCED)  # this process's files (all of them with one worker)
    # files written: this process's, and (several workers) theirs
    written = _WRITTEN[0] + (sum(r[1] for r in results) if workers > 1 else 0)
    removed = 0
    for d in SITE_DIRS + OLD_DIRS:
        if not (outp / d).is_dir() or (outp / d).is_symlink():
            continue
        for f in (outp / d).iterdir():
            if (f.is_file() or f.is_symlink()) and str(f) not in produced:
                f.unlink()
                removed += 1
    return {"campaigns": len(camps), "violations": n, "files": len(produced),
            "written": written, "removed": removed, "skipped": len(sk.seen)}


# ---- serving ------------------------------------------------------------------------------------

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves regular files below the site directory only: a path that resolves
    outside it (a symlink) or to a directory without index.html is 404; no
    directory listings."""
    log_all = False

    def log_message(self, fmt: str, *args: Any) -> None:
        if self.log_all:
            sys.stderr.write("serve: " + (fmt % args) + "\n")

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def list_directory(self, path: Any) -> None:  # never
        self.send_error(404, "File not found")
        return None

    def send_head(self) -> Any:
        try:
            root = os.path.realpath(self.directory)
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                path = os.path.join(path, "index.html")
            real = os.path.realpath(path)
            if not _inside(real, root) or real == root:
                raise FileNotFoundError(real)
            f = open(real, "rb")
        except (OSError, ValueError):
            self.send_error(404, "File not found")
            return None
        try:
            fs = os.fstat(f.fileno())
            if not stat.S_ISREG(fs.st_mode):
                raise FileNotFoundError(real)
            self.send_response(200)
            self.send_header("Content-type", self.guess_type(real))
            self.send_header("Content-Length", str(fs.st_size))
            self.send_header("Last-Modified", self.date_time_string(int(fs.st_mtime)))
            self.end_headers()
            return f
        except BaseException:
            f.close()
            if isinstance(sys.exc_info()[1], OSError):
                self.send_error(404, "File not found")
                return None
            raise


def make_server(out: Path, port: int, verbose: bool = False) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=os.path.realpath(out))
    QuietHandler.log_all = verbose
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as ex:
        raise ReportError(f"cannot listen on 127.0.0.1:{port} ({ex.strerror})") from None
    except OverflowError:
        raise ReportError(f"--port: out of range: {port}") from None


# ---- command line ------------------------------------------------------------------------------

_Parser = storemod.CliParser


def build_parser() -> argparse.ArgumentParser:
    p = storemod.cli_parser("report.py", __doc__)
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    b = sub.add_parser("build", help="build the static site from the store",
                       description="Build the static site from the store (opened "
                                   "read-only).")
    b.add_argument("--db", default=str(storemod.DEFAULT_DB),
                   help=f"the store (default {storemod.DEFAULT_DB}, relative to the current "
                        "directory, not to the checkout)")
    b.add_argument("--out", default=str(DEFAULT_OUT),
                   help=f"output directory (default {DEFAULT_OUT}, relative to the current "
                        "directory; missing, empty or a report built before)")
    s = sub.add_parser("serve", help="serve the site on 127.0.0.1",
                       description="Serve a built site on 127.0.0.1 only: regular files "
                                   "below it, no directory listings.")
    s.add_argument("--out", default=str(DEFAULT_OUT),
                   help=f"the site directory (default {DEFAULT_OUT}, relative to the "
                        "current directory)")
    s.add_argument("--db", help="build from this store first")
    s.add_argument("--port", type=int, default=8000, help="TCP port (0: any free port)")
    s.add_argument("--verbose", action="store_true", help="log every request")
    return p


def _run(args: argparse.Namespace) -> int:
    if args.command == "serve" and not 0 <= args.port <= 65535:
        raise ReportError(f"--port: out of range: {args.port}")
    if args.command == "build" or (args.command == "serve" and args.db is not None):
        t = time.monotonic()
        n = build_site(args.db, args.out)
        index = Path(args.out).resolve() / "index.html"
        print(f"report: {index} ({n['campaigns']} campaigns, {n['violations']} "
              f"violations; {n['written']} of {n['files']} files written, "
              f"{n['removed']} removed"
              + (f", {n['skipped']} damaged rows skipped" if n["skipped"] else "")
              + f"; {time.monotonic() - t:.1f}s)", flush=True)
        if args.command == "build":
            here = Path.cwd().resolve() == REPO_ROOT
            tool = "tools/report.py" if here else str(Path(__file__).resolve())
            out = args.out if here else str(Path(args.out).resolve())
            print(f"serve it: {storemod.shell_join([tool, 'serve', '--out', out])}")
            return EXIT_OK
    if args.out == "":
        raise ReportError("--out: empty directory name")
    out = Path(args.out)
    if not (out / "index.html").is_file():
        raise ReportError(f"{out}: no report there (build it: tools/report.py build)")
    srv = make_server(out, args.port, args.verbose)
    host, port = srv.server_address[:2]
    print(f"serving {out.resolve()} at http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        srv.server_close()
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        print("report.py: which command? build or serve (try --help)", file=sys.stderr)
        return EXIT_ERROR
    return storemod.run_guarded("report.py", lambda: _run(args),
                                (ReportError, storemod.StoreError, safeio.SafeIOError))


if __name__ == "__main__":
    sys.exit(main())
