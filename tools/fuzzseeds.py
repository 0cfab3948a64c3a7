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

Under SC one more input runs the default policy (DIR/default).  With no
store buffer, an SC bug needs preemptions at the right steps, and PCT's
random priority changes scatter the run a constraint is built from; the
default policy's run is the same every time, so a preemption or
reads-from constraint the mutator adds to it changes what it names and
little else.  `bench.py fuzz ttb` on 16 SC rows (the 5 of --set hard and
--set preempt, 11 seeds 1-11, feedback on): 83 executions with the PCT
inputs alone, 48 with the default input beside them; held-out seeds
101-111: 78 and 53.  Under PSO and wmm it cost the rows found through PCT's
drains (--set deep 20 -> 25, --set large 25 -> 30), and under TSO it
changed nothing but one more execution, so only SC gets it.

    tools/fuzzseeds.py DIR [--count N] [--k K] [--model M]
        write DIR/pct-1 .. DIR/pct-N, and DIR/default when M is sc

Standard library only.  Exit 0, or 2 with one line on a bad argument or an
unwritable directory.  Existing files are left as they are.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

DEFAULT_POLICY = 0  # ABS_POL_DEFAULT
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


def default_input() -> bytes:
    """An abstract schedule without constraints whose fallback is the default
    policy (seed, depth and k unused, written 0)."""
    return b"RQA1" + bytes(4) + bytes([DEFAULT_POLICY, 0]) + bytes(2)


def wants_default(model: str) -> bool:
    """Whether a corpus for this memory model gets the default-policy input."""
    return model == "sc"


def pct_k(run_output: str) -> int:
    """k for PCT from the output of `reqsim run ... --strategy default`: its
    decisions, at least 8 (as explore's estimate) and at most 65535; 0 (the
    wire form's "64") when the output names none."""
    m = re.search(r"\bdecisions=(\d+)", run_output)
    return 0 if not m else max(8, min(65535, int(m.group(1))))


# afl-fuzz's warning when its dry run finds that a seed input crashes (it
# skips the seed and keeps no crash file; AFL_NO_UI output, colours cut);
# group 1 is the seed's queue entry name.  tools/campaign.py records such a
# seed as a finding, `bench.py fuzz ttb --engine afl` counts it.
AFL_SEED_CRASH_RE = re.compile(r"Test case '([^'/]+)' results in a crash")


def pct_inputs(count: int = DEFAULT_COUNT, k: int = 0) -> list[tuple[str, bytes]]:
    """(file name, bytes) of the PCT seeds 1..count."""
    return [(f"pct-{s}", pct_input(s, k=k)) for s in range(1, count + 1)]


def seed_inputs(count: int = DEFAULT_COUNT, k: int = 0, model: str = "",
                default: bool | None = None) -> list[tuple[str, bytes]]:
    """(file name, bytes) of a corpus's seeds: the PCT seeds 1..count, then
    the default-policy input when default is True, or (None) when the model
    wants it."""
    seeds = pct_inputs(count, k)
    if wants_default(model) if default is None else default:
        seeds.append(("default", default_input()))
    return seeds


def missing(directory: Path, count: int = DEFAULT_COUNT, model: str = "") -> bool:
    """Some seed of seed_inputs(count, model=model) is not in directory (yet)."""
    return any(not (directory / name).exists()
               for name, _ in seed_inputs(count, model=model))


def write_seeds(directory: Path, count: int = DEFAULT_COUNT, k: int = 0, model: str = "",
                default: bool | None = None) -> int:
    """Write seed_inputs(count, k, model, default) into directory (created if
    missing) unless a file of that name exists; each file appears whole
    (written beside, renamed).  Returns how many were written."""
    directory.mkdir(parents=True, exist_ok=True)
    n = 0
    for name, data in seed_inputs(count, k, model, default):
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
                    "no constraints; under SC also one with the default policy) into a fuzz "
                    "corpus directory.")
    p.add_argument("directory", type=Path, help="corpus directory (created if missing)")
    p.add_argument("--count", type=int, default=DEFAULT_COUNT, metavar="N",
                   help=f"how many seeds (default {DEFAULT_COUNT}, 1..1000)")
    p.add_argument("--k", type=int, default=0, metavar="K",
                   help="PCT's k: the decisions of the default policy's run (`reqsim run "
                        "... --strategy default` prints decisions=N); default 0, which "
                        "the harness reads as 64")
    p.add_argument("--model", default="", metavar="M",
                   help="the memory model fuzzed (sc, tso, pso, wmm): sc adds DIR/default, "
                        "the default policy's input; default: none named, PCT inputs only")
    a = p.parse_args(argv)
    if a.model not in ("", "sc", "tso", "pso", "wmm"):
        print(f"fuzzseeds.py: --model '{a.model}': expected sc, tso, pso or wmm",
              file=sys.stderr)
        return 2
    if not 1 <= a.count <= 1000:
        print(f"fuzzseeds.py: --count {a.count}: must be 1..1000", file=sys.stderr)
        return 2
    if not 0 <= a.k <= 65535:
        print(f"fuzzseeds.py: --k {a.k}: must be 0..65535", file=sys.stderr)
        return 2
    try:
        n = write_seeds(a.directory, a.count, a.k, a.model)
    except OSError as e:
        print(f"fuzzseeds.py: {a.directory}: {e.strerror or e}", file=sys.stderr)
        return 2
    total = len(seed_inputs(a.count, a.k, a.model))
    print(f"{n} seed(s) written to {a.directory} ({total - n} already there)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
