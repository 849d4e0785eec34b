#include "core/HairlineField.h"

#include "core/Error.h"
#include "core/Hash.h"
#include "core/Segment.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace stipple {
namespace {

constexpr std::size_t kRun = 8;

float smoothstep(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

glm::vec3 absX(const glm::vec3& p) { return {std::abs(p.x), p.y, p.z}; }

}  // namespace

HairlineField::HairlineField(const HairlineCurve& curve, const HairlineMaskSettings& settings)
    : settings_(settings), macro_(settings.seed), micro_(settings.seed + 0x68e31da4u) {
    validateHairlineMask(settings);
    for (const SkinPoint& s : curve.leftSamples())
        if (points_.empty() || s.position != points_.back()) {  // a zero-length segment has no direction
            points_.push_back(s.position);
            normals_.push_back(s.normal);
        }
    const std::size_t n = points_.size();
    if (n < 2) throw InputError("the hairline has no curve yet");
    tangents_.assign(n, glm::vec3(1.0f, 0.0f, 0.0f));  // at the midline the mirrored halves meet: along +X
    arcs_.assign(n, 0.0f);
    for (std::size_t k = 1; k < n; ++k) {
        arcs_[k] = arcs_[k - 1] + glm::length(points_[k] - points_[k - 1]);
        const glm::vec3 in = glm::normalize(points_[k] - points_[k - 1]);
        tangents_[k] = k + 1 < n ? in + glm::normalize(points_[k + 1] - points_[k]) : in;
    }
    for (std::size_t first = 0; first + 1 < n; first += kRun) {
        const std::size_t last = std::min(first + kRun, n - 1);
        glm::vec3 lo = points_[first], hi = points_[first];
        for (std::size_t k = first; k <= last; ++k) {
            lo = glm::min(lo, points_[k]);
            hi = glm::max(hi, points_[k]);
        }
        runs_.push_back({0.5f * (lo + hi), 0.5f * glm::length(hi - lo)});
    }
    const int ftp = curve.frontotemporalIndex();
    if (ftp > 0) templeX_ = curve.leftHalf()[std::size_t(ftp)].position.x;
}

HairlineField::Nearest HairlineField::nearestOnLeft(const glm::vec3& p) const {
    float best = std::numeric_limits<float>::max();
    std::size_t bestSegment = 0;
    for (std::size_t r = 0; r < runs_.size(); ++r) {
        const float reach = std::max(glm::length(p - runs_[r].centre) - runs_[r].radius, 0.0f);
        if (reach * reach > best) continue;
        const std::size_t first = r * kRun, last = std::min(first + kRun, points_.size() - 1);
        for (std::size_t k = first; k < last; ++k) {
            const float d2 = squaredDistanceToSegment(p, points_[k], points_[k + 1]);
            if (d2 < best) {
                best = d2;
                bestSegment = k;
            }
        }
    }
    const glm::vec3 &a = points_[bestSegment], &b = points_[bestSegment + 1];
    const glm::vec3 ab = b - a;
    const float t = std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
    const glm::vec3 q = a + t * ab;
    const glm::vec3 tangent = t <= 0.0f ? tangents_[bestSegment] : t >= 1.0f ? tangents_[bestSegment + 1] : ab;
    const glm::vec3 normal = (1.0f - t) * normals_[bestSegment] + t * normals_[bestSegment + 1];
    // The left half runs outwards, the way the whole curve runs (right to left): the crown lies
    // along normal x tangent.
    const float side = glm::dot(glm::cross(normal, tangent), p - q);
    return {best, side >= 0.0f ? 1.0f : -1.0f, q, arcs_[bestSegment] + t * (arcs_[bestSegment + 1] - arcs_[bestSegment])};
}

HairlineField::Nearest HairlineField::nearest(const glm::vec3& p) const {
    // The right half is the left half's mirror image: a point's distance to it is its mirror
    // image's distance to the left half, and the side comes out the same (see the header).
    const glm::vec3 c = absX(p);
    const Nearest here = nearestOnLeft(c), there = nearestOnLeft(mirrorX(c));
    return there.distance2 < here.distance2 ? there : here;
}

float HairlineField::signedDistance(const glm::vec3& p) const {
    const Nearest n = nearest(p);
    return n.sign * std::sqrt(n.distance2);
}

float HairlineField::islands(float arcMm, float aheadMm) const {
    // Cells of islandSpacingMm along the curve and ahead of it; each holds an island with the
    // set chance, at a hashed spot and of a hashed radius.
    const float spacing = settings_.islandSpacingMm;
    const int cu = int(std::floor(arcMm / spacing)), cv = int(std::floor(aheadMm / spacing));
    float best = 0.0f;
    for (int dv = -1; dv <= 1; ++dv)
        for (int du = -1; du <= 1; ++du) {
            std::uint32_t h = lowbias32(settings_.seed ^ 0x5bd1e995u);
            h = lowbias32(h ^ std::uint32_t(cu + du));
            h = lowbias32(h ^ std::uint32_t(cv + dv));
            if (hashToUnitFloat(h) >= settings_.islandChance) continue;
            const float u = (float(cu + du) + hashToUnitFloat(lowbias32(h + 1u))) * spacing;
            const float v = (float(cv + dv) + hashToUnitFloat(lowbias32(h + 2u))) * spacing;
            const float radius = settings_.islandRadiusMm * (0.6f + 0.8f * hashToUnitFloat(lowbias32(h + 3u)));
            const float d = std::sqrt((arcMm - u) * (arcMm - u) + (aheadMm - v) * (aheadMm - v));
            best = std::max(best, 1.0f - smoothstep(0.4f * radius, radius, d));
        }
    return best;
}

float HairlineField::mask(const glm::vec3& p) const {
    const Nearest n = nearest(p);
    const glm::vec3 c = absX(p);
    float s = n.sign * std::sqrt(n.distance2);
    if (settings_.macroAmplitudeMm > 0.0f) s += settings_.macroAmplitudeMm * macro_(c / settings_.macroWavelengthMm);
    if (settings_.microAmplitudeMm > 0.0f) s += settings_.microAmplitudeMm * micro_(c / settings_.microWavelengthMm);
    if (templeX_ > 0.0f) s -= settings_.templeLiftMm * smoothstep(0.5f * templeX_, templeX_, n.point.x);
    const float half = 0.5f * settings_.transitionMm;
    float value = smoothstep(-half, half, s);
    // Islands only ahead of the line, fading out islandReachMm beyond the zone.
    const float ahead = -half - s;
    if (settings_.islandChance > 0.0f && s < 0.0f && ahead < settings_.islandReachMm)
        value = std::max(value, islands(n.arcMm, -s) * (1.0f - smoothstep(0.5f * settings_.islandReachMm, settings_.islandReachMm, ahead)));
    return value;
}

}  // namespace stipple
