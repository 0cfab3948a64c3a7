#!/usr/bin/env python3
"""test_mutate.py: tools/mutate.py (issue 16) on a small fixed sample, so the
mutation feature cannot rot; the full run is `tools/bench.py mutate`.

  1. generation: every operator makes mutants; ids are unique and do not
     change when every core file gets a comment line at its top (ids do not
     depend on lines); the reviewed equivalent list names existing mutants;
  2. bad input: unknown ids, operators, files, bad numbers: one line, exit 2;
  3. a run of a fixed sample (two mutants the protocol must kill, one the
     reviewed list marks equivalent, one that does not compile) in a copy of
     the tree: outcomes, the killing cell, the score; a second run resumes
     and runs nothing; the work tree of the project is untouched.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import cmutate  # noqa: E402
import mutate  # noqa: E402

TOOL = [sys.executable, os.path.join(ROOT, "tools", "mutate.py")]
fails = 0


def check(cond, what):
    global fails
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        fails += 1


def run(*args):
    return subprocess.run(TOOL + list(args), capture_output=True, text=True)


def find(ms, op, func, text):
    hits = [m for m in ms if m.op == op and m.func == func and text in m.diff]
    assert hits, f"no {op} mutant in {func} with {text!r}"
    return hits[0]


def generation():
    ms = cmutate.generate(ROOT)
    ids = [m.id for m in ms]
    check(len(ids) == len(set(ids)), f"{len(ids)} mutants, ids unique")
    ops = {m.op for m in ms}
    for op in ("drop-barrier", "weaken-barrier", "relax-rmw", "split-rmw", "swap",
               "move-lock", "drop-operand", "negate", "drop-call", "drop-pair", "flip-bool"):
        check(op in ops, f"operator {op} makes mutants")
    with tempfile.TemporaryDirectory() as d:
        shutil.copytree(os.path.join(ROOT, "core"), os.path.join(d, "core"))
        for rel in cmutate.core_files(d):
            p = os.path.join(d, rel)
            with open(p, encoding="utf-8") as f:
                text = f.read()
            with open(p, "w", encoding="utf-8") as f:
                f.write("/* a comment line that moves every line */\n\n" + text)
        moved = [m.id for m in cmutate.generate(d)]
    check(moved == ids, "ids unchanged when every line moves")
    eq = mutate.load_equivalent()
    stale = sorted(set(eq) - set(ids))
    check(not stale, f"every id in tools/mutants-equivalent.tsv exists {stale[:3]}")
    return ms, eq


def bad_input():
    for args in (["show", "nosuch-00000000"], ["run", "--only", "nosuch-1"],
                 ["run", "--jobs", "0"], ["run", "--jobs", "x"], ["list", "--op", "nope"],
                 ["list", "--file", "core/nope.c"], ["run", "--timeout", "-1"], ["frob"],
                 ["report", "--out", "/nonexistent/dir"]):
        p = run(*args)
        lines = p.stderr.strip().splitlines()
        check(p.returncode == 2 and len(lines) == 1 and "Traceback" not in p.stderr,
              f"{' '.join(args)}: exit 2, one line ({p.returncode}: {p.stderr.strip()[:80]})")


def sample(ms, eq):
    killed = [find(ms, "drop-barrier", "vcpu_enter_guest", "smp_mb__after_srcu_read_unlock"),
              find(ms, "split-rmw", "__kvm_make_request", "set_bit")]
    equiv = next(m for m in ms if m.id in eq)
    stillborn = [m for m in ms if m.op == "swap" and m.func == "rcuwait_wake_up"
                 and "int woken" in m.diff]
    sample = killed + [equiv] + stillborn[:1]
    before = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "core"],
                            capture_output=True, text=True).stdout
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "m")
        only = ",".join(m.id for m in sample)
        p = run("run", "--out", out, "--jobs", "2", "--only", only, "--no-baseline")
        print(p.stdout[-3000:], p.stderr[-2000:])
        check(p.returncode == 0, f"run exits 0 ({p.returncode})")
        with open(os.path.join(out, "report.json"), encoding="utf-8") as f:
            rep = json.load(f)
        got = {r["id"]: r for r in rep["mutants"]}
        for m in killed:
            r = got.get(m.id, {})
            check(r.get("outcome") == "killed" and r.get("kind") == "missed-request"
                  and r.get("cell"), f"{m.id} killed by a cell, missed-request ({r})")
        check(got.get(equiv.id, {}).get("outcome") == "equivalent" and
              got[equiv.id].get("reason") == eq[equiv.id], f"{equiv.id} equivalent, with reason")
        if stillborn:
            check(got.get(stillborn[0].id, {}).get("outcome") == "stillborn",
                  f"{stillborn[0].id} stillborn (does not compile)")
        check(rep["scored"] == 2 and rep["detected"] == 2 and rep["score"] == 1.0,
              f"score 2/2 ({rep['detected']}/{rep['scored']})")
        check(p.stdout.index("killed") > 0 and "mutation score: 2/2" in p.stdout,
              "table and score printed")
        p2 = run("run", "--out", out, "--jobs", "1", "--only", only, "--no-baseline")
        check(p2.returncode == 0 and "0 to run" in p2.stdout, "a second run resumes: 0 to run")
        with open(os.path.join(out, "results.jsonl"), encoding="utf-8") as f:
            n = sum(1 for _ in f)
        check(n == len(sample), f"each mutant recorded once ({n})")
        p3 = run("report", "--out", out, "--json")
        check(p3.returncode == 0 and json.loads(p3.stdout)["detected"] == 2, "report --json")
    after = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "core"],
                           capture_output=True, text=True).stdout
    check(before == after, "the project's core/ is untouched")


def main():
    if shutil.which("cmake") is None or shutil.which("ninja") is None:
        print("cmake or ninja missing")
        return 77
    ms, eq = generation()
    bad_input()
    sample(ms, eq)
    print(f"{fails} failures")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
