#!/usr/bin/env bash
# tools/main.sh: the main job.  Install what is missing, build, run a short
# default campaign over every scenario (tools/campaign.py: PCT, random and
# dfs over every scenario configuration of the verdict table and every litmus
# scenario, every memory model, the archs each applies to, all cores) into
# the SQLite store, build the HTML report from the store, and print where the
# report is and how to serve it.
#
# Usage: tools/main.sh [BUDGET]
#   BUDGET  the campaign's wall-clock budget: 180s (default), 5m, 1h, ...
#           A bare number N keeps this script's old meaning, N schedules per
#           configuration (seed 1): campaign.py --schedules N.
# Environment: REQSIM_DB (default results/reqsim.db), REQSIM_REPORT (default
# results/report).  Every run adds one campaign to the store; violations are
# deduplicated by signature across runs.  Schedules and traces are in the
# store (tools/store.py export); the raw files are under results/campaigns/.
# Exit status: 0 done (violations or not), 2 setup error, 130 interrupted
# (the report is still built from what was found; resume with
# tools/campaign.py --resume).
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-180s}
db=${REQSIM_DB:-results/reqsim.db}
out=${REQSIM_REPORT:-results/report}
jobs=$(nproc 2>/dev/null || echo 1)
tools/bootstrap.sh
cmake --preset default >/dev/null
cmake --build --preset default
if [[ $budget =~ ^[0-9]+$ ]]; then
  limit=(--schedules "$budget")
  echo "main: campaign over every scenario, $budget schedules per configuration, $jobs cores"
else
  limit=(--budget "$budget")
  echo "main: campaign over every scenario, budget $budget, $jobs cores"
fi
rc=0
python3 tools/campaign.py --db "$db" "${limit[@]}" --jobs "$jobs" --no-build || rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 130 ]; then
  echo "main: campaign failed (exit $rc)" >&2
  exit "$rc"
fi
python3 tools/report.py build --db "$db" --out "$out" >/dev/null
q() { printf '%q' "$1"; }
echo "main: report: $(pwd)/$out/index.html"
echo "main: serve it: tools/report.py serve --out $(q "$out")   (then open http://127.0.0.1:8000/)"
echo "main: query the store: tools/store.py --db $(q "$db") list violations"
if [ "$rc" -eq 130 ]; then
  echo "main: interrupted; continue with: tools/campaign.py --db $(q "$db") --resume" >&2
  exit 130
fi
exit 0
