// Needle presets: what the practitioner loads in the machine, and the impression it leaves
// (docs/smp-facts.md: cartridges 06 = 0.18-0.20 mm, 08 = 0.25 mm, 10 = 0.30 mm; 1RL for
// hairlines and soft work, 3RL for fill).
#pragma once

#include "core/Scatter.h"

namespace stipple {

struct NeedlePreset {
    const char* name;           // as shown in the UI
    const char* cartridge;      // the cartridge code a practitioner orders
    float impressionDiameterMm; // fresh impression on the skin
};

constexpr NeedlePreset kNeedlePresets[] = {
    {"1RL 0.18 mm", "06", 0.18f},
    {"1RL 0.20 mm", "06", 0.20f},
    {"1RL 0.25 mm", "08", 0.25f},
    {"1RL 0.30 mm", "10", 0.30f},
    // Three 0.25 mm needles in a tight triangle leave one impression about twice as wide.
    {"3RL 0.25 mm", "08", 0.50f},
};
constexpr int kDefaultNeedlePreset = 1;

// The dots a preset leaves: its impression diameter, the default jitter and shade.
inline ScatterParams dotLookFor(int preset) {
    ScatterParams look;
    look.needleDiameterMm = kNeedlePresets[preset].impressionDiameterMm;
    return look;
}

}  // namespace stipple
