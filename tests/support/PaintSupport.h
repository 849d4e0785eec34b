// Shared by the painting tests: points on a head's skin and a brute-force reference for brush
// strokes, written independently of src/core/Brush.cpp (double precision, every segment for
// every texel, no grid).
#pragma once

#include "core/Brush.h"
#include "core/MeshRaycaster.h"
#include "core/SurfaceAtlas.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace stipple::painttest {

// The outermost skin point in direction `direction` from `centre` (a ray shot inwards from far out).
inline glm::vec3 skinPoint(const MeshRaycaster& raycaster, const glm::vec3& centre, const glm::vec3& direction) {
    const glm::vec3 d = glm::normalize(direction);
    const auto hit = raycaster.intersect(centre + 1000.0f * d, -d);
    if (!hit) throw std::runtime_error("no skin in that direction");
    return hit->point;
}

// Direction at polar angle theta from +Y (the crown) and azimuth phi around Y (phi = 0 at +Z).
inline glm::vec3 direction(float theta, float phi) {
    return {std::sin(theta) * std::sin(phi), std::cos(theta), std::sin(theta) * std::cos(phi)};
}

// `count` skin points along an arc of directions from (theta0, phi0) to (theta1, phi1).
inline std::vector<glm::vec3> skinArc(const MeshRaycaster& raycaster, const glm::vec3& centre, float theta0, float phi0,
                                      float theta1, float phi1, int count) {
    std::vector<glm::vec3> points;
    for (int k = 0; k < count; ++k) {
        const float t = count > 1 ? float(k) / float(count - 1) : 0.0f;
        points.push_back(skinPoint(raycaster, centre, direction(theta0 + t * (theta1 - theta0), phi0 + t * (phi1 - phi0))));
    }
    return points;
}

inline double segmentDistance(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b) {
    const glm::dvec3 ab = b - a;
    const double length2 = glm::dot(ab, ab);
    const double t = length2 > 0.0 ? std::clamp(glm::dot(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    return glm::length(p - (a + t * ab));
}

// Smallest 3D distance from p to the stroke's polyline (and its mirror image with symmetry).
inline double strokeDistance(const glm::vec3& p, const std::vector<glm::vec3>& points, bool symmetry) {
    double best = std::numeric_limits<double>::max();
    for (int side = 0; side < (symmetry ? 2 : 1); ++side) {
        const glm::dvec3 flip(side ? -1.0 : 1.0, 1.0, 1.0);
        for (std::size_t k = 0; k < points.size(); ++k) {
            const glm::dvec3 a = glm::dvec3(points[k == 0 ? 0 : k - 1]) * flip, b = glm::dvec3(points[k]) * flip;
            best = std::min(best, segmentDistance(glm::dvec3(p), a, b));
        }
    }
    return best;
}

inline double referenceFalloff(double d, double radius, double hardness) {
    if (d >= radius) return 0.0;
    if (d <= hardness * radius) return 1.0;
    const double t = (d - hardness * radius) / (radius - hardness * radius);
    return 1.0 - t * t * (3.0 - 2.0 * t);
}

// The value a set/add/subtract stroke leaves at a texel whose 3D point is `p`.
inline double referenceValue(const BrushSettings& brush, double before, const glm::vec3& p,
                             const std::vector<glm::vec3>& points, double lo, double hi) {
    const double w = double(brush.strength) * referenceFalloff(strokeDistance(p, points, brush.symmetry), brush.radiusMm, brush.hardness);
    double v = before;
    if (brush.mode == BrushMode::Set) v = before + w * (double(brush.value) - before);
    if (brush.mode == BrushMode::Add) v = before + w * double(brush.value);
    if (brush.mode == BrushMode::Subtract) v = before - w * double(brush.value);
    return std::clamp(v, lo, hi);
}

}  // namespace stipple::painttest
