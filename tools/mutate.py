#!/usr/bin/env python3
"""mutate.py: mutation testing of core/.  If a one-place mistake is made in the
request core, does reqsim catch it?

    tools/mutate.py list [--tsv] [--op OP,..] [--file core/F.c,..]
    tools/mutate.py show ID
    tools/mutate.py run  [--out DIR] [--jobs N] [--only ID,..] [--op ..] [--file ..]
    tools/mutate.py report [--out DIR] [--json]

Mutants are generated from operators over the kernel primitives (see
tools/cmutate.py: drop/weaken barriers, relax or split atomic RMWs, swap
statements with primitives, move locks, drop operands, negate conditions,
drop calls and lock pairs, flip boolean arguments), each with a stable id
(op-HASH8, independent of line numbers), its file:function and a one-line diff.

Detection protocol (fixed; its parameters are recorded in DIR/run.json):
  cells    every row of `reqsim list verdicts --tsv` without a bug whose
           expected verdict is Never, on every model where it is Never, on
           each arch of the row (both: x86 then arm64);
  order    pct --seed 1 --budget 2000 over all cells, then random --seed 1
           --budget 1000, then dfs --budget 300 (per model); --stop-on-first;
  outcome  killed    a cell found a violation (the cell, the run index of
                     the first violating schedule and its kind are kept);
           crash     reqsim died, or stopped with a simulator error (exit 70)
                     or an input error (exit 2) on a configuration the
                     correct core runs;
           timeout   a cell ran longer than --timeout (default 120 s);
           survived  every cell clean;
           stillborn the mutant does not compile, or reads a variable it
                     left uninitialised (-Werror=uninitialized: undefined,
                     so not deterministic); not scored;
           equivalent  listed in tools/mutants-equivalent.tsv with the
                     reason (reviewed; not run, not scored).
  score    (killed + crash + timeout) / (all - equivalent - stillborn).

Each job builds in its own copy of the tree (DIR/work/jN: sources copied,
`reqsim` built once, then one object rebuilt per mutant), so the tree you
work in is never modified.  Before the mutants, the unmutated core, built
with --coverage (gcov), runs through the protocol: every cell must be clean
(else exit 1: an oracle flags the correct core), and gcov records which
core functions each cell runs (both builds at once, on two cores).  A
mutant then runs only the cells that run its function.  That changes no
outcome: a run is deterministic, so a cell whose schedules never enter the
function behaves identically with the mutant (same choices, same result);
a function no cell runs is a survivor ("no cell of the protocol runs this
function").  The filter is used only where it is known to hold: for a cell
whose coverage build explored exactly what the mutants' build explores
(same schedules and steps, every strategy and model), and for a function
gcov has a record of (one inlined away runs every cell).  Results go to DIR/results.jsonl, one line per
mutant as it finishes: Ctrl-C (exit 130) or a kill loses at most the
mutants in flight, and `run` again with the same DIR resumes (mutants
already there are skipped).  DIR holds results of one tree only: a change
to core/, sim/, scenarios/ (the oracles), litmus/ or cli/ is refused with a
one-line error (use another --out).  `report` prints
survivors first, then the score; DIR/report.json holds the same as JSON.

Exit status: 0 done, 1 the unmutated core is not clean, 2 usage or setup
error (one line on stderr), 130 interrupted.  Standard library only.
"""
import argparse
import hashlib
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cmutate  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EQUIV = os.path.join(ROOT, "tools", "mutants-equivalent.tsv")
PROTOCOL = {"strategies": [["pct", 1, 2000], ["random", 1, 1000], ["dfs", 1, 300]],
            "verdict": "Never", "bug": "-", "version": 2}
MODELS = ("sc", "tso", "pso", "wmm")
ORDER = ("survived", "timeout", "crash", "killed", "stillborn", "equivalent")
PROLOGUE = r"""
/* mutate.py: split-rmw, an atomic RMW made a load then a store */
static inline uint64_t reqsim_mut_split_rmw(const struct platform_site *site,
		volatile void *p, unsigned size, enum plat_rmw_op op, uint64_t a,
		uint64_t b, enum plat_rmw_class cls)
{
	uint64_t old = plat_load(site, p, size, PLAT_ONCE), v;
	(void)cls;
	switch (op) {
	case PLAT_RMW_OR: v = old | a; break;
	case PLAT_RMW_ANDNOT: v = old & ~a; break;
	case PLAT_RMW_ADD: v = old + a; break;
	case PLAT_RMW_XCHG: v = a; break;
	default: if (old != b) return old; v = a; break;
	}
	plat_store(site, p, size, v, PLAT_ONCE);
	return old;
}
"""


class Fail(Exception):
    """A usage or setup error: one line, exit 2."""


# ---- mutants ----------------------------------------------------------------------

def mutants(root, ops=None, files=None):
    try:
        ms = cmutate.generate(root)
    except (OSError, ValueError) as e:
        raise Fail(f"cannot read core/: {e}")
    if ops:
        ms = [m for m in ms if m.op in ops]
    if files:
        ms = [m for m in ms if m.file in files]
    return ms


def mutated_source(m, src):
    out = m.apply(src)
    if m.op == "split-rmw":
        inc = list(re.finditer(r'^#include[^\n]*\n', out, re.M))
        if not inc:
            raise Fail(f"{m.file}: no #include to put the split-rmw helper after")
        at = inc[-1].end()
        out = out[:at] + PROLOGUE + out[at:]
    return out


TREE_DIRS = ("core", "sim", "scenarios", "litmus", "cli")


def core_hash(root):
    """What the outcomes depend on: the core (the mutants) and the sources
    of reqsim around it (the scenarios and their oracles, the simulator)."""
    h = hashlib.sha256()
    rels = []
    for d in TREE_DIRS:
        for dirpath, _, names in os.walk(os.path.join(root, d)):
            rels += [os.path.relpath(os.path.join(dirpath, n), root) for n in names
                     if n.endswith((".c", ".h", ".def"))]
    for rel in sorted(rels) + ["CMakeLists.txt"]:
        with open(os.path.join(root, rel), "rb") as f:
            h.update(rel.encode() + b"\0" + f.read())
    return h.hexdigest()[:16]


def load_equivalent(path=EQUIV):
    eq = {}
    if not os.path.exists(path):
        return eq
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not parts[1].strip():
                raise Fail(f"{path}:{n}: want ID<TAB>reason")
            eq[parts[0].strip()] = parts[1].strip()
    return eq


def csv_set(text, what, allowed=None):
    items = {x.strip() for x in text.split(",") if x.strip()}
    if not items:
        raise Fail(f"--{what}: empty list")
    if allowed is not None:
        bad = sorted(items - set(allowed))
        if bad:
            raise Fail(f"--{what}: unknown {bad[0]!r} (one of: {', '.join(sorted(allowed))})")
    return items


# ---- workers ----------------------------------------------------------------------

def copy_tree(root, dest):
    files = None
    if os.path.isdir(os.path.join(root, ".git")):
        p = subprocess.run(["git", "-C", root, "ls-files", "-z"], capture_output=True)
        if p.returncode == 0:
            files = [f for f in p.stdout.decode().split("\0") if f]
    if files is None:
        files = []
        for d, dirs, names in os.walk(root):
            dirs[:] = [x for x in dirs if not x.startswith(("build", ".git"))]
            files += [os.path.relpath(os.path.join(d, n), root) for n in names]
    for rel in files:
        src = os.path.join(root, rel)
        if not os.path.isfile(src):
            continue
        os.makedirs(os.path.dirname(os.path.join(dest, rel)), exist_ok=True)
        shutil.copy2(src, os.path.join(dest, rel))


class Worker:
    def __init__(self, root, wdir, timeout, procs, coverage=False):
        self.root, self.wdir, self.timeout, self.procs = root, wdir, timeout, procs
        self.coverage = coverage
        self.src = os.path.join(wdir, "src")
        self.build = os.path.join(wdir, "build")
        self.reqsim = os.path.join(self.build, "reqsim")
        self.sched = os.path.join(wdir, "sched")
        self.pristine = {}
        self.summaries = []  # what each explore run explored (clean passes compare them)
        self.known = set()   # core functions gcov has a record of
        for rel in cmutate.core_files(root):  # the core the mutants were made from
            with open(os.path.join(root, rel), encoding="utf-8") as f:
                self.pristine[rel] = f.read()

    def sh(self, args, timeout):
        p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
        self.procs.add(p)
        try:
            out, err = p.communicate(timeout=timeout)
            return p.returncode, out, err
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            return None, "", "timeout"
        finally:
            self.procs.discard(p)

    def prepare(self):
        if os.path.exists(os.path.join(self.build, "build.ninja")) and os.path.isdir(self.src):
            self.restore_all()
        else:
            shutil.rmtree(self.wdir, ignore_errors=True)
            copy_tree(self.root, self.src)
            self.restore_all()
            rc, out, err = self.sh(["cmake", "-S", self.src, "-B", self.build, "-G", "Ninja",
                                    "-DCMAKE_BUILD_TYPE=Release", "-DREQSIM_ASSERTS=ON",
                                    "-DREQSIM_WERROR=OFF",
                                    "-DCMAKE_C_FLAGS=-Werror=uninitialized" +
                                    # no early inlining: GCC inlines small functions
                                    # before it instruments, so their calls counted
                                    # for the caller and gcov said they never ran
                                    (" --coverage -fno-early-inlining"
                                     if self.coverage else "")] +
                                   (["-DCMAKE_EXE_LINKER_FLAGS=--coverage"]
                                    if self.coverage else []), 600)
            if rc != 0:
                raise Fail(f"cmake failed in {self.wdir}: {last_line(err or out)}")
        rc, out, err = self.sh(["ninja", "-C", self.build, "reqsim"], 1200)
        if rc != 0:
            raise Fail(f"building reqsim failed in {self.wdir}: {last_line(out + err)}")

    def restore_all(self):
        for rel in self.pristine:
            self.restore(rel)

    def restore(self, rel):
        orig = self.pristine[rel]
        dst = os.path.join(self.src, rel)
        with open(dst, encoding="utf-8") as f:
            if f.read() == orig:
                return
        with open(dst, "w", encoding="utf-8") as f:
            f.write(orig)

    def cells(self):
        rc, out, err = self.sh([self.reqsim, "list", "verdicts", "--tsv"], 60)
        if rc != 0:
            raise Fail(f"reqsim list verdicts failed: {last_line(err)}")
        cells = []
        for line in out.splitlines():
            f = line.split("\t")
            scen, bug, params, arch, verdicts = f[0], f[1], f[2], f[3], f[4:8]
            if bug != PROTOCOL["bug"]:
                continue
            models = [m for m, v in zip(MODELS, verdicts) if v == PROTOCOL["verdict"]]
            if not models:
                continue
            for a in (["x86", "arm64"] if arch == "both" else [arch]):
                cells.append({"scenario": scen, "params": params.split(), "arch": a,
                              "models": models})
        return cells

    def run_cell(self, cell, strategy, seed, budget):
        """None when clean, else the outcome record."""
        groups = [None] if cell["models"] == list(MODELS) else cell["models"]
        for model in groups:
            r = self.run_model(cell, strategy, seed, budget, model)
            if r:
                return r
        return None

    def run_model(self, cell, strategy, seed, budget, model):
        shutil.rmtree(self.sched, ignore_errors=True)
        args = [self.reqsim, "explore", cell["scenario"], "--strategy", strategy, "--budget",
                str(budget), "--seed", str(seed), "--jobs", "1", "--stop-on-first", "--out",
                self.sched, "--arch", cell["arch"]]
        args += ["--all-models"] if model is None else ["--model", model]
        for p in cell["params"]:
            args += ["--param", p]
        name = " ".join([cell["scenario"]] + cell["params"] +
                        [f"arch={cell['arch']}", strategy, f"seed={seed}", f"budget={budget}"])
        rc, out, err = self.sh(args, self.timeout)
        self.summaries += re.findall(r"^explored .*?: \d+ schedules, \d+ steps, \d+ violating",
                                     out, re.M)
        if rc is None:
            return {"outcome": "timeout", "cell": name}
        if rc == 0:
            return None
        if rc == 1:
            run = re.search(r"found by explore strategy=\S+ seed=\d+ run=(\d+)", out)
            found = re.search(r"model=(\w+)[^\n]*VIOLATION (\S+) at step", out)
            return {"outcome": "killed", "cell": name,
                    "model": found.group(1) if found else (model or "?"),
                    "run": int(run.group(1)) if run else None,
                    "kind": found.group(2) if found else "?"}
        return {"outcome": "crash", "cell": name, "exit": rc,
                "message": last_line(err or out)}

    def reached(self):
        """core/FILE:function of every core function run since the last reset."""
        gcda = []
        for d, _, names in os.walk(self.build):
            gcda += [os.path.join(d, n) for n in names if n.endswith(".gcda")]
        rc, out, err = self.sh(["gcov", "-j", "-t"] + gcda, 300) if gcda else (0, "", "")
        if rc != 0:
            raise Fail(f"gcov failed: {last_line(err)}")
        funcs = set()
        for line in out.splitlines():
            try:
                doc = json.loads(line)
            except ValueError:
                continue
            for f in doc.get("files", []):
                rel = os.path.relpath(os.path.join(self.build, f["file"]), self.src) \
                    if not os.path.isabs(f["file"]) else os.path.relpath(f["file"], self.src)
                if rel in self.pristine:
                    for fn in f["functions"]:
                        name = f"{rel}:{fn['name'].split('.')[0]}"
                        self.known.add(name)
                        if fn["execution_count"] > 0:
                            funcs.add(name)
        for g in gcda:
            os.unlink(g)
        return funcs

    def clean_pass(self, cells, stop):
        """The protocol on the unmutated core, cell by cell, every cell to
        its end.  Returns (failure, n) or (per cell: (what explore explored,
        the core functions run when built with --coverage), n)."""
        if self.coverage:
            self.reached()
        per_cell, n = [], 0
        for cell in cells:
            self.summaries = []
            for strategy, seed, budget in PROTOCOL["strategies"]:
                if stop.is_set():
                    return None, n
                r = self.run_cell(cell, strategy, seed, budget)
                n += 1
                if r:
                    return r, n
            per_cell.append((self.summaries, sorted(self.reached()) if self.coverage else []))
        return per_cell, n

    def protocol(self, cells, stop):
        n = 0
        for strategy, seed, budget in PROTOCOL["strategies"]:
            for cell in cells:
                if stop.is_set():
                    return None, n
                r = self.run_cell(cell, strategy, seed, budget)
                n += 1
                if r:
                    return r, n
        return {"outcome": "survived"}, n

    def evaluate(self, m, cells, stop):
        """cells: the protocol's cells that run m's function."""
        t0 = time.monotonic()
        self.summaries = []
        path = os.path.join(self.src, m.file)
        orig = self.pristine[m.file]
        try:
            with open(path, "w", encoding="utf-8") as f:
                f.write(mutated_source(m, orig))
            rc, out, err = self.sh(["ninja", "-C", self.build, "reqsim"], 600)
            if rc != 0:
                msg = next((x for x in (out + err).splitlines() if "error:" in x),
                           last_line(out))
                r, n = {"outcome": "stillborn", "message": msg.strip()}, 0
            else:
                r, n = self.protocol(cells, stop)
                if r and r["outcome"] == "survived" and not cells:
                    r["message"] = "no cell of the protocol runs this function"
        finally:
            with open(path, "w", encoding="utf-8") as f:
                f.write(orig)
        if r is None:
            return None
        r.update(base_record(m))
        r["cells_run"] = n
        r["seconds"] = round(time.monotonic() - t0, 2)
        return r


class NotClean(Exception):
    """The unmutated core violates in a cell of the protocol."""


def clean_passes(root, out, worker, cells, a, procs, stop):
    """The protocol on the unmutated core twice at once: as built for the
    mutants (worker) and built with --coverage.  Every cell must be clean.
    A cell whose two passes explored exactly the same schedules (same
    counts of schedules and steps for every strategy and model) may be
    filtered by coverage; one that did not (the coverage build's code may
    differ in what the reduction sees) always runs.  Returns, per cell,
    the core functions it runs or None (always run), and the functions gcov
    knows ('known'): a function gcov has no record of (inlined away) always
    runs every cell."""
    cw = Worker(root, os.path.join(out, "work", "coverage"), a.timeout, procs, coverage=True)
    cw.prepare()
    res = {}

    def go(name, w):
        try:
            res[name] = w.clean_pass(cells, stop)
        except Fail as e:
            res[name] = (e, 0)
    ths = [threading.Thread(target=go, args=(n, w)) for n, w in (("plain", worker), ("cov", cw))]
    for t in ths:
        t.start()
    for t in ths:
        t.join()
    for name in ("plain", "cov"):
        got, _ = res[name]
        if got is None:
            raise KeyboardInterrupt
        if isinstance(got, Fail):
            raise got
        if isinstance(got, dict):
            raise NotClean(f"{got['outcome']} in {got.get('cell')} "
                           f"{got.get('kind', got.get('message', ''))}")
    plain, cov = res["plain"][0], res["cov"][0]
    funcs = [c[1] if p[0] == c[0] else None for p, c in zip(plain, cov)]
    return {"cells": funcs, "known": sorted(cw.known)}


def cells_for(m, cells, cover):
    """The protocol's cells that may tell m from the unmutated core."""
    key = f"{m.file}:{m.func}"
    if cover is None or key not in cover["known"]:
        return cells
    return [c for c, f in zip(cells, cover["cells"]) if f is None or key in f]


def last_line(text):
    lines = [x for x in (text or "").splitlines() if x.strip()]
    return lines[-1].strip() if lines else "(no output)"


def base_record(m):
    return {"id": m.id, "file": m.file, "function": m.func, "op": m.op, "diff": m.diff}


# ---- run ----------------------------------------------------------------------------

def read_results(path):
    done = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                try:
                    r = json.loads(line)
                    done[r["id"]] = r
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut by a kill: that mutant runs again
    return done


def cmd_run(a):
    root = ROOT
    eq = load_equivalent()
    ms = mutants(root, a.op, a.file)
    if a.only:
        ids = {m.id for m in ms}
        bad = sorted(a.only - ids)
        if bad:
            raise Fail(f"--only: no mutant {bad[0]} (see: tools/mutate.py list)")
        ms = [m for m in ms if m.id in a.only]
    out = os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)
    meta_path = os.path.join(out, "run.json")
    meta = {"protocol": PROTOCOL, "core": core_hash(root), "timeout": a.timeout}
    if os.path.exists(meta_path):
        try:
            with open(meta_path, encoding="utf-8") as f:
                old = json.load(f)
        except ValueError:
            raise Fail(f"{meta_path}: damaged; use another --out")
        if old.get("core") != meta["core"] or old.get("protocol") != PROTOCOL:
            raise Fail(f"{out} holds results of another tree or protocol "
                       f"(core {old.get('core')}, now {meta['core']}); use another --out")
        meta["coverage"] = old.get("coverage")
        meta["cells"] = old.get("cells")
    results_path = os.path.join(out, "results.jsonl")
    done = read_results(results_path)
    todo = []
    with open(results_path, "a", encoding="utf-8") as res:
        for m in ms:
            if m.id in done:
                continue
            if m.id in eq:
                r = dict(base_record(m), outcome="equivalent", reason=eq[m.id])
                res.write(json.dumps(r) + "\n")
                continue
            todo.append(m)
    print(f"mutate: {len(ms)} mutants ({len(ms) - len(todo)} done or equivalent, "
          f"{len(todo)} to run), {a.jobs} jobs, results in {out}", flush=True)
    procs, stop = set(), threading.Event()
    workers = [Worker(root, os.path.join(out, "work", f"j{j}"), a.timeout, procs)
               for j in range(a.jobs)]
    t0 = time.monotonic()
    try:
        errors = []

        def prep(w):
            try:
                w.prepare()
            except Fail as e:
                errors.append(str(e))
        ths = [threading.Thread(target=prep, args=(w,)) for w in workers]
        for t in ths:
            t.start()
        for t in ths:
            t.join()
        if errors:
            raise Fail(errors[0])
        cells = workers[0].cells()
        if not cells:
            raise Fail("the verdict table has no clean row to run")
        if meta.get("cells") not in (None, cells):
            raise Fail(f"{out} was run with another verdict table; use another --out")
        meta["cells"] = cells
        cover = None
        if not a.no_baseline:
            cover = meta.get("coverage")
            if cover is None:
                cover = meta["coverage"] = clean_passes(root, out, workers[0], cells, a, procs,
                                                        stop)
                print(f"mutate: unmutated core clean on {len(cells)} cells; coverage of core/ "
                      f"taken ({time.monotonic() - t0:.0f} s)", flush=True)
        with open(meta_path, "w", encoding="utf-8") as f:
            json.dump(meta, f, indent=1)
        q = queue.Queue()
        for m in todo:
            q.put(m)
        lock = threading.Lock()
        count = [0]

        def work(w):
            while not stop.is_set():
                try:
                    m = q.get_nowait()
                except queue.Empty:
                    return
                mine = cells_for(m, cells, cover)
                r = w.evaluate(m, mine, stop)
                if r is not None:
                    r["cells"] = len(mine)
                if r is None:
                    return
                with lock:
                    res.write(json.dumps(r) + "\n")
                    res.flush()
                    os.fsync(res.fileno())
                    count[0] += 1
                    detail = r.get("cell", r.get("message", ""))
                    print(f"[{count[0]}/{len(todo)}] {r['outcome']:9} {m.id} "
                          f"{m.file}:{m.func} {detail}", flush=True)
        with open(results_path, "a", encoding="utf-8") as res:
            ths = [threading.Thread(target=work, args=(w,), daemon=True) for w in workers]
            for t in ths:
                t.start()
            while any(t.is_alive() for t in ths):
                for t in ths:
                    t.join(0.2)
    except NotClean as e:
        print(f"mutate: the unmutated core is not clean: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        stop.set()
        for p in list(procs):
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                pass
        for w in workers:
            try:
                w.restore_all()
            except OSError:
                pass
        print(f"mutate: interrupted; results so far kept in {out}; resume: "
              f"tools/mutate.py run --out {shq(out)} (same options)", file=sys.stderr)
        return 130
    print(f"mutate: {count[0]} mutants run in {time.monotonic() - t0:.0f} s", flush=True)
    return report(out, ms, sys.stdout, as_json=False)


def shq(s):
    return s if re.fullmatch(r"[\w./=-]+", s) else "'" + s.replace("'", "'\\''") + "'"


# ---- report ------------------------------------------------------------------------

def summarise(results):
    counts = {k: 0 for k in ORDER}
    for r in results:
        counts[r["outcome"]] = counts.get(r["outcome"], 0) + 1
    detected = counts["killed"] + counts["crash"] + counts["timeout"]
    scored = len(results) - counts["equivalent"] - counts["stillborn"]
    return counts, detected, scored


def report(out, ms, stream, as_json):
    done = read_results(os.path.join(out, "results.jsonl"))
    eq = load_equivalent()
    ids = [m.id for m in ms] if ms is not None else list(done)
    results = [done[i] for i in ids if i in done]
    for r in results:  # the reviewed list may have grown since the run
        if r["id"] in eq and r["outcome"] == "survived":
            r.update(outcome="equivalent", reason=eq[r["id"]])
    missing = [i for i in ids if i not in done]
    results.sort(key=lambda r: (ORDER.index(r["outcome"]), r["file"], r["function"], r["id"]))
    counts, detected, scored = summarise(results)
    score = detected / scored if scored else None
    doc = {"score": score, "detected": detected, "scored": scored, "counts": counts,
           "not_run": missing, "mutants": results, "protocol": PROTOCOL}
    data = json.dumps(doc, indent=1)
    tmp = os.path.join(out, ".report.json.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(data)
    os.replace(tmp, os.path.join(out, "report.json"))
    if as_json:
        stream.write(data + "\n")
        return 0
    w = stream.write
    for r in results:
        if r["outcome"] == "killed":
            detail = f"{r['kind']} in {r['cell']} model={r['model']} run={r['run']}"
        elif r["outcome"] == "equivalent":
            detail = r.get("reason", "")
        else:
            detail = r.get("cell", "") or r.get("message", "")
            if r.get("message") and r.get("cell"):
                detail += ": " + r["message"]
        w(f"{r['outcome']:10} {r['id']:24} {r['file']}:{r['function']}\n"
          f"{'':10} {r['diff']}\n{'':10} {detail}\n")
    w("\n" + "  ".join(f"{k} {counts[k]}" for k in ORDER))
    if missing:
        w(f"  not run {len(missing)}")
    w("\n")
    if score is not None:
        w(f"mutation score: {detected}/{scored} = {100 * score:.1f}% "
          f"(killed + crash + timeout over all but equivalent and stillborn)\n")
    return 0


def cmd_report(a):
    out = os.path.abspath(a.out)
    if not os.path.exists(os.path.join(out, "results.jsonl")):
        raise Fail(f"{out}: no results.jsonl (run: tools/mutate.py run --out {shq(a.out)})")
    return report(out, None if a.all_stored else mutants(ROOT), sys.stdout, a.json)


def cmd_list(a):
    eq = load_equivalent()
    for m in mutants(ROOT, a.op, a.file):
        mark = "equivalent" if m.id in eq else "-"
        if a.tsv:
            print("\t".join([m.id, m.file, m.func, m.op, mark, m.diff]))
        else:
            print(f"{m.id:24} {m.file}:{m.func}  {m.diff}" + ("  [equivalent]" if m.id in eq
                                                               else ""))
    return 0


def cmd_show(a):
    for m in mutants(ROOT):
        if m.id == a.id:
            with open(os.path.join(ROOT, m.file), encoding="utf-8") as f:
                orig = f.read()
            new = mutated_source(m, orig)
            import difflib
            sys.stdout.writelines(difflib.unified_diff(
                orig.splitlines(True), new.splitlines(True), f"a/{m.file}", f"b/{m.file}", n=2))
            eq = load_equivalent()
            if m.id in eq:
                print(f"# equivalent: {eq[m.id]}")
            return 0
    raise Fail(f"no mutant {a.id} (see: tools/mutate.py list)")


def positive(text):
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}")
    if not 1 <= v <= 4096:
        raise argparse.ArgumentTypeError(f"out of range (1..4096): {text}")
    return v


class Parser(argparse.ArgumentParser):
    def error(self, message):
        raise Fail(message)


def on_term(signum, frame):
    raise KeyboardInterrupt


def main(argv=None):
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, on_term)
    ap = Parser(description=__doc__.split("\n")[0],
                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True, parser_class=Parser)
    ops = sorted({"drop-barrier", "weaken-barrier", "relax-rmw", "split-rmw", "swap",
                  "move-lock", "drop-operand", "negate", "drop-call", "drop-pair", "flip-bool"})
    files = cmutate.core_files(ROOT)
    for name in ("list", "run"):
        p = sub.add_parser(name, help=f"{name} the mutants")
        p.add_argument("--op", help="operators, comma-separated: " + ",".join(ops))
        p.add_argument("--file", help="core files, comma-separated (core/x86.c,...)")
        if name == "list":
            p.add_argument("--tsv", action="store_true", help="ID FILE FUNCTION OP EQUIV DIFF")
        else:
            p.add_argument("--out", default="mutate-out", help="results (default ./mutate-out)")
            p.add_argument("--jobs", "-j", type=positive, default=os.cpu_count() or 1)
            p.add_argument("--only", help="mutant ids, comma-separated")
            p.add_argument("--timeout", type=positive, default=120,
                           help="seconds per cell before it counts as a timeout (default 120)")
            p.add_argument("--no-baseline", action="store_true",
                           help="skip the coverage pass of the unmutated core "
                                "(then every mutant runs every cell)")
    p = sub.add_parser("show", help="the diff of one mutant")
    p.add_argument("id")
    p = sub.add_parser("report", help="survivors first, then the score")
    p.add_argument("--out", default="mutate-out")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all-stored", action="store_true",
                   help="every stored result, not only mutants of today's core")
    try:
        a = ap.parse_args(argv)
        if getattr(a, "op", None):
            a.op = csv_set(a.op, "op", ops)
        if getattr(a, "file", None):
            a.file = csv_set(a.file, "file", files)
        if getattr(a, "only", None):
            a.only = csv_set(a.only, "only")
        return {"list": cmd_list, "show": cmd_show, "run": cmd_run,
                "report": cmd_report}[a.cmd](a)
    except Fail as e:
        print(f"mutate: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("mutate: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
