#include "gpu/DesignScene.h"

#include <algorithm>

namespace stipple {
namespace {

bool allZero(const DensityMap& map) {
    return std::all_of(map.texels().begin(), map.texels().end(), [](float d) { return d <= 0.0f; });
}

}  // namespace

DesignScene::DesignScene(const HeadMesh& mesh, const LayerSet& layers, const DesignSettings& settings,
                         const ShownStage& stage)
    : mesh_(mesh), layers_(layers), settings_(settings), stage_(stage), look_(currentLook()), textures_(layers) {}

ImpressionLook DesignScene::currentLook() const {
    return impressionLook(settings_, stage_.followsSettings ? settings_.stage : stage_.stage);
}

bool DesignScene::showsDots(const SceneDots& dots) const {
    return (dots.design && !allZero(designDensity(layers_))) || (dots.nativeHair && !allZero(nativeHairDensity(layers_)));
}

void DesignScene::makeImpressions(CandidatePool pool, const SceneDots& dots) {
    if (!showsDots(dots)) return;
    const DensityMap density = dots.design ? designDensity(layers_) : DensityMap::uniform(0.0f);
    const DensityMap hair = dots.nativeHair ? nativeHairDensity(layers_) : DensityMap::uniform(0.0f);
    impressions_ = std::make_unique<ScalpImpressions>(mesh_, std::move(pool), look_.dots, density, dots.pigmentMapSize,
                                                      hair, dots.halo ? look_.diffusion.haloSigmaMm : 0.0f,
                                                      look_.diffusion.haloTail, settings_.stubbleMm, settings_.greyHairShare);
}

void DesignScene::apply(const DesignChange& change) {
    if (change.everyLayer) {
        textures_.updateAll(layers_);
        if (impressions_) impressions_->setDensities(designDensity(layers_), nativeHairDensity(layers_));
    } else if (change.changesLayers()) {
        // A stroke on the GPU has painted the textures already; the CPU's is uploaded.
        if (!change.texturesHoldIt)
            for (LayerKind kind : kLayerKinds)
                if (change.changesLayer(kind)) textures_.update(layers_, kind, change.texels[std::size_t(kind)]);
        if (impressions_ && (change.changesDensity() || change.changesNativeHair())) {
            std::vector<ScalpImpressions::Region> regions;
            for (const SurfaceSphere& sphere : change.reach) regions.push_back({sphere.centreMm, sphere.radiusMm});
            if (change.texturesHoldIt) {
                TexelRect density = change.texels[std::size_t(LayerKind::Density)];
                density.include(change.texels[std::size_t(LayerKind::Hairline)]);
                impressions_->setDensitiesWithin(textures_, density, change.texels[std::size_t(LayerKind::NativeHair)],
                                                 regions);
            } else {
                impressions_->setDensitiesWithin(
                    change.changesDensity() ? designDensity(layers_) : impressions_->density(),
                    change.changesNativeHair() ? nativeHairDensity(layers_) : impressions_->nativeHair(), regions);
            }
        }
    }
    if (change.look) {
        look_ = currentLook();
        if (impressions_) impressions_->setLook(look_);
    }
    if (change.stubble && impressions_) impressions_->setStubbleLook(settings_.stubbleMm, settings_.greyHairShare);
}

void DesignScene::strokeEnded() {
    if (impressions_) impressions_->adoptDensities(designDensity(layers_), nativeHairDensity(layers_));
}

void DesignScene::showStage(std::optional<SmpStage> stage) {
    stage_ = fixedStage(stage);
    apply(DesignChange::ofLook());
}

void DesignScene::showSession(const SessionPlan& plan, int session, SessionView view) {
    if (impressions_) impressions_->showSession(plan, session, view);
}

PigmentView DesignScene::view() const {
    PigmentView pigment;
    if (impressions_) pigment = impressions_->view();
    pigment.layers = &textures_;
    return pigment;
}

}  // namespace stipple
