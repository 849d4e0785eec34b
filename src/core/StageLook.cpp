#include "core/StageLook.h"

#include "core/Needles.h"
#include "core/SkinTone.h"

namespace stipple {

StageLook stageLook(int needlePreset, SmpStage stage, float depthMm, int fitzpatrickType) {
    const ScatterParams base = dotLookFor(needlePreset);
    SmpDot dot;
    dot.freshDiameterMm = base.needleDiameterMm;
    dot.shade = base.shade;
    dot.depthMm = depthMm;
    const DotLook look = typicalDotLook(dot, stage, fitzpatrickType);
    StageLook result;
    result.scatter = base;
    result.scatter.needleDiameterMm = look.diameterMm;
    result.scatter.shade = look.opacity;
    result.inkSrgb = linearToSrgb(look.inkLinear);
    return result;
}

}  // namespace stipple
