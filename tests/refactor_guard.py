#!/usr/bin/env python3
"""refactor_guard.py: what reqsim finds, as a table to compare before and
after a change that must not change it (issue 15's guard).

For every row of the verdict table and every model:
  dfs     --budget N (deterministic): schedules run to the end, behaviours,
          violating schedules, total steps, violation kinds;
  pct, random, seeds 1..3, --budget M: violating schedules, total steps,
          the run index of the first violation, violation kinds.
Signatures and trace hashes are left out on purpose (they may name lines).

  tests/refactor_guard.py record REQSIM OUT.tsv [--dfs N] [--budget M]
  tests/refactor_guard.py compare BEFORE.tsv AFTER.tsv

compare prints every cell that differs and exits 1 if any does.
"""
import argparse
import re
import subprocess
import sys
import tempfile

MODELS = ("sc", "tso", "pso", "wmm")


def rows(reqsim):
    out = subprocess.run([reqsim, "list", "verdicts", "--tsv"], capture_output=True,
                         text=True, check=True).stdout
    for line in out.splitlines():
        f = line.split("\t")
        yield f[0], f[1], f[2], f[3]


def cell(reqsim, scen, bug, params, arch, model, strategy, seed, budget, outdir):
    args = [reqsim, "explore", scen, "--model", model, "--strategy", strategy,
            "--budget", str(budget), "--seed", str(seed), "--jobs", "1", "--out", outdir]
    if arch in ("x86", "arm64"):
        args += ["--arch", arch]
    if bug != "-":
        for b in bug.split(","):
            args += ["--bug", b]
    for p in params.split():
        args += ["--param", p]
    p = subprocess.run(args, capture_output=True, text=True)
    text = p.stdout
    m = re.search(r": (\d+) schedules, (\d+) steps, (\d+) violating", text)
    kinds = sorted(set(re.findall(r"saved \S+/[^/\s]*-" + model + r"-([a-z-]+?)-[0-9a-f]{8}\.sched",
                                  text)))
    first = re.search(r"found by explore strategy=\S+ seed=\d+ run=(\d+)", text)
    fields = [str(p.returncode)]
    if m:
        fields += [m.group(1), m.group(2), m.group(3)]
    else:
        fields += ["?", "?", "?"]
    if strategy == "dfs":
        b = re.search(r"(\d+) behaviours", text)
        fields.append(b.group(1) if b else "?")
    else:
        fields.append(first.group(1) if first else "-")
    fields.append(",".join(kinds) or "-")
    return fields


def record(a):
    with open(a.out, "w") as f, tempfile.TemporaryDirectory() as d:
        for scen, bug, params, arch in rows(a.reqsim):
            archs = ["x86", "arm64"] if arch == "both" else [arch]
            for ar in archs[:1]:
                for model in MODELS:
                    key = [scen, bug, params or "-", ar, model]
                    f.write("\t".join(key + ["dfs", "1"] +
                                      cell(a.reqsim, scen, bug, params, ar, model, "dfs", 1,
                                           a.dfs, d)) + "\n")
                    for strat in ("pct", "random"):
                        for seed in (1, 2, 3):
                            f.write("\t".join(key + [strat, str(seed)] +
                                              cell(a.reqsim, scen, bug, params, ar, model,
                                                   strat, seed, a.budget, d)) + "\n")
                    f.flush()
    return 0


def compare(a):
    def load(p):
        d = {}
        for line in open(p):
            f = line.rstrip("\n").split("\t")
            d[tuple(f[:7])] = f[7:]
        return d
    b, c = load(a.before), load(a.after)
    diff = 0
    for k in sorted(set(b) | set(c)):
        if b.get(k) != c.get(k):
            diff += 1
            print(" ".join(k), "before", b.get(k), "after", c.get(k))
    print(f"{len(b)} cells before, {len(c)} after, {diff} differ")
    return 1 if diff else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("record")
    r.add_argument("reqsim")
    r.add_argument("out")
    r.add_argument("--dfs", type=int, default=2000)
    r.add_argument("--budget", type=int, default=300)
    c = sub.add_parser("compare")
    c.add_argument("before")
    c.add_argument("after")
    a = ap.parse_args()
    return record(a) if a.cmd == "record" else compare(a)


if __name__ == "__main__":
    sys.exit(main())
