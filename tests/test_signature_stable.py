#!/usr/bin/env python3
"""A violation's signature survives an edit that moves every line.

Copies the source tree, inserts a comment line at the top of every file of
core/, scenarios/ and sim/ (so every site's line number moves), builds
`reqsim` from the copy (-O0: signatures and schedules do not depend on the
optimisation level), and for each chosen verdict-table row with a bug:
  1. finds a violating schedule with the checkout's build (pct, seed 1,
     --stop-on-first) and reads its signature from the saved .sched;
  2. replays that .sched with the edited build: it must fit, report the
     same violation with the same signature, and say the trace hash moved
     (lines are in the trace hash) without failing;
  3. explores the same cell with the edited build: same signature.

Usage: test_signature_stable.py SOURCE_DIR REQSIM [--all]
Default: one row per scenario; --all (what ctest runs, label build: the
whole check takes a few seconds): every bug row of the verdict table.
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

COMMENT = "/* test_signature_stable: this line moves every line below it */\n"


def explore(reqsim, row, outdir, model, strategy="pct"):
    scen, bug, params, arch = row
    args = [reqsim, "explore", scen, "--model", model, "--strategy", strategy,
            "--seed", "1", "--budget", "20000", "--stop-on-first", "--jobs", "1",
            "--out", str(outdir)]
    if arch in ("x86", "arm64"):
        args += ["--arch", arch]
    for b in bug.split(","):
        args += ["--bug", b]
    for p in params.split():
        args += ["--param", p]
    subprocess.run(args, capture_output=True, text=True)
    files = sorted(pathlib.Path(outdir).glob("*.sched"))
    if not files and strategy == "pct":  # a row PCT misses: random finds it
        return explore(reqsim, row, outdir, model, "random")
    return files[0] if files else None


def sig_of(path):
    m = re.search(r"^result (\S+) .*sig=([0-9a-f]{16})", path.read_text(), re.M)
    return (m.group(1), m.group(2)) if m else (None, None)


def rows(reqsim, everything):
    out = subprocess.run([reqsim, "list", "verdicts", "--tsv"], capture_output=True,
                         text=True, check=True).stdout
    chosen, seen = [], set()
    for line in out.splitlines():
        f = line.split("\t")
        scen, bug, params, arch = f[0], f[1], f[2], f[3]
        if bug == "-" or bug == "plain-mode-read":
            continue
        expect = dict(zip(("sc", "tso", "pso", "wmm"), f[4:8]))
        model = next((m for m in ("sc", "tso", "pso", "wmm") if expect[m] != "Never"), None)
        if model is None:
            continue
        if not everything and scen in seen:
            continue
        seen.add(scen)
        chosen.append(((scen, bug, params, "x86" if arch == "both" else arch), model))
    return chosen


def build_edited(src, work):
    dst = work / "src"
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(
        "build", ".git", "results", "campaigns", "schedules", "__pycache__"))
    n = 0
    for folder in ("core", "scenarios", "sim"):
        for p in sorted((dst / folder).rglob("*")):
            if p.suffix in (".c", ".h"):
                p.write_text(COMMENT + p.read_text())
                n += 1
    b = work / "build"
    cfg = subprocess.run(["cmake", "-S", str(dst), "-B", str(b), "-G", "Ninja",
                          "-DCMAKE_BUILD_TYPE=Debug"], capture_output=True, text=True)
    if cfg.returncode:
        sys.exit(f"FAIL: configuring the edited copy:\n{cfg.stdout[-2000:]}{cfg.stderr[-2000:]}")
    bld = subprocess.run(["cmake", "--build", str(b), "--target", "reqsim"],
                         capture_output=True, text=True)
    if bld.returncode:
        sys.exit(f"FAIL: building the edited copy:\n{bld.stdout[-3000:]}")
    return b / "reqsim", n


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    src, reqsim = pathlib.Path(sys.argv[1]), os.path.abspath(sys.argv[2])
    everything = "--all" in sys.argv[3:]
    if not shutil.which("ninja") or not shutil.which("cmake"):
        print("SKIP: cmake/ninja not found")
        return 77
    failures = 0
    with tempfile.TemporaryDirectory() as d:
        work = pathlib.Path(d)
        edited, nfiles = build_edited(src, work)
        ids = [subprocess.run([x, "version"], capture_output=True, text=True).stdout.split()[2]
               for x in (reqsim, str(edited))]
        if ids[0] == ids[1]:
            print(f"FAIL: the edited copy has the same build id {ids[0]}")
            failures += 1
        chosen = rows(reqsim, everything)
        for i, (row, model) in enumerate(chosen):
            name = f"{row[0]} {row[1]} {row[2] or '-'} {row[3]} {model}"
            a_dir, b_dir = work / f"a{i}", work / f"b{i}"
            f = explore(reqsim, row, a_dir, model)
            if not f:
                print(f"FAIL {name}: the checkout's build found no violation")
                failures += 1
                continue
            kind, sig = sig_of(f)
            r = subprocess.run([str(edited), "replay", str(f)], capture_output=True, text=True)
            out = r.stdout + r.stderr
            if r.returncode != 1 or f"signature {sig}" not in out \
                    or "replay: same-violation" not in out:
                print(f"FAIL {name}: replay by the edited build: exit {r.returncode}, "
                      f"wanted the same violation {sig}\n{out[-1500:]}")
                failures += 1
            g = explore(str(edited), row, b_dir, model)
            kind2, sig2 = sig_of(g) if g else (None, None)
            if (kind2, sig2) != (kind, sig):
                print(f"FAIL {name}: the edited build finds {kind2} {sig2}, "
                      f"the checkout's {kind} {sig}")
                failures += 1
        print(f"{len(chosen)} rows, {nfiles} files edited (build {ids[0]} -> {ids[1]}), "
              f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
