#!/bin/sh
# Regenerates assets/heads/default/{head.glb,head.head.json} from Debian's assimp-testmodels
# (MakeHuman base body). Needs: apt install assimp-testmodels libassimp-dev.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build="${BUILD_DIR:-$root/build/tools}"
source="${1:-/usr/share/assimp/models/Collada/human.zae}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DSTIPPLE_BUILD_TOOLS=ON -DSTIPPLE_BUILD_TESTS=OFF
cmake --build "$build" -j2 --target make_default_head
"$build/tools/make_default_head" "$source" "$root/assets/heads/default"
