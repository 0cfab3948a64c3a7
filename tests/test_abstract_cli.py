#!/usr/bin/env python3
"""tests/test_abstract_cli.py: abstract schedules on the command line (ctest
label cli).

  - `reqsim run SCEN --bytes F` takes an abstract schedule (RQA1...): the
    same input gives the same trace hash twice;
  - with --save X.sched the run converts, and `reqsim replay X.sched`
    reproduces it bit for bit (same violation, "trace hash matches");
  - with --save-bytes B the run converts to the byte form, which gives the
    same trace hash;
  - each constraint is printed in words after the result, its sites named
    "function:label" (a site the run never reached by its id), its threads
    by name, and kept in a schedule saved with --save as comment lines after
    its origin (it still replays); a byte-form input prints none;
  - a malformed abstract input (a partial constraint, an unknown kind, an
    unknown fallback policy) is one line on stderr and exit 2;
  - the standalone fuzz replayer runs the malformed input quietly (the
    default policy), exit 0.

Usage: test_abstract_cli.py REQSIM REPLAYER
"""
import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

CFG = ["dekker", "--model", "tso", "--bug", "no-mb-after-in-guest-mode",
       "--param", "rounds=4", "--param", "entries=8"]


def prog(seed, policy, depth, k, cons=()):
    b = b"RQA1" + struct.pack("<IBBH", seed, policy, depth, k)
    for kind, tid, tid2, occ, site, site2 in cons:
        b += struct.pack("<BBBBII", kind, tid, tid2, occ, site, site2)
    return b


def site_id(func, label):
    """abs_site_id(): FNV-1a (32 bits) of function, 0x1f, label; never 0."""
    h = 2166136261
    for b in (func + "\x1f" + label).encode():
        h = ((h ^ b) * 16777619) & 0xffffffff
    return h or 1


def run(reqsim, *args):
    return subprocess.run([reqsim, *args], capture_output=True, text=True, timeout=60)


def hash_of(out):
    m = re.search(r"hash=([0-9a-f]{16})", out)
    return m.group(1) if m else None


def main():
    reqsim, replayer = sys.argv[1], sys.argv[2]
    fails = []
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        # PCT fallback seeds until one violates (a violation to replay), and
        # one constraint whose site does not exist (skipped, never a hang)
        found = None
        for seed in range(1, 200):
            f = d / f"a{seed}.bin"
            f.write_bytes(prog(seed, 2, 3, 80, [(3, 0, 255, 0, 0x12345678, 0)]))
            p = run(reqsim, "run", *CFG, "--bytes", str(f))
            if p.returncode not in (0, 1):
                fails.append(f"seed {seed}: exit {p.returncode}: {p.stderr.strip()}")
                break
            if p.returncode == 1:
                found = (f, p.stdout)
                break
        if found is None:
            fails.append("no PCT-fallback abstract input violated in 199 seeds")
        else:
            f, out = found
            h = hash_of(out)
            again = run(reqsim, "run", *CFG, "--bytes", str(f))
            if hash_of(again.stdout) != h or "abstract=" not in out:
                fails.append(f"the same abstract input ran differently: {h} vs "
                             f"{hash_of(again.stdout)}")
            sched = d / "x.sched"
            p = run(reqsim, "run", *CFG, "--bytes", str(f), "--save", str(sched))
            r = run(reqsim, "replay", str(sched))
            if r.returncode != 1 or "same-violation" not in r.stdout or \
                    "trace hash matches" not in r.stdout:
                fails.append(f"replay of the converted .sched: exit {r.returncode}: "
                             f"{r.stdout.strip()} {r.stderr.strip()}")
            bts = d / "x.bytes"
            run(reqsim, "run", *CFG, "--bytes", str(f), "--save-bytes", str(bts))
            b = run(reqsim, "run", *CFG, "--bytes", str(bts))
            if hash_of(b.stdout) != h:
                fails.append(f"as bytes: hash {hash_of(b.stdout)}, abstract {h}")
        # constraints in words: an rf on two sites the run reaches, a
        # preempt of vcpu0 at a site it never reaches, a drain of any thread
        cmpxchg = site_id("kvm_vcpu_exiting_guest_mode", "cmpxchg(&vcpu->mode)")
        release = site_id("vcpu_enter_guest", "smp_store_release(&vcpu->mode)")
        f = d / "words.bin"
        f.write_bytes(prog(3, 0, 0, 0, [(1, 255, 255, 2, cmpxchg, release),
                                        (3, 0, 255, 0, 0x12345678, 0),
                                        (4, 255, 255, 1, release, 0)]))
        saved = d / "words.sched"
        p = run(reqsim, "run", *CFG, "--bytes", str(f), "--save", str(saved))
        got = [ln for ln in p.stdout.splitlines() if ln.startswith("constraint ")]
        want = ["constraint 1: rf: the load at kvm_vcpu_exiting_guest_mode:cmpxchg(&vcpu->mode) "
                "(any thread, its 2nd occurrence) reads from the store at "
                "vcpu_enter_guest:smp_store_release(&vcpu->mode)",
                "constraint 2: preempt: vcpu0 is preempted at its step at site 12345678 (not "
                "reached in this run) (every occurrence), switching to any other thread",
                "constraint 3: drain-late: the buffered stores made at "
                "vcpu_enter_guest:smp_store_release(&vcpu->mode) (any thread, its 1st "
                "occurrence) drain as late as they can"]
        if p.returncode not in (0, 1) or got != want:
            fails.append(f"constraints in words: exit {p.returncode}, {got!r}")
        # the saved schedule keeps them as comments after its origin line,
        # and still replays
        text = saved.read_text() if saved.exists() else ""
        head = text.split("decisions ")[0].splitlines()
        notes = [ln[2:] for ln in head if ln.startswith("# ")]
        at = [i for i, ln in enumerate(head) if ln.startswith("origin abstract=")]
        if notes != want or not at or not head[at[0] + 1].startswith("# constraint 1: "):
            fails.append(f"constraints in the saved schedule: {head!r}")
        r = run(reqsim, "replay", str(saved))
        if r.returncode != p.returncode or "trace hash matches" not in r.stdout:
            fails.append(f"replay of the schedule with comments: exit {r.returncode}: "
                         f"{r.stdout.strip()} {r.stderr.strip()}")
        if found is not None:
            b = run(reqsim, "run", *CFG, "--bytes", str(d / "x.bytes"))
            if "constraint " in b.stdout:
                fails.append(f"a byte-form input printed constraints: {b.stdout!r}")
        bad = {"partial": prog(1, 0, 0, 0, [(1, 255, 255, 0, 5, 6)])[:-3],
               "kind": prog(1, 0, 0, 0, [(9, 255, 255, 0, 5, 6)]),
               "policy": prog(1, 7, 0, 0)}
        for name, data in bad.items():
            f = d / f"bad-{name}.bin"
            f.write_bytes(data)
            p = run(reqsim, "run", *CFG, "--bytes", str(f))
            lines = p.stderr.strip().splitlines()
            if p.returncode != 2 or len(lines) != 1 or "abstract schedule" not in lines[0]:
                fails.append(f"malformed ({name}): exit {p.returncode}, stderr {p.stderr!r}")
            q = subprocess.run([replayer, str(f)], capture_output=True, text=True, timeout=60,
                               env={"REQSIM_FUZZ_SCENARIO": "dekker", "REQSIM_FUZZ_MODEL": "tso"})
            if q.returncode != 0:
                fails.append(f"replayer on malformed ({name}): exit {q.returncode} "
                             f"{q.stderr.strip()}")
    for m in fails:
        print("FAIL", m)
    print(f"abstract cli: {len(fails)} failures")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
