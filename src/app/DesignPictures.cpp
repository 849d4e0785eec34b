#include "app/DesignPictures.h"

#include "app/ExportJob.h"
#include "core/SeenFrom.h"
#include "gpu/Snapshot.h"

namespace stipple {

DesignPictures::DesignPictures(const Design& design, const PictureLook& look, bool withImpressions)
    : renderer_(design.mesh),
      scene_(sceneFor(design, fixedStage(look.stage), SceneDots{withImpressions, true, true, kDefaultPigmentMapSize})) {
    const DesignSettings& settings = design.settings;
    shading_.skinAlbedoSrgb = scene_->look().skinSrgb;
    shading_.hairAlbedoSrgb = settings.hairColourSrgb;
    shading_.longHair = settings.longHair;
    shading_.stubbleMm = settings.stubbleMm;
    shading_.greyHairShare = settings.greyHairShare;
    shading_.lighting = look.lighting;
    shading_.showImpressionsAs(scene_->look());
}

void DesignPictures::showSession(const SessionPlan& plan, int session, SessionView view) {
    scene_->showSession(plan, session, view);
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
    const PigmentView pigment = scene_->view();
    ShadingSettings shown = settings;
    shown.showDesign = settings.showDesign && !before;
    return renderSnapshot(renderer_, camera, width, height, shown, pigment);
}

}  // namespace stipple
