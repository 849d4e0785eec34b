// Small 3D helpers shared by the brushes and the surface atlas: distance to a segment and the
// mirror across the mid-sagittal plane.
//
// Both are written so that mirroring is exact in float: negating x flips the sign of every
// difference along x and leaves every product and sum bit for bit the same, so a point's
// distance to a segment equals its mirror's distance to the mirrored segment exactly.
#pragma once

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include <algorithm>

namespace stipple {

// The mid-sagittal plane is x = 0 in model space (HeadMesh.h).
inline glm::vec3 mirrorX(const glm::vec3& p) { return {-p.x, p.y, p.z}; }

// Squared distance from p to the segment [a, b]; a == b is a point.
inline float squaredDistanceToSegment(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
    const glm::vec3 ab = b - a, ap = p - a;
    const float length2 = glm::dot(ab, ab);
    const float t = length2 > 0.0f ? std::clamp(glm::dot(ap, ab) / length2, 0.0f, 1.0f) : 0.0f;
    const glm::vec3 d = ap - t * ab;
    return glm::dot(d, d);
}

}  // namespace stipple
