#include "core/Scatter.h"

#include "core/Hash.h"

namespace stipple {

std::uint32_t impressionSeed(std::uint32_t id, std::uint32_t poolSeed) {
    return lowbias32(id ^ lowbias32(poolSeed));
}

Impression makeImpression(const Candidate& candidate, std::uint32_t id, std::uint32_t poolSeed,
                          const ScatterParams& params) {
    Impression impression;
    impression.id = id;
    impression.position = candidate.position;
    impression.uv = candidate.uv;
    impression.normal = candidate.normal;
    impression.seed = impressionSeed(id, poolSeed);
    const float a = hashToUnitFloat(lowbias32(impression.seed ^ 0x9e3779b9U));
    const float b = hashToUnitFloat(lowbias32(impression.seed ^ 0x85ebca6bU));
    impression.diameterMm = params.needleDiameterMm * (1.0f + params.diameterJitter * (2.0f * a - 1.0f));
    impression.shade = params.shade * (1.0f - params.shadeJitter * b);
    return impression;
}

std::vector<Impression> scatterImpressions(const CandidatePool& pool, const DensityMap& density,
                                           const ScatterParams& params) {
    std::vector<Impression> impressions;
    const float maxDensity = pool.params.maxDensityPerCm2;
    for (std::size_t i = 0; i < pool.candidates.size(); ++i) {
        const Candidate& candidate = pool.candidates[i];
        if (isActive(candidate, density.sample(candidate.uv), maxDensity))
            impressions.push_back(makeImpression(candidate, std::uint32_t(i), pool.params.seed, params));
    }
    return impressions;
}

std::vector<Impression> scatterFollicles(const CandidatePool& pool, const DensityMap& density, const DensityMap& hair,
                                         const ScatterParams& stubble) {
    std::vector<Impression> follicles;
    const float maxDensity = pool.params.maxDensityPerCm2;
    for (std::size_t i = 0; i < pool.candidates.size(); ++i) {
        const Candidate& candidate = pool.candidates[i];
        if (isFollicle(candidate, density.sample(candidate.uv), hair.sample(candidate.uv), maxDensity))
            follicles.push_back(makeImpression(candidate, std::uint32_t(i), pool.params.seed, stubble));
    }
    return follicles;
}

}  // namespace stipple
