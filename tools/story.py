#!/usr/bin/env python3
"""story.py: the one-sentence story of a violation, derived from its trace.

    tools/story.py TRACE.jsonl [--kind K --step N --message M --site S...]

Input: the JSON-lines trace of a replayed (minimized) schedule, as written by
`reqsim replay FILE --trace jsonl -o TRACE.jsonl`, and the violation (kind,
step, message, sites) from the replay's VIOLATION lines.

Nothing here knows a scenario.  It works on what every trace has: steps of
threads on named locations (vcpu0->requests, vcpu0->mode, irr0, ...), with
the op (load, store, rmw, drain), the value and the label of the call site.

 1. The victim is the thread at the violation: the thread of the last step
    whose site is one of the violation's sites, else the thread the message
    names first, else the thread of the last step.
 2. A "missed store" is a pair (reader R, writer W != R, named location L):
    R's last read of L before the violation did not see W's last write to L
    before the violation, because that write came after the read, or because
    it was still buffered (visible only at a later drain).  A cmpxchg counts
    as a read only: the trace does not say whether it wrote.
 3. The sentence tells at most two of them: first one where the victim is the
    reader (it missed someone's write: "req0 wrote vcpu0->requests at step 7,
    after vcpu0's final read of it at step 5"), then one where the victim is
    the writer (someone missed the victim's store: "req0 read vcpu0->mode as
    OUTSIDE_GUEST_MODE at step 11, missing vcpu0's store of IN_GUEST_MODE
    (step 3, visible only at step 12)"), preferring the same other thread,
    then what the victim did last.  When it finds neither it says so and
    only states the final step and the oracle's message.
 4. The key steps (the ones the sentence names) and the decisive steps (every
    step on a named location) are returned for highlighting.

Standard library only.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Sequence

READ_OPS = {"load", "rmw"}
WRITE_OPS = {"store", "store+mb", "rmw"}
# An rmw is a read (a check whose result the code uses) only when it returns
# a value: cmpxchg, xchg, test_and_*, atomic_*_return, fetch_*.  set_bit,
# clear_bit, atomic_inc and friends only write.
VALUE_RMW_RE = re.compile(r"cmpxchg|xchg|test_and_|_return|fetch_|atomic_read")

# Value names of well-known fields, by the last component of a location name.
# Not per scenario: vcpu->mode is the same field everywhere.
VALUE_NAMES: dict[str, dict[int, str]] = {
    "mode": {0: "OUTSIDE_GUEST_MODE", 1: "IN_GUEST_MODE", 2: "EXITING_GUEST_MODE",
             3: "READING_SHADOW_PAGE_TABLES"},
}


@dataclasses.dataclass
class Story:
    sentence: str
    victim: str | None
    key_steps: list[int]
    decisive_steps: list[int]
    found: bool  # False: no missed store identified (the sentence says so)

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass
class Missed:
    reader: str
    writer: str
    loc: str
    read: dict[str, Any]
    write: dict[str, Any]
    visible: int | None  # step at which the write became visible; None: never

    @property
    def after(self) -> bool:
        """The write happened after the read (not a buffering effect)."""
        return int(self.write["step"]) > int(self.read["step"])


def parse_jsonl(text: str) -> list[dict[str, Any]]:
    """Trace records; lines that are not JSON objects (e.g. a truncation mark) are skipped."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and isinstance(rec.get("step"), int):
            out.append(rec)
    return out


def is_named(r: dict[str, Any]) -> bool:
    loc = r.get("loc")
    return (r.get("kind") in ("step", "drain") and isinstance(loc, str) and bool(loc)
            and not loc.startswith("@"))


def value_text(loc: str, v: Any) -> str:
    if not isinstance(v, int):
        return str(v)
    if (v & 0xFFFFFFFFFFFFFFFF) >> 62:  # an arena identity: a pointer (as the text trace)
        return f"&{v & 0xFFFFFFFFFF:x}"
    field = re.split(r"->|\.", loc)[-1] if loc else ""
    names = VALUE_NAMES.get(field)
    if names and v in names:
        return names[v]
    return str(v)


def _is_cmpxchg(r: dict[str, Any]) -> bool:
    return "cmpxchg" in str(r.get("label", ""))


def _is_read(r: dict[str, Any]) -> bool:
    op = r.get("op")
    return op == "load" or (op == "rmw" and bool(VALUE_RMW_RE.search(str(r.get("label", "")))))


def _site_of(r: dict[str, Any]) -> str:
    return f"{r.get('file', '')}:{r.get('line', '')}"


def find_victim(recs: Sequence[dict[str, Any]], sites: Sequence[str],
                message: str) -> str | None:
    steps = [r for r in recs if r.get("kind") == "step" and r.get("thread")]
    site_keys = {s.split()[0] for s in sites if s.strip()}
    for r in reversed(steps):
        if _site_of(r) in site_keys:
            return str(r["thread"])
    names = sorted({str(r["thread"]) for r in steps}, key=len, reverse=True)
    best: tuple[int, str] | None = None
    for n in names:
        m = re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", message or "")
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), n)
    if best:
        return best[1]
    return str(steps[-1]["thread"]) if steps else None


def visibility(recs: Sequence[dict[str, Any]], w: dict[str, Any]) -> int | None:
    """Step at which write w became visible to other threads (None: not by the end)."""
    if not w.get("buffered"):
        return int(w["step"])
    for r in recs:
        if (r.get("kind") == "drain" and r["step"] > w["step"] and r.get("tid") == w.get("tid")
                and r.get("loc") == w.get("loc")):
            return int(r["step"])
    return None


def missed_stores(recs: Sequence[dict[str, Any]], end_step: int) -> list[Missed]:
    named = [r for r in recs if is_named(r) and r.get("kind") == "step" and r["step"] <= end_step]
    last_read: dict[tuple[str, str], dict[str, Any]] = {}
    last_write: dict[tuple[str, str], dict[str, Any]] = {}
    for r in named:
        key = (str(r["thread"]), str(r["loc"]))
        if _is_read(r):
            last_read[key] = r
        if r.get("op") in WRITE_OPS and not _is_cmpxchg(r):
            last_write[key] = r
    out = []
    for (reader, loc), rd in last_read.items():
        for (writer, wloc), wr in last_write.items():
            if wloc != loc or writer == reader:
                continue
            vis = visibility(recs, wr)
            if vis is not None and vis <= rd["step"] and not rd.get("older_store"):
                continue  # the read could see it (and did not read an older store)
            if wr.get("op") != "rmw" and wr.get("value") == rd.get("value"):
                continue  # same value: nothing was missed
            if (wr.get("op") == "rmw" and wr["step"] < rd["step"]
                    and rd.get("value") != wr.get("value")):
                continue  # the read saw a change since the rmw's old value: maybe it
            out.append(Missed(reader, writer, loc, rd, wr, vis))
    out.sort(key=lambda m: (m.write["step"], m.read["step"], m.loc, m.reader, m.writer))
    return out


def _read_phrase(r: dict[str, Any]) -> str:
    return f"{r.get('label', r.get('op'))} -> {value_text(str(r.get('loc')), r.get('value'))}"


def _store_phrase(w: dict[str, Any]) -> str:
    """'stored IN_GUEST_MODE' or 'did clear_bit(...) on it'."""
    if w.get("op") == "rmw":
        return f"did {w.get('label', 'an atomic update')} on it"
    return f"stored {value_text(str(w.get('loc')), w.get('value'))}"


def _victim_missed(m: Missed) -> str:
    """The victim (reader) missed W's write."""
    w, r = m.write, m.read
    s = (f"{m.writer} wrote {m.loc} ({w.get('label')}) at step {w['step']}")
    if m.after:
        s += f", after {m.reader}'s final read of it ({_read_phrase(r)}) at step {r['step']}"
    elif r.get("older_store"):
        s += (f", but {m.reader}'s final read of it at step {r['step']} read an older "
              f"store ({r.get('text', _read_phrase(r))})")
    else:
        s += (f", but {m.reader}'s final read of it ({_read_phrase(r)}) at step "
              f"{r['step']} did not see it")
        s += (f" (buffered, visible only at step {m.visible})" if m.visible is not None
              else " (still buffered)")
    return s


def _other_missed(m: Missed, recs: Sequence[dict[str, Any]], end_step: int) -> str:
    """Another thread (reader) missed the victim's (writer's) store."""
    w, r = m.write, m.read
    s = (f"{m.reader} read {m.loc} as {value_text(m.loc, r.get('value'))} "
         f"({r.get('label')}) at step {r['step']}, ")
    if m.after:
        s += f"before {m.writer} {_store_phrase(w)} at step {w['step']}"
    elif r.get("older_store"):
        s += (f"an older store, not {m.writer}'s ({_store_phrase(w)} at step "
              f"{w['step']})")
    else:
        what = _store_phrase(w).replace("stored ", "store of ").replace("did ", "")
        s += f"missing {m.writer}'s {what} (step {w['step']}, "
        s += (f"visible only at step {m.visible})" if m.visible is not None
              else "still buffered)")
    if not _ipi_after(recs, m.reader, int(r["step"]), end_step):
        s += ", and no IPI followed"
    return s


def _ipi_after(recs: Sequence[dict[str, Any]], thread: str, step: int, end: int) -> bool:
    for x in recs:
        if not step < x["step"] < end:
            continue
        if x.get("kind") == "step" and x.get("thread") == thread and x.get("op") == "ipi":
            return True
        if x.get("kind") == "event" and "IPI" in str(x.get("text", "")):
            return True
    return False


def _last_action(recs: Sequence[dict[str, Any]], victim: str | None) -> dict[str, Any] | None:
    for r in reversed(recs):
        if r.get("kind") == "step" and r.get("thread") == victim:
            return r
    return None


def tell(recs: Sequence[dict[str, Any]], *, kind: str, step: int | None, message: str = "",
         sites: Sequence[str] = ()) -> Story:
    """The story of a violation of `kind` at `step` (None: after the last record)."""
    recs = sorted((r for r in recs if isinstance(r.get("step"), int)), key=lambda r: r["step"])
    end = step if step is not None else (recs[-1]["step"] + 1 if recs else 0)
    decisive = sorted({int(r["step"]) for r in recs if is_named(r) and r["step"] < end})
    victim = find_victim(recs, sites, message)
    last = _last_action(recs, victim)
    missed = missed_stores(recs, end)
    mine = [m for m in missed if m.reader == victim]
    theirs = [m for m in missed if m.writer == victim]
    parts: list[str] = []
    keys: set[int] = set()
    # The victim's miss: the latest write it did not see (the one still pending).
    first: Missed | None = mine[-1] if mine else None
    # Someone else's miss of the victim's store: one after which the reader
    # sent no IPI (a read followed by an IPI did not lose anything), preferring
    # the first writer reading after its write (the store-buffering shape).
    quiet = [m for m in theirs if not _ipi_after(recs, m.reader, int(m.read["step"]), end)]
    second: Missed | None = None
    if first is not None:
        shaped = [m for m in quiet if m.reader == first.writer
                  and m.read["step"] > first.write["step"]]
        second = shaped[-1] if shaped else None
    elif quiet:
        second = quiet[-1]
    elif theirs:
        second = theirs[-1]
    for m, phrase in ((first, _victim_missed), (second, None)):
        if m is None:
            continue
        parts.append(phrase(m) if phrase else _other_missed(m, recs, end))
        keys.update({int(m.read["step"]), int(m.write["step"])})
        if m.visible is not None and m.visible != m.write["step"] and m.visible < end:
            keys.add(m.visible)
    tail = ""
    if last is not None:
        act = last.get("text") or last.get("label")
        if last["step"] in keys:
            tail = f"the oracle reports {kind} at step {end}"
        elif last["step"] >= max(keys, default=-1):
            tail = f"then {victim} did {act} at step {last['step']}: {kind}"
        else:
            tail = (f"{kind} at step {end} ({victim}'s last step: {act} at step "
                    f"{last['step']})")
        keys.add(int(last["step"]))
    if parts:
        sentence = "; ".join(parts) + (f"; {tail}." if tail else ".")
        return Story(sentence, victim, sorted(keys), decisive, True)
    what = tail or f"the oracle reported {kind}" + (f" at step {step}" if step is not None else "")
    sentence = (f"No read that missed another thread's write to a named location was "
                f"found in this trace; {what} ({message.strip() or 'no message'}).")
    return Story(sentence, victim, sorted(keys), decisive, False)


# ---- reqsim replay output ------------------------------------------------------------

_VIOL_RE = re.compile(r"^VIOLATION (?P<kind>\S+) at step (?P<step>\d+): (?P<msg>.*)$")


def parse_replay(stdout: str) -> dict[str, Any] | None:
    """The violation of a `reqsim replay`/`run` output: kind, step, message,
    signature, sites, steps, decisions, hash, hash_ok.  None when clean."""
    v: dict[str, Any] | None = None
    for line in stdout.splitlines():
        m = _VIOL_RE.match(line)
        if m and v is None:
            v = {"kind": m["kind"], "step": int(m["step"]), "message": m["msg"], "sites": []}
            continue
        if v is None:
            continue
        s = line.strip()
        if s.startswith("signature "):
            v["signature"] = s.split()[1]
        elif s.startswith("site "):
            v["sites"].append(s[5:])
        elif s.startswith("result "):
            for tok in s.split()[1:]:
                if "=" in tok:
                    k, _, val = tok.partition("=")
                    v[{"hash": "trace_hash"}.get(k, k)] = int(val) if val.isdigit() else val
        elif s.startswith("trace hash matches"):
            v["hash_ok"] = True
    return v


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="story.py", description="Print the one-sentence story of a violation from "
        "its JSON-lines trace (reqsim replay F --trace jsonl -o T).")
    p.add_argument("trace", help="JSON-lines trace file")
    p.add_argument("--kind", default="violation", help="violation kind")
    p.add_argument("--step", type=int, help="violation step")
    p.add_argument("--message", default="", help="the oracle's message")
    p.add_argument("--site", action="append", default=[], help="violation site (repeatable)")
    p.add_argument("--json", action="store_true", help="print the analysis as JSON")
    a = p.parse_args(argv)
    try:
        text = Path(a.trace).read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        print(f"story.py: {a.trace}: {e.strerror}", file=sys.stderr)
        return 2
    st = tell(parse_jsonl(text), kind=a.kind, step=a.step, message=a.message, sites=a.site)
    print(json.dumps(st.to_json(), indent=1) if a.json else st.sentence)
    return 0


if __name__ == "__main__":
    sys.exit(main())
