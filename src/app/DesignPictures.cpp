#include "app/DesignPictures.h"

#include "app/ExportJob.h"
#include "core/SeenFrom.h"
#include "core/SkinTone.h"
#include "core/StageLook.h"
#include "gpu/Snapshot.h"

namespace stipple {

DesignPictures::DesignPictures(const Design& design, const PictureLook& look, bool withImpressions)
    : renderer_(design.mesh), layerTextures_(*design.layers) {
    const DesignSettings& settings = design.settings;
    shading_.skinAlbedoSrgb = skinAlbedoSrgb(settings);
    shading_.hairAlbedoSrgb = settings.hairColourSrgb;
    shading_.longHair = settings.longHair;
    shading_.stubbleMm = settings.stubbleMm;
    shading_.greyHairShare = settings.greyHairShare;
    shading_.lighting = look.lighting;
    const SkinDiffusion diffusion = skinDiffusion(settings.depthMm, look.stage, modelSkinType(settings));
    shading_.diffusionGain = diffusion.gain;
    shading_.dotCrisp = diffusion.crisp;
    // An SMP stage sets the dots' size and opacity and the ink's colour (core/SmpModel.h).
    std::optional<ScatterParams> dots;
    if (look.stage) {
        const StageLook staged = stageLook(settings.needlePreset, *look.stage, settings.depthMm, modelSkinType(settings));
        dots = staged.scatter;
        shading_.inkAlbedoSrgb = staged.inkSrgb;
    }
    impressions_ = impressionsFor(design, kDefaultPigmentMapSize, dots, DotsShown{withImpressions, true}, look.stage);
}

void DesignPictures::showSession(const SessionPlan& plan, int session, SessionView view) {
    if (impressions_) impressions_->showSession(plan, session, view);
}

Image DesignPictures::renderSeenFrom(const OrbitCamera& camera, float metres, int width, int height,
                                     const ShadingSettings& settings, bool before, OrbitCamera* seenCamera) const {
    const OrbitCamera seen = seenFromCamera(camera, metres);
    if (seenCamera) *seenCamera = seen;
    const int factor = seenFromSupersampling(width, height);
    return eyeFilter(render(seen, width * factor, height * factor, settings, before), factor,
                     arcminutesPerPixel(seen, height * factor));
}

Image DesignPictures::render(const OrbitCamera& camera, int width, int height, const ShadingSettings& settings,
                             bool before) const {
    PigmentView pigment;
    if (impressions_) pigment = impressions_->view();
    pigment.layers = &layerTextures_;
    ShadingSettings shown = settings;
    shown.showDesign = settings.showDesign && !before;
    return renderSnapshot(renderer_, camera, width, height, shown, pigment);
}

}  // namespace stipple
