#include "app/DesignPictures.h"

#include "app/ExportJob.h"
#include "core/SkinTone.h"
#include "core/StageLook.h"
#include "gpu/Snapshot.h"

namespace stipple {

DesignPictures::DesignPictures(const Design& design, const PictureLook& look, bool withImpressions)
    : renderer_(design.mesh), layerTextures_(*design.layers) {
    shading_.skinAlbedoSrgb = fitzpatrickPreset(look.skinType).albedoSrgb;
    shading_.lighting = look.lighting;
    // An SMP stage sets the dots' size and opacity and the ink's colour (core/SmpModel.h).
    std::optional<ScatterParams> dots;
    if (look.stage) {
        const StageLook staged = stageLook(design.needlePreset, *look.stage, look.depthMm, look.skinType);
        dots = staged.scatter;
        shading_.inkAlbedoSrgb = staged.inkSrgb;
    }
    if (withImpressions) impressions_ = impressionsFor(design, kDefaultPigmentMapSize, dots);
}

Image DesignPictures::render(const OrbitCamera& camera, int width, int height, const ShadingSettings& settings,
                             bool before) const {
    PigmentView pigment;
    if (impressions_ && !before) pigment = impressions_->view();
    pigment.layers = &layerTextures_;
    return renderSnapshot(renderer_, camera, width, height, settings, pigment);
}

}  // namespace stipple
