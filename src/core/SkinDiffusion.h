// SkinDiffusion: what the skin above a deposit does to its look from afar. The pigment lies
// 0.3-2 mm deep in turbid skin, so the light reaching it and leaving it is diffused: its shadow
// at the surface is a soft halo wider than the dot, with a long tail, and the pigment darkens
// the skin around it far more than its area alone would. GL-free: the viewport
// (shaders/head.frag, the bake's halo) and the export (io/DesignExport.cpp) composite with these
// numbers. They are fitted to the skin-optics reference (core/DotOptics.h, docs/skin-optics.md).
#pragma once

#include "core/SmpModel.h"

#include <glm/vec3.hpp>

#include <optional>

namespace stipple {

// The halo's tail: a Gaussian this many times wider than its core (the bake reads the coverage
// two mip levels coarser), for the long reach of light diffused under a deep deposit.
constexpr float kHaloTailScale = 4.0f;

struct SkinDiffusion {
    float haloSigmaMm = 0.0f;  // width of the soft shadow around each dot: a Gaussian's sigma on the skin
    float haloTail = 0.0f;     // share of the shadow in the tail, kHaloTailScale times wider
    glm::vec3 gain{1.0f};      // per channel: g - 1 is the halo's darkening over the dots' coverage
    float crisp = 1.0f;        // how much of a dot shows crisp where it lies: 1 shallow, near 0 deep
};

// The diffusion for pigment `depthMm` deep (clamped to kMinDepthMm..kMaxDepthMm) at `stage` on
// skin of Fitzpatrick type 1..6: the fit of the default needle's dot (core/DotOptics.h). Without
// a stage, the fresh deposit's: a design is drawn as the needle leaves it.
SkinDiffusion skinDiffusion(float depthMm, std::optional<SmpStage> stage = std::nullopt, int fitzpatrickType = 3);

// The ink's opacity at a point from the dots' coverage there (`coverage`, crisp) and the
// coverage blurred by the halo (`halo`): 1 - (1 - s c)(1 - min((g - 1) h, 1)), s the crisp
// share. Far away c and h are both the local coverage f and this is about (s + g - 1) f; up close
// a shallow dot keeps its own opacity in its core with a soft shadow around it, while a deep one
// shows as its shadow alone. shaders/head.frag does the same, per channel.
float inkOpacity(float coverage, float halo, float gain, float crisp = 1.0f);
glm::vec3 inkOpacity(float coverage, float halo, const glm::vec3& gain, float crisp = 1.0f);

}  // namespace stipple
