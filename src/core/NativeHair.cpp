#include "core/NativeHair.h"

#include "core/Hash.h"
#include "core/SkinOptics.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace stipple {
namespace {

static_assert(float(kEpidermisMm) == kHairEpidermisMm, "the hair fades under the reference's epidermis");

// shaders/stubble.glsl's search: steps along the growth line shorter than a grid cell.
constexpr float kStubbleStepMm = 0.4f;
constexpr float kStubbleMarginMm = 0.1f;

float smoothstep(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

float shaftProfile(float distanceMm, float halfWidthMm, float footprintMm) {
    const float reach = std::max(halfWidthMm, 0.5f * footprintMm);
    const float softness = std::max(0.6f * halfWidthMm, footprintMm);
    return halfWidthMm / reach * (1.0f - smoothstep(reach - 0.5f * softness, reach + 0.5f * softness, distanceMm));
}

float underSkinShows(float alongMm) {
    return std::exp(-std::max(alongMm * kHairExitTan - kHairEpidermisMm, 0.0f) / kHairFadeMm);
}

std::uint32_t hairsInUnit(std::uint32_t seed) {
    const float u = hashToUnitFloat(lowbias32(seed ^ 0x68a1u));
    return u < 0.2f ? 1u : (u < 0.6f ? 2u : 3u);
}

}  // namespace

ScatterParams stubbleDots() {
    ScatterParams stubble;
    stubble.needleDiameterMm = 0.085f;
    stubble.diameterJitter = 0.3f;
    stubble.shade = 0.95f;
    stubble.shadeJitter = 0.1f;
    return stubble;
}

glm::vec3 hairGrowthDirection(const glm::vec3& positionMm, const glm::vec3& normal, const glm::vec3& whorlMm) {
    const glm::vec3 away = positionMm - whorlMm;
    glm::vec3 along = away - normal * glm::dot(away, normal);
    if (glm::length(along) < 1e-4f) along = glm::cross(normal, glm::vec3(1.0f, 0.0f, 0.0f));
    return glm::normalize(along);
}

glm::vec3 crownWhorl(const Landmarks& landmarks) { return landmarks.vertex - glm::vec3(0.0f, 0.0f, 30.0f); }

float stubbleReachMm(const StubbleLook& look) {
    return std::max(kHairUnderSkinMm, look.lengthMm * kHairExitCos) + kStubbleMarginMm;
}

StubbleCoverage::StubbleCoverage(const CandidatePool& pool, const CandidateGrid& grid,
                                 const std::vector<Impression>& follicles, const StubbleLook& look)
    : pool_(pool), grid_(grid), look_(look), follicleOf_(pool.size(), nullptr) {
    for (const Impression& follicle : follicles) follicleOf_[follicle.id] = &follicle;
}

glm::vec2 StubbleCoverage::at(const glm::vec3& positionMm, const glm::vec3& normal, float footprintMm) const {
    const glm::vec3 growth = hairGrowthDirection(positionMm, normal, look_.whorlMm);
    const float aboveMm = look_.lengthMm * kHairExitCos;
    const float low = -(kHairUnderSkinMm + kStubbleMarginMm);
    const int steps = int(std::ceil((aboveMm + kStubbleMarginMm - low) / kStubbleStepMm));
    glm::vec2 clear(1.0f);
    for (int step = 0; step < steps; ++step) {
        const std::uint32_t bucket = grid_.bucketOf(positionMm - growth * (low + (float(step) + 0.5f) * kStubbleStepMm));
        for (std::uint32_t k = grid_.bucketStart[bucket]; k < grid_.bucketStart[bucket + 1]; ++k) {
            const std::uint32_t id = grid_.entries[k];
            const Impression* unit = follicleOf_[id];
            if (!unit) continue;
            const Candidate& candidate = pool_.candidates[id];
            const glm::vec3 exitMm = candidate.position;
            if (int(std::floor((glm::dot(positionMm - exitMm, growth) - low) / kStubbleStepMm)) != step) continue;
            const glm::vec3 unitGrowth = hairGrowthDirection(exitMm, candidate.normal, look_.whorlMm);
            const glm::vec3 side = glm::cross(candidate.normal, unitGrowth);
            const std::uint32_t hairs = hairsInUnit(unit->seed);
            for (std::uint32_t i = 0; i < hairs; ++i) {
                const std::uint32_t h = lowbias32(unit->seed ^ (0x9e3779b9u * (i + 1u)));
                const glm::vec3 direction = glm::normalize(unitGrowth + side * (0.08f * (hashToUnitFloat(h) - 0.5f)));
                const glm::vec3 start = exitMm + side * (0.05f * (float(i) - 0.5f * float(hairs - 1u)));
                const float halfWidth =
                    0.5f * unit->diameterMm * (0.85f + 0.3f * hashToUnitFloat(lowbias32(h ^ 0x5bd1e995u)));
                const bool grey = hashToUnitFloat(lowbias32(h ^ 0x27d4eb2fu)) < look_.greyShare;
                const float along = std::clamp(glm::dot(positionMm - start, direction), -kHairUnderSkinMm, aboveMm);
                const float profile =
                    unit->shade * shaftProfile(glm::distance(positionMm, start + direction * along), halfWidth, footprintMm);
                const bool underSkin = along < -halfWidth;
                if (grey) clear.y *= 1.0f - (underSkin ? 0.0f : profile);
                else clear.x *= 1.0f - profile * (underSkin ? underSkinShows(-along) : 1.0f);
            }
        }
    }
    return glm::vec2(1.0f) - clear;
}

}  // namespace stipple
