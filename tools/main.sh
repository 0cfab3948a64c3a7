#!/usr/bin/env bash
# tools/main.sh: the main job.  Install what is missing, build, then explore
# every scenario under every memory model with the default strategy (PCT),
# print what was found, and leave every violating schedule in schedules/.
# Usage: tools/main.sh [BUDGET_PER_CONFIG]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-20000}
jobs=$(nproc 2>/dev/null || echo 1)
tools/bootstrap.sh
cmake --preset default >/dev/null
cmake --build --preset default
mkdir -p schedules
echo "main: exploring every scenario x model x arch, $budget schedules each (seed 1, $jobs jobs)"
rc=0
for arch in x86 arm64; do
  set +e
  build/default/reqsim explore all --all-models --arch "$arch" --budget "$budget" --seed 1 \
    --jobs "$jobs" --out schedules
  r=$?
  set -e
  if [ "$r" -gt "$rc" ]; then rc=$r; fi
done
case $rc in
  0) echo "main: no violation found" ;;
  1) echo "main: violations found; schedules in $(pwd)/schedules/ (replay: build/default/reqsim replay FILE --trace text)" ;;
  *) echo "main: reqsim failed (exit $rc)" >&2; exit "$rc" ;;
esac
exit 0
