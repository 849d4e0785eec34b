#include "gpu/ScalpImpressions.h"

#include "core/CandidateGrid.h"
#include "core/NativeHair.h"

#include <algorithm>

namespace stipple {
ScalpImpressions::ScalpImpressions(const HeadMesh& mesh, CandidatePool pool, const ScatterParams& look,
                                   const DensityMap& density, int pigmentMapSize, const DensityMap& nativeHair,
                                   float haloSigmaMm, float haloTail, float stubbleMm, float greyHairShare)
    : density_(density),
      nativeHair_(nativeHair),
      look_(look),
      pool_(std::move(pool)),
      field_(std::make_unique<ImpressionField>(pool_, buildCandidateGrid(pool_))),
      bake_(std::make_unique<PigmentBake>(mesh, pigmentMapSize, haloSigmaMm, haloTail)) {
    StubbleLook stubble;
    stubble.lengthMm = stubbleMm;
    stubble.greyShare = greyHairShare;
    stubble.whorlMm = crownWhorl(mesh.landmarks);
    field_->setStubbleLook(stubble);
    update();
}

void ScalpImpressions::setStubbleLook(float lengthMm, float greyShare) {
    StubbleLook stubble = field_->stubbleLook();
    stubble.lengthMm = lengthMm;
    stubble.greyShare = greyShare;
    if (stubble == field_->stubbleLook()) return;
    field_->setStubbleLook(stubble);
    bake_->bakeAll(*field_);
}

void ScalpImpressions::setDensities(const DensityMap& density, const DensityMap& nativeHair) {
    density_ = density;
    nativeHair_ = nativeHair;
    update();
}

void ScalpImpressions::setDensitiesWithin(const DensityMap& density, const DensityMap& nativeHair,
                                          const std::vector<Region>& changed) {
    density_ = density;
    nativeHair_ = nativeHair;
    field_->setDensity(density_);
    field_->setNativeHair(nativeHair_, stubbleDots());
    scatterAndBake(changed);
}

void ScalpImpressions::setDensitiesWithin(const LayerTextures& layers, const TexelRect& densityTexels,
                                          const TexelRect& nativeHairTexels, const std::vector<Region>& changed) {
    if (!densityTexels.empty()) field_->composeDensity(layers, densityTexels);
    if (!nativeHairTexels.empty()) field_->copyNativeHair(layers, nativeHairTexels);
    scatterAndBake(changed);
}

void ScalpImpressions::scatterAndBake(const std::vector<Region>& changed) {
    for (const Region& region : changed) {
        field_->scatterAround(shownLook(), region.centerMm, region.radiusMm);
        bake_->bakeAround(*field_, region.centerMm, region.radiusMm);
    }
    count_ = field_->activeCount();
}

void ScalpImpressions::setLook(const ImpressionLook& look) {
    if (bake_->hasHalo()) bake_->setHalo(look.diffusion.haloSigmaMm, look.diffusion.haloTail);
    look_ = look.dots;
    update();
}

void ScalpImpressions::showSession(const SessionPlan& plan, int session, SessionView view) {
    session = std::clamp(session, 0, plan.count());
    if (session == 0) {
        field_->setRankWindow(0.0f, 1.0f);
        sessionShade_ = 1.0f;
    } else {
        const std::size_t k = std::size_t(session - 1);
        field_->setRankWindow(view == SessionView::Alone && k > 0 ? plan.fractions[k - 1] : 0.0f, plan.fractions[k]);
        sessionShade_ = plan.shades[k];
    }
    update();
}

ScatterParams ScalpImpressions::shownLook() const {
    ScatterParams look = look_;
    look.shade *= sessionShade_;
    return look;
}

void ScalpImpressions::update() {
    field_->setDensity(density_);
    field_->setNativeHair(nativeHair_, stubbleDots());
    field_->scatter(shownLook());
    bake_->bakeAll(*field_);
    count_ = field_->activeCount();
}

}  // namespace stipple
