#!/usr/bin/env python3
"""fuzz/make_corpus.py: (re)generate corpus/ with the standalone replayer.

Seeds: a few random byte files per request-core scenario.  Bug inputs: for
every bug row of the verdict table (`reqsim list --verdicts --tsv`: each
scenario, bug and parameters with a Sometimes model, at the first such
model) and the litmus bug variants, PCT runs until the first violation, the
schedule is shrunk with `reqsim minimize` and written out as bytes with
`reqsim replay --save-bytes` (random bytes if PCT finds nothing), then
shrunk again (shortest violating prefix, then bytes zeroed one by one).  The
input must violate with the bug on and not with it off.  It goes to
corpus/<scenario>/<bug>.bin (<bug>@<params>.bin when that name is taken).
corpus/MANIFEST lists every file with its configuration;
tests/test_corpus.py replays it and checks that every bug row has one.

By default the files already listed are kept and only missing rows are
generated; --all regenerates everything (deterministic for a --seed).

Usage: fuzz/make_corpus.py REPLAYER [--reqsim PATH] [--corpus DIR] [--seed N] [--all]
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Optional, Tuple

# (scenario, bug, model, arch, params): a configuration where the bug shows.
# The request-core rows come from `reqsim list --verdicts --tsv` (every row
# with a bug and a Sometimes model, at its first such model); these litmus
# bug variants are added to them.  plain-mode-read is a data race only
# ThreadSanitizer sees on real threads (reqsim stress): no schedule shows it.
LITMUS_BUGS: List[Tuple[str, str, str, str, str]] = [
    ("sb+mbs", "sb-no-mb", "tso", "x86", ""),
    ("mp+wmb", "mp-no-wmb", "pso", "x86", ""),
]
MODELS = ("sc", "tso", "pso", "wmm")
Row = Tuple[str, str, str, str, str]


def verdict_lines(reqsim: str) -> List[str]:
    """The lines of `reqsim list --verdicts --tsv`."""
    p = subprocess.run([reqsim, "list", "--verdicts", "--tsv"], capture_output=True,
                       text=True, check=False)
    if p.returncode != 0:
        sys.exit(f"make_corpus: {reqsim} list --verdicts --tsv failed: {p.stderr.strip()}")
    return p.stdout.splitlines()


def verdict_bug_rows(reqsim: str) -> List[Row]:
    """Every bug row of the verdict table at its first Sometimes model."""
    rows: List[Row] = []
    for line in verdict_lines(reqsim):
        f = line.split("\t")
        if len(f) != 4 + len(MODELS):
            sys.exit(f"make_corpus: cannot parse verdict row {line!r}")
        scen, bug, params, arch = f[:4]
        model = next((m for m, v in zip(MODELS, f[4:]) if v == "Sometimes"), None)
        if bug == "-" or model is None:
            continue
        rows.append((scen, bug, model, "arm64" if arch == "arm64" else "x86", params))
    return rows + LITMUS_BUGS


# Seeds, clean without bugs: for every scenario of the verdict table (the
# registry's request-core families, in listing order), on the arch of its
# first row, under SEED_MODEL, of SEED_LEN.get(scenario, SEED_LEN_DEFAULT)
# bytes.  A new family gets seeds without an edit here.
SEED_MODEL = "tso"
SEED_LEN_DEFAULT = 256
SEED_LEN = {"dekker": 64, "payload": 64, "kick_only": 64, "tlb_flush": 64,
            "outside_guest_mode": 64, "halt": 64}


def seed_configs(reqsim: str) -> List[Tuple[str, str, str, int]]:
    """(scenario, model, arch, input length) of the seeds, from the verdict table."""
    seen: Dict[str, Tuple[str, str, str, int]] = {}
    for line in verdict_lines(reqsim):
        scen, _bug, _params, arch = line.split("\t")[:4]
        if scen not in seen:
            seen[scen] = (scen, SEED_MODEL, "arm64" if arch == "arm64" else "x86",
                          SEED_LEN.get(scen, SEED_LEN_DEFAULT))
    return list(seen.values())


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


def pct_bug_input(reqsim: str, cfg: Row, tmp: Path) -> Optional[bytes]:
    """PCT until the first violation, ddmin (reqsim minimize), then the
    schedule as bytes (reqsim replay --save-bytes)."""
    scen, bug, model, arch, params = cfg
    out = tmp / "pct"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [reqsim, "explore", scen, "--model", model, "--arch", arch, "--bug", bug,
           "--strategy", "pct", "--stop-on-first", "--budget", "200000", "--seed", "1",
           "-q", "--out", str(out)]
    for kv in params.split():
        cmd += ["--param", kv]
    if subprocess.run(cmd, capture_output=True, check=False).returncode != 1:
        return None
    found = sorted(out.glob("*.sched"))
    if not found:
        return None
    small, raw = tmp / "min.sched", tmp / "min.bin"
    p = subprocess.run([reqsim, "minimize", str(found[0]), "--save", str(small)],
                       capture_output=True, check=False)
    src = small if p.returncode in (0, 1) and small.exists() else found[0]
    p = subprocess.run([reqsim, "replay", str(src), "--save-bytes", str(raw)],
                       capture_output=True, check=False)
    return raw.read_bytes() if p.returncode == 1 and raw.exists() else None


def find_bug_input(replayer: str, reqsim: str, cfg: Row, rng: random.Random,
                   tmp: Path) -> bytes:
    data = pct_bug_input(reqsim, cfg, tmp)
    if data is not None and first_violating(replayer, cfg, [data], tmp) == 0:
        return shrink(replayer, cfg, data, tmp)
    for _ in range(5):  # PCT found nothing: uniform and sticky random bytes
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


def read_manifest(corpus: Path) -> List[List[str]]:
    path = corpus / "MANIFEST"
    if not path.exists():
        return []
    return [line.split() for line in path.read_text().splitlines()
            if line.strip() and not line.startswith("#")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("replayer", help="path to reqsim-fuzz-replay")
    ap.add_argument("--reqsim", help="path to reqsim (default: next to the replayer's "
                                     "directory, ../reqsim)")
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent / "corpus"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--all", action="store_true",
                    help="regenerate every file (default: keep the listed ones, add "
                         "the bug rows that have none)")
    a = ap.parse_args()
    reqsim = a.reqsim or str(Path(a.replayer).resolve().parent.parent / "reqsim")
    if not os.access(reqsim, os.X_OK):
        sys.exit(f"make_corpus: {reqsim} is not executable (--reqsim PATH)")
    rng = random.Random(a.seed)
    corpus = Path(a.corpus)
    kept = [] if a.all else read_manifest(corpus)
    lines = ["# file scenario model arch params bug   ('-' = none); "
             "generated by fuzz/make_corpus.py"]
    lines += [" ".join(f) for f in kept]
    have = {(f[1], f[5], "" if f[4] == "-" else f[4].replace(",", " ")) for f in kept}
    names = {f[0] for f in kept}
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        if a.all:
            for scen, model, arch, n in seed_configs(reqsim):
                (corpus / scen).mkdir(parents=True, exist_ok=True)
                for k in range(1, SEEDS_PER_SCENARIO + 1):
                    rel = f"{scen}/seed-{k}.bin"
                    (corpus / rel).write_bytes(bytes(rng.randrange(256) for _ in range(n)))
                    lines.append(f"{rel} {scen} {model} {arch} - -")
        for cfg in verdict_bug_rows(reqsim):
            scen, bug, model, arch, params = cfg
            if (scen, bug, params) in have:
                continue
            data = find_bug_input(a.replayer, reqsim, cfg, rng, tmp)
            rel = f"{scen}/{bug}.bin"
            if rel in names:
                rel = f"{scen}/{bug}@{params.replace(' ', ',')}.bin"
            names.add(rel)
            (corpus / scen).mkdir(parents=True, exist_ok=True)
            (corpus / rel).write_bytes(data)
            lines.append(f"{rel} {scen} {model} {arch} {params.replace(' ', ',') or '-'} {bug}")
            print(f"{rel}: {len(data)} bytes ({model} {arch} {params or '-'})")
    (corpus / "MANIFEST").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
