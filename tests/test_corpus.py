#!/usr/bin/env python3
"""tests/test_corpus.py: replay corpus/ (ctest label corpus).

Every file in corpus/MANIFEST runs under its configuration with the
standalone fuzz replayer:
  - a seed (bug '-') must run clean;
  - a bug input must violate with its bug on and stay clean with it off, and
    `reqsim run ... --bytes F --save X.sched` followed by `reqsim replay
    X.sched` must reproduce the violation (the crash-file import path).
Every .bin file under corpus/ must be listed in the MANIFEST and be in the
byte form (not start with "RQA1", the abstract-schedule magic of
sim/abstract.h: the harness would read it as constraints), and every bug
row of the verdict table (plus the litmus bug variants; the list is
fuzz/make_corpus.py's) must have an input.

Usage: test_corpus.py REPLAYER REQSIM CORPUS_DIR
"""
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import List

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))
from make_corpus import verdict_bug_rows  # noqa: E402


def replay(replayer: str, f: Path, scen: str, model: str, arch: str, params: str,
           bug: str) -> int:
    env = dict(os.environ, REQSIM_FUZZ_SCENARIO=scen, REQSIM_FUZZ_MODEL=model,
               REQSIM_FUZZ_ARCH=arch, REQSIM_FUZZ_PARAMS=params, REQSIM_FUZZ_BUGS=bug)
    return subprocess.run([replayer, str(f)], env=env, capture_output=True,
                          check=False).returncode


def cli_import(reqsim: str, f: Path, scen: str, model: str, arch: str, params: str,
               bug: str, tmp: Path) -> List[str]:
    out = tmp / (f.stem + ".sched")
    cmd = [reqsim, "run", scen, "--model", model, "--arch", arch, "--bug", bug,
           "--bytes", str(f), "--save", str(out)]
    for p in params.split():
        cmd += ["--param", p]
    errs = []
    if subprocess.run(cmd, capture_output=True, check=False).returncode != 1:
        errs.append("reqsim run --bytes did not violate")
    elif subprocess.run([reqsim, "replay", str(out)], capture_output=True,
                        check=False).returncode != 1:
        errs.append("reqsim replay of the imported .sched did not violate")
    return errs


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    replayer, reqsim, corpus = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    listed, failures, nbug, nseed = set(), [], 0, 0
    with tempfile.TemporaryDirectory() as t:
        for line in (corpus / "MANIFEST").read_text().splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            rel, scen, model, arch, params, bug = line.split()
            params = "" if params == "-" else params.replace(",", " ")
            f = corpus / rel
            listed.add(rel)
            if bug == "-":
                nseed += 1
                rc = replay(replayer, f, scen, model, arch, params, "")
                if rc != 0:
                    failures.append(f"{rel}: seed not clean (exit {rc})")
                continue
            nbug += 1
            rc_on = replay(replayer, f, scen, model, arch, params, bug)
            rc_off = replay(replayer, f, scen, model, arch, params, "")
            if rc_on != 1:
                failures.append(f"{rel}: no violation with bug {bug} on (exit {rc_on})")
            if rc_off != 0:
                failures.append(f"{rel}: not clean with bug {bug} off (exit {rc_off})")
            failures += [f"{rel}: {e}" for e in
                         cli_import(reqsim, f, scen, model, arch, params, bug, Path(t))]
    covered = set()
    for line in (corpus / "MANIFEST").read_text().splitlines():
        f = line.split()
        if len(f) == 6 and not line.startswith("#") and f[5] != "-":
            covered.add((f[1], f[5], "" if f[4] == "-" else f[4].replace(",", " ")))
    rows = verdict_bug_rows(reqsim)
    for scen, bug, model, _, params in rows:
        if (scen, bug, params) not in covered:
            failures.append(f"bug row {scen} {bug} {params or '-'} ({model}): no input in "
                            "corpus/ (fuzz/make_corpus.py adds it)")
    for f in sorted(corpus.rglob("*.bin")):
        rel = f.relative_to(corpus).as_posix()
        if rel not in listed:
            failures.append(f"{rel}: not in corpus/MANIFEST")
        if f.read_bytes()[:4] == b"RQA1":
            failures.append(f"{rel}: starts with the abstract-schedule magic RQA1")
    for msg in failures:
        print("FAIL", msg)
    print(f"corpus: {nseed} seeds, {nbug} bug inputs for {len(rows)} bug rows, "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
