#!/usr/bin/env bash
# fuzz/afl_smoke_test.sh: ctest afl_parallel_usage (cli) and
# fuzz_smoke_afl_parallel (fuzz-smoke) for fuzz/afl_parallel.sh.
#
#   afl_smoke_test.sh usage
#     Bad arguments give one line on stderr and exit 2 (no AFL++ needed).
#   afl_smoke_test.sh REPLAYER REQSIM [SECONDS]
#     The same, then: builds the AFL++ target and its custom mutator with
#     afl-clang-fast into a temporary build directory, checks the mutator's
#     hooks (tests/test_afl_mutator.py), runs two instances (main, s1) on one sync
#     directory for SECONDS (default 15) on dekker, TSO, bug
#     check-before-in-guest-mode, and checks that both wrote fuzzer_stats, that
#     a crash file appeared, that it violates under the standalone replayer
#     with the bug on and not with it off, and that it imports into a .sched
#     that `reqsim replay` reproduces (as fuzz/smoke_test.sh for libFuzzer).
#     Exit 77 (skipped) when afl-fuzz or afl-clang-fast is missing.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
script="$here/afl_parallel.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL: $*"; exit 1; }

# usage_case EXPECTED_RC ARGS...: the exit status, nothing on stdout, and for
# an error exactly one line on stderr.
usage_case() {
	local want=$1 rc=0
	shift
	"$script" "$@" >"$tmp/u.out" 2>"$tmp/u.err" || rc=$?
	[ "$rc" -eq "$want" ] || fail "afl_parallel.sh $*: exit $rc, expected $want ($(head -c 300 "$tmp/u.err"))"
	if [ "$want" -ne 0 ]; then
		[ ! -s "$tmp/u.out" ] || fail "afl_parallel.sh $*: wrote to stdout on a usage error"
		[ "$(wc -l <"$tmp/u.err")" -eq 1 ] ||
			fail "afl_parallel.sh $*: expected one line on stderr, got: $(cat "$tmp/u.err")"
		grep -q '^afl_parallel.sh: ' "$tmp/u.err" || fail "afl_parallel.sh $*: no program name"
	fi
}

usage_case 0 --help
grep -q '^usage: ' "$tmp/u.out" || fail "--help prints no usage line"
usage_case 2 --bogus
usage_case 2 --jobs 0
usage_case 2 --jobs
usage_case 2 --jobs=-1
usage_case 2 --seconds 0
usage_case 2 --seconds x
usage_case 2 --params novalue
usage_case 2 --target "$tmp/no-such-target"
usage_case 2 --seeds "$tmp/no-such-dir"
usage_case 2 --build --target /bin/true
usage_case 2 --form nope
usage_case 2 --form
echo "usage: bad arguments give one line and exit 2"
[ "${1:-}" = usage ] && exit 0

[ $# -ge 2 ] || { echo "usage: afl_smoke_test.sh usage | REPLAYER REQSIM [SECONDS]"; exit 2; }
replayer=$1 reqsim=$2 secs=${3:-15}
command -v afl-fuzz >/dev/null 2>&1 || { echo "skip: no afl-fuzz"; exit 77; }
command -v afl-clang-fast >/dev/null 2>&1 || { echo "skip: no afl-clang-fast"; exit 77; }

gen=()
command -v ninja >/dev/null 2>&1 && gen=(-G Ninja)
t0=$SECONDS
{ cmake -S "$root" -B "$tmp/build" "${gen[@]}" -DCMAKE_C_COMPILER=afl-clang-fast \
    -DCMAKE_BUILD_TYPE=Release -DREQSIM_FUZZ_ENGINE=afl &&
  cmake --build "$tmp/build" --target reqsim-fuzz-afl reqsim-afl-mutator; } >"$tmp/build.log" 2>&1 ||
	{ tail -20 "$tmp/build.log"; fail "build of reqsim-fuzz-afl and reqsim-afl-mutator"; }
target="$tmp/build/fuzz/reqsim-fuzz-afl"
[ -x "$target" ] || fail "$target not built"
echo "built reqsim-fuzz-afl and reqsim-afl-mutator in $((SECONDS - t0))s"

# the custom mutator's hooks as afl-fuzz calls them: mutants per queue pick,
# trimming by constraints (tests/test_afl_mutator.py)
python3 "$root/tests/test_afl_mutator.py" "$tmp/build/fuzz/reqsim-afl-mutator.so" \
	>"$tmp/mut.log" 2>&1 || { tail -30 "$tmp/mut.log"; fail "tests/test_afl_mutator.py"; }
echo "custom mutator hooks: $(tail -n 3 "$tmp/mut.log" | head -n 1)"

# a configuration the harness rejects: one line, exit 2, before afl-fuzz runs
usage_case 2 --target "$target" --scenario no-such-scenario --out "$tmp/bad"
grep -q 'unknown scenario' "$tmp/u.err" || fail "bad scenario: $(cat "$tmp/u.err")"

# The abstract form as afl-fuzz runs it with the custom mutator only leaves
# no code coverage in the map (fuzz/afl_main.c): without feedback, one
# constant cell.  REQSIM_FUZZ_CODE_COVERAGE=1 and the byte form keep
# afl-clang-fast's edges.
tuples() {
	rm -f "$tmp/map"
	printf '\0' | env REQSIM_FUZZ_SCENARIO=dekker REQSIM_FUZZ_MODEL=tso REQSIM_FUZZ_ARCH=x86 \
		REQSIM_FUZZ_FEEDBACK=0 "$@" afl-showmap -q -o "$tmp/map" -- "$target" >/dev/null 2>&1
	[ -f "$tmp/map" ] && wc -l <"$tmp/map" || echo 0
}
n_abs=$(tuples REQSIM_FUZZ_FORM=abstract AFL_CUSTOM_MUTATOR_ONLY=1)
n_cov=$(tuples REQSIM_FUZZ_FORM=abstract AFL_CUSTOM_MUTATOR_ONLY=1 REQSIM_FUZZ_CODE_COVERAGE=1)
n_bytes=$(tuples REQSIM_FUZZ_FORM=bytes)
[ "$n_abs" -eq 1 ] || fail "abstract form without feedback: $n_abs map cells, expected 1"
[ "$n_cov" -gt 20 ] || fail "REQSIM_FUZZ_CODE_COVERAGE=1: $n_cov map cells, expected edges"
[ "$n_bytes" -gt 20 ] || fail "byte form: $n_bytes map cells, expected edges"
echo "map cells of one input: abstract $n_abs, with code coverage $n_cov, byte form $n_bytes"

out="$tmp/out"
rc=0
"$script" --jobs 2 --seconds "$secs" --out "$out" --target "$target" --scenario dekker \
	--model tso --bugs check-before-in-guest-mode --reqsim "$reqsim" >"$tmp/run.log" 2>&1 || rc=$?
if [ $rc -ne 0 ]; then
	tail -30 "$tmp/run.log"
	fail "afl_parallel.sh exit $rc"
fi
sed -n '/^== afl_parallel summary/,/^crashes:/p' "$tmp/run.log"
for n in main s1; do
	[ -f "$out/$n/fuzzer_stats" ] || fail "no $n/fuzzer_stats in the sync directory"
	e=$(sed -n 's/^execs_done *: *//p' "$out/$n/fuzzer_stats")
	[ "${e:-0}" -gt 0 ] || fail "$n: execs_done ${e:-missing}"
done
crash=$(find "$out"/*/crashes -maxdepth 1 -type f -name 'id:*' 2>/dev/null | sort | head -n 1)
[ -n "$crash" ] || { tail -30 "$tmp/run.log"; fail "no crash file in ${secs}s"; }
echo "crash file: ${crash#"$out"/} ($(stat -c %s "$crash") bytes)"
grep -qF "reqsim run dekker --model tso --arch x86 --bug check-before-in-guest-mode --bytes $crash --save " \
	"$tmp/run.log" || fail "no replay command for $crash in the summary"
grep -Eq '^reproduced: ([0-9]+) of \1 ' "$tmp/run.log" ||
	fail "not every crash reproduced: $(grep -E '^reproduced|does not reproduce' "$tmp/run.log")"

export REQSIM_FUZZ_SCENARIO=dekker REQSIM_FUZZ_MODEL=tso REQSIM_FUZZ_ARCH=x86 REQSIM_FUZZ_PARAMS=
# expect RC CMD...: CMD exits with RC
expect() {
	local want=$1 rc=0
	shift
	"$@" >/dev/null 2>&1 || rc=$?
	[ $rc -eq "$want" ]
}
expect 1 env REQSIM_FUZZ_BUGS=check-before-in-guest-mode "$replayer" "$crash" ||
	fail "replayer does not reproduce the crash"
expect 0 env REQSIM_FUZZ_BUGS='' "$replayer" "$crash" ||
	fail "crash input not clean with the bug off"
expect 1 "$reqsim" run dekker --model tso --bug check-before-in-guest-mode --bytes "$crash" \
	--save "$tmp/crash.sched" || fail "reqsim run --bytes does not reproduce"
[ -f "$tmp/crash.sched" ] || fail "reqsim run --save wrote no .sched"
expect 1 "$reqsim" replay "$tmp/crash.sched" ||
	fail "reqsim replay of the imported .sched does not reproduce"
echo "afl parallel smoke: main + s1 ran, crash found, replayed, imported and replayed as .sched" \
     "($((SECONDS - t0))s)"
