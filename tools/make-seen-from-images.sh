#!/usr/bin/env bash
# Renders docs/seen-from.md's pictures headless: a Norwood III design, healed, before and after,
# seen from 1 m and from 3 m, and the crown life-size at 96 dpi. Run after a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
stipple=build/release/stipple
out=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

design="$work/norwood-3.stipple"
$stipple paint --template norwood-3 --out "$design" >/dev/null
for metres in 1 3; do
  for look in before after; do
    flag=()
    [ "$look" = before ] && flag=(--before)
    $stipple render "$design" --view three-quarter --size 800x500 --stage healed --seen-from "$metres" "${flag[@]}" \
      --out "$out/seen-from-${metres}m-$look.png" >/dev/null
  done
done
$stipple render "$design" --view top --size 800x500 --stage healed --life-size --dpi 96 \
  --out "$out/life-size-96dpi.png" >/dev/null
