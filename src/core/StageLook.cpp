#include "core/StageLook.h"

#include "core/Needles.h"
#include "core/SkinTone.h"

namespace stipple {

StageLook stageLook(int needlePreset, SmpStage stage, float depthMm, int fitzpatrickType) {
    const ScatterParams base = dotLookFor(needlePreset);
    // The typical dot: the model's look averaged over many seeds (its per-dot variation).
    constexpr int kSamples = 64;
    float diameter = 0.0f, opacity = 0.0f;
    glm::vec3 ink(0.0f);
    for (int seed = 0; seed < kSamples; ++seed) {
        SmpDot dot;
        dot.freshDiameterMm = base.needleDiameterMm;
        dot.shade = base.shade;
        dot.seed = std::uint32_t(seed) * 2654435761u;
        dot.depthMm = depthMm;
        const DotLook look = dotLook(dot, stage, fitzpatrickType);
        diameter += look.diameterMm / kSamples;
        opacity += look.opacity / kSamples;
        ink += look.inkLinear / float(kSamples);
    }
    StageLook result;
    result.scatter = base;
    result.scatter.needleDiameterMm = diameter;
    result.scatter.shade = opacity;
    result.inkSrgb = linearToSrgb(ink);
    return result;
}

}  // namespace stipple
