#!/usr/bin/env bash
# tools/test.sh: install what is missing, build, and run the default test tiers:
# the optimised build (all labels but soak) and the ASan+UBSan build (unit, cli, scenario).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh
cmake --preset default
cmake --build --preset default
ctest --preset default
cmake --preset debug
cmake --build --preset debug
ctest --preset debug -L 'unit|cli|scenario'
echo "test.sh: all tests passed"
