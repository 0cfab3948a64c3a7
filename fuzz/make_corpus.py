#!/usr/bin/env python3
"""fuzz/make_corpus.py: (re)generate corpus/ with the standalone replayer.

Seeds: a few random byte files per request-core scenario.  Bug inputs: for
every bug variant of dekker, payload, tlb_flush and halt (with the model and
parameters under which it shows), random byte strings are tried until the
replayer reports a violation with the bug on and none with it off; the
input is then shrunk (shortest violating prefix, then bytes zeroed one by
one) and written to corpus/<scenario>/<bug>.bin.  corpus/MANIFEST lists every
file with its configuration; tests/test_corpus.py replays it.

Usage: fuzz/make_corpus.py REPLAYER [--corpus DIR] [--seed N]
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Optional, Tuple

# (scenario, bug, model, arch, params): a configuration where the bug shows.
BUGS: List[Tuple[str, str, str, str, str]] = [
    ("dekker", "no-mb-after-in-guest-mode", "tso", "x86", ""),
    ("dekker", "no-mb-before-mode-read", "pso", "x86", "mask=1"),
    ("dekker", "wait-in-guest-predicate", "tso", "x86", "dead=1"),
    ("dekker", "check-before-in-guest-mode", "tso", "x86", ""),
    ("dekker", "kick-without-request", "tso", "x86", ""),
    ("payload", "no-wmb-before-request", "pso", "x86", ""),
    ("payload", "no-mb-after-check-request", "wmm", "x86", ""),
    ("payload", "no-mb-after-in-guest-mode", "tso", "x86", ""),
    ("tlb_flush", "wait-in-guest-predicate", "tso", "x86", ""),
    ("tlb_flush", "no-mb-after-in-guest-mode", "tso", "x86", ""),
    ("tlb_flush", "check-before-in-guest-mode", "tso", "x86", ""),
    ("halt", "check-block-ignores-requests", "tso", "x86", ""),
    ("halt", "no-mb-after-in-guest-mode", "tso", "x86", ""),
]

# (scenario, model, arch, input length): seeds, clean without bugs.
SEEDS: List[Tuple[str, str, str, int]] = [
    ("dekker", "tso", "x86", 64), ("payload", "tso", "x86", 64),
    ("kick_only", "tso", "x86", 64), ("tlb_flush", "tso", "x86", 64),
    ("outside_guest_mode", "tso", "x86", 64), ("halt", "tso", "x86", 64),
    ("mixed", "tso", "x86", 256), ("async_pf", "tso", "x86", 256),
    ("kick_all", "tso", "x86", 256), ("its", "tso", "arm64", 256),
]
SEEDS_PER_SCENARIO = 3


def replay(replayer: str, scen: str, model: str, arch: str, params: str, bug: str,
           files: List[Path]) -> Dict[str, bool]:
    """Run files; map path -> violated."""
    env = dict(os.environ, REQSIM_FUZZ_SCENARIO=scen, REQSIM_FUZZ_MODEL=model,
               REQSIM_FUZZ_ARCH=arch, REQSIM_FUZZ_PARAMS=params,
               REQSIM_FUZZ_BUGS=bug)
    p = subprocess.run([replayer] + [str(f) for f in files], env=env,
                       capture_output=True, text=True, check=False)
    if p.returncode not in (0, 1):
        sys.exit(f"make_corpus: replayer failed ({p.returncode}): {p.stderr.strip()}")
    out: Dict[str, bool] = {}
    for line in p.stdout.splitlines():
        if line.startswith("config "):
            continue
        path, _, rest = line.rpartition(": ")
        out[path] = rest.startswith("violation")
    return out


def first_violating(replayer: str, cfg: Tuple[str, str, str, str, str],
                    cands: List[bytes], tmp: Path) -> Optional[int]:
    scen, bug, model, arch, params = cfg
    files = []
    for i, c in enumerate(cands):
        f = tmp / f"c{i:05d}.bin"
        f.write_bytes(c)
        files.append(f)
    on = replay(replayer, scen, model, arch, params, bug, files)
    hits = [i for i, f in enumerate(files) if on.get(str(f))]
    if not hits:
        return None
    off = replay(replayer, scen, model, arch, params, "", [files[i] for i in hits])
    for i in hits:
        if not off.get(str(files[i])):
            return i
    return None


def random_input(rng: random.Random, n: int, sticky: bool) -> bytes:
    """Uniform bytes, or 'sticky' ones that repeat a value (the same agent
    keeps running) and change it with probability 1/4, as PCT's long runs."""
    if not sticky:
        return bytes(rng.randrange(256) for _ in range(n))
    out, v = [], rng.randrange(256)
    for _ in range(n):
        if rng.random() < 0.25:
            v = rng.randrange(256)
        out.append(v)
    return bytes(out)


def find_bug_input(replayer: str, cfg: Tuple[str, str, str, str, str],
                   rng: random.Random, tmp: Path) -> bytes:
    for _ in range(20):
        cands = [random_input(rng, 96, sticky=k % 2 == 1) for k in range(2000)]
        i = first_violating(replayer, cfg, cands, tmp)
        if i is not None:
            return shrink(replayer, cfg, cands[i], tmp)
    sys.exit(f"make_corpus: no violating input found for {cfg}")


def shrink(replayer: str, cfg: Tuple[str, str, str, str, str], data: bytes,
           tmp: Path) -> bytes:
    prefixes = [data[:n] for n in range(1, len(data) + 1)]
    i = first_violating(replayer, cfg, prefixes, tmp)
    data = prefixes[i] if i is not None else data
    for k in range(len(data)):
        if data[k] == 0:
            continue
        cand = data[:k] + b"\0" + data[k + 1:]
        if first_violating(replayer, cfg, [cand], tmp) is not None:
            data = cand
    return data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("replayer", help="path to reqsim-fuzz-replay")
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent / "corpus"))
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    corpus = Path(a.corpus)
    lines = ["# file scenario model arch params bug   ('-' = none); "
             "generated by fuzz/make_corpus.py"]
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        for scen, model, arch, n in SEEDS:
            (corpus / scen).mkdir(parents=True, exist_ok=True)
            for k in range(1, SEEDS_PER_SCENARIO + 1):
                rel = f"{scen}/seed-{k}.bin"
                (corpus / rel).write_bytes(bytes(rng.randrange(256) for _ in range(n)))
                lines.append(f"{rel} {scen} {model} {arch} - -")
        for cfg in BUGS:
            scen, bug, model, arch, params = cfg
            data = find_bug_input(a.replayer, cfg, rng, tmp)
            rel = f"{scen}/{bug}.bin"
            (corpus / scen).mkdir(parents=True, exist_ok=True)
            (corpus / rel).write_bytes(data)
            lines.append(f"{rel} {scen} {model} {arch} {params.replace(' ', ',') or '-'} {bug}")
            print(f"{rel}: {len(data)} bytes ({model} {arch} {params or '-'})")
    (corpus / "MANIFEST").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
