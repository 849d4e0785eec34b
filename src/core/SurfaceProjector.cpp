#include "core/SurfaceProjector.h"

#include <glm/geometric.hpp>

#include <cmath>

namespace stipple {

SurfaceProjector::SurfaceProjector(const HeadMesh& mesh) : mesh_(mesh), raycaster_(mesh) {}

std::optional<SkinPoint> SurfaceProjector::project(const glm::vec3& point, const glm::vec3& normal, float reachMm) const {
    // A ray exactly along a mesh edge (the midline of a symmetric head is one) can slip between
    // its two triangles: retry a micrometre to either side.
    const glm::vec3 side = glm::normalize(glm::abs(normal.x) < 0.9f ? glm::cross(normal, glm::vec3(1.0f, 0.0f, 0.0f))
                                                                    : glm::cross(normal, glm::vec3(0.0f, 1.0f, 0.0f)));
    const glm::vec3 across = glm::cross(normal, side);
    constexpr float kNudgeMm = 1e-3f;
    for (const glm::vec3& nudge : {glm::vec3(0.0f), kNudgeMm * side, -kNudgeMm * side, kNudgeMm * across, -kNudgeMm * across})
        if (const auto hit = raycaster_.intersect(point + nudge + reachMm * normal, -normal, 2.0f * reachMm))
            return SkinPoint{hit->point, hit->normal, hit->triangle};
    return std::nullopt;
}

SkinPoint SurfaceProjector::snap(const glm::vec3& point) const {
    const std::size_t vertex = nearestVertex(mesh_, point);
    const glm::vec3 normal = mesh_.normals.size() == mesh_.positions.size() ? mesh_.normals[vertex] : glm::vec3(0.0f, 0.0f, 1.0f);
    if (const auto hit = project(point, normal)) return *hit;
    // Any triangle using the vertex will do for a point that is the vertex.
    std::uint32_t triangle = 0;
    for (std::size_t t = 0; t < mesh_.triangles.size(); ++t)
        if (mesh_.triangles[t].x == vertex || mesh_.triangles[t].y == vertex || mesh_.triangles[t].z == vertex) {
            triangle = std::uint32_t(t);
            break;
        }
    return SkinPoint{mesh_.positions[vertex], normal, triangle};
}

SkinPath SurfaceProjector::walkInPlane(const SkinPoint& start, const glm::vec3& planeNormal, const glm::vec3& direction,
                                       float lengthMm, float stepMm) const {
    const glm::vec3 plane = glm::normalize(planeNormal);
    const auto inPlane = [&](const glm::vec3& v) { return v - glm::dot(v, plane) * plane; };
    SkinPath path;
    path.points.push_back(start);
    glm::vec3 heading = inPlane(direction);
    while (path.lengthMm < lengthMm) {
        const SkinPoint& here = path.points.back();
        // Along the skin and in the plane: perpendicular to both normals, continuing the heading.
        glm::vec3 tangent = glm::cross(plane, here.normal);
        if (glm::dot(tangent, heading) < 0.0f) tangent = -tangent;
        if (glm::length(tangent) < 1e-6f) break;
        tangent = glm::normalize(tangent);
        const float step = std::min(stepMm, lengthMm - path.lengthMm);
        // Cast inside the plane so the path stays in it.
        const glm::vec3 castNormal = inPlane(here.normal);
        if (glm::length(castNormal) < 1e-6f) break;
        const auto next = project(here.position + step * tangent, glm::normalize(castNormal), std::max(4.0f * step, 2.0f));
        if (!next) break;
        const float chord = glm::length(next->position - here.position);
        if (!(chord > 0.0f)) break;
        heading = next->position - here.position;
        // The last step lands exactly lengthMm along.
        if (path.lengthMm + chord > lengthMm) {
            const float t = (lengthMm - path.lengthMm) / chord;
            const glm::vec3 end = here.position + t * (next->position - here.position);
            path.points.push_back(project(end, next->normal, 2.0f).value_or(*next));
            path.lengthMm = lengthMm;
            break;
        }
        path.points.push_back(*next);
        path.lengthMm += chord;
    }
    return path;
}

}  // namespace stipple
