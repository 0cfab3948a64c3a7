#!/usr/bin/env bash
# tools/test.sh: install what is missing, build, and run the default test tiers:
# the optimised build (all labels but soak; its tsan label uses the gcc TSan
# build reqsim-stress-tsan), the ASan+UBSan build (unit, cli, scenario), and
# the tsan preset (clang ThreadSanitizer; label tsan: the native core).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh
cmake --preset default
cmake --build --preset default
ctest --preset default
cmake --preset debug
cmake --build --preset debug
ctest --preset debug -L 'unit|cli|scenario'
cmake --preset tsan
cmake --build --preset tsan
ctest --preset tsan
echo "test.sh: all tests passed"
