#!/usr/bin/env bash
# Installs the packages, builds the release preset and opens Stipple on the default head
# (or on the file given as the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec ./build/release/stipple "$@"
