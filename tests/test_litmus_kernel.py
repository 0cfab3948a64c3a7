#!/usr/bin/env python3
"""
tests/test_litmus_kernel.py: 'reqsim litmus' over the kernel's litmus suite
(ctest litmus_kernel, label unit).

    python3 tests/test_litmus_kernel.py PATH_TO_REQSIM [SUITE_DIR] [--limit SECONDS]

SUITE_DIR defaults to ../shared/litmus/kernel relative to the parent of the
source tree (the suite is not part of the project); exit 77 (skipped) when
it is absent.  Checks:
  * every *.litmus file below it gets a verdict under every model (no
    unsupported construct, no error) and the run exits 0;
  * no wmm verdict shows an outcome the file's Result: line forbids
    (Result: Never and wmm Sometimes/Always, or Result: Always and wmm
    Sometimes/Never, is a failure; wmm may be stronger than LKMM where the
    Result is Sometimes);
  * no file is flagged with a data race (the suite's plain accesses are
    race-free under LKMM);
  * the whole run takes less than 10 s (--limit: another bound, e.g. for a
    sanitizer build).
It prints the agreement with the Result: lines per model and every file
where wmm disagrees.  Standard library only.
"""
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MODELS = ("sc", "tso", "pso", "wmm")
VERDICTS = ("Never", "Sometimes", "Always")


def result_word(path):
    with open(path, errors="replace") as f:
        m = re.search(r"Result:\s*([A-Za-z]+)", f.read())
    return m.group(1) if m else None


def main():
    args = sys.argv[1:]
    limit = 10.0
    if "--limit" in args:
        i = args.index("--limit")
        limit = float(args[i + 1])
        del args[i:i + 2]
    if not args:
        print(__doc__)
        return 2
    reqsim = args[0]
    suite = args[1] if len(args) > 1 else os.path.join(
        os.path.dirname(ROOT), "shared", "litmus", "kernel")
    suite = os.path.abspath(suite)
    if not os.path.isdir(suite):
        print("skipped: no kernel litmus suite at %s" % suite)
        return 77
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(suite) for f in fs
                   if f.endswith(".litmus"))
    t0 = time.monotonic()
    p = subprocess.run([reqsim, "litmus", "-q", suite], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=max(120, 2 * limit))
    secs = time.monotonic() - t0
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    failures = []
    if p.returncode != 0:
        failures.append("exit status %d: %s" % (p.returncode, err.strip()))
    if err.strip():
        failures.append("stderr: %s" % err.strip())
    rows = {}
    for line in out.splitlines():
        w = line.split()
        if w and w[0] in files:
            rows[w[0]] = w
    agree = {m: [0, 0] for m in MODELS}
    for f in files:
        w = rows.get(f)
        if not w or len(w) < 8 or "ERROR" in w:
            failures.append("%s: no verdict (%s)" % (f, " ".join(w[1:]) if w else "no row"))
            continue
        res = result_word(f)
        cells = dict(zip(MODELS, w[2:6]))
        for m, v in cells.items():
            if v.endswith("!"):
                failures.append("%s: %s flags a data race" % (f, m))
            v = v.rstrip("!?")
            if v not in VERDICTS:
                failures.append("%s: %s verdict %r" % (f, m, v))
                continue
            cells[m] = v
            if res in VERDICTS:
                agree[m][1] += 1
                agree[m][0] += v == res
        wmm = cells["wmm"]
        if (res == "Never" and wmm != "Never") or (res == "Always" and wmm != "Always"):
            failures.append("%s: Result: %s but wmm says %s (an outcome LKMM forbids)"
                            % (f, res, wmm))
        elif res in VERDICTS and wmm != res:
            print("disagrees (wmm stronger than LKMM): %s: Result: %s, wmm %s"
                  % (os.path.relpath(f, suite), res, wmm))
    print("%d files, %.2f s" % (len(files), secs))
    for m in MODELS:
        print("  %-4s %d/%d agree with Result:" % (m, agree[m][0], agree[m][1]))
    if secs >= limit:
        failures.append("the suite took %.1f s (limit %g s)" % (secs, limit))
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
