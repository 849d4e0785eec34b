// How a design's impressions look, worked out once for every picture of them: the viewport,
// the headless renders and the sheet, the export and the shared page (docs/smp-model.md).
// As designed (no stage) the dots are as the needle leaves them, in healed carbon black; at a
// stage of healing and ageing they are the SMP model's typical dot, in its ink
// (core/StageLook.h). The skin over the pigment gives them their halo, their darkening and
// their crispness (core/SkinDiffusion.h, fitted to the skin-optics reference), from the depth,
// the stage and the client's skin.
#pragma once

#include "core/DesignSettings.h"
#include "core/Scatter.h"
#include "core/SkinDiffusion.h"
#include "core/SmpModel.h"

#include <glm/vec3.hpp>

#include <optional>

namespace stipple {

// The ink of a design as drawn: healed carbon black seen through the skin.
constexpr glm::vec3 kDesignInkSrgb{0.16f, 0.16f, 0.18f};

struct ImpressionLook {
    ScatterParams dots;             // the scatter's dot size, shade and jitter
    glm::vec3 inkSrgb = kDesignInkSrgb;
    SkinDiffusion diffusion;        // the dots' halo, its tail, its darkening and their crispness
    glm::vec3 skinSrgb{0.0f};       // the client's skin where the mesh has no colour of its own
};

// The look of the impressions `settings` describe (needle, depth, skin) at `stage`; none: as
// designed.
ImpressionLook impressionLook(const DesignSettings& settings, std::optional<SmpStage> stage);

}  // namespace stipple
