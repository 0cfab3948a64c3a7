#!/usr/bin/env bash
# tools/bootstrap.sh: install what a fresh Debian 12 machine lacks to build and
# test reqsim.  Debian packages only (apt-get); the tools use Python's standard
# library, and campaign.py --cluster Debian's python3-distributed.
# Idempotent: installs nothing when everything is present.
set -euo pipefail

need=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

have_cmd cmake || need+=(cmake)
have_cmd ninja || need+=(ninja-build)
have_cmd gcc || need+=(gcc)
have_cmd clang || need+=(clang)
have_cmd python3 || need+=(python3)
have_cmd git || need+=(git)
# sanitizer and libFuzzer runtimes for clang (presets debug, tsan, fuzz)
clang_major=$( (clang --version 2>/dev/null || true) | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -n1)
clang_major=${clang_major:-14}
if have_cmd dpkg-query; then
  have_pkg "libclang-rt-${clang_major}-dev" || need+=("libclang-rt-${clang_major}-dev")
fi
# AFL++ for the afl preset (afl-clang-fast); a small package
have_cmd afl-clang-fast || need+=(afl++)
# Dask distributed for campaign.py --cluster (ctest label cluster); Debian's
# package serves Debian's own /usr/bin/python3
if [[ -x /usr/bin/python3 ]] && ! /usr/bin/python3 -c 'import distributed' >/dev/null 2>&1; then
  need+=(python3-distributed)
fi
# headless Chromium for the browser test of the reports (ctest label browser)
have_cmd chromium || have_cmd chromium-browser || need+=(chromium)

if ((${#need[@]})); then
  echo "bootstrap: installing ${need[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    if have_cmd sudo; then SUDO=sudo; else
      echo "bootstrap: need root (or sudo) to install: ${need[*]}" >&2; exit 2
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
else
  echo "bootstrap: all build dependencies present"
fi
