// The client's own hair, shaved to stubble, so a design can be judged beside it: where it
// grows (the native-hair layer, follicular units per cm^2), its colour, and how a shaved unit
// looks from above.
//
// A shaved follicular unit reads as a small dark dot: one to four cut shafts of 0.06-0.14 mm
// and the pigmented hair just under the skin (docs/smp-facts.md). SMP's impressions imitate
// exactly that, so the preview draws both as dots from the same candidate pool. Follicles take
// the candidates from the top of the ranks down (1 - rank), impressions from the bottom up: the
// two never share a candidate while both densities together stay under the pool's maximum,
// the way a practitioner sets impressions between the client's hairs. Where they would, the
// impression wins (core/Scatter.h).
#pragma once

#include "core/Scatter.h"

#include <glm/vec3.hpp>

namespace stipple {

// Natural density tops out near 110 follicular units per cm^2; the layer allows some margin.
constexpr float kMaxNativeHairPerCm2 = 150.0f;
// What a fresh native-hair brush paints: the mean natural density (docs/smp-facts.md).
constexpr float kDefaultNativeHairPerCm2 = 80.0f;

struct HairColourPreset {
    const char* name;
    glm::vec3 srgb;  // the stubble seen from above (a display choice, not a measurement)
};

constexpr HairColourPreset kHairColours[] = {
    {"Black", {0.07f, 0.06f, 0.06f}},       {"Dark brown", {0.16f, 0.11f, 0.08f}},
    {"Brown", {0.29f, 0.20f, 0.13f}},       {"Light brown", {0.46f, 0.34f, 0.23f}},
    {"Blond", {0.66f, 0.54f, 0.36f}},       {"Grey", {0.52f, 0.51f, 0.50f}},
};
constexpr int kDefaultHairColour = 1;  // dark brown

// How the stubble's dots are scattered: the cut shafts of a unit (1-4 hairs of 0.06-0.14 mm)
// and the pigmented hair running on just under the translucent skin read as one dark spot,
// wider than the shafts alone: 0.22 mm +/- 30 % (a modelling choice); nearly opaque, a little
// lighter where the shafts are fewer.
ScatterParams stubbleDots();

}  // namespace stipple
