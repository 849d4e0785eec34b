#include "core/SkinDiffusion.h"

#include "core/DotOptics.h"

#include <algorithm>

namespace stipple {

SkinDiffusion skinDiffusion(float depthMm, std::optional<SmpStage> stage, int fitzpatrickType) {
    const RealTimeDot dot = fittedDot(stage, std::clamp(depthMm, kMinDepthMm, kMaxDepthMm), fitzpatrickType);
    SkinDiffusion diffusion;
    diffusion.haloSigmaMm = dot.haloSigmaMm;
    diffusion.haloTail = dot.haloTail;
    diffusion.gain = dot.gain;
    return diffusion;
}

float inkOpacity(float coverage, float halo, float gain) {
    return 1.0f - (1.0f - coverage) * (1.0f - std::min((gain - 1.0f) * halo, 1.0f));
}

glm::vec3 inkOpacity(float coverage, float halo, const glm::vec3& gain) {
    return {inkOpacity(coverage, halo, gain.x), inkOpacity(coverage, halo, gain.y), inkOpacity(coverage, halo, gain.z)};
}

}  // namespace stipple
