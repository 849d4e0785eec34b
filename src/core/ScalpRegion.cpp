#include "core/ScalpRegion.h"

#include <glm/geometric.hpp>

#include <algorithm>

namespace stipple {
namespace {

float smoothstep(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

}  // namespace

Landmarks estimateLandmarks(const HeadMesh& mesh) {
    const Bounds bounds = computeBounds(mesh.positions);
    const glm::vec3 size = bounds.size();
    Landmarks landmarks;
    landmarks.estimated = true;
    // Vertex: the highest point.
    landmarks.vertex = *std::max_element(mesh.positions.begin(), mesh.positions.end(),
                                         [](const glm::vec3& a, const glm::vec3& b) { return a.y < b.y; });
    // Proportions of an adult head: brows about 40 % of the head height below the vertex.
    const float browY = bounds.max.y - 0.40f * size.y;
    landmarks.glabella = glm::vec3(0.0f, browY, bounds.max.z);
    float bestZ = bounds.min.z;
    for (const glm::vec3& p : mesh.positions)
        if (std::abs(p.x) < 0.05f * size.x && std::abs(p.y - browY) < 0.05f * size.y && p.z > bestZ) bestZ = p.z;
    landmarks.glabella.z = bestZ;
    const float canthusX = 0.24f * size.x;
    landmarks.lateralCanthusLeft = glm::vec3(canthusX, browY - 0.03f * size.y, bestZ - 0.12f * size.z);
    landmarks.lateralCanthusRight = landmarks.lateralCanthusLeft * glm::vec3(-1.0f, 1.0f, 1.0f);
    const glm::vec3 ear(bounds.max.x, browY - 0.08f * size.y, bounds.center().z);
    landmarks.earCanalLeft = ear;
    landmarks.earCanalRight = ear * glm::vec3(-1.0f, 1.0f, 1.0f);
    return landmarks;
}

std::vector<float> estimateScalpRegion(const HeadMesh& mesh, const Landmarks& landmarks) {
    // A plane through the ear canals, tilted to pass a little above the glabella: the scalp is
    // what lies above it. The soft edge is 10 mm wide.
    const glm::vec3 earMid = 0.5f * (landmarks.earCanalLeft + landmarks.earCanalRight);
    const glm::vec3 front = landmarks.glabella + glm::vec3(0.0f, 25.0f, 0.0f);
    const glm::vec3 across = glm::normalize(landmarks.earCanalLeft - landmarks.earCanalRight);
    glm::vec3 up = glm::normalize(glm::cross(front - earMid, across));
    if (up.y < 0.0f) up = -up;
    std::vector<float> weights(mesh.positions.size());
    for (std::size_t i = 0; i < weights.size(); ++i)
        weights[i] = smoothstep(0.0f, 10.0f, glm::dot(mesh.positions[i] - earMid, up) - 10.0f);
    return weights;
}

}  // namespace stipple
