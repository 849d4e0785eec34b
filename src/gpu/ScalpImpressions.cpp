#include "gpu/ScalpImpressions.h"

#include "core/CandidateGrid.h"

namespace stipple {

ScalpImpressions::ScalpImpressions(const HeadMesh& mesh, CandidatePool pool, const ScatterParams& look,
                                   float densityPerCm2, int pigmentMapSize)
    : density_(DensityMap::uniform(densityPerCm2)),
      look_(look),
      pool_(std::move(pool)),
      field_(std::make_unique<ImpressionField>(pool_, buildCandidateGrid(pool_))),
      bake_(std::make_unique<PigmentBake>(mesh, pigmentMapSize)) {
    update();
}

void ScalpImpressions::setUniformDensity(float densityPerCm2) {
    density_ = DensityMap::uniform(densityPerCm2);
    update();
}

void ScalpImpressions::setDensityAround(const DensityMap& density, const glm::vec3& centerMm, float radiusMm) {
    density_ = density;
    field_->setDensity(density_);
    field_->scatterAround(look_, centerMm, radiusMm);
    bake_->bakeAround(*field_, centerMm, radiusMm);
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
