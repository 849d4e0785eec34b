#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Stipple builds, runs and tests with. Every dependency is a
# distribution package; nothing else is downloaded.
set -euo pipefail
packages=(
  cmake g++ make pkg-config
  libglfw3-dev libglm-dev libimgui-dev libassimp-dev libtinyobjloader-dev
  nlohmann-json3-dev libstb-dev libspng-dev libtinyexr-dev libmeshoptimizer-dev zlib1g-dev
  libcairo2-dev fonts-dejavu-core
  libegl-dev libgl-dev libegl1-mesa libgl1-mesa-dri
  catch2 xvfb xauth assimp-testmodels
)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
