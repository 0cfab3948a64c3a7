#!/usr/bin/env bash
# tools/main.sh: the main job.  Install what is missing, build, then explore
# every scenario under every memory model with the default strategy (PCT),
# print what was found, and leave every violating schedule in schedules/.
# Usage: tools/main.sh [BUDGET_PER_CONFIG]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-2000}
tools/bootstrap.sh
cmake --preset default >/dev/null
cmake --build --preset default
mkdir -p schedules
echo "main: exploring every scenario x model, $budget schedules each (seed 1)"
set +e
build/default/reqsim explore all --all-models --budget "$budget" --seed 1 --out schedules
rc=$?
set -e
case $rc in
  0) echo "main: no violation found" ;;
  1) echo "main: violations found; schedules in $(pwd)/schedules/ (replay: build/default/reqsim replay FILE --trace text)" ;;
  *) echo "main: reqsim failed (exit $rc)" >&2; exit "$rc" ;;
esac
exit 0
