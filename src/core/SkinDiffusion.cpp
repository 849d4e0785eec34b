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
    diffusion.crisp = dot.crisp;
    return diffusion;
}

float inkOpacity(float coverage, float halo, float gain, float crisp) {
    return 1.0f - (1.0f - crisp * coverage) * (1.0f - std::min((gain - 1.0f) * halo, 1.0f));
}

glm::vec3 inkOpacity(float coverage, float halo, const glm::vec3& gain, float crisp) {
    return {inkOpacity(coverage, halo, gain.x, crisp), inkOpacity(coverage, halo, gain.y, crisp),
            inkOpacity(coverage, halo, gain.z, crisp)};
}

}  // namespace stipple
