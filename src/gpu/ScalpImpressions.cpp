#include "gpu/ScalpImpressions.h"

#include "core/CandidateGrid.h"

namespace stipple {

ScalpImpressions::ScalpImpressions(const HeadMesh& mesh, CandidatePool pool, const ScatterParams& look,
                                   const DensityMap& density, int pigmentMapSize)
    : density_(density),
      look_(look),
      pool_(std::move(pool)),
      field_(std::make_unique<ImpressionField>(pool_, buildCandidateGrid(pool_))),
      bake_(std::make_unique<PigmentBake>(mesh, pigmentMapSize)) {
    update();
}

void ScalpImpressions::setDensity(const DensityMap& density) {
    density_ = density;
    update();
}

void ScalpImpressions::setDensityWithin(const DensityMap& density, const std::vector<Region>& changed) {
    density_ = density;
    field_->setDensity(density_);
    scatterAndBake(changed);
}

void ScalpImpressions::setDensityWithin(const LayerTextures& layers, const TexelRect& texels, const std::vector<Region>& changed) {
    field_->composeDensity(layers, texels);
    scatterAndBake(changed);
}

void ScalpImpressions::scatterAndBake(const std::vector<Region>& changed) {
    for (const Region& region : changed) {
        field_->scatterAround(look_, region.centerMm, region.radiusMm);
        bake_->bakeAround(*field_, region.centerMm, region.radiusMm);
    }
    count_ = field_->activeCount();
}

void ScalpImpressions::setDotLook(const ScatterParams& look) {
    look_ = look;
    update();
}

void ScalpImpressions::update() {
    field_->setDensity(density_);
    field_->scatter(look_);
    bake_->bakeAll(*field_);
    count_ = field_->activeCount();
}

}  // namespace stipple
