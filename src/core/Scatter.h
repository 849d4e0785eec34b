// Scatter: which candidates of the pool become impressions under a density map. This is the CPU
// twin of the scatter compute shader, and its fallback where GL compute is missing: both compute
// exactly the function below, so tests can compare them id for id.
//
// Candidate i is active iff   rank_i < density(uv_i) * scalpWeight_i / maxDensity
// evaluated in float in exactly that order, as shaders/scatter.comp does (density from
// DensityMap::sample, the same arithmetic as the shader's texelFetch bilinear).
// The scalp weight multiplies the density: the soft edge of the scalp thins impressions out
// towards the face and neck, and where the weight is 0 no density paints a dot.
// Because ranks are fixed, raising density only adds impressions and lowering it only removes
// them; a change in one place never moves an impression elsewhere.
#pragma once

#include "core/CandidatePool.h"
#include "core/DensityMap.h"

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <cstdint>
#include <vector>

namespace stipple {

// The scatter pass on the GPU (gpu/ImpressionField.h) takes these same numbers.
struct ScatterParams {
    float needleDiameterMm = 0.20f;  // 1RL "06" cartridge (core/Needles.h)
    float diameterJitter = 0.08f;    // each dot's diameter varies by up to +/- this fraction
    float shade = 0.85f;             // pigment darkness, 0 = none, 1 = full black
    float shadeJitter = 0.15f;       // each dot is up to this fraction lighter than `shade`
};

struct Impression {
    std::uint32_t id = 0;       // index of its candidate in the pool: stable while the pool lives
    glm::vec3 position{0.0f};   // mm, model space
    glm::vec2 uv{0.0f};
    glm::vec3 normal{0.0f};
    float diameterMm = 0.0f;
    float shade = 0.0f;
    std::uint32_t seed = 0;     // per-impression randomness for later passes (healing, ageing)
};

// The activation test, shared by the whole scatter.
inline bool isActive(const Candidate& candidate, float densityPerCm2, float maxDensityPerCm2) {
    return candidate.rank < densityPerCm2 * candidate.scalpWeight / maxDensityPerCm2;
}

// A follicle of the client's own hair (core/NativeHair.h): a candidate that is no impression and
//     1 - rank_i < hairDensity(uv_i) * scalpWeight_i / maxDensity
// (follicles fill the pool from the top of the ranks down).
inline bool isFollicle(const Candidate& candidate, float densityPerCm2, float hairPerCm2, float maxDensityPerCm2) {
    return !isActive(candidate, densityPerCm2, maxDensityPerCm2) &&
           1.0f - candidate.rank < hairPerCm2 * candidate.scalpWeight / maxDensityPerCm2;
}

// seed = lowbias32(id ^ lowbias32(poolSeed)): distinct ids give distinct seeds.
std::uint32_t impressionSeed(std::uint32_t id, std::uint32_t poolSeed);

// Diameter and shade of an active candidate, jittered from its seed as scatter.comp does:
//   a = hashToUnitFloat(lowbias32(seed ^ 0x9e3779b9)), b = hashToUnitFloat(lowbias32(seed ^ 0x85ebca6b))
//   diameter = needle * (1 + diameterJitter * (2a - 1))
//   shade    = shade * (1 - shadeJitter * b)
Impression makeImpression(const Candidate& candidate, std::uint32_t id, std::uint32_t poolSeed,
                          const ScatterParams& params);

// Every active candidate as an impression, in ascending id order.
std::vector<Impression> scatterImpressions(const CandidatePool& pool, const DensityMap& density,
                                           const ScatterParams& params = {});
// Every follicle under the design's `density` and the native `hair` (follicular units per
// cm^2), as dots of the `stubble` look, in ascending id order.
std::vector<Impression> scatterFollicles(const CandidatePool& pool, const DensityMap& density, const DensityMap& hair,
                                         const ScatterParams& stubble);

}  // namespace stipple
