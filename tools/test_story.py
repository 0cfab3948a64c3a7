#!/usr/bin/env python3
"""Tests for tools/story.py.  Run: python3 tools/test_story.py (or -m unittest)."""
from __future__ import annotations

import json
import sys
import unittest
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import story  # noqa: E402


def rec(step: int, tid: int, thread: str, op: str, label: str, loc: str | None = None,
        value: int = 0, *, buffered: bool = False, kind: str = "step", text: str = "",
        line: int = 1, older: bool = False) -> dict[str, Any]:
    r: dict[str, Any] = {"step": step, "time": step, "kind": kind, "tid": tid,
                         "thread": thread, "op": op, "file": "f.c", "line": line,
                         "func": "fn", "label": label, "value": value, "buffered": buffered,
                         "forwarded": False, "older_store": older, "text": text or label}
    if loc:
        r["loc"] = loc
    if kind != "step":
        r.pop("op")
    return r


def dekker_tso(v: str = "vcpu0", q: str = "req0", req: str = "vcpu0->requests",
               mode: str = "vcpu0->mode") -> list[dict[str, Any]]:
    """The TSO trace of dekker with no-mb-after-in-guest-mode, as reqsim prints it."""
    return [
        rec(0, 0, v, "load", "READ_ONCE(vcpu->requests)", req, 0),
        rec(2, 0, v, "irq", "local_irq_disable()"),
        rec(3, 0, v, "store", "smp_store_release(&vcpu->mode)", mode, 1, buffered=True),
        rec(4, 0, v, "load", "READ_ONCE(vcpu->mode)", mode, 1),
        rec(5, 0, v, "load", "READ_ONCE(vcpu->requests)", req, 0),
        rec(6, 1, q, "fence", "smp_wmb()"),
        rec(7, 1, q, "rmw", "set_bit(req & KVM_REQUEST_MASK)", req, 0),
        rec(8, 1, q, "fence", "smp_mb()"),
        rec(11, 1, q, "rmw", "cmpxchg(&vcpu->mode)", mode, 0),
        rec(12, 0, v, "", "smp_store_release(&vcpu->mode)", mode, 1, kind="drain"),
        rec(13, 0, v, "guest_run", "guest_run()", text="guest_run(): enters guest", line=320),
    ]


class TellTest(unittest.TestCase):
    def test_dekker_sentence(self) -> None:
        st = story.tell(dekker_tso(), kind="missed-request", step=14,
                        message="vcpu0 runs in guest mode with a request pending",
                        sites=["f.c:320 kvm_guest_run guest_run()"])
        self.assertTrue(st.found)
        self.assertEqual(st.victim, "vcpu0")
        s = st.sentence
        self.assertIn("req0 wrote vcpu0->requests (set_bit(req & KVM_REQUEST_MASK)) at step 7",
                      s)
        self.assertIn("after vcpu0's final read of it (READ_ONCE(vcpu->requests) -> 0) at "
                      "step 5", s)
        self.assertIn("req0 read vcpu0->mode as OUTSIDE_GUEST_MODE (cmpxchg(&vcpu->mode)) at "
                      "step 11", s)
        self.assertIn("missing vcpu0's store of IN_GUEST_MODE (step 3, visible only at "
                      "step 12)", s)
        self.assertIn("no IPI followed", s)
        self.assertTrue(s.endswith("then vcpu0 did guest_run(): enters guest at step 13: "
                                   "missed-request."), s)
        self.assertEqual(st.key_steps, [3, 5, 7, 11, 12, 13])
        self.assertEqual(st.decisive_steps, [0, 3, 4, 5, 7, 11, 12])

    def test_names_come_from_the_trace(self) -> None:
        """Nothing is keyed on thread or scenario names: rename them all."""
        st = story.tell(dekker_tso("cpuA", "writer", "flag", "turn.mode"), kind="k", step=14,
                        message="", sites=["f.c:320 x"])
        self.assertEqual(st.victim, "cpuA")
        self.assertIn("writer wrote flag", st.sentence)
        self.assertIn("writer read turn.mode as OUTSIDE_GUEST_MODE", st.sentence)
        self.assertNotIn("vcpu0", st.sentence)

    def test_an_ipi_means_the_read_did_not_matter(self) -> None:
        recs = dekker_tso()
        recs.insert(9, rec(11, 1, "req0", "ipi", "smp_call_function_single"))
        recs[8]["step"] = 10
        st = story.tell(recs, kind="k", step=14, sites=["f.c:320 x"])
        self.assertNotIn("mode", st.sentence)
        self.assertIn("req0 wrote vcpu0->requests", st.sentence)

    def test_stale_payload_buffered(self) -> None:
        recs = [rec(0, 1, "req0", "store", "WRITE_ONCE(s->payload)", "payload0", 1,
                    buffered=True),
                rec(1, 1, "req0", "rmw", "set_bit(x)", "vcpu0->requests", 0),
                rec(2, 0, "vcpu0", "load", "READ_ONCE(vcpu->requests)", "vcpu0->requests",
                    16),
                rec(3, 0, "vcpu0", "load", "READ_ONCE(s->payload[n])", "payload0", 0)]
        st = story.tell(recs, kind="stale-payload", step=3, message="vcpu0 read a stale")
        self.assertIn("req0 wrote payload0 (WRITE_ONCE(s->payload)) at step 0, but vcpu0's "
                      "final read of it (READ_ONCE(s->payload[n]) -> 0) at step 3 did not see "
                      "it (still buffered)", st.sentence)
        self.assertNotIn("requests", st.sentence, "the request was seen: not a miss")

    def test_honest_when_nothing_is_found(self) -> None:
        recs = [rec(0, 0, "t0", "load", "READ_ONCE(a)", "@10", 0),
                rec(1, 1, "t1", "store", "WRITE_ONCE(b)", "@20", 1),
                rec(2, 0, "t0", "schedule", "schedule()")]
        st = story.tell(recs, kind="lost-wakeup", step=3, message="t0 sleeps forever")
        self.assertFalse(st.found)
        self.assertTrue(st.sentence.startswith("No read that missed another thread's write"))
        self.assertIn("t0 sleeps forever", st.sentence)
        self.assertIn("lost-wakeup", st.sentence)

    def test_empty_and_garbage_trace(self) -> None:
        self.assertEqual(story.parse_jsonl("garbage\n# 5 steps omitted\n{not json\n[1]\n"), [])
        st = story.tell([], kind="livelock", step=None, message="no quiescence")
        self.assertFalse(st.found)
        self.assertIn("livelock", st.sentence)

    def test_value_names(self) -> None:
        self.assertEqual(story.value_text("vcpu1->mode", 2), "EXITING_GUEST_MODE")
        self.assertEqual(story.value_text("vcpu1->requests", 2), "2")
        self.assertEqual(story.value_text("x", (1 << 62) | 0xA80), "&a80")


class ParseReplayTest(unittest.TestCase):
    def test_replay_output(self) -> None:
        out = ("run scenario=dekker model=tso replay=x.sched\n"
               "VIOLATION missed-request at step 14: vcpu0 runs in guest mode\n"
               "  signature aaffd5ab9d0e11dc\n"
               "  site kvm_main.c:320 kvm_guest_run guest_run()\n"
               "result violation steps=14 decisions=13 vtime=14ns hash=e8dd95b46d95a58a\n"
               "trace hash matches the recorded one\n")
        v = story.parse_replay(out)
        assert v is not None
        self.assertEqual((v["kind"], v["step"], v["signature"], v["decisions"], v["steps"],
                          v["trace_hash"]),
                         ("missed-request", 14, "aaffd5ab9d0e11dc", 13, 14,
                          "e8dd95b46d95a58a"))
        self.assertEqual(v["sites"], ["kvm_main.c:320 kvm_guest_run guest_run()"])
        self.assertTrue(v["hash_ok"])
        self.assertIsNone(story.parse_replay("run ...\nresult clean steps=5\n"))

    def test_cli(self) -> None:
        import subprocess
        import tempfile
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            f.write("".join(json.dumps(r) + "\n" for r in dekker_tso()))
        p = subprocess.run([sys.executable, str(Path(__file__).parent / "story.py"), f.name,
                            "--kind", "missed-request", "--step", "14", "--site",
                            "f.c:320 x", "--json"], capture_output=True, text=True)
        Path(f.name).unlink()
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["victim"], "vcpu0")


if __name__ == "__main__":
    unittest.main()
