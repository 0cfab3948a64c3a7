#!/usr/bin/env python3
"""Seed inputs for fuzzing abstract schedules (sim/abstract.h).

An empty corpus makes libFuzzer start from the empty input (the default
policy) and its mutants; PCT finds half of `bench.py fuzz ttb --set hard`
in 2 to 5 schedules, which the fuzzer then needed 13 or more executions
for.  Seeding the corpus with abstract inputs whose fallback policy is PCT
(no constraints, depth 3 as `reqsim explore --strategy pct`, seeds 1..N)
makes the fuzzer's first executions PCT schedules; the mutator builds on
them.  tools/campaign.py seeds its abstract-form fuzzer cells with
pct_inputs(8); `bench.py fuzz ttb --pct-corpus N` measures the effect.

    tools/fuzzseeds.py DIR [--count N]     write DIR/pct-1 .. DIR/pct-N

Standard library only.  Exit 0, or 2 with one line on a bad argument or an
unwritable directory.  Existing files are left as they are.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

PCT_POLICY = 2     # ABS_POL_PCT
DEFAULT_COUNT = 8  # what the campaign writes


def pct_input(seed: int, depth: int = 3, k: int = 0) -> bytes:
    """An abstract schedule without constraints whose fallback is PCT: magic
    "RQA1", seed u32, policy u8, depth u8, k u16 (0: 64), little endian."""
    if not (0 <= seed < 1 << 32 and 1 <= depth <= 255 and 0 <= k < 1 << 16):
        raise ValueError(f"pct_input: seed {seed}, depth {depth}, k {k} out of range")
    return b"RQA1" + seed.to_bytes(4, "little") + bytes([PCT_POLICY, depth]) + \
        k.to_bytes(2, "little")


def pct_inputs(count: int = DEFAULT_COUNT) -> list[tuple[str, bytes]]:
    """(file name, bytes) of the PCT seeds 1..count."""
    return [(f"pct-{s}", pct_input(s)) for s in range(1, count + 1)]


def write_seeds(directory: Path, count: int = DEFAULT_COUNT) -> int:
    """Write the seeds into directory (created if missing) unless a file of
    that name exists; each file appears whole (written beside, renamed).
    Returns how many were written."""
    directory.mkdir(parents=True, exist_ok=True)
    n = 0
    for name, data in pct_inputs(count):
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
    a = p.parse_args(argv)
    if not 1 <= a.count <= 1000:
        print(f"fuzzseeds.py: --count {a.count}: must be 1..1000", file=sys.stderr)
        return 2
    try:
        n = write_seeds(a.directory, a.count)
    except OSError as e:
        print(f"fuzzseeds.py: {a.directory}: {e.strerror or e}", file=sys.stderr)
        return 2
    print(f"{n} seed(s) written to {a.directory} ({a.count - n} already there)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
