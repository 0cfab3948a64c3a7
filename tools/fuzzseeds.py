#!/usr/bin/env python3
"""Seed inputs for fuzzing abstract schedules (sim/abstract.h).

An empty corpus makes libFuzzer start from the empty input (the default
policy) and its mutants; PCT finds half of `bench.py fuzz ttb --set hard`
in 2 to 5 schedules, which the fuzzer then needed 13 or more executions
for.  Seeding the corpus with abstract inputs whose fallback policy is PCT
(no constraints, depth 3 as `reqsim explore --strategy pct`, seeds 1..N)
makes the fuzzer's first executions PCT schedules; the mutator builds on
them.  PCT's k (the run length its change points are drawn from) is what
`reqsim explore --strategy pct` takes: the decisions of the default
policy's run of the configuration (`reqsim run ... --strategy default`
prints them; pct_k() turns that output into k).  tools/campaign.py seeds
its abstract-form fuzzer cells with 8; `bench.py fuzz ttb --pct-corpus N`
measures the effect.

    tools/fuzzseeds.py DIR [--count N] [--k K]   write DIR/pct-1 .. DIR/pct-N

Standard library only.  Exit 0, or 2 with one line on a bad argument or an
unwritable directory.  Existing files are left as they are.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

PCT_POLICY = 2     # ABS_POL_PCT
DEFAULT_COUNT = 8  # what the campaign writes
# The feedback classes the abstract form is fuzzed with, in campaigns,
# `bench.py fuzz ttb` and fuzz/afl_parallel.sh --form abstract: "auto"
# (fuzz/harness.c), store->store reordering windows (F7) under PSO and wmm,
# reads-from pairs (F5) under SC and TSO.  The byte form keeps F1-F4.
ABSTRACT_FEEDBACK = "auto"


def pct_input(seed: int, depth: int = 3, k: int = 0) -> bytes:
    """An abstract schedule without constraints whose fallback is PCT: magic
    "RQA1", seed u32, policy u8, depth u8, k u16 (0: 64), little endian."""
    if not (0 <= seed < 1 << 32 and 1 <= depth <= 255 and 0 <= k < 1 << 16):
        raise ValueError(f"pct_input: seed {seed}, depth {depth}, k {k} out of range")
    return b"RQA1" + seed.to_bytes(4, "little") + bytes([PCT_POLICY, depth]) + \
        k.to_bytes(2, "little")


def pct_k(run_output: str) -> int:
    """k for PCT from the output of `reqsim run ... --strategy default`: its
    decisions, at least 8 (as explore's estimate) and at most 65535; 0 (the
    wire form's "64") when the output names none."""
    m = re.search(r"\bdecisions=(\d+)", run_output)
    return 0 if not m else max(8, min(65535, int(m.group(1))))


def pct_inputs(count: int = DEFAULT_COUNT, k: int = 0) -> list[tuple[str, bytes]]:
    """(file name, bytes) of the PCT seeds 1..count."""
    return [(f"pct-{s}", pct_input(s, k=k)) for s in range(1, count + 1)]


def missing(directory: Path, count: int = DEFAULT_COUNT) -> bool:
    """Some seed of pct_inputs(count) is not in directory (yet)."""
    return any(not (directory / name).exists() for name, _ in pct_inputs(count))


def write_seeds(directory: Path, count: int = DEFAULT_COUNT, k: int = 0) -> int:
    """Write the seeds into directory (created if missing) unless a file of
    that name exists; each file appears whole (written beside, renamed).
    Returns how many were written."""
    directory.mkdir(parents=True, exist_ok=True)
    n = 0
    for name, data in pct_inputs(count, k):
        dest = directory / name
        if dest.exists():
            continue
        tmp = directory / f".{name}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, dest)
        n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="fuzzseeds.py",
        description="Write abstract-schedule seed inputs (PCT fallback, depth 3, seeds 1..N, "
                    "no constraints) into a fuzz corpus directory.")
    p.add_argument("directory", type=Path, help="corpus directory (created if missing)")
    p.add_argument("--count", type=int, default=DEFAULT_COUNT, metavar="N",
                   help=f"how many seeds (default {DEFAULT_COUNT}, 1..1000)")
    p.add_argument("--k", type=int, default=0, metavar="K",
                   help="PCT's k: the decisions of the default policy's run (`reqsim run "
                        "... --strategy default` prints decisions=N); default 0, which "
                        "the harness reads as 64")
    a = p.parse_args(argv)
    if not 1 <= a.count <= 1000:
        print(f"fuzzseeds.py: --count {a.count}: must be 1..1000", file=sys.stderr)
        return 2
    if not 0 <= a.k <= 65535:
        print(f"fuzzseeds.py: --k {a.k}: must be 0..65535", file=sys.stderr)
        return 2
    try:
        n = write_seeds(a.directory, a.count, a.k)
    except OSError as e:
        print(f"fuzzseeds.py: {a.directory}: {e.strerror or e}", file=sys.stderr)
        return 2
    print(f"{n} seed(s) written to {a.directory} ({a.count - n} already there)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
