#!/usr/bin/env python3
"""Every scenario under every model: explore with the default strategy, then
replay every schedule it saved and check the replay reproduces the violation
bit for bit (same trace hash).  Usage: test_explore_all.py PATH_TO_REQSIM"""
import pathlib
import re
import subprocess
import sys
import tempfile


def main() -> int:
    reqsim = sys.argv[1]
    failures = 0
    with tempfile.TemporaryDirectory() as d:
        out = pathlib.Path(d) / "s"
        p = subprocess.run([reqsim, "explore", "all", "--all-models", "--budget", "300",
                            "--out", str(out)], capture_output=True, text=True)
        if p.returncode != 1:
            print(f"FAIL explore all: exit {p.returncode}, expected 1\n{p.stderr}")
            return 1
        m = re.search(r"total: (\d+) schedules.*?(\d+) distinct violations", p.stdout)
        if not m or int(m.group(1)) == 0:
            print(f"FAIL: no total line\n{p.stdout[-2000:]}")
            return 1
        files = sorted(out.glob("*.sched"))
        if len(files) != int(m.group(2)):
            print(f"FAIL: {len(files)} files for {m.group(2)} distinct violations")
            failures += 1
        # sb under tso and pso must be among them (the Dekker shape)
        for want in ("sb-tso-litmus-exists", "sb-pso-litmus-exists", "mp-pso-litmus-exists",
                     "iriw-wmm-litmus-exists", "mp_wmb-no-rmb-wmm-litmus-exists"):
            if not any(f.name.startswith(want) for f in files):
                print(f"FAIL: no schedule {want}*")
                failures += 1
        # correct programs never show up
        # (plain IRIW is allowed under wmm: the kernel's model is not
        # multi-copy atomic)
        for bad in ("sb-sc", "sb_mbs-", "lb-", "iriw-sc", "iriw-tso", "iriw-pso",
                    "iriw_mbs-", "corr-", "coww-", "sb_xchgs-", "mp_rel_acq-",
                    "wrc_rel_acq-", "dekker-", "payload-", "tlb_flush-",
                    "outside_guest_mode-", "halt-", "mixed-", "its-", "kick_all-",
                    "async_pf-"):
            hits = [f.name for f in files if f.name.startswith(bad)]
            if hits:
                print(f"FAIL: violation in a correct program: {hits}")
                failures += 1
        for f in files:
            r = subprocess.run([reqsim, "replay", str(f)], capture_output=True, text=True)
            if r.returncode != 1 or "trace hash matches" not in r.stdout:
                print(f"FAIL replay {f.name}: exit {r.returncode}\n{r.stdout}{r.stderr}")
                failures += 1
        # minimize keeps the violation and never makes a schedule longer
        for f in files:
            r = subprocess.run([reqsim, "minimize", str(f)], capture_output=True, text=True)
            m = re.search(r"decisions (\d+) -> (\d+)", r.stdout)
            out = f.with_name(f.name[:-len(".sched")] + ".min.sched")
            if r.returncode != 1 or not m or int(m.group(2)) > int(m.group(1)) \
                    or not out.exists():
                print(f"FAIL minimize {f.name}: exit {r.returncode}\n{r.stdout}{r.stderr}")
                failures += 1
                continue
            r2 = subprocess.run([reqsim, "replay", str(out)], capture_output=True, text=True)
            kind = f.name.split("-")[-2] if "-" in f.name else ""
            if r2.returncode != 1 or "trace hash matches" not in r2.stdout:
                print(f"FAIL replay of minimized {out.name}: exit {r2.returncode}\n"
                      f"{r2.stdout}{r2.stderr}")
                failures += 1
            out.unlink()
        # --jobs: the same schedules, counts and files for any number of jobs
        outs = []
        for j in (1, 3):
            d2 = pathlib.Path(d) / f"j{j}"
            r = subprocess.run([reqsim, "explore", "mixed", "--bug", "check-before-in-guest-mode",
                                "--model", "tso", "--strategy", "random", "--budget", "3000",
                                "--jobs", str(j), "--out", str(d2)], capture_output=True, text=True)
            line = [l for l in r.stdout.splitlines() if l.startswith("explored")]
            key = re.sub(r", [0-9.]+s,.*", "", line[-1]) if line else ""
            files_j = {f.name: f.read_text() for f in sorted(d2.glob("*.sched"))}
            outs.append((r.returncode, key, files_j))
        if outs[0] != outs[1] or outs[0][0] != 1 or not outs[0][2]:
            print(f"FAIL --jobs 3 differs from --jobs 1:\n{outs[0][:2]}\n{outs[1][:2]}")
            failures += 1
        print(f"{len(files)} schedules replayed and minimized, {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
