// The hairline mask: the curve turned into the hairline layer (LayerKind::Hairline, 0..1).
//
// For every covered texel of the layer's atlas, s = signed distance on the skin to the curve
// (mm, positive behind the line, towards the crown; see HairlineField.h), then
//     s' = s + macro noise + micro noise - temple lift
//     mask = smoothstep over [-transition / 2, +transition / 2] of s'
// so the curve is where the mask is one half, and the fall-off is `transition` wide on the skin.
// Styles set the numbers (docs/hairline.md has them with their sources):
//   soft / broken   10 mm zone, strong micro irregularity, isolated islands ahead of the line
//   defined / edge-up  2 mm zone, almost no irregularity (a barber's line-up)
//   mature          8 mm zone, moderate irregularity, the line 15 mm further back at the temples
#pragma once

#include "core/Choice.h"
#include "core/HairlineCurve.h"
#include "core/LayerEdit.h"
#include "core/Layers.h"
#include "core/SurfaceAtlas.h"

#include <cstdint>
#include <memory>

namespace stipple {

enum class HairlineStyle { Soft, Defined, Mature };
inline constexpr Choice<HairlineStyle> kHairlineStyleChoices[] = {
    {HairlineStyle::Soft, "soft", "Soft / broken"},
    {HairlineStyle::Defined, "defined", "Defined / edge-up"},
    {HairlineStyle::Mature, "mature", "Mature"},
};

struct HairlineMaskSettings {
    // Full width of the fall-off from 0 to 1, centred on the curve: SMP-FACTS gives a soft
    // transition zone of 0.5-1 cm.
    float transitionMm = 10.0f;
    // Irregularity: amplitude (mm the line moves along the skin) and wavelength of each scale.
    float microAmplitudeMm = 1.5f;
    float microWavelengthMm = 4.0f;
    float macroAmplitudeMm = 3.0f;
    float macroWavelengthMm = 15.0f;
    // Isolated islands of coverage ahead of the line (soft style): chance that a cell of
    // islandSpacingMm holds one, its radius, and how far ahead of the line they reach.
    float islandChance = 0.0f;
    float islandSpacingMm = 6.0f;
    float islandRadiusMm = 1.8f;
    float islandReachMm = 8.0f;
    // The line moves this far back at and beyond the frontotemporal points, easing in from half
    // their distance from the midline (mature style).
    float templeLiftMm = 0.0f;
    std::uint32_t seed = 1;
};

// The settings of each style; the seed is 1.
HairlineMaskSettings hairlineStyle(HairlineStyle style);

// Throws InputError when a width, wavelength or radius is not positive, an amplitude, lift or
// reach is negative, or the island chance lies outside 0..1.
void validateHairlineMask(const HairlineMaskSettings& settings);

// Writes the mask of `curve` into `layer` (its covered texels and their pads) and returns the
// undo step holding the 64x64 tiles it changed, or null when nothing changed. `atlas` must be
// the layer's. Texels outside every UV island keep their value.
std::unique_ptr<LayerEdit> writeHairlineMask(Layer& layer, const SurfaceAtlas& atlas, const HairlineCurve& curve,
                                             const HairlineMaskSettings& settings);

}  // namespace stipple
