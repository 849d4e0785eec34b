#include "core/ImpressionLook.h"

#include "core/Needles.h"
#include "core/StageLook.h"

namespace stipple {

ImpressionLook impressionLook(const DesignSettings& settings, std::optional<SmpStage> stage) {
    ImpressionLook look;
    const int skinType = modelSkinType(settings);
    look.diffusion = skinDiffusion(settings.depthMm, stage, skinType);
    look.skinSrgb = skinAlbedoSrgb(settings);
    if (!stage) {
        look.dots = dotLookFor(settings.needlePreset);
        return look;
    }
    const StageLook staged = stageLook(settings.needlePreset, *stage, settings.depthMm, skinType);
    look.dots = staged.scatter;
    look.inkSrgb = staged.inkSrgb;
    return look;
}

}  // namespace stipple
