#!/usr/bin/env bash
# fuzz/build.sh: build the fuzz targets the OSS-Fuzz way.
#
# Inputs (OSS-Fuzz / ClusterFuzzLite conventions):
#   CC, CFLAGS          compiler and flags (sanitizer and coverage flags included)
#   LIB_FUZZING_ENGINE  engine link flags (-fsanitize=fuzzer, or libAFLDriver.a)
#   OUT                 where the fuzzer binaries, seed corpora and options go
#   SRC                 optional: the source tree (default: this script's parent)
#   REQSIM_FUZZ_FEEDBACK  optional: 0 builds without interleaving feedback
# Output, per target in TARGETS below: $OUT/reqsim_<name>, a libFuzzer-style
# binary with its configuration compiled in as defaults (the REQSIM_FUZZ_*
# environment variables still override them), and
# $OUT/reqsim_<name>_seed_corpus.zip from corpus/<scenario> when zip exists.
set -euo pipefail

SRC=${SRC:-$(cd "$(dirname "$0")/.." && pwd)}
CC=${CC:-clang}
CFLAGS=${CFLAGS:--O1 -g -fsanitize=address,undefined,fuzzer-no-link}
LIB_FUZZING_ENGINE=${LIB_FUZZING_ENGINE:--fsanitize=fuzzer}
OUT=${OUT:?OUT must be set}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$OUT" "$WORK/obj"

# target name : scenario : model : arch : params : bugs
TARGETS=(
  "dekker:dekker:tso:x86::"
  "mixed:mixed:tso:x86::"
  "payload_pso:payload:pso:x86::"
  "halt:halt:tso:x86::"
  "dekker_check_before:dekker:tso:x86::check-before-in-guest-mode"
)

build_id=$(cat "$SRC"/core/*.[ch] "$SRC"/core/*.def "$SRC"/sim/*.[ch] "$SRC"/scenarios/*.[ch] \
             "$SRC"/litmus/*.[ch] | sha256sum | cut -c1-16)
inc=(-I"$SRC/core" -I"$SRC/sim" -I"$SRC/scenarios" -I"$SRC/fuzz")
defs=(-DREQSIM_BACKEND_SIM -DREQSIM_BUILD_ID=\"$build_id\" -DREQSIM_DEFAULT_SWITCH=0
      -DREQSIM_FUZZ_FEEDBACK=${REQSIM_FUZZ_FEEDBACK:-1})
# the families written once (scenarios/families.def, ONE_SOURCE): scenarios/FAM.c
mapfile -t families < <(sed -n "s|^REQSIM_FAMILY(\([a-z_0-9]*\), ONE_SOURCE.*|$SRC/scenarios/\1.c|p" \
                        "$SRC"/scenarios/families.def)
srcs=("$SRC"/sim/{context,memmodel,sched,schedfile,strategy,abstract,trace,dpor,footprint}.c
      "$SRC"/core/{kvm_main,x86,arm64,async_pf,kick_all,vgic_its}.c
      "$SRC"/scenarios/{litmus,registry,handshake}.c
      "${families[@]}"
      "$SRC"/fuzz/harness.c "$SRC"/fuzz/mutator.c "$SRC"/fuzz/lfargs.c)
# Schedule bytes are never compared against values, so comparison tracing
# (part of -fsanitize=fuzzer-no-link) only costs time: more than half of every
# execution.  core/ and scenarios/ keep edge coverage; sim/ and the harness get
# none (the machine's branches are what the interleaving features describe).
# The same as the top CMakeLists.txt does for the fuzz presets.
nocmp=() nocov=()
case " $CFLAGS " in
  *fuzzer-no-link*)
    if "$CC" -fno-sanitize-coverage=trace-cmp -fsanitize-coverage=0 -x c -c /dev/null \
         -o /dev/null 2>/dev/null; then
      nocmp=(-fno-sanitize-coverage=trace-cmp) nocov=(-fsanitize-coverage=0)
    fi ;;
esac
objs=()
for s in "${srcs[@]}"; do
  case "$s" in
    */sim/*|*/fuzz/*) flags=("${nocov[@]}") ;;
    *) flags=("${nocmp[@]}") ;;
  esac
  o="$WORK/obj/$(basename "$(dirname "$s")")_$(basename "$s" .c).o"
  # shellcheck disable=SC2086
  $CC $CFLAGS "${flags[@]}" -std=c17 -fno-strict-aliasing "${inc[@]}" "${defs[@]}" -c "$s" -o "$o"
  objs+=("$o")
done

for t in "${TARGETS[@]}"; do
  IFS=: read -r name scen model arch params bugs <<<"$t"
  o="$WORK/obj/main_$name.o"
  # The configuration of this target: defaults the environment may override.
  # shellcheck disable=SC2086
  $CC $CFLAGS "${nocov[@]}" -std=c17 "${inc[@]}" "${defs[@]}" \
    -DREQSIM_FUZZ_DEFAULT_SCENARIO=\"$scen\" -DREQSIM_FUZZ_DEFAULT_MODEL=\"$model\" \
    -DREQSIM_FUZZ_DEFAULT_ARCH=\"$arch\" -DREQSIM_FUZZ_DEFAULT_PARAMS=\"$params\" \
    -DREQSIM_FUZZ_DEFAULT_BUGS=\"$bugs\" \
    -c "$SRC/fuzz/libfuzzer_main.c" -o "$o"
  # shellcheck disable=SC2086
  $CC $CFLAGS "$o" "${objs[@]}" $LIB_FUZZING_ENGINE -o "$OUT/reqsim_$name"
  if command -v zip >/dev/null 2>&1 && [ -d "$SRC/corpus/$scen" ]; then
    (cd "$SRC/corpus/$scen" && zip -q -j "$OUT/reqsim_${name}_seed_corpus.zip" ./*.bin)
  fi
  echo "build.sh: $OUT/reqsim_$name ($scen $model $arch ${params:--} ${bugs:--})"
done
