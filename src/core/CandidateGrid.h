// A 3D hash grid over the candidate pool: which candidates' dots can touch a point on the skin.
//
// Dots are evaluated in 3D (distance on the surface, not in UV), so the viewport's close-up, the
// UV bake and a CPU twin all ask the same question: "which dots cover this point?". Each
// candidate is entered in every cell its largest possible dot overlaps, so a point needs to look
// in one cell only. Cells hash into a table of buckets; colliding cells only add candidates that
// the distance test then rejects, so there are four buckets per candidate to keep that rare.
// shaders/dots.glsl repeats bucketOf() exactly.
#pragma once

#include "core/CandidatePool.h"

#include <glm/vec3.hpp>

#include <cstdint>
#include <vector>

namespace stipple {

struct CandidateGrid {
    float cellSizeMm = 0.6f;
    float maxDotRadiusMm = 0.3f;            // no dot may be larger than this
    std::uint32_t bucketMask = 0;           // bucket count - 1 (a power of two)
    std::vector<std::uint32_t> bucketStart; // bucket b holds entries[bucketStart[b] .. bucketStart[b+1])
    std::vector<std::uint32_t> entries;     // candidate indices

    std::uint32_t bucketOf(const glm::vec3& positionMm) const;
};

// cellSizeMm must be at least 2 * maxDotRadiusMm so a dot touches few cells (8, rarely 27).
// The defaults hold dots up to 0.6 mm across (fresh impressions of the widest shading needles,
// docs/smp-facts.md) in cells small enough that a point meets about three candidates.
CandidateGrid buildCandidateGrid(const CandidatePool& pool, float maxDotRadiusMm = 0.3f, float cellSizeMm = 0.6f);

}  // namespace stipple
