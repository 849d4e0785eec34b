#!/usr/bin/env bash
# Writes the skin-optics reference's tables (assets/optics/deposits.csv and profiles.csv) with
# `stipple optics --table`, then fits the real-time dot model to them (src/core/OpticsFit.inc)
# with `stipple optics --fit`. Run after a release build; about 10 minutes on two cores.
# docs/skin-optics.md says what the tables hold and how noisy they are.
set -euo pipefail
cd "$(dirname "$0")/.."
stipple=build/release/stipple
photons=${PHOTONS:-80000}
"$stipple" optics --table assets/optics --photons "$photons" --seed 1
"$stipple" optics --fit assets/optics --out src/core/OpticsFit.inc
