// Live readouts of a hairline design: the numbers a practitioner checks with a tape on the head.
//
//   mid-frontal height   glabella to the mid-frontal point along the skin (SurfaceGeodesic)
//   frontotemporal       where the frontotemporal points are, and how far along the skin from
//                        the mid-frontal point
//   designed area        3D area of skin where the design places impressions: the hairline mask
//                        times the scalp weight, in cm^2
//   low-hairline warning the mid-frontal point below the aggressive bound, 7 cm above the
//                        glabella (SMP-FACTS: 7 cm aggressive, 8 cm usual, 10 cm conservative)
#pragma once

#include "core/HairlineCurve.h"
#include "core/Layers.h"
#include "core/SurfaceAtlas.h"
#include "core/SurfaceGeodesic.h"

#include <glm/vec3.hpp>

namespace stipple {

constexpr float kAggressiveMidFrontalMm = 70.0f;
constexpr float kStandardMidFrontalMm = 80.0f;
constexpr float kConservativeMidFrontalMm = 100.0f;

// True when a mid-frontal point this high above the glabella (along the skin) is set lower
// than the aggressive bound.
inline bool lowHairlineWarning(float midFrontalHeightMm) { return midFrontalHeightMm < kAggressiveMidFrontalMm; }

struct HairlineReadouts {
    float midFrontalHeightMm = 0.0f;
    bool lowHairline = false;  // lowHairlineWarning(midFrontalHeightMm)
    bool hasFrontotemporal = false;
    glm::vec3 frontotemporalLeft{0.0f}, frontotemporalRight{0.0f};  // mm, model space
    float frontotemporalFromMidFrontalMm = 0.0f;                    // along the skin
    double designedAreaCm2 = 0.0;
};

// Sum over the covered texels of mask x scalp weight x the texel's area on the skin (its
// triangle's 3D area per UV area); the scalp weight is interpolated at the texel's point, and
// counts as 1 everywhere when the head has no scalp region.
double designedAreaCm2(const HeadMesh& mesh, const SurfaceAtlas& atlas, const Layer& mask);

// Every readout; `mask` is the hairline layer and `atlas` its atlas, on the geodesic's head.
HairlineReadouts measureHairline(const SurfaceGeodesic& geodesic, const SurfaceProjector& projector, const HairlineCurve& curve,
                                 const SurfaceAtlas& atlas, const Layer& mask);

}  // namespace stipple
