#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Stipple builds, runs and tests with. Every dependency is a
# distribution package, but for the browser tests' driver: puppeteer-core, from npm's registry
# at the version tests/browser/package-lock.json pins.
set -euo pipefail
packages=(
  cmake g++ make pkg-config
  libglfw3-dev libglm-dev libimgui-dev libassimp-dev libtinyobjloader-dev
  nlohmann-json3-dev libstb-dev libspng-dev libtinyexr-dev libmeshoptimizer-dev zlib1g-dev
  libcairo2-dev fonts-dejavu-core
  libegl-dev libgl-dev libegl1-mesa libgl1-mesa-dri
  catch2 xvfb xauth assimp-testmodels
  chromium nodejs
)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
# npm comes with nodejs where Node is NodeSource's; Debian's own nodejs needs its npm package.
command -v npm >/dev/null || $sudo apt-get install -y -qq --no-install-recommends npm >/dev/null
(cd "$(dirname "$0")/../tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
