#!/usr/bin/env bash
# Renders docs/consultation.md's pictures headless from one demo design: a Norwood V template on
# the default head, the client's own hair as a horseshoe over the sides and back, and a Ludwig II
# design on long hair with a thinned part. Run after a release build; the window's pictures
# (consultation.png, consultation-wipe.png, consultation-session-alone.png) are F12 screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
stipple=build/release/stipple
out=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/hair.json" <<'JSON'
{"strokes": [
 {"tool": "native-hair", "mode": "set", "value": 85, "radius_mm": 200, "points": [[0, 138.8, 4.3]]},
 {"tool": "native-hair", "mode": "set", "value": 0, "radius_mm": 45, "hardness": 0.5,
  "points": [[0, 125, 70], [0, 140, 20], [0, 135, -30], [0, 120, -60]]}
]}
JSON
demo="$work/demo.stipple"
$stipple paint --template norwood-5 --strokes "$work/hair.json" --out "$demo" >/dev/null
$stipple render "$demo" --view three-quarter --size 960x600 --before --out $out/consultation-before.png >/dev/null
$stipple render "$demo" --view three-quarter --size 960x600 --out $out/consultation-after.png >/dev/null
for stage in fresh healed aged-10y; do
  $stipple render "$demo" --close-up --size 640x400 --stage $stage --out $out/consultation-stage-$stage.png >/dev/null
done
for light in clinic daylight indoor flash; do
  $stipple render "$demo" --view three-quarter --size 640x400 --light $light --out $out/consultation-light-$light.png >/dev/null
done
for session in 1 2 3; do
  $stipple render "$demo" --close-up --size 640x400 --stage healed --session $session \
    --out $out/consultation-session-$session.png >/dev/null
done
$stipple render "$demo" --view back --look-at 0,60,-95 --distance 70 --size 640x400 --stage healed \
  --out $out/consultation-native-stubble.png >/dev/null

# Long hair and a thinned part: the project's hair length is set in its header.
cat > "$work/part.json" <<'JSON'
{"strokes": [
 {"tool": "native-hair", "mode": "set", "value": 85, "radius_mm": 200, "points": [[0, 138.8, 4.3]]},
 {"tool": "native-hair", "mode": "set", "value": 15, "radius_mm": 6, "hardness": 0.2,
  "points": [[0, 120, 80], [0, 135, 60], [0, 145, 30], [0, 148, 0], [0, 145, -30]]}
]}
JSON
part="$work/part.stipple"
$stipple paint --template ludwig-2 --strokes "$work/part.json" --out "$part" >/dev/null
python3 - "$part" <<'PY'
import json, struct, sys
path = sys.argv[1]
data = open(path, 'rb').read()
size = struct.unpack('<Q', data[8:16])[0]
header = json.loads(data[16:16 + size])
header['design']['native_hair'] = {'colour_srgb': [0.16, 0.11, 0.08], 'length': 'long'}
text = json.dumps(header).encode()
open(path, 'wb').write(data[:8] + struct.pack('<Q', len(text)) + text + data[16 + size:])
PY
for shown in before after; do
  flag=$([ $shown = before ] && echo --before || true)
  $stipple render "$part" --view top --look-at 0,148,10 --distance 110 --size 640x400 $flag \
    --out $out/consultation-part-$shown.png >/dev/null
done

$stipple paint --template norwood-3 --strokes docs/examples/receding-temples.json --out "$work/sheet.stipple" >/dev/null
$stipple sheet "$work/sheet.stipple" --out $out/consultation-sheet.png \
  --notes "Soft front; review the temples at session 2." >/dev/null
echo "wrote the pictures in $out"
