#include "core/MeshRaycaster.h"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <utility>

namespace stipple {

namespace {

constexpr std::uint32_t kLeafSize = 4;

// Entry distance of the ray into a box, or a value beyond tMax when it misses.
float slabEntry(const glm::vec3& lo, const glm::vec3& hi, const glm::vec3& origin, const glm::vec3& inverse, float tMax) {
    const glm::vec3 t0 = (lo - origin) * inverse, t1 = (hi - origin) * inverse;
    const glm::vec3 near = glm::min(t0, t1), far = glm::max(t0, t1);
    const float enter = std::max({near.x, near.y, near.z, 0.0f});
    const float exit = std::min({far.x, far.y, far.z, tMax});
    return enter <= exit ? enter : std::numeric_limits<float>::max();
}

}  // namespace

MeshRaycaster::MeshRaycaster(const HeadMesh& mesh) : mesh_(mesh) {
    const std::uint32_t count = std::uint32_t(mesh.triangleCount());
    order_.resize(count);
    std::vector<glm::vec3> centroids(count);
    for (std::uint32_t t = 0; t < count; ++t) {
        order_[t] = t;
        const glm::uvec3& tri = mesh.triangles[t];
        centroids[t] = (mesh.positions[tri.x] + mesh.positions[tri.y] + mesh.positions[tri.z]) / 3.0f;
    }
    nodes_.reserve(2 * std::size_t(count / kLeafSize + 1));
    if (count > 0) build(0, count, centroids);
}

// Median split along the longest axis of the centroids' box: balanced, and good enough for a
// head, whose triangles are all about the same size.
std::uint32_t MeshRaycaster::build(std::uint32_t begin, std::uint32_t end, std::vector<glm::vec3>& centroids) {
    const std::uint32_t nodeIndex = std::uint32_t(nodes_.size());
    nodes_.emplace_back();
    Node node;
    node.lo = glm::vec3(std::numeric_limits<float>::max());
    node.hi = -node.lo;
    glm::vec3 cLo = node.lo, cHi = node.hi;
    for (std::uint32_t k = begin; k < end; ++k) {
        const glm::uvec3& tri = mesh_.triangles[order_[k]];
        for (unsigned corner = 0; corner < 3; ++corner) {
            node.lo = glm::min(node.lo, mesh_.positions[tri[corner]]);
            node.hi = glm::max(node.hi, mesh_.positions[tri[corner]]);
        }
        cLo = glm::min(cLo, centroids[order_[k]]);
        cHi = glm::max(cHi, centroids[order_[k]]);
    }
    if (end - begin <= kLeafSize) {
        node.first = begin;
        node.count = end - begin;
    } else {
        const glm::vec3 extent = cHi - cLo;
        const int axis = extent.x > extent.y ? (extent.x > extent.z ? 0 : 2) : (extent.y > extent.z ? 1 : 2);
        const std::uint32_t middle = begin + (end - begin) / 2;
        std::nth_element(order_.begin() + begin, order_.begin() + middle, order_.begin() + end,
                         [&](std::uint32_t x, std::uint32_t y) { return centroids[x][axis] < centroids[y][axis]; });
        build(begin, middle, centroids);
        node.first = build(middle, end, centroids);
        node.count = 0;
    }
    nodes_[nodeIndex] = node;
    return nodeIndex;
}

std::optional<RayHit> MeshRaycaster::intersect(const glm::vec3& origin, const glm::vec3& direction, float maxDistanceMm) const {
    const float length = glm::length(direction);
    if (nodes_.empty() || !(length > 0.0f)) return std::nullopt;
    const glm::vec3 dir = direction / length;
    const glm::vec3 inverse = 1.0f / dir;  // infinities along axis-parallel rays are what the slab test wants
    float best = maxDistanceMm;
    std::optional<RayHit> hit;
    // Nearer child first, so the best hit shrinks early and prunes the rest.
    std::uint32_t stack[64];
    float entries[64];
    int top = 0;
    const float rootEntry = slabEntry(nodes_[0].lo, nodes_[0].hi, origin, inverse, best);
    if (rootEntry > best) return std::nullopt;
    stack[top] = 0;
    entries[top++] = rootEntry;
    while (top > 0) {
        --top;
        if (entries[top] > best) continue;
        const Node& node = nodes_[stack[top]];
        if (node.count == 0) {
            const std::uint32_t near = std::uint32_t(&node - nodes_.data()) + 1, far = node.first;
            float nearEntry = slabEntry(nodes_[near].lo, nodes_[near].hi, origin, inverse, best);
            float farEntry = slabEntry(nodes_[far].lo, nodes_[far].hi, origin, inverse, best);
            std::uint32_t first = near, second = far;
            if (farEntry < nearEntry) {
                std::swap(first, second);
                std::swap(nearEntry, farEntry);
            }
            if (farEntry <= best) {
                stack[top] = second;
                entries[top++] = farEntry;
            }
            if (nearEntry <= best) {
                stack[top] = first;
                entries[top++] = nearEntry;
            }
            continue;
        }
        for (std::uint32_t k = node.first; k < node.first + node.count; ++k) {
            // Möller–Trumbore, two-sided.
            const glm::uvec3& tri = mesh_.triangles[order_[k]];
            const glm::vec3 &a = mesh_.positions[tri.x], &b = mesh_.positions[tri.y], &c = mesh_.positions[tri.z];
            const glm::vec3 e1 = b - a, e2 = c - a;
            const glm::vec3 p = glm::cross(dir, e2);
            const float det = glm::dot(e1, p);
            if (std::abs(det) < 1e-12f) continue;
            const float invDet = 1.0f / det;
            const glm::vec3 s = origin - a;
            const float u = glm::dot(s, p) * invDet;
            if (u < 0.0f || u > 1.0f) continue;
            const glm::vec3 q = glm::cross(s, e1);
            const float v = glm::dot(dir, q) * invDet;
            if (v < 0.0f || u + v > 1.0f) continue;
            const float t = glm::dot(e2, q) * invDet;
            if (t < 0.0f || t >= best) continue;
            best = t;
            RayHit h;
            h.distanceMm = t;
            h.triangle = order_[k];
            h.barycentric = glm::vec2(u, v);
            h.point = origin + t * dir;
            h.faceNormal = glm::normalize(glm::cross(e1, e2));
            h.normal = h.faceNormal;
            if (mesh_.normals.size() == mesh_.positions.size()) {
                const glm::vec3 n = (1.0f - u - v) * mesh_.normals[tri.x] + u * mesh_.normals[tri.y] + v * mesh_.normals[tri.z];
                if (glm::length(n) > 0.0f) h.normal = glm::normalize(n);
            }
            hit = h;
        }
    }
    return hit;
}

}  // namespace stipple
