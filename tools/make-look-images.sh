#!/usr/bin/env bash
# Renders the pictures of docs/look.md (a female part line and an FUT scar, before and after,
# seen from 1 m and life-size) and the README's hairline and density pictures. Run after a
# release build.
set -euo pipefail
cd "$(dirname "$0")/.."
stipple=build/release/stipple
out=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Sets design.native_hair in a project's header: colour, length, stubble and grey share.
set_hair() {
  python3 - "$@" <<'PY'
import json, struct, sys
path, length, stubble = sys.argv[1], sys.argv[2], float(sys.argv[3])
data = open(path, 'rb').read()
size = struct.unpack('<Q', data[8:16])[0]
header = json.loads(data[16:16 + size])
header['design']['native_hair'] = {'colour_srgb': [0.16, 0.11, 0.08], 'length': length,
                                   'stubble_mm': stubble, 'grey_share': 0.0}
text = json.dumps(header).encode()
open(path, 'wb').write(data[:8] + struct.pack('<Q', len(text)) + text + data[16 + size:])
PY
}

# The four pictures of one design: before and after (healed), seen from 1 m and life-size at
# 96 dpi, from `view` looking at `target`.
pictures() {
  local name=$1 project=$2 view=$3 target=$4
  for look in before after; do
    flag=()
    [ "$look" = before ] && flag=(--before)
    $stipple render "$project" --view "$view" --look-at "$target" --size 800x500 \
      --stage healed --seen-from 1 "${flag[@]}" --out "$out/look-$name-1m-$look.png" >/dev/null
    $stipple render "$project" --view "$view" --look-at "$target" --size 800x500 \
      --stage healed --life-size --dpi 96 "${flag[@]}" --out "$out/look-$name-life-size-$look.png" >/dev/null
  done
}

# A woman's widening part (Ludwig II): long hair everywhere, thin along the part; the design
# darkens the part's skin between the hairs.
cat > "$work/part.json" <<'JSON'
{"strokes": [
 {"tool": "native-hair", "mode": "set", "value": 85, "radius_mm": 200, "points": [[0, 138.8, 4.3]]},
 {"tool": "native-hair", "mode": "set", "value": 15, "radius_mm": 6, "hardness": 0.2,
  "points": [[0, 120, 80], [0, 135, 60], [0, 145, 30], [0, 148, 0], [0, 145, -30]]}
]}
JSON
$stipple paint --template ludwig-2 --strokes "$work/part.json" --out "$work/part.stipple" >/dev/null
set_hair "$work/part.stipple" long 0
pictures part "$work/part.stipple" top 0,148,10

# An FUT strip scar across the occiput on a shaved head (0.5 mm stubble): scar tissue, no hair
# on it; the design sets impressions along the scar only, at the density of the hair around it.
line='[[-66, 15, -50], [-50, 18, -72], [-26, 20, -88], [0, 21, -93], [26, 20, -88], [50, 18, -72], [66, 15, -50]]'
everywhere='[[0, 138.8, 4.3], [0, 60, -90], [70, 60, -40], [-70, 60, -40], [0, 0, -95]]'
cat > "$work/fut.json" <<JSON
{"strokes": [
 {"tool": "native-hair", "mode": "set", "value": 80, "radius_mm": 200, "hardness": 1, "points": $everywhere},
 {"tool": "density", "mode": "set", "value": 0, "radius_mm": 200, "hardness": 1, "points": $everywhere},
 {"tool": "scar", "mode": "set", "value": 1, "radius_mm": 1.2, "hardness": 0.6, "points": $line},
 {"tool": "native-hair", "mode": "set", "value": 0, "radius_mm": 1.5, "hardness": 0.5, "points": $line},
 {"tool": "density", "mode": "set", "value": 90, "radius_mm": 4, "hardness": 0.5, "points": $line}
]}
JSON
$stipple paint --strokes "$work/fut.json" --out "$work/fut.stipple" >/dev/null
set_hair "$work/fut.stipple" shaved 0.5
pictures fut "$work/fut.stipple" back 0,21,-93

# The README's pictures: a soft and a defined Norwood II hairline from above, and the example
# stroke file's density overlay.
for style in soft defined; do
  $stipple paint --template norwood-2 --style $style --out "$work/$style.stipple" >/dev/null
  $stipple render "$work/$style.stipple" --view top --look-at 0,150,45 --distance 160 --size 960x600 \
    --out "$out/hairline-$style.png" >/dev/null
done
$stipple paint --strokes docs/examples/receding-temples.json --out "$work/temples.stipple" >/dev/null
$stipple render "$work/temples.stipple" --view top --overlay density --size 960x600 \
  --out "$out/design-top-density.png" >/dev/null
