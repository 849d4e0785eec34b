#include "core/DotCoverage.h"

#include <glm/geometric.hpp>

#include <algorithm>

namespace stipple {
namespace {

float smoothstep(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

}  // namespace

float dotProfile(float distanceMm, float radiusMm, float footprintMm) {
    const float softness = std::max(0.3f * radiusMm, footprintMm);
    return 1.0f - smoothstep(radiusMm - 0.5f * softness, radiusMm + 0.5f * softness, distanceMm);
}

DotCoverage::DotCoverage(const CandidatePool& pool, const CandidateGrid& grid, const std::vector<Impression>& impressions)
    : pool_(pool), grid_(grid), impressionOf_(pool.size(), nullptr) {
    for (const Impression& impression : impressions) impressionOf_[impression.id] = &impression;
}

float DotCoverage::at(const glm::vec3& positionMm, float footprintMm) const {
    const std::uint32_t bucket = grid_.bucketOf(positionMm);
    float clear = 1.0f;
    for (std::uint32_t k = grid_.bucketStart[bucket]; k < grid_.bucketStart[bucket + 1]; ++k) {
        const std::uint32_t id = grid_.entries[k];
        const Impression* impression = impressionOf_[id];
        if (!impression) continue;
        const float d = glm::distance(positionMm, pool_.candidates[id].position);
        clear *= 1.0f - impression->shade * dotProfile(d, 0.5f * impression->diameterMm, footprintMm);
    }
    return 1.0f - clear;
}

}  // namespace stipple
