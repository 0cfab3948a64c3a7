#!/usr/bin/env bash
# fuzz/smoke_test.sh: ctest fuzz-smoke.  Builds the targets with fuzz/build.sh
# the OSS-Fuzz way (CC=clang, libFuzzer), runs the dekker target with bug
# check-before-in-guest-mode for a few seconds, and checks that a crash file
# appears, violates under the standalone replayer with the bug on, stays
# clean with it off, and imports into a .sched that `reqsim replay` reproduces.
# Exit 77 (skipped) when clang or its libFuzzer runtime is missing.
# Usage: smoke_test.sh REPLAYER REQSIM [SECONDS]
set -uo pipefail
replayer=$1 reqsim=$2 secs=${3:-5}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

command -v clang >/dev/null 2>&1 || { echo "skip: no clang"; exit 77; }
printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > "$tmp/t.c"
clang -fsanitize=fuzzer "$tmp/t.c" -o "$tmp/t" 2>/dev/null ||
  { echo "skip: clang has no libFuzzer runtime (libclang-rt-*-dev)"; exit 77; }

export CC=clang CFLAGS="-O1 -g -fsanitize=address,undefined,fuzzer-no-link" \
       LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT="$tmp/out" WORK="$tmp/work"
"$here/build.sh" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; echo "FAIL: build.sh"; exit 1; }
target="$OUT/reqsim_dekker_check_before"
[ -x "$target" ] || { echo "FAIL: $target not built"; exit 1; }

mkdir -p "$tmp/corpus" "$tmp/art"
(cd "$tmp" && "$target" -max_total_time="$secs" -artifact_prefix="$tmp/art/" corpus \
   >"$tmp/fuzz.log" 2>&1)
crash=$(ls "$tmp"/art/crash-* 2>/dev/null | head -n1)
if [ -z "$crash" ]; then
  tail -20 "$tmp/fuzz.log"; echo "FAIL: no crash file in ${secs}s"; exit 1
fi
grep -q "reqsim-fuzz: replay: reqsim run dekker" "$tmp/fuzz.log" ||
  { echo "FAIL: no replay identity printed"; exit 1; }
echo "crash file: $(basename "$crash") ($(stat -c %s "$crash") bytes)"

export REQSIM_FUZZ_SCENARIO=dekker REQSIM_FUZZ_MODEL=tso REQSIM_FUZZ_ARCH=x86
REQSIM_FUZZ_BUGS=check-before-in-guest-mode "$replayer" "$crash" >/dev/null 2>&1
[ $? -eq 1 ] || { echo "FAIL: replayer does not reproduce the crash"; exit 1; }
REQSIM_FUZZ_BUGS= "$replayer" "$crash" >/dev/null 2>&1
[ $? -eq 0 ] || { echo "FAIL: crash input not clean with the bug off"; exit 1; }
"$reqsim" run dekker --model tso --bug check-before-in-guest-mode --bytes "$crash" \
  --save "$tmp/crash.sched" >/dev/null
[ $? -eq 1 ] || { echo "FAIL: reqsim run --bytes does not reproduce"; exit 1; }
"$reqsim" replay "$tmp/crash.sched" >/dev/null
[ $? -eq 1 ] || { echo "FAIL: reqsim replay of the imported .sched does not reproduce"; exit 1; }
echo "fuzz smoke: crash found, replayed, imported and replayed as .sched"

# The abstract form without feedback gets none at all: the code coverage is
# cleared after every input, so from an empty corpus libFuzzer keeps only
# its first one-byte input; REQSIM_FUZZ_CODE_COVERAGE=1 gives it back.
corp_after() { # corpus size after 300 runs of mixed from an empty corpus
  rm -rf "$tmp/c2" && mkdir -p "$tmp/c2" &&
  (cd "$tmp" && REQSIM_FUZZ_SCENARIO=mixed REQSIM_FUZZ_BUGS= REQSIM_FUZZ_FEEDBACK=0 \
     REQSIM_FUZZ_FORM=abstract "$@" "$OUT/reqsim_dekker" -runs=300 -seed=1 c2 2>&1) |
    sed -n 's/.*DONE .*corp: \([0-9]*\)\/.*/\1/p'
}
n0=$(corp_after env) n1=$(corp_after env REQSIM_FUZZ_CODE_COVERAGE=1)
[ "$n0" = 1 ] || { echo "FAIL: abstract form without feedback kept ${n0:-no} inputs, not 1"; exit 1; }
[ -n "$n1" ] && [ "$n1" -gt 1 ] ||
  { echo "FAIL: with REQSIM_FUZZ_CODE_COVERAGE=1 the corpus did not grow (${n1:-no status})"; exit 1; }
echo "fuzz smoke: abstract form without feedback keeps 1 input, $n1 with code coverage"
