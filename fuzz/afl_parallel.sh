#!/usr/bin/env bash
# fuzz/afl_parallel.sh: AFL++ on every core of one machine.  One main instance
# (-M main) and N-1 secondaries (-S s1 ...) share one sync directory, all on
# the persistent-mode target of the afl preset.  At the end: execs per
# instance, the crash files of every instance, and for each the
# `reqsim run ... --bytes FILE --save FILE.sched` command that replays it.
# See --help.
set -euo pipefail

prog=afl_parallel.sh
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
default_target="$root/build/afl/fuzz/reqsim-fuzz-afl"

usage() {
	cat <<EOF
usage: fuzz/afl_parallel.sh [options]

Runs one AFL++ main instance (-M main) and N-1 secondaries (-S s1 ... -S sN-1)
on one sync directory, each for --seconds (afl-fuzz -V), then prints execs per
instance, the crash files of all instances and the reqsim command that turns
each into a .sched.

  --jobs N          instances, main included (default: nproc = $(nproc))
  --seconds S       time limit of every instance, afl-fuzz -V (default 60)
  --out DIR         sync directory (default: a new /tmp/reqsim-afl.XXXXXX);
                    must be empty or absent unless --resume
  --resume          continue the run in --out (AFL_AUTORESUME=1)
  --scenario NAME   REQSIM_FUZZ_SCENARIO (default dekker)
  --model M         REQSIM_FUZZ_MODEL: sc tso pso wmm (default tso)
  --arch A          REQSIM_FUZZ_ARCH: x86 arm64 (default x86)
  --bugs LIST       REQSIM_FUZZ_BUGS, comma list of bug names (default none)
  --params LIST     REQSIM_FUZZ_PARAMS, "name=value name=value" (default none)
  --seeds DIR       input directory (default corpus/SCENARIO if not empty,
                    else a one-byte seed; --form abstract: 8 PCT seed inputs)
  --form F          bytes (default: one byte per decision, AFL++'s own
                    mutations) or abstract (abstract schedules: the custom
                    mutator build/afl/fuzz/reqsim-afl-mutator.so only, feedback
                    classes "auto", as tools/campaign.py's afl cells)
  --target PATH     AFL++ target (default build/afl/fuzz/reqsim-fuzz-afl)
  --build           configure and build the afl preset's target first
                    (cmake --preset afl; cmake --build --preset afl)
  --reqsim PATH     also run each printed command with this reqsim binary,
                    writing the .sched files into DIR/sched/
  -h, --help        this text

Each instance logs to DIR/<name>.log; its AFL++ state is DIR/<name>/.
Exit: 0 the run finished (crashes or not); 2 bad arguments or configuration;
1 afl-fuzz failed (the tail of its log is shown); 130/143 stopped by
Ctrl-C/SIGTERM (the instances are stopped and the summary still printed).
EOF
}

die_usage() { echo "$prog: $*" >&2; exit 2; }
die() { echo "$prog: $*" >&2; exit 1; }

# ---- arguments -----------------------------------------------------------------------

jobs=$(nproc) seconds=60 out="" resume=0 scenario=dekker model=tso arch=x86
bugs="" params="" seeds="" target="" build=0 reqsim="" form=bytes

while [ $# -gt 0 ]; do
	opt=$1 val="" has_val=0
	case $opt in
	--*=*) val=${opt#*=} opt=${opt%%=*} has_val=1 ;;
	esac
	case $opt in
	-h | --help) usage; exit 0 ;;
	--resume | --build)
		[ $has_val -eq 0 ] || die_usage "$opt takes no value"
		if [ "$opt" = --resume ]; then resume=1; else build=1; fi
		shift; continue ;;
	--jobs | --seconds | --out | --scenario | --model | --arch | --bugs | --params | \
	--seeds | --target | --reqsim | --form)
		if [ $has_val -eq 0 ]; then
			[ $# -ge 2 ] || die_usage "$opt needs a value"
			val=$2; shift
		fi
		shift ;;
	*) die_usage "unknown option '$opt' (see --help)" ;;
	esac
	case $opt in
	--jobs) jobs=$val ;;
	--seconds) seconds=$val ;;
	--out) out=$val ;;
	--scenario) scenario=$val ;;
	--model) model=$val ;;
	--arch) arch=$val ;;
	--bugs) bugs=$val ;;
	--params) params=$val ;;
	--seeds) seeds=$val ;;
	--target) target=$val ;;
	--reqsim) reqsim=$val ;;
	--form) form=$val ;;
	esac
done

[[ $jobs =~ ^[1-9][0-9]*$ ]] || die_usage "--jobs '$jobs': expected a positive integer"
[[ $seconds =~ ^[1-9][0-9]*$ ]] || die_usage "--seconds '$seconds': expected a positive integer"
[ "$jobs" -le 64 ] || die_usage "--jobs $jobs: at most 64"
[[ $scenario =~ ^[A-Za-z0-9_.-]+$ ]] || die_usage "--scenario '$scenario': not a scenario name"
[[ $model =~ ^[a-z]+$ ]] || die_usage "--model '$model': expected sc, tso, pso or wmm"
[[ $arch =~ ^[a-z0-9]+$ ]] || die_usage "--arch '$arch': expected x86 or arm64"
[[ $form =~ ^(bytes|abstract)$ ]] || die_usage "--form '$form': expected bytes or abstract"

IFS=', ' read -r -a bug_list <<<"$bugs"
IFS=' ' read -r -a param_list <<<"$params"
for b in ${bug_list[@]+"${bug_list[@]}"}; do
	[[ $b =~ ^[a-z0-9-]+$ ]] || die_usage "--bugs: '$b' is not a bug name"
done
for p in ${param_list[@]+"${param_list[@]}"}; do
	[[ $p =~ ^[A-Za-z0-9_]+=[^[:space:]]+$ ]] || die_usage "--params: '$p': expected NAME=VALUE"
done
bugs_csv=$(IFS=,; echo "${bug_list[*]+"${bug_list[*]}"}")
params_sp="${param_list[*]+"${param_list[*]}"}"

seeds_given=$seeds
if [ -n "$seeds" ]; then
	[ -d "$seeds" ] || die_usage "--seeds $seeds: not a directory"
	[ -n "$(find "$seeds" -maxdepth 1 -type f -print -quit)" ] ||
		die_usage "--seeds $seeds: no files in it"
	seeds=$(cd "$seeds" && pwd)
elif [ -d "$root/corpus/$scenario" ] &&
     [ -n "$(find "$root/corpus/$scenario" -maxdepth 1 -type f -print -quit)" ]; then
	seeds="$root/corpus/$scenario"
fi

if [ -n "$out" ] && [ -e "$out" ]; then
	[ -d "$out" ] || die_usage "--out $out: not a directory"
	if [ $resume -eq 0 ] && [ -n "$(ls -A "$out")" ]; then
		die_usage "--out $out: not empty (--resume continues it; or choose another)"
	fi
elif [ $resume -eq 1 ]; then
	die_usage "--resume needs an existing --out DIR"
fi

if [ -n "$reqsim" ]; then
	{ [ -x "$reqsim" ] && [ -f "$reqsim" ]; } || die_usage "--reqsim $reqsim: no such executable"
	reqsim=$(cd "$(dirname "$reqsim")" && pwd)/$(basename "$reqsim")
fi

# ---- the target ----------------------------------------------------------------------

if [ -n "$target" ]; then
	[ $build -eq 0 ] || die_usage "--build builds the afl preset's target; not with --target"
	{ [ -x "$target" ] && [ -f "$target" ]; } || die_usage "--target $target: no such executable"
elif [ $build -eq 1 ]; then
	command -v afl-clang-fast >/dev/null 2>&1 || die "afl-clang-fast not found (apt-get install afl++)"
	blog=$(mktemp "${TMPDIR:-/tmp}/reqsim-afl-build.XXXXXX")
	echo "$prog: building $default_target (log $blog)"
	if ! (cd "$root" &&
	      { [ -f build/afl/build.ninja ] || cmake --preset afl; } &&
	      cmake --build --preset afl --target reqsim-fuzz-afl) >"$blog" 2>&1; then
		tail -n 15 "$blog" >&2
		die "build of the afl preset failed (log $blog)"
	fi
	rm -f "$blog"
	target=$default_target
else
	[ -x "$default_target" ] || die_usage "no AFL++ target at build/afl/fuzz/reqsim-fuzz-afl" \
		"(cmake --preset afl && cmake --build --preset afl; or --build, or --target PATH)"
	target=$default_target
fi
target=$(cd "$(dirname "$target")" && pwd)/$(basename "$target")

command -v afl-fuzz >/dev/null 2>&1 || die "afl-fuzz not found (apt-get install afl++)"

# ---- environment -----------------------------------------------------------------------

export REQSIM_FUZZ_SCENARIO=$scenario REQSIM_FUZZ_MODEL=$model REQSIM_FUZZ_ARCH=$arch \
       REQSIM_FUZZ_BUGS=$bugs_csv REQSIM_FUZZ_PARAMS=$params_sp
# As tools/campaign.py start_afl, except AFL_SKIP_BIN_CHECK: with it afl-fuzz
# skips the persistent-mode signature check and runs the target one input per
# fork (about 4x slower on dekker).
export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
       AFL_NO_CRASH_README=1 AFL_FAST_CAL=1 AFL_NO_AFFINITY=1
[ $resume -eq 0 ] || export AFL_AUTORESUME=1
if [ "$form" = abstract ]; then
	mutator=$(dirname "$target")/reqsim-afl-mutator.so
	[ -f "$mutator" ] || die_usage "--form abstract: no custom mutator at $mutator" \
		"(built by the afl preset beside the target)"
	# the classes of tools/fuzzseeds.py ABSTRACT_FEEDBACK
	export REQSIM_FUZZ_FORM=abstract REQSIM_FUZZ_FEEDBACK=auto \
	       AFL_CUSTOM_MUTATOR_LIBRARY=$mutator AFL_CUSTOM_MUTATOR_ONLY=1
fi

# The harness rejects a bad configuration with one line and exit 2 before it
# reads any input: try it once outside afl-fuzz.
if [ -z "$out" ]; then
	out=$(mktemp -d "${TMPDIR:-/tmp}/reqsim-afl.XXXXXX")
else
	mkdir -p "$out"
	out=$(cd "$out" && pwd)
fi
pre_rc=0
(ulimit -c 0 && cd "$out" && exec timeout 20 "$target") </dev/null >/dev/null \
	2>"$out/.preflight.err" || pre_rc=$?
if [ $pre_rc -eq 2 ]; then
	msg=$(head -n 1 "$out/.preflight.err")
	rm -f "$out/.preflight.err"
	[ $resume -eq 1 ] || rmdir "$out" 2>/dev/null || true
	die_usage "bad configuration: ${msg:-target exit 2}"
fi
rm -f "$out/.preflight.err"

if [ "$form" = abstract ] && [ -z "$seeds_given" ]; then
	seeds="$out/.seed-abstract" # PCT schedules first, under SC the default policy's (tools/fuzzseeds.py)
	python3 "$root/tools/fuzzseeds.py" "$seeds" --model "$model" >/dev/null ||
		die "cannot write the seed inputs into $seeds"
elif [ -z "$seeds" ]; then
	seeds="$out/.seed"   # dot directories are not sync sources
	mkdir -p "$seeds"
	printf '\0' >"$seeds/zero"
fi

ncores=$(nproc)
[ "$jobs" -le "$ncores" ] ||
	echo "$prog: note: $jobs instances on $ncores cores; they share the cores" >&2

# ---- run -------------------------------------------------------------------------------

names=() pids=() rcs=()
for ((i = 0; i < jobs; i++)); do
	if [ $i -eq 0 ]; then names+=(main); else names+=("s$i"); fi
done

interrupted="" stopping=0 failed="" watchdog=0
# shellcheck disable=SC2317  # called from the traps
on_signal() { interrupted=$1; }
stop_all() {
	local i
	for i in "${!pids[@]}"; do
		[ -n "${rcs[$i]:-}" ] || kill -TERM "${pids[$i]}" 2>/dev/null || true
	done
}
cleanup() {
	local i
	for i in "${!pids[@]}"; do
		[ -n "${rcs[$i]:-}" ] || kill -KILL "${pids[$i]}" 2>/dev/null || true
	done
}
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
trap cleanup EXIT

echo "$prog: $jobs instance(s) x ${seconds}s: scenario=$scenario model=$model arch=$arch" \
     "params=${params_sp:--} bugs=${bugs_csv:--}"
echo "$prog: sync dir $out, seeds $seeds"
t0=$SECONDS
for i in "${!names[@]}"; do
	if [ "$i" -eq 0 ]; then role=(-M main); else role=(-S "${names[$i]}"); fi
	(cd "$out" && exec afl-fuzz -i "$seeds" -o "$out" "${role[@]}" -V "$seconds" -- "$target") \
		>"$out/${names[$i]}.log" 2>&1 &
	pids+=($!)
	rcs+=("")
done

# Calibration of a large seed set comes before -V counts; allow a minute more.
deadline=$((t0 + seconds + 60))
while :; do
	alive=0
	for i in "${!pids[@]}"; do
		[ -z "${rcs[$i]}" ] || continue
		if kill -0 "${pids[$i]}" 2>/dev/null; then
			alive=$((alive + 1))
			continue
		fi
		r=0
		wait "${pids[$i]}" || r=$?
		rcs[i]=$r
		if [ "$r" -ne 0 ] && [ $stopping -eq 0 ] && [ -z "$failed" ]; then
			failed=$i
		fi
	done
	[ $alive -gt 0 ] || break
	if [ $stopping -eq 0 ] && { [ -n "$interrupted" ] || [ -n "$failed" ] ||
	                            [ $SECONDS -ge $deadline ]; }; then
		[ -n "$interrupted" ] || [ -n "$failed" ] || watchdog=1
		stopping=$SECONDS
		stop_all
	elif [ $stopping -gt 0 ] && [ $((SECONDS - stopping)) -ge 20 ]; then
		cleanup
	fi
	sleep 1 || true
done
trap - INT TERM
wall=$((SECONDS - t0))

# ---- summary ---------------------------------------------------------------------------

stat_of() {
	[ -f "$1" ] || return 0
	sed -n "s/^$2[[:space:]]*:[[:space:]]*//p" "$1" | head -n 1
}
quote() {
	if [[ $1 =~ ^[A-Za-z0-9_./:,=+@%-]+$ ]]; then
		printf '%s' "$1"
	else
		printf "'%s'" "${1//\'/\'\\\'\'}"
	fi
}

replay_flags=(--model "$model" --arch "$arch")
for p in ${param_list[@]+"${param_list[@]}"}; do replay_flags+=(--param "$p"); done
for b in ${bug_list[@]+"${bug_list[@]}"}; do replay_flags+=(--bug "$b"); done

echo
echo "== afl_parallel summary: $jobs instance(s), ${wall}s wall${interrupted:+, stopped by SIG$interrupted}"
[ $watchdog -eq 0 ] || echo "   (afl-fuzz did not stop at -V; stopped after $((seconds + 60))s)"
printf '%-10s %14s %14s %8s  %s\n' instance execs_done execs_per_sec crashes log
total=0 total_rate=0
for i in "${!names[@]}"; do
	n=${names[$i]}
	stats="$out/$n/fuzzer_stats"
	e=$(stat_of "$stats" execs_done)
	s=$(stat_of "$stats" execs_per_sec)
	c=0
	[ ! -d "$out/$n/crashes" ] ||
		c=$(find "$out/$n/crashes" -maxdepth 1 -type f -name 'id:*' | wc -l)
	printf '%-10s %14s %14s %8s  %s\n' "$n" "${e:--}" "${s:--}" "$c" "$out/$n.log"
	[[ ${e:-} =~ ^[0-9]+$ ]] && total=$((total + e))
	[[ ${s:-} =~ ^[0-9.]+$ ]] && total_rate=$(awk -v a="$total_rate" -v b="$s" 'BEGIN { printf "%.2f", a + b }')
done
printf '%-10s %14s %14s\n' total "$total" "$(awk -v a="$total_rate" 'BEGIN { printf "%.2f", a }')"

shopt -s nullglob
crashes=("$out"/*/crashes/id:*)
shopt -u nullglob
ndistinct=0
if [ ${#crashes[@]} -gt 0 ]; then
	ndistinct=$(sha256sum -- "${crashes[@]}" | cut -d' ' -f1 | sort -u | wc -l)
fi
echo "crashes: ${#crashes[@]} file(s) over all instances, $ndistinct distinct input(s)"
reproduced=0 not_reproduced=0
if [ ${#crashes[@]} -gt 0 ]; then
	echo "replay each as a .sched (reqsim = build/default/reqsim):"
	mkdir -p "$out/sched"   # reqsim run --save does not create it
	for f in "${crashes[@]}"; do
		inst=$(basename "$(dirname "$(dirname "$f")")")
		id=$(basename "$f"); id=${id#id:}; id=${id%%,*}
		sched="$out/sched/$inst-$id.sched"
		line="reqsim run $(quote "$scenario")"
		for a in "${replay_flags[@]}"; do line+=" $(quote "$a")"; done
		line+=" --bytes $(quote "$f") --save $(quote "$sched")"
		echo "  $line"
		if [ -n "$reqsim" ]; then
			r=0
			"$reqsim" run "$scenario" "${replay_flags[@]}" --bytes "$f" --save "$sched" \
				>/dev/null 2>&1 || r=$?
			if [ $r -eq 1 ] && [ -f "$sched" ]; then
				reproduced=$((reproduced + 1))
			else
				not_reproduced=$((not_reproduced + 1))
				echo "    does not reproduce under $reqsim (exit $r)"
			fi
		fi
	done
	if [ -n "$reqsim" ]; then
		echo "reproduced: $reproduced of ${#crashes[@]} (.sched files in $out/sched/)"
	fi
fi

if [ -n "$failed" ]; then
	n=${names[$failed]}
	echo "--- tail of $out/$n.log" >&2
	tail -n 15 "$out/$n.log" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\x1b[()][A-Za-z0-9]//g' |
		tr -d '\016\017' >&2
	die "afl-fuzz $n exited with ${rcs[$failed]}"
fi
case $interrupted in
INT) exit 130 ;;
TERM) exit 143 ;;
esac
exit 0
