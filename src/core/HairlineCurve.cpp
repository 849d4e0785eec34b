#include "core/HairlineCurve.h"

#include "core/Error.h"
#include "core/Segment.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace stipple {
namespace {

SkinPoint mirrored(const SkinPoint& p) { return {mirrorX(p.position), mirrorX(p.normal), p.triangle}; }

// Centripetal Catmull-Rom (Barry-Goldman): no cusps or self-intersections between unevenly
// spaced points, which a hand-edited hairline has.
glm::vec3 catmullRom(const glm::vec3& p0, const glm::vec3& p1, const glm::vec3& p2, const glm::vec3& p3, float t) {
    const auto knot = [](const glm::vec3& a, const glm::vec3& b) { return std::max(std::sqrt(glm::length(b - a)), 1e-4f); };
    const float t0 = 0.0f, t1 = knot(p0, p1), t2 = t1 + knot(p1, p2), t3 = t2 + knot(p2, p3);
    const float u = t1 + t * (t2 - t1);
    const glm::vec3 a1 = ((t1 - u) * p0 + (u - t0) * p1) / (t1 - t0);
    const glm::vec3 a2 = ((t2 - u) * p1 + (u - t1) * p2) / (t2 - t1);
    const glm::vec3 a3 = ((t3 - u) * p2 + (u - t2) * p3) / (t3 - t2);
    const glm::vec3 b1 = ((t2 - u) * a1 + (u - t0) * a2) / (t2 - t0);
    const glm::vec3 b2 = ((t3 - u) * a2 + (u - t1) * a3) / (t3 - t1);
    return ((t2 - u) * b1 + (u - t1) * b2) / (t2 - t1);
}

}  // namespace

HairlineCurve::HairlineCurve(const SurfaceProjector& projector, const std::vector<glm::vec3>& leftHalf, int frontotemporal)
    : frontotemporal_(frontotemporal) {
    if (leftHalf.size() < 2) throw InputError("a hairline needs the mid-frontal point and at least one point beside it");
    if (frontotemporal >= int(leftHalf.size())) frontotemporal_ = -1;
    for (std::size_t k = 0; k < leftHalf.size(); ++k) half_.push_back(place(projector, leftHalf[k], k == 0));
    resample(projector);
}

SkinPoint HairlineCurve::place(const SurfaceProjector& projector, const glm::vec3& target, bool midline) const {
    glm::vec3 p = target;
    if (midline) p.x = 0.0f;
    if (p.x < 0.0f) p = mirrorX(p);
    SkinPoint skin = projector.snap(p);
    if (midline) {
        // Cast within the midline plane so the point cannot drift sideways, then pin it there.
        glm::vec3 normal(0.0f, skin.normal.y, skin.normal.z);
        normal = glm::length(normal) > 1e-6f ? glm::normalize(normal) : glm::vec3(0.0f, 0.0f, 1.0f);
        if (const auto hit = projector.project(glm::vec3(0.0f, skin.position.y, skin.position.z), normal)) skin = *hit;
        skin.position.x = 0.0f;
        skin.normal.x = 0.0f;
        skin.normal = glm::normalize(skin.normal);
    }
    return skin;
}

SkinPoint HairlineCurve::control(std::size_t index) const {
    const std::size_t middle = half_.size() - 1;
    if (index >= middle) return half_[index - middle];
    SkinPoint p = mirrored(half_[middle - index]);
    p.triangle = mirroredTriangles_[middle - index];
    return p;
}

void HairlineCurve::movePoint(const SurfaceProjector& projector, std::size_t index, const glm::vec3& target) {
    const std::size_t middle = half_.size() - 1;
    if (index >= controlCount()) return;
    const std::size_t k = index >= middle ? index - middle : middle - index;
    half_[k] = place(projector, index >= middle ? target : mirrorX(target), k == 0);
    resample(projector);
}

void HairlineCurve::resample(const SurfaceProjector& projector) {
    // Row of control points from the mirror of the first point beside the midline, through the
    // mid-frontal point, out to the temple, with a phantom end point continuing the last step.
    std::vector<SkinPoint> row;
    row.push_back(mirrored(half_[1]));
    row.insert(row.end(), half_.begin(), half_.end());
    row.push_back(row.back());
    row.back().position = 2.0f * half_.back().position - half_[half_.size() - 2].position;

    leftSamples_.assign(1, half_.front());
    for (std::size_t k = 1; k + 2 < row.size(); ++k) {
        const SkinPoint &a = row[k], &b = row[k + 1];
        const int steps = std::max(1, int(std::ceil(glm::length(b.position - a.position) / kSampleSpacingMm)));
        for (int s = 1; s <= steps; ++s) {
            if (s == steps) {
                leftSamples_.push_back(b);  // control points lie on the curve exactly
                continue;
            }
            const float t = float(s) / float(steps);
            const glm::vec3 c = catmullRom(row[k - 1].position, a.position, b.position, row[k + 2].position, t);
            const glm::vec3 normal = glm::normalize((1.0f - t) * a.normal + t * b.normal);
            const auto onSkin = projector.project(c, normal);
            leftSamples_.push_back(onSkin ? *onSkin : SkinPoint{c, normal, t < 0.5f ? a.triangle : b.triangle});
        }
    }
    mirroredTriangles_.assign(half_.size(), 0);
    for (std::size_t k = 0; k < half_.size(); ++k) {
        const SkinPoint m = mirrored(half_[k]);
        const auto hit = projector.project(m.position, m.normal, 2.0f);
        mirroredTriangles_[k] = hit ? hit->triangle : half_[k].triangle;
    }
}

std::vector<SkinPoint> HairlineCurve::samples() const {
    std::vector<SkinPoint> all;
    all.reserve(2 * leftSamples_.size());
    for (std::size_t k = leftSamples_.size(); k-- > 1;) all.push_back(mirrored(leftSamples_[k]));
    all.insert(all.end(), leftSamples_.begin(), leftSamples_.end());
    return all;
}

float HairlineCurve::lengthMm() const {
    float half = 0.0f;
    for (std::size_t k = 1; k < leftSamples_.size(); ++k) half += glm::length(leftSamples_[k].position - leftSamples_[k - 1].position);
    return 2.0f * half;
}

}  // namespace stipple
