// A design shown at one stage of its life: the scatter's dot size and opacity and the ink's
// colour, from the SMP model's look of the needle's typical dot (typicalDotLook). Each dot's own variation stays
// the scatter's jitter, so impressions keep their ids and places from stage to stage.
#pragma once

#include "core/Scatter.h"
#include "core/SmpModel.h"

#include <glm/vec3.hpp>

namespace stipple {

struct StageLook {
    ScatterParams scatter;
    glm::vec3 inkSrgb{0.0f};
};

StageLook stageLook(int needlePreset, SmpStage stage, float depthMm = kDefaultDepthMm, int fitzpatrickType = 3);

}  // namespace stipple
