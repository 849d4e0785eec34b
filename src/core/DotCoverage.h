// Pigment coverage at a point on the skin: the CPU twin of shaders/dots.glsl, used to check the
// GPU bake and viewport, and where GL compute is missing.
#pragma once

#include "core/CandidateGrid.h"
#include "core/CandidatePool.h"
#include "core/Scatter.h"

#include <vector>

namespace stipple {

// The soft edge of one dot: full inside, none outside, falling over the outer 30 % of the
// radius or the viewer's footprint, whichever is wider.
float dotProfile(float distanceMm, float radiusMm, float footprintMm);

class DotCoverage {
public:
    // `impressions` as scatterImpressions() returns them; the references must outlive this.
    DotCoverage(const CandidatePool& pool, const CandidateGrid& grid, const std::vector<Impression>& impressions);

    // Opacity of pigment at `positionMm`, 0..1: overlapping dots combine like layers of ink.
    float at(const glm::vec3& positionMm, float footprintMm) const;

private:
    const CandidatePool& pool_;
    const CandidateGrid& grid_;
    std::vector<const Impression*> impressionOf_;  // per candidate, null when inactive
};

}  // namespace stipple
