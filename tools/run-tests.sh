#!/usr/bin/env bash
# Installs the packages, builds one preset (release by default, or debug-asan) and runs every
# test: core (no GL), gpu (EGL surfaceless, no X) and app (a real window under xvfb-run).
set -euo pipefail
preset="${1:-release}"
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
