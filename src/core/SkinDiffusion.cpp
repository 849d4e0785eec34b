#include "core/SkinDiffusion.h"

#include "core/SmpModel.h"

#include <algorithm>

namespace stipple {

namespace {

// Each constant is listed in docs/smp-model.md ("Skin diffusion") with its reasoning.

// By reciprocity the shadow of a small absorber at depth d under even, diffuse light has the
// shape of the light it would send to the surface if it glowed: in the diffusion approximation
// d / (r^2 + d^2)^(3/2), half its peak at r = 0.77 d. A Gaussian with that half width.
constexpr float kSigmaPerDepth = 0.65f;
// Light crosses the layer of dots on its way in and on its way out, independently: the dots are
// far smaller than the distance light travels sideways in skin.
constexpr float kCrossings = 2.0f;
// A deposit is a cluster about as deep as it is wide: a globule crossed by diffuse light stops
// twice the light its top view covers (the mean secant of diffuse light is 2).
constexpr float kDiffuseCrossSection = 2.0f;
// Diffuse reflectance of the dermis and fat under the pigment.
constexpr float kBelowReflectance = 0.6f;

}  // namespace

SkinDiffusion skinDiffusion(float depthMm) {
    const float depth = std::clamp(depthMm, kMinDepthMm, kMaxDepthMm);
    SkinDiffusion diffusion;
    diffusion.haloSigmaMm = kSigmaPerDepth * depth;
    // In a two-flux picture the light crosses the dots again each time the skin above (its veil)
    // and the skin below send it back.
    diffusion.gain = kCrossings * kDiffuseCrossSection / (1.0f - skinVeil(depth) * kBelowReflectance);
    return diffusion;
}

float inkOpacity(float coverage, float halo, float gain) {
    return 1.0f - (1.0f - coverage) * (1.0f - std::min((gain - 1.0f) * halo, 1.0f));
}

}  // namespace stipple
